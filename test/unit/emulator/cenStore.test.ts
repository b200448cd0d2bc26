/** The CEN store on a hand-driven clock: transitions, transit routers, service error codes, demo determinism. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountRegistry, NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT } from '../../../emulator/accounts';
import { CenApiError } from '../../../emulator/cen/apiError';
import { validateLogFormat } from '../../../emulator/cen/actions';
import { IdempotencyRegistry } from '../../../emulator/cen/idempotency';
import { seedDemoState } from '../../../emulator/cen/demoState';
import { CenStore } from '../../../emulator/cen/store';

function storeAt(seed = 1, extraCens = 0): { store: CenStore; advance: (ms: number) => void } {
  let now = Date.parse('2026-03-01T00:00:00Z');
  const accounts = new AccountRegistry();
  const store = new CenStore({ seed, transitionMs: 1000, now: () => now, accounts });
  seedDemoState(store, accounts, store.seedRandom(), extraCens, now);
  return { store, advance: (ms) => void (now += ms) };
}

const routerIn = (store: CenStore, cenId: string, regionId: string): string =>
  store.routersOf(cenId).find((r) => r.regionId === regionId)?.transitRouterId ?? assert.fail(`no router in ${regionId}`);

const code = (c: string) => (e: unknown) => e instanceof CenApiError && e.code === c;

describe('CenStore', () => {
  it('seeds the same demo world for the same seed, a different one for another seed', () => {
    const ids = (s: CenStore): string[] => [...s.cens.keys()];
    assert.deepEqual(ids(storeAt(5).store), ids(storeAt(5).store));
    assert.notDeepEqual(ids(storeAt(5).store), ids(storeAt(6).store));
  });

  it('demo: owner CENs with Enterprise and Basic routers in several regions, every attachment type, several flow logs per CEN, one of the older form', () => {
    const { store } = storeAt();
    const owned = store.censOf(OWNER_ACCOUNT.accountId);
    assert.ok(owned.length >= 4);
    const routers = owned.flatMap((c) => store.routersOf(c.cenId));
    assert.ok(routers.some((r) => r.type === 'Enterprise') && routers.some((r) => r.type === 'Basic'));
    assert.ok(new Set(routers.map((r) => r.regionId)).size >= 8);
    assert.deepEqual([...new Set([...store.attachments.values()].map((a) => a.type))].sort(), ['ECR', 'TR', 'VBR', 'VPC', 'VPN']);
    const flowLogs = store.listFlowLogs();
    const perCen = new Map<string, number>();
    for (const f of flowLogs) perCen.set(f.cenId, (perCen.get(f.cenId) ?? 0) + 1);
    assert.ok([...perCen.values()].some((n) => n >= 3), 'a CEN with several flow logs');
    assert.ok(flowLogs.some((f) => f.attachment?.type === 'TR'), 'an inter-region flow log');
    assert.ok(flowLogs.some((f) => !f.attachment && !f.olderForm), 'a router-level flow log');
    assert.ok(flowLogs.some((f) => f.logFormatString === '') && flowLogs.some((f) => f.logFormatString.includes('${src-region-id}')), 'default and custom formats');
    assert.equal(flowLogs.filter((f) => f.olderForm).length, 1);
    assert.deepEqual([...new Set(flowLogs.map((f) => f.status))].sort(), ['Active', 'Inactive']);
    assert.equal(store.censOf(NOT_WHITELISTED_ACCOUNT.accountId).length, 1);
  });

  it('extraCens adds generated CENs over the supported regions', () => {
    const { store } = storeAt(1, 500);
    assert.equal(store.censOf(OWNER_ACCOUNT.accountId).length, 506);
  });

  it('moves through Creating → Active → Modifying → Inactive → Deleting → gone as the clock advances', () => {
    const { store, advance } = storeAt();
    const cen = store.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'dev-network')!;
    const transitRouterId = routerIn(store, cen.cenId, 'cn-shenzhen');
    const fl = store.createFlowLog(OWNER_ACCOUNT, { regionId: 'cn-shenzhen', cenId: cen.cenId, transitRouterId, projectName: 'p-one', logStoreName: 'ls-one' });
    const status = (): string | undefined => store.listFlowLogs().find((f) => f.flowLogId === fl.flowLogId)?.status;
    assert.equal(status(), 'Creating');
    assert.throws(() => store.deactivate(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen'), code('IncorrectStatus.TrFlowlog'));
    assert.throws(() => store.modify(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen', { name: 'x' }), code('IncorrectStatus.flowlog'));
    advance(999);
    assert.equal(status(), 'Creating');
    advance(1);
    assert.equal(status(), 'Active');
    store.deactivate(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen');
    assert.equal(status(), 'Modifying');
    advance(1000);
    assert.equal(status(), 'Inactive');
    store.delete(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen');
    assert.equal(status(), 'Deleting');
    assert.throws(() => store.delete(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen'), code('IncorrectStatus.TrFlowlog'));
    advance(1000);
    assert.equal(status(), undefined);
    assert.throws(() => store.delete(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen'), code('InvalidFlowlogId.NotFound'));
  });

  // Was "refuses a second flow log per CEN, unsupported regions…": those codes were invented by our emulator (issue 18).
  it('takes several flow logs per CEN; refuses Basic routers, unknown routers/attachments, other accounts\' CENs and RAM users without permission', () => {
    const { store } = storeAt();
    const backbone = store.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'prod-backbone')!;
    const shanghai = routerIn(store, backbone.cenId, 'cn-shanghai');
    const req = { regionId: 'cn-shanghai', cenId: backbone.cenId, transitRouterId: shanghai, projectName: 'p-two', logStoreName: 'ls-two' };
    const before = store.listFlowLogs().filter((f) => f.cenId === backbone.cenId).length;
    store.createFlowLog(OWNER_ACCOUNT, req);
    const peer = store.attachmentsOf(shanghai, 'TR')[0]!;
    const perAttachment = store.createFlowLog(OWNER_ACCOUNT, { ...req, transitRouterAttachmentId: peer.attachmentId });
    assert.equal(perAttachment.attachmentType, 'TR');
    assert.equal(store.listFlowLogs().filter((f) => f.cenId === backbone.cenId).length, before + 2);
    const qingdao = routerIn(store, backbone.cenId, 'cn-qingdao');
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, regionId: 'cn-qingdao', transitRouterId: qingdao }), (e: unknown) => code('InvalidParameter')(e) && /Enterprise Edition/.test((e as Error).message));
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, transitRouterId: 'tr-nope' }), code('InvalidTransitRouterId.NotFound'));
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, transitRouterAttachmentId: 'tr-attach-nope' }), code('InvalidParameter'));
    assert.throws(() => store.createFlowLog(NOT_WHITELISTED_ACCOUNT, req), (e: unknown) => code('Forbidden.RAM')(e) && /cen:CreateFlowlog/.test((e as Error).message));
    const partner = store.censOf(NOT_WHITELISTED_ACCOUNT.accountId)[0]!;
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, cenId: partner.cenId }), code('ParameterCenInstanceId'));
  });

  it('ClientToken: same token and parameters return the first answer; different parameters are refused', () => {
    const reg = new IdempotencyRegistry();
    let runs = 0;
    const params = new Map([['ClientToken', 't1'], ['CenId', 'cen-1'], ['SignatureNonce', 'a']]);
    const first = reg.run('acct', 'CreateFlowlog', params, () => ({ FlowLogId: `flowlog-${++runs}` }));
    const again = reg.run('acct', 'CreateFlowlog', new Map([...params, ['SignatureNonce', 'b']]), () => ({ FlowLogId: `flowlog-${++runs}` }));
    assert.deepEqual(again, first);
    assert.equal(runs, 1);
    assert.throws(() => reg.run('acct', 'CreateFlowlog', new Map([...params, ['CenId', 'cen-2']]), () => ({})), code('IdempotentParameterMismatch'));
  });

  it('validates LogFormatString with the position of the problem', () => {
    validateLogFormat('${srcaddr}${dstaddr}${bytes}${cen-id}${log-status}');
    assert.throws(() => validateLogFormat('${srcaddr}${bytes}${dstaddr}'), /must start with/);
    assert.throws(() => validateLogFormat('${srcaddr}${dstaddr}${bytes}x'), /position 28/);
    assert.throws(() => validateLogFormat('${srcaddr}${dstaddr}${bytes}${bytes}'), /appears twice/);
  });
});
