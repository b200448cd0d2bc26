import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudError } from '../../../src/cloud/cloudError';
import {
  cliProfileCredentialSource,
  defaultChainCredentialSource,
  listCliProfiles,
  maskAccessKeyId,
  staticCredentialSource,
} from '../../../src/cloud/credentials';

const CLI_CONFIG = {
  current: 'work',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'LTAIdefaultkey0001', access_key_secret: 'default-secret', region_id: 'cn-hangzhou' },
    { name: 'work', mode: 'StsToken', access_key_id: 'STS.worktoken0002', access_key_secret: 'work-secret', sts_token: 'tok', region_id: 'ap-southeast-1' },
    { name: '', mode: 'AK' },
    'not a profile',
  ],
};

describe('credentials', () => {
  let home: string;
  const savedHome = process.env.HOME;

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'cen-creds-'));
    await mkdir(join(home, '.aliyun'));
    await writeFile(join(home, '.aliyun', 'config.json'), JSON.stringify(CLI_CONFIG));
    // The SDK reads ~/.aliyun/config.json from the home directory.
    process.env.HOME = home;
  });
  after(async () => {
    process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
  });

  it('masks AccessKey IDs for display', () => {
    assert.equal(maskAccessKeyId('LTAIemulatorOwner'), 'LTAI…wner');
    assert.equal(maskAccessKeyId('short'), 'sh…');
  });

  it('static keys: the label shows only the masked id', async () => {
    const s = staticCredentialSource({ accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    assert.equal(s.label, 'AccessKey LTAI…wner');
    assert.doesNotMatch(s.label, /secret/);
    assert.deepEqual(await s.getCredentials(), { accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    assert.throws(() => staticCredentialSource({ accessKeyId: 'LTAIx', accessKeySecret: '' }), CloudError);
  });

  it('lists aliyun CLI profiles without their keys', async () => {
    const profiles = await listCliProfiles(join(home, '.aliyun', 'config.json'));
    assert.deepEqual(profiles, [
      { name: 'default', mode: 'AK', regionId: 'cn-hangzhou', current: false },
      { name: 'work', mode: 'StsToken', regionId: 'ap-southeast-1', current: true },
    ]);
    assert.doesNotMatch(JSON.stringify(profiles), /secret|LTAI|tok/);
  });

  it('no CLI config means no profiles; a broken one is an error naming the file', async () => {
    assert.deepEqual(await listCliProfiles(join(home, 'missing.json')), []);
    const broken = join(home, 'broken.json');
    await writeFile(broken, '{ nope');
    await assert.rejects(listCliProfiles(broken), (e: unknown) => e instanceof CloudError && e.kind === 'credentials' && e.message.includes(broken));
  });

  it('a named CLI profile resolves through @alicloud/credentials', async () => {
    const s = cliProfileCredentialSource('default');
    assert.equal(s.label, 'aliyun CLI profile "default"');
    const c = await s.getCredentials();
    assert.equal(c.accessKeyId, 'LTAIdefaultkey0001');
    assert.equal(c.accessKeySecret, 'default-secret');
    const sts = await cliProfileCredentialSource('work').getCredentials();
    assert.equal(sts.securityToken, 'tok');
  });

  it('an unknown CLI profile is a credentials error without secrets', async () => {
    await assert.rejects(cliProfileCredentialSource('nobody').getCredentials(), (e: unknown) => {
      assert.ok(e instanceof CloudError);
      assert.equal(e.kind, 'credentials');
      assert.doesNotMatch(e.userMessage, /default-secret|work-secret/);
      return true;
    });
  });

  it('the default chain picks up the environment variables', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIfromenvironment';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'env-secret';
    try {
      const c = await defaultChainCredentialSource().getCredentials();
      assert.equal(c.accessKeyId, 'LTAIfromenvironment');
      assert.equal(c.accessKeySecret, 'env-secret');
    } finally {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    }
  });
});
