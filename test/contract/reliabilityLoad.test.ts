/**
 * Load: twenty workbench panels query at once through the real SLS client and the shared
 * RequestLimiter the extension gives it. The service (a holding forwarder before the
 * emulator) never sees more requests in flight than the limit; while every query is stuck at the
 * service and more wait in the limiter's queue, the tree (CEN calls) still lists to the end; once
 * the service answers, every panel completes. Export pages and load-more pages take slots too.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenApi } from '../../src/cloud/cenApi';
import { createCenClient } from '../../src/cloud/cenClient';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { SlsApi } from '../../src/cloud/slsApi';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, RequestLimiter } from '../../src/cloud/requestLimiter';
import type { HostMessage } from '../../src/protocol/messages';
import { QueryRunner } from '../../src/views/workbench/queryRunner';
import { logstoreQuerying } from '../../src/views/workbench/targetQueries';
import { exportQueryResult } from '../../src/views/workbench/resultExport';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { startHoldingProxy, type HoldingProxy } from '../reliability/holdingProxy';

const PANELS = 20;
const tmp = mkdtempSync(join(tmpdir(), 'cen-load-'));

describe('twenty panels behind one request limiter', () => {
  let emu: TestEmulator;
  let proxy: HoldingProxy;
  let cen: CenApi;
  let sls: SlsApi;
  let limiter: RequestLimiter;
  let target: { regionId: string; projectName: string; logStoreName: string; interval: number };

  before(async () => {
    emu = await startTestEmulator({ extraCens: 30, historyDays: 0.05 });
    proxy = await startHoldingProxy(emu.port);
    cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, timeoutMs: 10_000 });
    limiter = new RequestLimiter(DEFAULT_MAX_CONCURRENT_REQUESTS);
    sls = createSlsClient({ endpoint: proxy.endpoint, protocol: 'http', credentials: ownerCredentials, timeoutMs: 60_000, limiter });
    const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
    assert.ok(f, 'the demo has an Active flow log');
    target = { regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, interval: f.interval };
  });
  after(async () => {
    await proxy.close();
    await emu.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('never more than the limit in flight at the service, the tree lists while queries queue, every panel completes', { timeout: 120_000 }, async () => {
    proxy.hold();
    const outcomes = Promise.all(
      Array.from({ length: PANELS }, async (_, i) => {
        const posted: HostMessage[] = [];
        const runner = new QueryRunner({ ...logstoreQuerying(async () => sls, target), post: async (m) => void posted.push(m), resolveRange: resolveWorkbenchRange });
        // Alternate SQL and raw searches, as different panels would.
        const query = i % 2 === 0 ? `* | select srcaddr, count(*) as n, ${i} as panel group by srcaddr order by n desc limit 20` : `dstport > ${i}`;
        await runner.run(`panel-${i}`, query, { kind: 'quick', minutes: 60 });
        return posted.map((m) => m.type);
      }),
    );
    await proxy.untilHeld(DEFAULT_MAX_CONCURRENT_REQUESTS);
    assert.ok(limiter.waiting > 0, 'more queries wait in the limiter');

    // The tree refreshes while every slot is stuck at the service: CEN calls do not queue behind queries.
    let cens = 0;
    for await (const page of cen.listCens()) cens += page.length;
    const flowLogs = await cen.listFlowLogs({ regionId: 'cn-hangzhou' });
    assert.ok(cens > 30 && flowLogs.length > 0, `the tree listed ${cens} CENs and ${flowLogs.length} flow logs`);
    assert.ok(limiter.waiting > 0, 'queries were still queued when the tree finished');
    assert.equal(proxy.held, DEFAULT_MAX_CONCURRENT_REQUESTS, 'and the service still had exactly the limit in flight');

    proxy.release();
    const messages = await outcomes;
    const done = messages.filter((types) => types.includes('queryDone')).length;
    assert.equal(done, PANELS, `every panel completed: ${JSON.stringify(messages.filter((t) => !t.includes('queryDone')))}`);
    assert.ok(messages.every((types) => types.includes('histogram')), 'every panel got its histogram');
    assert.equal(proxy.peak, DEFAULT_MAX_CONCURRENT_REQUESTS, `peak in flight at the service ${proxy.peak} (limit ${DEFAULT_MAX_CONCURRENT_REQUESTS})`);
    assert.ok(proxy.received >= PANELS * 2, `queries and histograms reached the service: ${proxy.received}`);
    assert.equal(limiter.active + limiter.waiting, 0);
  });

  it('export pages and load-more pages take slots; a lowered limit applies to the next requests', { timeout: 120_000 }, async () => {
    limiter.setLimit(2);
    proxy.resetPeak();
    const now = Math.floor(Date.now() / 1000);
    const req = { ...target, from: now - 3600, to: now + 1, query: '*' };
    const exports = Promise.all(
      [0, 1].map((i) =>
        exportQueryResult(sls, req, join(tmp, `export-${i}.csv`), 'csv', { query: req.query, from: req.from, to: req.to, rangeLabel: 'load', target, exportedAt: new Date() }, { signal: new AbortController().signal, maxRows: 1_000 }),
      ),
    );
    const posted: HostMessage[] = [];
    const runner = new QueryRunner({ ...logstoreQuerying(async () => sls, target), post: async (m) => void posted.push(m), resolveRange: resolveWorkbenchRange });
    await runner.run('load-more', '*', { kind: 'quick', minutes: 60 });
    await runner.loadMore('load-more', false);
    const results = await exports;
    assert.deepEqual(results.map((r) => r.rows), [1_000, 1_000], 'both exports are whole');
    const pages = posted.filter((m) => m.type === 'resultPage').length;
    assert.ok(pages >= 2, `the panel got its first page and more (${pages} pages)`);
    // Each export asks the client for 4 pages at a time and the panel for 4 more: without the limiter
    // the service would see up to 10 at once.
    assert.equal(proxy.peak, 2, `peak in flight at the service ${proxy.peak} (limit 2)`);
  });
});
