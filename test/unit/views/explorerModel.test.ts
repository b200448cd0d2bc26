/**
 * The explorer's model against the emulator through the real CEN client: what the tree shows, how
 * many calls it costs, paging, filter, errors as rows, polling until stable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CenApi } from '../../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../../src/cloud/cenClient';
import type { CredentialSource } from '../../../src/cloud/credentialTypes';
import { ExplorerModel } from '../../../src/views/explorer/explorerModel';
import type { CenNode } from '../../../src/views/explorer/nodes/cenNode';
import type { ExplorerNode } from '../../../src/views/explorer/nodes/index';
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

describe('explorer model ⇄ emulator (demo account)', () => {
  let emu: TestEmulator;
  const calls: CenCallLogEntry[] = [];
  let api: CenApi;

  before(async () => {
    emu = await startTestEmulator();
    api = client(emu, calls);
  });
  after(() => emu.close());

  it('root: every demo CEN, knowing which have a flow log, for one DescribeCens and one DescribeFlowlogs', async () => {
    calls.length = 0;
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    assert.deepEqual(labels(root).sort(), ['apac-edge', 'dev-network', 'global-transit', 'lab-empty', 'prod-backbone']);
    assert.equal(cenNamed(root, 'prod-backbone').present().contextValue, 'cen.hasFlowLog');
    assert.equal(cenNamed(root, 'dev-network').present().contextValue, 'cen.noFlowLog');
    assert.deepEqual(calls.map((c) => c.action).sort(), ['DescribeCens', 'DescribeFlowlogs']);
    assert.equal(model.noCens, false);
    model.dispose();
  });

  it('a CEN’s children: its flow log with status, and its unsupported regions shown, not hidden', async () => {
    const model = new ExplorerModel({ cen: () => api });
    const root = await model.getChildren();
    const prod = await model.getChildren(cenNamed(root, 'prod-backbone'));
    const flowLog = prod.find((n) => n.kind === 'flowLog') ?? assert.fail('no flow log row');
    const p = flowLog.present();
    assert.equal(p.label, 'prod-backbone-flowlog');
    assert.equal(p.description, 'cn-hangzhou · Active');
    assert.equal(p.contextValue, 'flowLog.active');
    assert.equal(p.icon?.id, 'pass-filled');
    for (const text of ['cen-flowlogs-hangzhou', 'prod-backbone', '10 minutes', 'China (Hangzhou)']) assert.ok(p.tooltip?.includes(text), text);
    const unsupported = prod.filter((n) => n.kind === 'unsupportedRegion');
    assert.deepEqual(labels(unsupported), ['China (Qingdao) (cn-qingdao)']);
    assert.equal(unsupported[0].present().description, 'flow logs not supported');

    const global = await model.getChildren(cenNamed(root, 'global-transit'));
    assert.equal(global.find((n) => n.kind === 'flowLog')?.present().contextValue, 'flowLog.inactive');

    const dev = await model.getChildren(cenNamed(root, 'dev-network'));
    assert.deepEqual(labels(dev), ['No flow log — create one']);
    assert.equal(dev[0].present().command?.command, 'cenFlowLogs.flowLog.create');
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

  it('filter: by status, region or name; CENs without a match are hidden; no match says so', async () => {
    const model = new ExplorerModel({ cen: () => api });
    model.setFilter('inactive');
    const inactive = await model.getChildren();
    assert.deepEqual(labels(inactive), ['global-transit']);
    model.setFilter('CN-HANGZHOU');
    assert.deepEqual(labels(await model.getChildren()), ['prod-backbone']);
    model.setFilter('lab-');
    assert.deepEqual(labels(await model.getChildren()), ['lab-empty']);
    model.setFilter('no-such-thing');
    const none = await model.getChildren();
    assert.equal(none.length, 1);
    assert.equal(none[0].kind, 'message');
    assert.match(none[0].present().label, /No CEN instance or flow log matches "no-such-thing"/);
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

  it('polls a transitional flow log until it is stable, redrawing only its CEN', async () => {
    const model = new ExplorerModel({ cen: () => api, pollIntervalMs: 40 });
    const root = await model.getChildren();
    const prodNode = cenNamed(root, 'prod-backbone');
    const [f] = await api.listFlowLogs({ cenId: prodNode.cen.cenId });
    await api.stopFlowLog({ flowLogId: f.flowLogId, regionId: f.regionId, cenId: f.cenId });
    model.refresh();
    const refreshed = cenNamed(await model.getChildren(), 'prod-backbone');
    const during = (await model.getChildren(refreshed)).find((n) => n.kind === 'flowLog') ?? assert.fail('no row');
    assert.equal(during.present().description, 'cn-hangzhou · Modifying…');
    assert.equal(during.present().icon?.id, 'loading~spin');
    assert.equal(during.present().contextValue, 'flowLog.transitional');
    const changed: (ExplorerNode | undefined)[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('polling did not reach a stable state')), 5_000);
      model.onDidChange(async (node) => {
        changed.push(node);
        const row = (await model.getChildren(refreshed)).find((n) => n.kind === 'flowLog');
        if (row?.present().description === 'cn-hangzhou · Inactive') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    assert.ok(changed.every((n) => n === refreshed), 'change events name the CEN node, not the whole tree');
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
    assert.equal(more.present().description, '50 of 125 CEN instances shown');
    assert.equal(calls.filter((c) => c.action === 'DescribeCens').length, 1);
    await model.loadMore();
    assert.equal((await model.getChildren()).filter((n) => n.kind === 'cen').length, 100);
    await model.loadMore();
    const all = await model.getChildren();
    assert.equal(all.filter((n) => n.kind === 'cen').length, 125);
    assert.ok(!all.some((n) => n.kind === 'loadMore'));
    assert.equal(calls.filter((c) => c.action === 'DescribeCens').length, 3);
    assert.equal(calls.filter((c) => c.action === 'DescribeFlowlogs').length, 1, 'flow logs listed once, not per CEN');

    const fresh = new ExplorerModel({ cen: () => api });
    fresh.setFilter('apac-edge');
    assert.deepEqual(labels(await fresh.getChildren()), ['apac-edge']);
    model.dispose();
    fresh.dispose();
  });
});
