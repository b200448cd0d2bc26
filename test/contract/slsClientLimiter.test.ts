/**
 * The request limiter as an option of the SLS client: every query-path request (a query, each
 * page of queryPages, a histogram) takes a slot; projects, logstores and index calls never wait.
 */
import '../support/localhost-resolver.cjs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { QueryRequest, SlsApi } from '../../src/cloud/slsApi';
import type { RequestLimiter } from '../../src/cloud/requestLimiter';
import { countingLimiter } from './countingLimiter';
import type { FlowLogView } from '../../emulator/cen/store';

let emu: TestEmulator;
let flowLog: FlowLogView;
before(async () => {
  emu = await startTestEmulator({ historyDays: 1 });
  const active = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active');
  assert.ok(active, 'the demo has an Active flow log');
  flowLog = active;
});
after(() => emu.close());

/** A client whose limiter counts the slots taken and the most held at once. */
function limitedClient(limit: number): { sls: SlsApi; slots: () => number; peak: () => number; limiter: RequestLimiter } {
  const counting = countingLimiter(limit);
  const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: counting.limiter, incomplete: { initialDelayMs: 5 } });
  return { sls, ...counting };
}

function request(query: string): QueryRequest {
  const to = Math.floor(Date.now() / 1000);
  return { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, from: to - 4 * 3600, to, query };
}

test('each page of queryPages takes a slot, never more than the limit at once, however many the pager wants in flight', async () => {
  const { sls, slots, peak } = limitedClient(2);
  let rows = 0;
  let pages = 0;
  for await (const page of sls.queryPages(request('*'), { pageSize: 100, maxRows: 1_000, concurrency: 4 })) {
    rows += page.packed.rowCount;
    pages++;
  }
  assert.equal(rows, 1_000);
  assert.equal(pages, 10);
  assert.ok(slots() >= pages, `${slots()} slots for ${pages} pages`);
  assert.equal(peak(), 2);
});

test('a query and a histogram take a slot each; listing projects and logstores takes none', async () => {
  const { sls, slots } = limitedClient(1);
  await sls.query(request('* | select count(*) as n'));
  assert.equal(slots(), 1);
  await sls.histogram(request('dstport: 22'));
  assert.equal(slots(), 2);
  await sls.listProjects(flowLog.regionId);
  await sls.listLogStores(flowLog.regionId, flowLog.projectName);
  await sls.getIndex(flowLog);
  assert.equal(slots(), 2);
});

test('a query cancelled while it waits for a slot is refused as cancelled at once', async () => {
  const { sls, limiter } = limitedClient(1);
  const held = limiter.run(() => new Promise<void>((resolve) => setTimeout(resolve, 200)));
  const cancel = new AbortController();
  const waiting = sls.query(request('*'), { signal: cancel.signal });
  assert.equal(limiter.waiting, 1);
  cancel.abort();
  await assert.rejects(waiting, (e: unknown) => (e as { kind?: string }).kind === 'cancelled');
  await held;
});
