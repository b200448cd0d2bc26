/**
 * The full flow-log lifecycle through the extension's CEN client: real pop-core, real HTTP, the
 * emulator's transitional states (200 ms each here).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenApi, CenInstance } from '../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../src/cloud/cenClient';
import { CloudError } from '../../src/cloud/cloudError';
import type { FlowLogStatus } from '../../src/flowlogs/catalog';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';

describe('CEN client ⇄ emulator: flow log lifecycle', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  const calls: CenCallLogEntry[] = [];
  let devNetwork: CenInstance;

  before(async () => {
    emu = await startTestEmulator();
    cen = createCenClient({
      endpoint: emu.cenUrl,
      credentials: ownerCredentials,
      retry: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 12 },
      poll: { initialMs: 40, maxMs: 80 },
      log: (e) => void calls.push(e),
    });
    const all: CenInstance[] = [];
    for await (const page of cen.listCens()) all.push(...page);
    devNetwork = all.find((c) => c.name === 'dev-network') ?? assert.fail('demo CEN dev-network missing');
  });
  after(() => emu.close());

  it('lists the demo CENs with their regions from the attached instances', async () => {
    const children = await cen.listChildInstances(devNetwork.cenId);
    const regions = [...new Set(children.map((c) => c.childInstanceRegionId))].sort();
    assert.deepEqual(regions, ['cn-huhehaote', 'cn-shenzhen', 'cn-zhangjiakou']);
    assert.ok(children.some((c) => c.childInstanceType === 'VBR'));
    assert.ok(children.every((c) => c.status === 'Attached' && c.childInstanceOwnerId === '1234567890123456'));
  });

  it('lists the demo flow logs: one Active, one Inactive', async () => {
    const logs = await cen.listFlowLogs();
    assert.deepEqual(logs.map((f) => f.status).sort(), ['Active', 'Inactive']);
    for (const f of logs) {
      assert.match(f.flowLogId, /^flowlog-/);
      assert.ok(f.projectName && f.logStoreName);
    }
    assert.equal((await cen.listFlowLogs({ status: 'Inactive' })).length, 1);
  });

  it('create → Creating → Active; stop → Modifying → Inactive; modify; start; delete → Deleting → gone', async () => {
    const id = await cen.createFlowLog({
      regionId: 'cn-shenzhen',
      cenId: devNetwork.cenId,
      projectName: 'contract-flowlogs',
      logStoreName: 'dev-network',
      name: 'dev flow log',
      description: 'made by the contract test',
      interval: 60,
    });
    const ref = { flowLogId: id, regionId: 'cn-shenzhen', cenId: devNetwork.cenId };

    const created = await cen.getFlowLog(ref);
    assert.equal(created?.status, 'Creating');
    const seen: FlowLogStatus[] = [];
    const active = await cen.waitForStable(ref, { onStatus: (s) => seen.push(s) });
    assert.equal(active?.status, 'Active');
    assert.equal(seen[0], 'Creating');
    assert.equal(seen.at(-1), 'Active');
    assert.equal(active?.name, 'dev flow log');
    assert.equal(active?.interval, 60);
    assert.equal(active?.projectName, 'contract-flowlogs');

    await cen.stopFlowLog(ref);
    assert.equal((await cen.getFlowLog(ref))?.status, 'Modifying');
    assert.equal((await cen.waitForStable(ref))?.status, 'Inactive');

    await cen.modifyFlowLog(ref, { name: 'renamed', description: 'new description', interval: 600 });
    assert.equal((await cen.getFlowLog(ref))?.status, 'Modifying');
    const modified = await cen.waitForStable(ref);
    assert.equal(modified?.status, 'Inactive', 'modify returns to the previous stable state');
    assert.equal(modified?.name, 'renamed');
    assert.equal(modified?.description, 'new description');
    assert.equal(modified?.interval, 600);

    await cen.startFlowLog(ref);
    assert.equal((await cen.waitForStable(ref))?.status, 'Active');

    await cen.deleteFlowLog(ref);
    assert.equal((await cen.getFlowLog(ref))?.status, 'Deleting');
    assert.equal(await cen.waitForStable(ref), undefined);
    assert.equal((await cen.listFlowLogs({ cenId: devNetwork.cenId })).length, 0);
  });

  it('an operation during a transition is refused with IncorrectStatus, and the retrying client gets through', async () => {
    const id = await cen.createFlowLog({ regionId: 'cn-shenzhen', cenId: devNetwork.cenId, projectName: 'contract-flowlogs', logStoreName: 'dev-network' });
    const ref = { flowLogId: id, regionId: 'cn-shenzhen' };
    const impatient = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: { maxAttempts: 1 } });
    await assert.rejects(impatient.stopFlowLog(ref), (e: unknown) => {
      assert.ok(e instanceof CloudError);
      assert.equal(e.kind, 'incorrectStatus');
      assert.match(e.code ?? '', /^IncorrectStatus\./);
      assert.equal(e.retryable, true);
      return true;
    });
    // The patient client retries with backoff until the Creating transition ends.
    await cen.stopFlowLog(ref);
    assert.equal((await cen.waitForStable(ref))?.status, 'Inactive');
    await cen.deleteFlowLog(ref);
    assert.equal(await cen.waitForStable(ref), undefined);
  });

  it('deleting a flow log that is already gone succeeds (a retried delete)', async () => {
    await cen.deleteFlowLog({ flowLogId: 'flowlog-doesnotexist000000', regionId: 'cn-shenzhen' });
  });

  it('logs every call with action, region, request id and duration, and never a secret', () => {
    assert.ok(calls.some((c) => c.action === 'CreateFlowlog' && c.regionId === 'cn-shenzhen' && c.ok && /^[0-9A-F-]{36}$/.test(c.requestId ?? '')));
    assert.ok(calls.some((c) => c.action === 'DescribeCens' && c.ok && c.durationMs >= 0));
    assert.ok(calls.some((c) => c.action === 'DeleteFlowlog' && !c.ok && c.code === 'InvalidFlowlogId.NotFound'));
    assert.doesNotMatch(JSON.stringify(calls), /emulator-owner-secret/);
  });

  it('a cancelled call rejects with kind cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(cen.listCensPage(1, 10, { signal: controller.signal }), (e: unknown) => e instanceof CloudError && e.kind === 'cancelled');
  });
});
