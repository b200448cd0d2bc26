/**
 * FlowLogLifecycle against the emulator through the real CEN client: preconditions refused before
 * any call, each operation followed to its stable state.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenApi, CenInstance, FlowLog } from '../../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../../src/cloud/cenClient';
import { CloudError } from '../../../src/cloud/cloudError';
import type { FlowLogStatus } from '../../../src/flowlogs/catalog';
import { FlowLogLifecycle } from '../../../src/flowlogs/lifecycle';
import { notWhitelistedCredentials, ownerCredentials, startTestEmulator, type TestEmulator } from '../../support/emulator';
import type { CredentialSource } from '../../../src/cloud/credentialTypes';

describe('flow-log lifecycle (domain rules + waiting for the stable state)', () => {
  let emu: TestEmulator;
  const calls: CenCallLogEntry[] = [];
  let cen: CenApi;
  let lifecycle: FlowLogLifecycle;
  let cens: CenInstance[];

  const client = (credentials: CredentialSource): CenApi =>
    createCenClient({
      endpoint: emu.cenUrl,
      credentials,
      retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 12 },
      poll: { initialMs: 30, maxMs: 60 },
      log: (e) => void calls.push(e),
    });
  const byName = (name: string): CenInstance => cens.find((c) => c.name === name) ?? assert.fail(`demo CEN ${name} missing`);
  const flowLogOf = async (cenName: string): Promise<FlowLog> =>
    (await cen.listFlowLogs({ cenId: byName(cenName).cenId }))[0] ?? assert.fail(`${cenName} has no flow log`);

  before(async () => {
    emu = await startTestEmulator();
    cen = client(ownerCredentials);
    lifecycle = new FlowLogLifecycle(() => cen);
    cens = [];
    for await (const page of cen.listCens()) cens.push(...page);
  });
  after(() => emu.close());
  beforeEach(() => void (calls.length = 0));

  // Was: refused before any call (the 2019 list of 16). Today the service decides (issue 18): the
  // request is sent and the service's refusal is what the user sees.
  it('sends a region outside the 2019 list to the service and shows its refusal', async () => {
    await assert.rejects(
      lifecycle.create({ cenId: byName('dev-network').cenId, regionId: 'cn-qingdao', projectName: 'abc', logStoreName: 'abc' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'unsupportedRegion',
    );
    assert.ok(calls.some((c) => c.action === 'CreateFlowlog'), 'CreateFlowlog was sent');
  });

  it('refuses a malformed region id before any call', async () => {
    await assert.rejects(
      lifecycle.create({ cenId: byName('dev-network').cenId, regionId: 'cn qingdao', projectName: 'abc', logStoreName: 'abc' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput' && /position 3/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  it('refuses invalid fields before any call, naming each problem', async () => {
    await assert.rejects(
      lifecycle.create({ cenId: byName('dev-network').cenId, regionId: 'cn-shenzhen', projectName: 'Bad_Project', logStoreName: 'ok-store', name: 'http://x' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput' && /Project name/.test(e.message) && /Name cannot start/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  it('refuses a second flow log on a CEN, naming the existing one, without calling CreateFlowlog', async () => {
    const existing = await flowLogOf('prod-backbone');
    calls.length = 0;
    await assert.rejects(
      lifecycle.create({ cenId: existing.cenId, regionId: 'cn-shanghai', projectName: 'second-project', logStoreName: 'second' }),
      (e: unknown) =>
        e instanceof CloudError && e.kind === 'conflict' && e.message.includes(existing.flowLogId) && e.message.includes(existing.name),
    );
    assert.deepEqual(calls.map((c) => c.action), ['DescribeFlowlogs']);
  });

  it('creates a flow log and follows Creating → Active', async () => {
    const seen: FlowLogStatus[] = [];
    let createdId: string | undefined;
    const f = await lifecycle.create(
      {
        cenId: byName('dev-network').cenId,
        regionId: 'cn-shenzhen',
        projectName: 'dev-network-flowlogs',
        logStoreName: 'dev-network',
        name: 'dev flow log',
        interval: 60,
      },
      { onStatus: (s) => seen.push(s), onCreated: (ref) => (createdId = ref.flowLogId) },
    );
    assert.equal(f.status, 'Active');
    assert.equal(f.name, 'dev flow log');
    assert.equal(f.interval, 60);
    assert.equal(createdId, f.flowLogId);
    assert.ok(seen.includes('Creating'), `saw ${seen.join(', ')}`);
    assert.equal(calls.filter((c) => c.action === 'CreateFlowlog' && c.ok).length, 1);
  });

  it('stop → Inactive, start → Active; each refused from the wrong state without a call', async () => {
    let f = await flowLogOf('dev-network');
    calls.length = 0;
    await assert.rejects(lifecycle.start(f), (e: unknown) => e instanceof CloudError && e.kind === 'incorrectStatus' && /only a flow log that is Inactive/.test(e.message));
    assert.equal(calls.length, 0);
    const seen: FlowLogStatus[] = [];
    f = await lifecycle.stop(f, { onStatus: (s) => seen.push(s) });
    assert.equal(f.status, 'Inactive');
    assert.ok(seen.includes('Modifying'));
    await assert.rejects(lifecycle.stop(f), (e: unknown) => e instanceof CloudError && e.kind === 'incorrectStatus');
    f = await lifecycle.start(f);
    assert.equal(f.status, 'Active');
  });

  it('modify sends only what changed and keeps the stable state; no change means no call', async () => {
    const before = await flowLogOf('dev-network');
    calls.length = 0;
    assert.equal(await lifecycle.modify(before, { name: before.name, interval: before.interval }), before);
    assert.equal(calls.length, 0);
    const after = await lifecycle.modify(before, { name: 'renamed', description: 'now described' });
    assert.equal(after.name, 'renamed');
    assert.equal(after.description, 'now described');
    assert.equal(after.status, before.status);
  });

  it('delete waits until the flow log is gone', async () => {
    const f = await flowLogOf('dev-network');
    await lifecycle.delete(f);
    assert.deepEqual(await cen.listFlowLogs({ cenId: f.cenId }), []);
  });

  it('a non-whitelisted account gets the whitelist explanation', async () => {
    const outsider = client(notWhitelistedCredentials);
    const partner: CenInstance[] = [];
    for await (const page of outsider.listCens()) partner.push(...page);
    const target = partner[0] ?? assert.fail('the non-whitelisted account has a CEN in the demo');
    await assert.rejects(
      new FlowLogLifecycle(() => outsider).create({ cenId: target.cenId, regionId: 'cn-hangzhou', projectName: 'partner-logs', logStoreName: 'partner' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'notWhitelisted' && /whitelist/i.test(e.userMessage),
    );
  });
});
