/** The CEN store on a hand-driven clock: transitions, one-per-CEN, whitelist, demo determinism. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountRegistry, NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT } from '../../../emulator/accounts';
import { CenApiError } from '../../../emulator/cen/apiError';
import { validateLogFormat } from '../../../emulator/cen/actions';
import { IdempotencyRegistry } from '../../../emulator/cen/idempotency';
import { CenStore } from '../../../emulator/cen/store';
import { isSupportedRegion } from '../../../src/flowlogs/catalog';

function storeAt(seed = 1, extraCens = 0): { store: CenStore; advance: (ms: number) => void } {
  let now = Date.parse('2026-03-01T00:00:00Z');
  const store = new CenStore({ seed, transitionMs: 1000, now: () => now, accounts: new AccountRegistry() });
  store.seedDemo({ extraCens });
  return { store, advance: (ms) => void (now += ms) };
}

const code = (c: string) => (e: unknown) => e instanceof CenApiError && e.code === c;

describe('CenStore', () => {
  it('seeds the same demo world for the same seed, a different one for another seed', () => {
    const ids = (s: CenStore): string[] => [...s.cens.keys()];
    assert.deepEqual(ids(storeAt(5).store), ids(storeAt(5).store));
    assert.notDeepEqual(ids(storeAt(5).store), ids(storeAt(6).store));
  });

  it('demo: ≥4 owner CENs over ≥8 supported regions plus cn-qingdao, one Active and one Inactive flow log', () => {
    const { store } = storeAt();
    const owned = store.censOf(OWNER_ACCOUNT.accountId);
    assert.ok(owned.length >= 4);
    const regions = new Set(owned.flatMap((c) => store.cenRegions(c.cenId)));
    assert.ok([...regions].filter(isSupportedRegion).length >= 8);
    assert.ok(regions.has('cn-qingdao'));
    assert.deepEqual(store.listFlowLogs().map((f) => f.status).sort(), ['Active', 'Inactive']);
    assert.equal(store.censOf(NOT_WHITELISTED_ACCOUNT.accountId).length, 1);
  });

  it('extraCens adds generated CENs over the supported regions', () => {
    const { store } = storeAt(1, 500);
    assert.equal(store.censOf(OWNER_ACCOUNT.accountId).length, 505);
  });

  it('moves through Creating → Active → Modifying → Inactive → Deleting → gone as the clock advances', () => {
    const { store, advance } = storeAt();
    const cen = store.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'dev-network')!;
    const fl = store.createFlowLog(OWNER_ACCOUNT, { regionId: 'cn-shenzhen', cenId: cen.cenId, projectName: 'p-one', logStoreName: 'ls-one' });
    const status = (): string | undefined => store.listFlowLogs().find((f) => f.flowLogId === fl.flowLogId)?.status;
    assert.equal(status(), 'Creating');
    assert.throws(() => store.deactivate(OWNER_ACCOUNT, fl.flowLogId, 'cn-shenzhen'), code('IncorrectStatus.flowlog'));
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
    // A new create for the same CEN while the old one is Deleting is a retryable status error.
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { regionId: 'cn-shenzhen', cenId: cen.cenId, projectName: 'p-one', logStoreName: 'ls-one' }), code('IncorrectStatus.flowlog'));
    advance(1000);
    assert.equal(status(), undefined);
    store.createFlowLog(OWNER_ACCOUNT, { regionId: 'cn-shenzhen', cenId: cen.cenId, projectName: 'p-one', logStoreName: 'ls-one' });
  });

  it('refuses a second flow log per CEN, unsupported regions, other accounts\' CENs and non-whitelisted accounts', () => {
    const { store } = storeAt();
    const backbone = store.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'prod-backbone')!;
    const req = { regionId: 'cn-shanghai', cenId: backbone.cenId, projectName: 'p-two', logStoreName: 'ls-two' };
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, req), (e: unknown) => code('InvalidOperation.FlowLogExists')(e) && /flowlog-/.test((e as Error).message));
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, regionId: 'cn-qingdao' }), code('InvalidRegionId.NotSupported'));
    assert.throws(() => store.createFlowLog(NOT_WHITELISTED_ACCOUNT, req), (e: unknown) => code('Forbidden.NotWhitelisted')(e) && /not whitelisted for CEN flow logs/.test((e as Error).message));
    const partner = store.censOf(NOT_WHITELISTED_ACCOUNT.accountId)[0]!;
    assert.throws(() => store.createFlowLog(OWNER_ACCOUNT, { ...req, cenId: partner.cenId }), code('InvalidCenInstanceId.NotFound'));
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
