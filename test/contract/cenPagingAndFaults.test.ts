/**
 * Paging across several pages (numeric paging for CENs, string paging for flow logs), ClientToken
 * idempotency, and retries surviving injected throttling, 5xx bursts and dropped connections.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import RPCClient from '@alicloud/pop-core';
import type { CenApi, CenInstance, TransitRouter } from '../../src/cloud/cenApi';
import { createCenClient } from '../../src/cloud/cenClient';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { routerIn } from '../support/transitRouters';

const EXTRA_CENS = 120;
/** The demo's own CENs for the owner account. */
const DEMO_CENS = 6;

interface FaultCounts {
  throttle: number;
  serverError: number;
  drop: number;
}

async function injected(emu: TestEmulator): Promise<FaultCounts> {
  const res = await fetch(`${emu.cenUrl}/__emulator/faults`);
  return ((await res.json()) as { injected: FaultCounts }).injected;
}

describe('CEN client ⇄ emulator: paging, idempotency, faults', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  let all: CenInstance[];

  before(async () => {
    emu = await startTestEmulator({ extraCens: EXTRA_CENS });
    cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 12 } });
    all = [];
    for await (const page of cen.listCens()) all.push(...page);
  });
  after(() => emu.close());

  it('lists every CEN across pages of 50, each exactly once', async () => {
    assert.equal(all.length, DEMO_CENS + EXTRA_CENS);
    assert.equal(new Set(all.map((c) => c.cenId)).size, all.length);
    const pages: number[] = [];
    for await (const page of cen.listCens()) pages.push(page.length);
    assert.deepEqual(pages, [50, 50, 26]);
  });

  it('DescribeCens paging is numeric and pages do not overlap', async () => {
    const p2 = await cen.listCensPage(2, 10);
    assert.deepEqual([p2.pageNumber, p2.pageSize, p2.totalCount], [2, 10, DEMO_CENS + EXTRA_CENS]);
    assert.deepEqual(p2.items.map((c) => c.cenId), all.slice(10, 20).map((c) => c.cenId));
  });

  it('DescribeFlowlogs paging arrives as strings and the client reads every page of a region', async () => {
    const prod = all.find((c) => c.name === 'prod-backbone')!;
    const hangzhou = await routerIn(cen, prod.cenId, 'cn-hangzhou');
    // Many flow logs on one router: the service decides how many it takes.
    for (let i = 0; i < 55; i++) {
      await cen.createFlowLog({ regionId: 'cn-hangzhou', cenId: prod.cenId, transitRouterId: hangzhou.transitRouterId, projectName: 'scale-flowlogs', logStoreName: `store-${i}` });
    }
    const raw = new RPCClient({ endpoint: emu.cenUrl, apiVersion: '2017-09-12', accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    const body = await raw.request<Record<string, unknown>>('DescribeFlowlogs', { RegionId: 'cn-hangzhou', CenId: prod.cenId, PageSize: 50, PageNumber: 2 }, { method: 'POST' });
    assert.equal(body.TotalCount, String(2 + 55));
    assert.equal(body.PageNumber, '2');
    assert.equal(body.PageSize, '50');
    const logs = await cen.listFlowLogs({ regionId: 'cn-hangzhou', cenId: prod.cenId });
    assert.equal(logs.length, 2 + 55);
    assert.equal(new Set(logs.map((f) => f.flowLogId)).size, logs.length);
  });

  it('the same ClientToken twice returns the same flow log and creates it once', async () => {
    const target = all.find((c) => c.name === 'apac-edge')!;
    const router = await routerIn(cen, target.cenId, 'ap-southeast-3');
    const input = { regionId: 'ap-southeast-3', cenId: target.cenId, transitRouterId: router.transitRouterId, projectName: 'apac-flowlogs', logStoreName: 'apac-edge', clientToken: 'token-apac-edge-1' };
    const first = await cen.createFlowLog(input);
    const second = await cen.createFlowLog(input);
    assert.equal(second, first);
    assert.deepEqual((await cen.listFlowLogs({ regionId: 'ap-southeast-3', cenId: target.cenId })).map((f) => f.flowLogId), [first]);
  });

  it('retries survive a throttling storm (50% of calls)', async () => {
    const before = await injected(emu);
    await emu.setFaults({ throttleRate: 0.5 });
    try {
      const seen: CenInstance[] = [];
      for await (const page of cen.listCens()) seen.push(...page);
      assert.equal(seen.length, all.length);
      for (const c of all.slice(0, 15)) await cen.listChildInstances(c.cenId);
    } finally {
      await emu.setFaults({ throttleRate: 0 });
    }
    assert.ok((await injected(emu)).throttle - before.throttle >= 3, 'throttling was injected');
  });

  it('retries survive a burst of 500/503 answers (50% of calls)', async () => {
    const before = await injected(emu);
    await emu.setFaults({ serverErrorRate: 0.5 });
    try {
      for (const c of all.slice(0, 20)) assert.ok((await cen.listChildInstances(c.cenId)).length >= 0);
      assert.ok((await cen.listFlowLogs({ regionId: 'cn-hangzhou' })).length > 0);
    } finally {
      await emu.setFaults({ serverErrorRate: 0 });
    }
    assert.ok((await injected(emu)).serverError - before.serverError >= 3, '5xx answers were injected');
  });

  it('creates whose answers are lost (dropped connections) are retried with their ClientToken and happen once', async () => {
    const targets: TransitRouter[] = [];
    for (const c of all.filter((x) => x.name.startsWith('scale-cen-'))) {
      const r = (await cen.listTransitRouters(c.cenId)).find((x) => x.edition === 'Enterprise');
      if (r) targets.push(r);
      if (targets.length === 15) break;
    }
    const before = await injected(emu);
    await emu.setFaults({ dropRate: 0.4 });
    const ids = new Map<string, string>();
    try {
      for (const r of targets) {
        ids.set(r.cenId, await cen.createFlowLog({ regionId: r.regionId, cenId: r.cenId, transitRouterId: r.transitRouterId, projectName: 'drop-flowlogs', logStoreName: `drop-${r.cenId}` }));
      }
    } finally {
      await emu.setFaults({ dropRate: 0 });
    }
    assert.ok((await injected(emu)).drop - before.drop >= 3, 'connections were dropped');
    // Without the reused ClientToken a retried create would create a second flow log.
    for (const r of targets) {
      assert.deepEqual((await cen.listFlowLogs({ regionId: r.regionId, cenId: r.cenId })).map((f) => f.flowLogId), [ids.get(r.cenId)]);
    }
  });
});
