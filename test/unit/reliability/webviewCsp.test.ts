/**
 * The webview document the host renders: CSP with a fresh nonce, no unsafe-eval/unsafe-inline, and
 * hostile text in the title (a flow log name) stays text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorkbenchHtml, createNonce } from '../../../src/views/workbench/workbenchHtml';

const HOSTILE_TITLE = `Query: </title><script>alert(1)</script><img src=x onerror=alert(2)> "' &`;

function render(nonce = createNonce()): { html: string; nonce: string } {
  const html = buildWorkbenchHtml({
    cspSource: 'https://webview.example',
    nonce,
    scriptUri: 'https://webview.example/dist/webview/workbench.js',
    styleUris: ['https://webview.example/dist/webview/workbench.css'],
    title: HOSTILE_TITLE,
  });
  return { html, nonce };
}

describe('webview document', () => {
  it('has a strict CSP: default none, scripts only by nonce, nothing unsafe', () => {
    const { html, nonce } = render();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(scriptSrc, `script-src 'nonce-${nonce}'`);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|\*/);
  });

  it('every script element carries the nonce, and the hostile title adds none', () => {
    const { html, nonce } = render();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.includes(`nonce="${nonce}"`)));
    assert.ok(!/<img\b/.test(html), 'no element from the title');
    assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;'), 'the title is escaped text');
  });

  it('nonces are fresh and long', () => {
    const seen = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(seen.size, 100);
    for (const n of seen) assert.ok(Buffer.from(n, 'base64').length >= 16);
  });
});
