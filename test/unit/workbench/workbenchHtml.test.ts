import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorkbenchHtml, contentSecurityPolicy, createNonce } from '../../../src/views/workbench/workbenchHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function render(nonce = createNonce(), title = 'Query: flow log'): string {
  return buildWorkbenchHtml({
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/workbench.js`,
    styleUris: [`${CSP_SOURCE}/ext/dist/webview/codicons/codicon.css`],
    title,
  });
}

function cspOf(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the document has a CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const part of m[1].replace(/&#39;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    directives.set(name, values);
  }
  return directives;
}

test('the CSP denies by default and allows scripts only by nonce', () => {
  const nonce = createNonce();
  const csp = cspOf(render(nonce));
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
  assert.deepEqual(csp.get('img-src'), [CSP_SOURCE, 'data:']);
  assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
  assert.ok(csp.get('style-src')?.includes(CSP_SOURCE));
});

test('no unsafe-inline, unsafe-eval or wildcard sources anywhere', () => {
  const policy = contentSecurityPolicy(CSP_SOURCE, createNonce());
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  assert.doesNotMatch(render(), /unsafe-/);
});

test('every script tag carries the nonce and there is no inline script', () => {
  const nonce = createNonce();
  const html = render(nonce);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  for (const [, attrs, body] of scripts) {
    assert.ok(attrs.includes(`nonce="${nonce}"`), attrs);
    assert.match(attrs, /src="https:/);
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('nonces are fresh, long and from a CSPRNG-sized space', () => {
  const seen = new Set(Array.from({ length: 200 }, () => createNonce()));
  assert.equal(seen.size, 200);
  for (const n of seen) assert.ok(Buffer.from(n, 'base64').length >= 16);
});

test('a hostile title is escaped, not interpreted', () => {
  const html = render(createNonce(), 'x</title><script>alert(1)</script>');
  assert.ok(html.includes('x&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal([...html.matchAll(/<script/g)].length, 1);
});

test('the boot data is in the page, escaped, and reads back as it was written', () => {
  const boot = { target: { title: '<x>"&\'' }, view: { query: 'a:"b" and c<d | select \'x\'', range: { kind: 'quick', minutes: 60 } }, run: true };
  const html = buildWorkbenchHtml({ cspSource: CSP_SOURCE, nonce: createNonce(), scriptUri: 's.js', styleUris: [], title: 't', boot: JSON.stringify(boot) });
  const m = /<div id="app" [^>]*data-boot="([^"]*)"/.exec(html);
  assert.ok(m, 'the app element carries data-boot');
  const unescaped = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  assert.deepEqual(JSON.parse(unescaped), boot);
  assert.doesNotMatch(m[1], /[<>"]/, 'nothing in the attribute can end it or open a tag');
});
