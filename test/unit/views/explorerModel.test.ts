/**
 * The explorer's model against the emulator through the real CEN client: what the tree shows (CEN →
 * transit router per region → its flow logs, api-current.md §3), how many calls it costs (lazily
 * per expanded node), paging, filter, errors as rows, polling until stable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenApi } from '../../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../../src/cloud/cenClient';
import type { CredentialSource } from '../../../src/cloud/credentialTypes';
import { ExplorerModel } from '../../../src/views/explorer/explorerModel';
import type { CenNode } from '../../../src/views/explorer/nodes/cenNode';
import type { ExplorerNode } from '../../../src/views/explorer/nodes/index';
import type { TransitRouterNode } from '../../../src/views/explorer/nodes/transitRouterNode';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../../support/emulator';

function client(emu: TestEmulator, calls: CenCallLogEntry[], credentials: CredentialSource = ownerCredentials): CenApi {
  return createCenClient({
    endpoint: emu.cenUrl,
    credentials,
    retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
    poll: { initialMs: 30, maxMs: 60 },
    log: (e) => void calls.push(e),
  });
}

const labels = (nodes: readonly ExplorerNode[]): string[] => nodes.map((n) => n.present().label);
const cenNamed = (nodes: readonly ExplorerNode[], name: string): CenNode => {
  const n = nodes.find((x): x is CenNode => x.kind === 'cen' && x.cen.name === name);
  return n ?? assert.fail(`no CEN row ${name} in ${labels(nodes).join(', ')}`);
};
const routerIn = (nodes: readonly ExplorerNode[], regionId: string): TransitRouterNode => {
  const n = nodes.find((x): x is TransitRouterNode => x.kind === 'transitRouter' && x.router.regionId === regionId);
  return n ?? assert.fail(`no router row in ${regionId} among ${labels(nodes).join(', ')}`);
};

describe('explorer model ⇄ emulator (demo account)', () => {
  let emu: TestEmulator;
  const calls: CenCallLogEntry[] = [];
  let api: CenApi;

  before(async () => {
    emu = await startTestEmulator();
    api = client(emu, calls);
  });
  after(() => emu.close());

  it('root: every demo CEN for one DescribeCens; nothing else until a CEN is expanded', async () => {
    calls.length = 0;
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    assert.deepEqual(labels(root).sort(), ['apac-edge', 'classic-interconnect', 'dev-network', 'global-transit', 'lab-empty', 'prod-backbone']);
    assert.equal(cenNamed(root, 'prod-backbone').present().contextValue, 'cen.unknown');
    assert.deepEqual(calls.map((c) => c.action), ['DescribeCens']);
    assert.equal(model.noCens, false);
    model.dispose();
  });

  it('a CEN: its transit routers per region (Basic ones say why they have no flow logs), for one ListTransitRouters and one DescribeFlowlogs per region', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    calls.length = 0;
    const prod = await model.getChildren(cenNamed(root, 'prod-backbone'));
    assert.deepEqual(labels(prod), ['China (Hangzhou) (cn-hangzhou)', 'China (Shanghai) (cn-shanghai)', 'China (Beijing) (cn-beijing)', 'China (Qingdao) (cn-qingdao)', 'Coverage']);
    assert.equal(calls.filter((c) => c.action === 'ListTransitRouters').length, 1);
    assert.equal(calls.filter((c) => c.action.endsWith('Attachments')).length, 0, 'coverage lists connections only when expanded');
    const listings = calls.filter((c) => c.action === 'DescribeFlowlogs');
    assert.deepEqual(listings.map((c) => c.regionId).sort(), ['cn-beijing', 'cn-hangzhou', 'cn-qingdao', 'cn-shanghai'], 'one listing per region, each with RegionId');
    const qingdao = routerIn(prod, 'cn-qingdao').present();
    assert.match(qingdao.description ?? '', /Basic Edition — no flow logs/);
    assert.match(qingdao.tooltip ?? '', /Only Enterprise Edition transit routers/);
    assert.equal(qingdao.collapsible, 'none');
    assert.equal(qingdao.contextValue, 'transitRouter.basic.noFlowLog');
    assert.equal(routerIn(prod, 'cn-hangzhou').present().contextValue, 'transitRouter.enterprise.hasFlowLog');
    assert.equal(cenNamed(await model.getChildren(), 'prod-backbone').present().contextValue, 'cen.hasFlowLog');
    model.dispose();
  });

  it('a router: its router-level and per-attachment flow logs, attachments named by type and peer', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const prod = await model.getChildren(cenNamed(await model.getChildren(), 'prod-backbone'));
    calls.length = 0;
    const hangzhou = await model.getChildren(routerIn(prod, 'cn-hangzhou'));
    assert.deepEqual(labels(hangzhou), ['prod-backbone-flowlog', 'hangzhou-to-beijing']);
    const whole = hangzhou[0].present();
    assert.equal(whole.description, 'whole router · Active');
    assert.equal(whole.contextValue, 'flowLog.active');
    assert.equal(whole.icon?.id, 'pass-filled');
    for (const text of ['cen-flowlogs-hangzhou', 'prod-backbone', '10 minutes', 'China (Hangzhou)', 'every field']) assert.ok(whole.tooltip?.includes(text), text);
    const peer = hangzhou[1].present();
    assert.equal(peer.description, 'inter-region → cn-beijing · Active');
    assert.match(peer.tooltip ?? '', /Only outbound traffic/);
    assert.equal(calls.filter((c) => c.action.startsWith('ListTransitRouter') && c.action.endsWith('Attachments')).length, 5, 'the five attachment lists, once');
    const shanghai = await model.getChildren(routerIn(prod, 'cn-shanghai'));
    assert.match(shanghai[0].present().description ?? '', /^VPC vpc-[a-z0-9]+ \(cn-shanghai\) · Inactive$/);
    assert.equal(shanghai[0].present().contextValue, 'flowLog.inactive');
    model.dispose();
  });

  it('a router in a region we have no name for: the service’s name (DescribeChildInstanceRegions, asked once), none asked when every region is known', async () => {
    const own = await startTestEmulator();
    try {
      const ownCalls: CenCallLogEntry[] = [];
      const ownApi = client(own, ownCalls);
      const lab = own.context.cen.censOf('1234567890123456').find((c) => c.name === 'lab-empty') ?? assert.fail('demo CEN lab-empty');
      // The operator attached a VPC in Malaysia (Johor), a region the product has no name of its own for.
      own.context.cen.addRouter({ transitRouterId: 'tr-johor0000000000001', cenId: lab.cenId, regionId: 'ap-southeast-8', type: 'Enterprise', name: '', description: '', status: 'Active', creationTime: Date.now() });
      const model = new ExplorerModel({ cen: () => ownApi });
      const root = await model.getChildren();
      await model.getChildren(cenNamed(root, 'prod-backbone'));
      assert.equal(ownCalls.filter((c) => c.action === 'DescribeChildInstanceRegions').length, 0, 'every prod-backbone region is known');
      const labRouters = await model.getChildren(cenNamed(root, 'lab-empty'));
      assert.deepEqual(labels(labRouters), ['Malaysia (Johor) (ap-southeast-8)']);
      assert.match(labRouters[0].present().tooltip ?? '', /Region: Malaysia \(Johor\) \(ap-southeast-8\)/);
      assert.deepEqual([...(await model.serviceRegionNamesOf(cenNamed(root, 'lab-empty').cen))], [['ap-southeast-8', 'Malaysia (Johor)']]);
      model.reloadFlowLogs();
      await model.getChildren(cenNamed(root, 'lab-empty'));
      assert.equal(ownCalls.filter((c) => c.action === 'DescribeChildInstanceRegions').length, 1, 'asked once');
      model.dispose();
    } finally {
      await own.close();
    }
  });

  it('a router’s attachments for naming ids elsewhere: every kind, from the lists the tree already loaded (no second listing)', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const prod = await model.getChildren(cenNamed(await model.getChildren(), 'prod-backbone'));
    const hangzhou = routerIn(prod, 'cn-hangzhou').router;
    await model.getChildren(routerIn(prod, 'cn-hangzhou'));
    calls.length = 0;
    const list = await model.routerAttachments({ cenId: hangzhou.cenId, regionId: hangzhou.regionId, transitRouterId: hangzhou.transitRouterId });
    assert.deepEqual(calls, [], 'served from the tree’s cache');
    const inEmulator = [...emu.context.cen.attachments.values()].filter((a) => a.transitRouterId === hangzhou.transitRouterId);
    assert.deepEqual(list.map((a) => a.attachmentId).sort(), inEmulator.map((a) => a.attachmentId).sort());
    assert.deepEqual([...new Set(list.map((a) => a.kind))].sort(), [...new Set(inEmulator.map((a) => a.type))].sort());
    model.dispose();
  });

  it('a router without a flow log offers Create; the older-form flow log shows under its CEN', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    const dev = await model.getChildren(cenNamed(root, 'dev-network'));
    const shenzhen = await model.getChildren(routerIn(dev, 'cn-shenzhen'));
    assert.deepEqual(labels(shenzhen), ['No flow log — create one']);
    assert.equal(shenzhen[0].present().command?.command, 'cenFlowLogs.flowLog.create');
    assert.equal(routerIn(dev, 'cn-shenzhen').present().contextValue, 'transitRouter.enterprise.noFlowLog');
    const classic = await model.getChildren(cenNamed(root, 'classic-interconnect'));
    const older = classic.find((n) => n.kind === 'flowLog') ?? assert.fail('no older-form flow log row');
    assert.equal(older.present().description, 'whole CEN (older form) · Active');
    assert.match(older.present().tooltip ?? '', /before transit routers/);
    const empty = await model.getChildren(cenNamed(root, 'lab-empty'));
    assert.deepEqual(empty.map((n) => n.kind), ['message']);
    model.dispose();
  });

  it('ids are stable across refresh, so expansion and selection survive', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const first = await model.getChildren();
    const firstChildren = await model.getChildren(cenNamed(first, 'prod-backbone'));
    model.refresh();
    const second = await model.getChildren();
    const secondChildren = await model.getChildren(cenNamed(second, 'prod-backbone'));
    assert.deepEqual(second.map((n) => n.id), first.map((n) => n.id));
    assert.deepEqual(secondChildren.map((n) => n.id), firstChildren.map((n) => n.id));
    assert.equal(new Set(first.map((n) => n.id)).size, first.length);
    model.dispose();
  });

  it('filter: by CEN name, or by a loaded flow log’s status, region or name; no match says so', async () => {
    const model = new ExplorerModel({ cen: () => api });
    model.setFilter('lab-');
    assert.deepEqual(labels(await model.getChildren()), ['lab-empty']);
    await model.allFlowLogs();
    model.setFilter('inactive');
    assert.deepEqual(labels(await model.getChildren()).sort(), ['global-transit', 'prod-backbone']);
    model.setFilter('hangzhou-to-beijing');
    assert.deepEqual(labels(await model.getChildren()), ['prod-backbone']);
    model.setFilter('no-such-thing');
    const none = await model.getChildren();
    assert.equal(none.length, 1);
    assert.equal(none[0].kind, 'message');
    assert.match(none[0].present().label, /No CEN instance or loaded flow log matches "no-such-thing"/);
    model.dispose();
  });

  it('not signed in: no rows (the sign-in welcome view shows) and no call', async () => {
    calls.length = 0;
    const model = new ExplorerModel({ cen: () => undefined });
    assert.deepEqual(await model.getChildren(), []);
    assert.equal(model.signedIn, false);
    assert.equal(calls.length, 0);
  });

  it('a wrong secret becomes an error row with a credentials message that never shows the secret', async () => {
    const wrong = client(emu, [], {
      label: 'wrong',
      getCredentials: async () => ({ accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'not-the-secret' }),
    });
    const model = new ExplorerModel({ cen: () => wrong });
    const root = await model.getChildren();
    assert.equal(root.length, 1);
    assert.equal(root[0].kind, 'error');
    const p = root[0].present();
    assert.equal(p.label, 'Could not load CEN instances');
    assert.match(p.description ?? '', /AccessKey|signature|credential/i);
    assert.ok(!JSON.stringify(p).includes('not-the-secret'));
    assert.equal(p.command?.command, 'cenFlowLogs.explorer.showError');
  });

  it('coverage: each direction of the inter-region connections, logged or not, from one connection listing per Enterprise router', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const prod = await model.getChildren(cenNamed(await model.getChildren(), 'prod-backbone'));
    const coverage = prod.find((n) => n.kind === 'coverage') ?? assert.fail('no Coverage row');
    calls.length = 0;
    const rows = await model.getChildren(coverage);
    assert.deepEqual(calls.map((c) => c.action).sort(), Array(3).fill('ListTransitRouterPeerAttachments'), 'the TR list of the three Enterprise routers');
    // The demo: Hangzhou and Beijing have Active router-level flow logs (Hangzhou also one on its Beijing connection); Shanghai's only one is Inactive on a VPC connection.
    const byLabel = new Map(rows.map((r) => [r.present().label, r.present()]));
    assert.deepEqual([...byLabel.keys()].sort(), ['cn-beijing → cn-hangzhou', 'cn-hangzhou → cn-beijing', 'cn-hangzhou → cn-shanghai', 'cn-shanghai → cn-hangzhou']);
    assert.match(byLabel.get('cn-hangzhou → cn-shanghai')?.description ?? '', /^logged by prod-backbone-flowlog$/);
    assert.match(byLabel.get('cn-hangzhou → cn-beijing')?.description ?? '', /^logged by prod-backbone-flowlog, hangzhou-to-beijing$/);
    assert.match(byLabel.get('cn-beijing → cn-hangzhou')?.description ?? '', /^logged by beijing-router$/);
    const missing = byLabel.get('cn-shanghai → cn-hangzhou');
    assert.equal(missing?.description, 'not logged');
    assert.equal(missing?.contextValue, 'coverageDirection.notLogged');
    assert.equal(missing?.command?.command, 'cenFlowLogs.flowLog.create');
    const direction = rows.find((r) => r.present().label === 'cn-shanghai → cn-hangzhou');
    assert.ok(direction?.kind === 'coverageDirection');
    assert.equal(direction.prefill?.router?.regionId, 'cn-shanghai');
    assert.equal(direction.prefill?.attachment?.resourceRegionId, 'cn-hangzhou');
    assert.equal(coverage.present().description, '1 of 4 directions not logged');
    model.dispose();
  });

  it('polls a transitional flow log until it is stable, redrawing only its router', async () => {
    const model = new ExplorerModel({ cen: () => api, pollIntervalMs: 40 });
    const prodNode = cenNamed(await model.getChildren(), 'prod-backbone');
    const [f] = await api.listFlowLogs({ regionId: 'cn-hangzhou', cenId: prodNode.cen.cenId });
    // Long enough that the listing below still sees "Modifying" on a loaded machine (the suite's 200 ms was not).
    const transitionMs = emu.context.cen.transitionMs;
    emu.context.cen.transitionMs = 3_000;
    await api.stopFlowLog({ flowLogId: f.flowLogId, regionId: f.regionId, cenId: f.cenId });
    emu.context.cen.transitionMs = transitionMs;
    model.refresh();
    const refreshed = cenNamed(await model.getChildren(), 'prod-backbone');
    const router = routerIn(await model.getChildren(refreshed), 'cn-hangzhou');
    const during = (await model.getChildren(router)).find((n) => n.kind === 'flowLog') ?? assert.fail('no row');
    assert.equal(during.present().description, 'whole router · Modifying…');
    assert.equal(during.present().icon?.id, 'loading~spin');
    assert.equal(during.present().contextValue, 'flowLog.transitional');
    const changed: (ExplorerNode | undefined)[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('polling did not reach a stable state')), 15_000);
      model.onDidChange(async (node) => {
        changed.push(node);
        const row = (await model.getChildren(router)).find((n) => n.kind === 'flowLog');
        if (row?.present().description === 'whole router · Inactive') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    assert.ok(changed.every((n) => n === router), 'change events name the router node, not the whole tree');
    model.dispose();
  });
});

describe('explorer model ⇄ emulator (many CENs)', () => {
  let emu: TestEmulator;
  const calls: CenCallLogEntry[] = [];
  let api: CenApi;

  before(async () => {
    emu = await startTestEmulator({ extraCens: 120 });
    api = client(emu, calls);
  });
  after(() => emu.close());

  it('pages DescribeCens at 50 behind a "Load more" row; a filter searches every page', async () => {
    calls.length = 0;
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    const more = root.at(-1);
    assert.equal(more?.kind, 'loadMore');
    assert.equal(root.filter((n) => n.kind === 'cen').length, 50);
    assert.equal(more.present().description, '50 of 126 CEN instances shown');
    assert.equal(calls.filter((c) => c.action === 'DescribeCens').length, 1);
    await model.loadMore();
    assert.equal((await model.getChildren()).filter((n) => n.kind === 'cen').length, 100);
    await model.loadMore();
    const all = await model.getChildren();
    assert.equal(all.filter((n) => n.kind === 'cen').length, 126);
    assert.ok(!all.some((n) => n.kind === 'loadMore'));
    assert.equal(calls.filter((c) => c.action === 'DescribeCens').length, 3);
    assert.equal(calls.filter((c) => c.action === 'DescribeFlowlogs').length, 0, 'flow logs are listed only for expanded CENs');

    const fresh = new ExplorerModel({ cen: () => api });
    fresh.setFilter('apac-edge');
    assert.deepEqual(labels(await fresh.getChildren()), ['apac-edge']);
    model.dispose();
    fresh.dispose();
  });
});
