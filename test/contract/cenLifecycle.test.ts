/**
 * The full flow-log lifecycle through the extension's CEN client: real pop-core, real HTTP, the
 * emulator's transitional states (200 ms each here); listing as api-current.md §3 does (one region
 * per DescribeFlowlogs), flow logs on a transit router and on one attachment, several per CEN.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenApi, CenInstance } from '../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../src/cloud/cenClient';
import { CloudError } from '../../src/cloud/cloudError';
import type { FlowLogStatus } from '../../src/flowlogs/catalog';
import { listAccountFlowLogs, listCenFlowLogs, routerRegions } from '../../src/flowlogs/flowLogListing';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { attachmentOf, routerIn } from '../support/transitRouters';

describe('CEN client ⇄ emulator: flow log lifecycle', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  const calls: CenCallLogEntry[] = [];
  let devNetwork: CenInstance;
  let prod: CenInstance;
  let shenzhen = '';

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
    prod = all.find((c) => c.name === 'prod-backbone') ?? assert.fail('demo CEN prod-backbone missing');
    shenzhen = (await routerIn(cen, devNetwork.cenId, 'cn-shenzhen')).transitRouterId;
  });
  after(() => emu.close());

  it('lists the demo CENs with their regions from the attached instances', async () => {
    const children = await cen.listChildInstances(devNetwork.cenId);
    const regions = [...new Set(children.map((c) => c.childInstanceRegionId))].sort();
    assert.deepEqual(regions, ['cn-huhehaote', 'cn-shenzhen', 'cn-zhangjiakou']);
    assert.ok(children.some((c) => c.childInstanceType === 'VBR'));
    assert.ok(children.every((c) => c.status === 'Attached' && c.childInstanceOwnerId === '1234567890123456'));
  });

  it('lists transit routers of a CEN in every region, with their edition', async () => {
    const routers = await cen.listTransitRouters(prod.cenId);
    assert.deepEqual(routerRegions(routers), ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-qingdao']);
    assert.deepEqual(routers.filter((r) => r.edition === 'Basic').map((r) => r.regionId), ['cn-qingdao']);
    assert.ok(routers.every((r) => /^tr-/.test(r.transitRouterId) && r.cenId === prod.cenId));
  });

  it('lists each attachment type of a router, paging by NextToken', async () => {
    const hangzhou = await routerIn(cen, prod.cenId, 'cn-hangzhou');
    const ref = { cenId: prod.cenId, regionId: 'cn-hangzhou', transitRouterId: hangzhou.transitRouterId };
    const vpcs = await cen.listAttachments('VPC', ref);
    assert.equal(vpcs.length, 2);
    assert.ok(vpcs.every((a) => a.kind === 'VPC' && /^vpc-/.test(a.resourceId) && a.resourceRegionId === 'cn-hangzhou'));
    for (const kind of ['VBR', 'VPN', 'ECR'] as const) assert.equal((await cen.listAttachments(kind, ref)).length, 1, kind);
    const peers = await cen.listAttachments('TR', ref);
    assert.deepEqual(peers.map((a) => a.resourceRegionId).sort(), ['cn-beijing', 'cn-shanghai']);
    // NextToken paging, as the service does it: one per page until the token is gone.
    const first = await cen.listAttachmentsPage('VPC', ref);
    assert.equal(first.items.length, 2);
    assert.equal(first.nextToken, undefined);
  });

  it('lists flow logs one region per call (DescribeFlowlogs always with RegionId): several per CEN, router-level and per-attachment', async () => {
    calls.length = 0;
    const routers = await cen.listTransitRouters(prod.cenId);
    const logs = await listCenFlowLogs(cen, prod.cenId, routerRegions(routers));
    assert.ok(logs.length >= 3);
    assert.ok(logs.some((f) => f.transitRouterId && !f.transitRouterAttachmentId), 'a router-level flow log');
    assert.ok(logs.some((f) => f.transitRouterAttachmentId), 'a per-attachment flow log');
    const listings = calls.filter((c) => c.action === 'DescribeFlowlogs');
    assert.ok(listings.length >= 4 && listings.every((c) => c.regionId), 'every listing names its region');
    const account = await listAccountFlowLogs(cen);
    assert.deepEqual([...new Set(account.map((f) => f.status))].sort(), ['Active', 'Inactive']);
    const older = account.filter((f) => !f.transitRouterId);
    assert.equal(older.length, 1, 'the older-form flow log (no transit router) is listed too');
    assert.match(older[0].logFormatString ?? '', /\$\{rtt\}/);
    assert.equal((await cen.listFlowLogs({ regionId: 'ap-southeast-1', status: 'Inactive' })).length, 1);
  });

  it('creates a flow log on a router and another on one of its attachments: two more on one CEN, each sent with TransitRouterId', async () => {
    const beijing = await routerIn(cen, prod.cenId, 'cn-beijing');
    const vpc = await attachmentOf(cen, beijing, 'VPC');
    const before = (await cen.listFlowLogs({ regionId: 'cn-beijing', cenId: prod.cenId })).length;
    const routerLevel = await cen.createFlowLog({ regionId: 'cn-beijing', cenId: prod.cenId, transitRouterId: beijing.transitRouterId, projectName: 'contract-beijing', logStoreName: 'whole-router' });
    const perAttachment = await cen.createFlowLog({
      regionId: 'cn-beijing',
      cenId: prod.cenId,
      transitRouterId: beijing.transitRouterId,
      transitRouterAttachmentId: vpc.attachmentId,
      projectName: 'contract-beijing',
      logStoreName: 'one-vpc',
      logFormatString: '${srcaddr}${dstaddr}${bytes}${srcport}${dstport}',
      tags: [{ key: 'owner', value: 'contract' }],
    });
    const a = await cen.waitForStable({ flowLogId: routerLevel, regionId: 'cn-beijing' });
    const b = await cen.waitForStable({ flowLogId: perAttachment, regionId: 'cn-beijing' });
    assert.equal(a?.transitRouterId, beijing.transitRouterId);
    assert.equal(a?.transitRouterAttachmentId, undefined);
    assert.equal(b?.transitRouterAttachmentId, vpc.attachmentId);
    assert.equal(b?.logFormatString, '${srcaddr}${dstaddr}${bytes}${srcport}${dstport}');
    assert.equal(b?.flowLogVersion, '3');
    assert.deepEqual(b?.tags, [{ key: 'owner', value: 'contract' }]);
    assert.equal((await cen.listFlowLogs({ regionId: 'cn-beijing', cenId: prod.cenId })).length, before + 2);
    for (const id of [routerLevel, perAttachment]) {
      await cen.deleteFlowLog({ flowLogId: id, regionId: 'cn-beijing' });
      await cen.waitForStable({ flowLogId: id, regionId: 'cn-beijing' });
    }
  });

  it('create → Creating → Active; stop → Modifying → Inactive; modify; start; delete → Deleting → gone', async () => {
    const id = await cen.createFlowLog({
      regionId: 'cn-shenzhen',
      cenId: devNetwork.cenId,
      transitRouterId: shenzhen,
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
    assert.equal((await cen.listFlowLogs({ regionId: 'cn-shenzhen', cenId: devNetwork.cenId })).length, 0);
  });

  it('an operation during a transition is refused with IncorrectStatus, and the retrying client gets through', async () => {
    const id = await cen.createFlowLog({ regionId: 'cn-shenzhen', cenId: devNetwork.cenId, transitRouterId: shenzhen, projectName: 'contract-flowlogs', logStoreName: 'dev-network' });
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
