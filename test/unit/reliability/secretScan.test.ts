/** The secret scanner itself finds every encoded form, in files and texts (so a zero count means something). */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanForSecret } from '../../reliability/secretScan';

const dir = mkdtempSync(join(tmpdir(), 'cen-scan-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'emulator-owner-secret';

describe('secret scanner', () => {
  it('finds UTF-8, UTF-16LE, base64 and percent-encoded copies in nested files and texts', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'plain.log'), `x ${SECRET} y`);
    writeFileSync(join(dir, 'a', 'b', 'state.vscdb'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(SECRET, 'utf16le'), Buffer.from([3])]));
    writeFileSync(join(dir, 'a', 'b', 'b64.txt'), Buffer.from(SECRET).toString('base64'));
    writeFileSync(join(dir, 'clean.txt'), 'nothing here');
    const r = scanForSecret('emulator-owner-secret', [dir], { 'dom text': `<div>${encodeURIComponent('a b' + SECRET)}</div>`, clean: 'x' });
    assert.deepEqual(r.findings.map((f) => f.form).sort(), ['base64', 'utf-16le', 'utf-8', 'utf-8'].sort());
    assert.equal(r.filesScanned, 4);
    assert.equal(r.textsScanned, 2);
  });

  it('honours the skip filter and finds nothing in clean input', () => {
    const r = scanForSecret(SECRET, [dir], { t: 'clean' }, (p) => p.includes(`${join(dir, 'a')}`));
    assert.deepEqual(r.findings, []);
    assert.equal(r.filesScanned, 1);
  });
});
