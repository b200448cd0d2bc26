/**
 * Wrong, empty and malformed credentials through the real CEN and SLS clients against the emulator:
 * one `credentials` CloudError each, without the secret in any message. And input the extension can
 * refuse locally never reaches the service: requests are counted at the emulator's own server.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCenClient } from '../../src/cloud/cenClient';
import { FlowLogLifecycle } from '../../src/flowlogs/lifecycle';
import { createSlsClient } from '../../src/cloud/slsClient';
import { CloudError } from '../../src/cloud/cloudError';
import type { CredentialSource } from '../../src/cloud/credentialTypes';
import type { HostMessage } from '../../src/protocol/messages';
import { QueryRunner } from '../../src/views/workbench/queryRunner';
import { logstoreQuerying } from '../../src/views/workbench/targetQueries';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { countRequests, type RequestCounter } from '../reliability/requestCounter';
import { CREDENTIAL_CASES } from '../reliability/corpus/credentials';
import { CORPUS_NOW, SPEC_CASES } from '../reliability/corpus/timeRanges';

const FAST = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 };

let emu: TestEmulator;
let counter: RequestCounter;

before(async () => {
  emu = await startTestEmulator({ historyDays: 0.02 });
  counter = countRequests(emu.port);
});
after(async () => {
  counter.stop();
  await emu.close();
});

function assertCredentialsError(e: unknown, secret: string): void {
  assert.ok(e instanceof CloudError, `a CloudError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  assert.equal(e.kind, 'credentials', `${e.kind}: ${e.message}`);
  assert.ok(e.userMessage.length > 20);
  if (secret.length >= 6) assert.ok(!e.userMessage.includes(secret) && !e.message.includes(secret), 'the secret is not in the message');
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return assert.fail('the call succeeded');
}

describe('wrong, empty and malformed credentials', () => {
  for (const c of CREDENTIAL_CASES) {
    const source: CredentialSource = { label: c.name, getCredentials: async () => c.credentials };
    it(`CEN: ${c.name}`, { timeout: 15_000 }, async () => {
      const cen = createCenClient({ endpoint: emu.cenUrl, credentials: source, retry: FAST, timeoutMs: 5_000 });
      assertCredentialsError(await rejection(cen.listCensPage(1)), c.credentials.accessKeySecret);
    });
    it(`SLS: ${c.name}`, { timeout: 15_000 }, async () => {
      const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: source, retry: FAST, timeoutMs: 5_000 });
      assertCredentialsError(await rejection(sls.listProjects('cn-hangzhou')), c.credentials.accessKeySecret);
    });
  }

  it('a credential source that fails (missing profile) is a credentials error, not a crash', { timeout: 15_000 }, async () => {
    const broken: CredentialSource = { label: 'profile', getCredentials: () => Promise.reject(new Error('aliyun CLI profile "prod" not found')) };
    const cen = createCenClient({ endpoint: emu.cenUrl, credentials: broken, retry: FAST });
    const e = await rejection(cen.listCensPage(1));
    assert.ok(e instanceof CloudError && e.kind === 'credentials', `${String(e)}`);
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: broken, retry: FAST });
    const e2 = await rejection(sls.listProjects('cn-hangzhou'));
    assert.ok(e2 instanceof CloudError && e2.kind === 'credentials', `${String(e2)}`);
  });
});

describe('refused locally: nothing reaches the service', () => {
  // Was "a create in an unsupported region": regions come from the API now (issue 18); a create
  // without a transit router is what the domain refuses before any call.
  it('a create without a transit router', async () => {
    const cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: FAST });
    const lifecycle = new FlowLogLifecycle(() => cen);
    const before = counter.count;
    const e = await rejection(lifecycle.create({ regionId: 'cn-wulanchabu', cenId: 'cen-x', transitRouterId: '', projectName: 'p-1', logStoreName: 'l-1' }));
    assert.ok(e instanceof CloudError && e.kind === 'invalidInput' && /transit router is required/.test(e.message), String(e));
    assert.equal(counter.count, before, `requests: ${counter.seen.slice(before).join(', ')}`);
  });

  it('bad endpoint settings never build a client', () => {
    const before = counter.count;
    assert.throws(() => createCenClient({ endpoint: `http://10.0.0.1:${emu.port}`, credentials: ownerCredentials }), CloudError);
    assert.throws(() => createSlsClient({ endpoint: `evil.example:${emu.port}`, protocol: 'http', credentials: ownerCredentials }), CloudError);
    assert.equal(counter.count, before);
  });

  it('queries with a bad time range: an error message to the panel, no request', async () => {
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: FAST });
    const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
    assert.ok(f);
    for (const c of SPEC_CASES) {
      const posted: HostMessage[] = [];
      const runner = new QueryRunner({
        ...logstoreQuerying(async () => sls, f),
        post: async (m) => void posted.push(m),
        resolveRange: resolveWorkbenchRange,
        now: () => CORPUS_NOW,
      });
      const before = counter.count;
      await runner.run('r1', '* | select count(*) as n', c.spec);
      assert.equal(counter.count, before, `${c.name}: requests ${counter.seen.slice(before).join(', ')}`);
      const error = posted.find((m) => m.type === 'queryError');
      assert.ok(error && error.type === 'queryError', `${c.name}: a queryError was posted (${posted.map((m) => m.type).join(', ')})`);
      assert.match(error.error.message, c.message);
    }
  });

  it('the counter does see requests that are sent (so the zero counts above can fail)', async () => {
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: FAST });
    const before = counter.count;
    await sls.listProjects('cn-hangzhou');
    assert.ok(counter.count > before);
  });
});
