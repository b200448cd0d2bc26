import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverEnabled, hoverFileKind } from '../../../src/views/traffic/hoverFileKind';

describe('address hovers per file kind', () => {
  it('knows log, configuration and code files by language or name', () => {
    assert.equal(hoverFileKind('log', '/w/output.txt'), 'log');
    assert.equal(hoverFileKind('plaintext', '/w/app.log'), 'log');
    assert.equal(hoverFileKind('plaintext', '/w/app.log.1'), 'log');
    assert.equal(hoverFileKind('yaml', '/w/deploy.yaml'), 'config');
    assert.equal(hoverFileKind('plaintext', '/etc/hosts'), 'config');
    assert.equal(hoverFileKind('typescript', '/w/client.ts'), 'code');
    assert.equal(hoverFileKind('plaintext', '/w/notes.txt'), 'code');
  });

  it('is on for log files and off for code and configuration unless the setting says otherwise', () => {
    assert.deepEqual((['log', 'config', 'code'] as const).map((k) => hoverEnabled(k, undefined)), [true, false, false]);
    assert.equal(hoverEnabled('code', { code: true }), true);
    assert.equal(hoverEnabled('log', { log: false }), false);
    assert.equal(hoverEnabled('log', { log: 'yes' }), true, 'a malformed value falls back to the default');
  });
});
