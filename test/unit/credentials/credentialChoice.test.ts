import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAccessKeyId,
  checkAccessKeySecret,
  environmentHasAccessKey,
  parseCredentialChoice,
} from '../../../src/credentials/credentialChoice';

describe('credential choice (what is persisted, never a secret)', () => {
  it('reads back only well-formed choices', () => {
    assert.deepEqual(parseCredentialChoice({ kind: 'accessKey' }), { kind: 'accessKey' });
    assert.deepEqual(parseCredentialChoice({ kind: 'environment' }), { kind: 'environment' });
    assert.deepEqual(parseCredentialChoice({ kind: 'cliProfile', profile: 'prod' }), { kind: 'cliProfile', profile: 'prod' });
    assert.equal(parseCredentialChoice({ kind: 'cliProfile' }), undefined);
    assert.deepEqual(parseCredentialChoice({ kind: 'accessKey', accessKeySecret: 'x' }), { kind: 'accessKey' }, 'extra fields are dropped');
    assert.equal(parseCredentialChoice(undefined), undefined);
    assert.equal(parseCredentialChoice('accessKey'), undefined);
  });

  it('the environment counts only with both the id and the secret', () => {
    assert.equal(environmentHasAccessKey({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIx', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' }), true);
    assert.equal(environmentHasAccessKey({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIx' }), false);
    assert.equal(environmentHasAccessKey({}), false);
  });

  it('AccessKey input is checked as typed, with the position of a bad character', () => {
    assert.equal(checkAccessKeyId('LTAIemulatorOwner'), undefined);
    assert.match(checkAccessKeyId('') ?? '', /Enter the AccessKey ID/);
    assert.match(checkAccessKeyId('LTAI-abc') ?? '', /"-" at position 5/);
    assert.equal(checkAccessKeySecret('emulator-owner-secret'), undefined);
    assert.match(checkAccessKeySecret('') ?? '', /Enter the AccessKey secret/);
    assert.match(checkAccessKeySecret('abc def') ?? '', /space at position 4/);
  });
});
