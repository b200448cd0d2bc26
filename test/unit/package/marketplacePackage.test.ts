/**
 * What the VSIX needs for the Marketplace page and the extension's details page in VS Code (issue 22):
 * the listing fields, the changelog and licence, both languages' strings, and every image the README
 * shows (VS Code renders the packaged README with the packaged images; a screenshot left out of the
 * VSIX is a broken image there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
const included = new Set(
  readFileSync('.vscodeignore', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1).trim()),
);

test('the listing fields are filled', () => {
  for (const field of ['displayName', 'description', 'publisher', 'license', 'icon', 'categories', 'keywords', 'galleryBanner']) {
    assert.ok(manifest[field] !== undefined && manifest[field] !== '', `package.json has ${field}`);
  }
  assert.ok(existsSync(String(manifest.icon)), 'the icon exists');
});

test('the README, changelog, licence and both languages are packaged', () => {
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
    assert.ok(existsSync(file), `${file} exists`);
    assert.ok(included.has(file), `${file} is in the VSIX`);
  }
  for (const pattern of ['package.nls.json', 'package.nls.*.json', 'l10n/*.json']) assert.ok(included.has(pattern), `${pattern} is in the VSIX`);
});

test('every image the README shows exists and is packaged', () => {
  const images = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  assert.ok(images.length > 0, 'the README shows screenshots');
  for (const src of images) {
    assert.ok(existsSync(src), `${src} exists`);
    assert.ok(included.has(src), `${src} is in the VSIX (.vscodeignore)`);
  }
});
