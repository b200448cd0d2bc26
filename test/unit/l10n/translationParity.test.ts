/**
 * Every string exists in English and Simplified Chinese, with the same placeholders: the manifest's
 * package.nls(.zh-cn).json and the l10n bundles. Every `t(...)` key in the code is in the bundles,
 * and the bundles hold no key the code no longer uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { l10nKeysIn, PROJECT_ROOT, sourceFiles } from './l10nSourceScan';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;
}

function strings(file: string): Record<string, string> {
  const json = readJson(file);
  for (const [k, v] of Object.entries(json)) assert.equal(typeof v, 'string', `${file}: "${k}" is not a string`);
  return json as Record<string, string>;
}

/** {0}, {name}, %s, %d and command links' targets: what a translation must keep. */
export function placeholders(text: string): string[] {
  const found = [...text.matchAll(/\{\d+\}|\{[A-Za-z_]\w*\}|%[sd]|\]\((command:[^)\s]+|https?:[^)\s]+)\)/g)].map((m) => m[1] ?? m[0]);
  return found.sort();
}

function assertParity(englishFile: string, chineseFile: string): void {
  const en = strings(englishFile);
  const zh = strings(chineseFile);
  const missing = Object.keys(en).filter((k) => !(k in zh));
  const extra = Object.keys(zh).filter((k) => !(k in en));
  assert.deepEqual(missing, [], `${chineseFile} lacks keys of ${englishFile}`);
  assert.deepEqual(extra, [], `${chineseFile} has keys ${englishFile} does not`);
  for (const [k, v] of Object.entries(en)) {
    assert.deepEqual(placeholders(zh[k] ?? ''), placeholders(v), `placeholders of "${k}" differ between ${englishFile} and ${chineseFile}`);
    assert.ok((zh[k] ?? '').trim().length > 0, `${chineseFile}: "${k}" is empty`);
  }
}

test('package.nls.zh-cn.json has exactly the keys of package.nls.json, with the same placeholders and command links', () => {
  assertParity('package.nls.json', 'package.nls.zh-cn.json');
});

test('l10n/bundle.l10n.zh-cn.json has exactly the keys of l10n/bundle.l10n.json, with the same placeholders', () => {
  assertParity('l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json');
});

test('the English bundle maps each key to itself (the key is the English text)', () => {
  for (const [k, v] of Object.entries(strings('l10n/bundle.l10n.json'))) assert.equal(v, k);
});

test('every l10n key in src/ and webview/ is in the bundles, and the bundles hold no unused key', () => {
  const used = new Map(sourceFiles('src', 'webview').flatMap(l10nKeysIn).map((k) => [k.key, `${k.file}:${k.line}`]));
  const bundle = strings('l10n/bundle.l10n.json');
  const notInBundle = [...used].filter(([k]) => !(k in bundle)).map(([k, at]) => `${at} "${k}"`);
  assert.deepEqual(notInBundle, [], 'add these to l10n/bundle.l10n.json and l10n/bundle.l10n.zh-cn.json');
  assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'keys no code uses any more');
});

test('every %key% the manifest references is defined in package.nls.json, and every defined key is referenced', () => {
  const manifest = readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8');
  const referenced = new Set([...manifest.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1] ?? ''));
  const defined = Object.keys(strings('package.nls.json'));
  assert.deepEqual([...referenced].filter((k) => !defined.includes(k)), [], 'referenced in package.json, missing in package.nls.json');
  assert.deepEqual(defined.filter((k) => !referenced.has(k)), [], 'defined in package.nls.json, used nowhere');
});

test('placeholders() sees what a translation must keep', () => {
  assert.deepEqual(placeholders('{0} of {1} rows'), ['{0}', '{1}']);
  assert.deepEqual(placeholders('[Sign In](command:cenFlowLogs.credentials.signIn) %s'), ['%s', 'command:cenFlowLogs.credentials.signIn']);
  assert.notDeepEqual(placeholders('{0} 行'), placeholders('{0} of {1} rows'));
});

test('no user-facing manifest string is left plain (scripts/manifestNls.mjs --check)', () => {
  const run = spawnSync(process.execPath, ['scripts/manifestNls.mjs', '--check'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('the walkthrough media of both languages exist and render offline (no remote images)', () => {
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    for (const [k, v] of Object.entries(strings(file)).filter(([k]) => k.endsWith('.media'))) {
      assert.ok(existsSync(join(PROJECT_ROOT, v)), `${file}: ${k} → ${v} is missing`);
      assert.doesNotMatch(readFileSync(join(PROJECT_ROOT, v), 'utf8'), /!\[[^\]]*\]\(https?:/, `${v} loads an image from the network`);
    }
  }
});
