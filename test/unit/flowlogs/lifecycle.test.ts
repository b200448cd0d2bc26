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
import { routerIn } from '../../support/transitRouters';
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
  const flowLogOf = async (cenName: string, regionId: string): Promise<FlowLog> =>
    (await cen.listFlowLogs({ regionId, cenId: byName(cenName).cenId }))[0] ?? assert.fail(`${cenName} has no flow log in ${regionId}`);
  let shenzhenRouter = '';

  before(async () => {
    emu = await startTestEmulator();
    cen = client(ownerCredentials);
    lifecycle = new FlowLogLifecycle(() => cen);
    cens = [];
    for await (const page of cen.listCens()) cens.push(...page);
    shenzhenRouter = (await routerIn(cen, byName('dev-network').cenId, 'cn-shenzhen')).transitRouterId;
  });
  after(() => emu.close());
  beforeEach(() => void (calls.length = 0));

  it('refuses a create without a transit router before any call (flow logs belong to Enterprise transit routers)', async () => {
    await assert.rejects(
      lifecycle.create({ cenId: byName('dev-network').cenId, regionId: 'cn-shenzhen', transitRouterId: '', projectName: 'abc', logStoreName: 'abc' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput' && /transit router is required/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  it('refuses invalid fields before any call, naming each problem', async () => {
    await assert.rejects(
      lifecycle.create({ cenId: byName('dev-network').cenId, regionId: 'cn-shenzhen', transitRouterId: shenzhenRouter, projectName: 'Bad_Project', logStoreName: 'ok-store', name: 'http://x' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'invalidInput' && /Project name/.test(e.message) && /Name cannot start/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  // Was "refuses a second flow log on a CEN": the service decides how many a CEN may have (api-current.md §1.2).
  it('creates a further flow log on a CEN that already has one, asking the service only', async () => {
    const prod = byName('prod-backbone');
    const router = await routerIn(cen, prod.cenId, 'cn-beijing');
    calls.length = 0;
    const f = await lifecycle.create({ cenId: prod.cenId, regionId: 'cn-beijing', transitRouterId: router.transitRouterId, projectName: 'second-project', logStoreName: 'second' });
    assert.equal(f.status, 'Active');
    assert.equal(f.transitRouterId, router.transitRouterId);
    assert.ok(!calls.some((c) => c.action === 'DescribeFlowlogs' && c.attempt === 1 && calls.indexOf(c) === 0), 'no listing before the create');
    assert.equal(calls[0]?.action, 'CreateFlowlog');
  });

  it('creates a flow log and follows Creating → Active', async () => {
    const seen: FlowLogStatus[] = [];
    let createdId: string | undefined;
    const f = await lifecycle.create(
      {
        cenId: byName('dev-network').cenId,
        regionId: 'cn-shenzhen',
        transitRouterId: shenzhenRouter,
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
    let f = await flowLogOf('dev-network', 'cn-shenzhen');
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
    const before = await flowLogOf('dev-network', 'cn-shenzhen');
    calls.length = 0;
    assert.equal(await lifecycle.modify(before, { name: before.name, interval: before.interval }), before);
    assert.equal(calls.length, 0);
    const after = await lifecycle.modify(before, { name: 'renamed', description: 'now described' });
    assert.equal(after.name, 'renamed');
    assert.equal(after.description, 'now described');
    assert.equal(after.status, before.status);
  });

  it('delete waits until the flow log is gone', async () => {
    const f = await flowLogOf('dev-network', 'cn-shenzhen');
    await lifecycle.delete(f);
    assert.deepEqual(await cen.listFlowLogs({ regionId: f.regionId, cenId: f.cenId }), []);
  });

  // Was "the whitelist explanation": Forbidden.NotWhitelisted was invented by our emulator; a RAM refusal is what the service sends.
  it('a RAM user without the flow-log permission is told which cen: action to ask for', async () => {
    const outsider = client(notWhitelistedCredentials);
    const partner: CenInstance[] = [];
    for await (const page of outsider.listCens()) partner.push(...page);
    const target = partner[0] ?? assert.fail('the second account has a CEN in the demo');
    const router = await routerIn(outsider, target.cenId, 'cn-hangzhou');
    await assert.rejects(
      new FlowLogLifecycle(() => outsider).create({ cenId: target.cenId, regionId: 'cn-hangzhou', transitRouterId: router.transitRouterId, projectName: 'partner-logs', logStoreName: 'partner' }),
      (e: unknown) => e instanceof CloudError && e.kind === 'permission' && e.code === 'Forbidden.RAM' && /cen:CreateFlowlog/.test(e.userMessage),
    );
  });
});
