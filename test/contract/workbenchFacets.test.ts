/**
 * Field facets over the whole range, against the emulator through the real SDK: the counts and
 * bytes the facet runner reports equal an explicit GROUP BY computed here, independently, over
 * the generator's records; numeric facets' min/max match; every facet request takes a slot of the
 * client's shared limit; a facet for a different query cancels the older ones.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeFlowLogAndRange, ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { SlsApi } from '../../src/cloud/slsApi';
import { RequestLimiter } from '../../src/cloud/requestLimiter';
import { FacetRunner } from '../../src/views/workbench/facetRunner';
import { FACET_TOP } from '../../src/query/fieldFacets';
import { targetQueries } from '../../src/views/workbench/targetQueries';
import type { HostMessage } from '../../src/protocol/messages';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import type { FlowLogView } from '../../emulator/cen/store';

let emu: TestEmulator;
let flowLog: FlowLogView;
let from: number;
let to: number;

before(async () => {
  emu = await startTestEmulator({ historyDays: 1 });
  ({ flowLog, from, to } = activeFlowLogAndRange(emu, 6));
});
after(() => emu.close());

type FacetResult = Extract<HostMessage, { type: 'facetResult' }>;

function runner(sls: SlsApi, posted: HostMessage[]): FacetRunner {
  return new FacetRunner({
    queries: targetQueries(async () => sls, { kind: 'logstore', title: flowLog.logStoreName, regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, interval: flowLog.interval, fields: [] }),
    percentiles: true,
    fields: () => [
      { name: 'dstport', type: 'long' },
      { name: 'bytes', type: 'long' },
      { name: 'protocol', type: 'long' },
      { name: 'src-region-id', type: 'text' },
      { name: 'direction', type: 'text' },
    ],
    post: async (m) => void posted.push(m),
  });
}

function limitedClient(limit: number): { sls: SlsApi; slots: () => number } {
  const limiter = new RequestLimiter(limit);
  let slots = 0;
  const run = limiter.run.bind(limiter);
  limiter.run = <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    slots++;
    return run(task, signal);
  };
  return { sls: createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter, incomplete: { initialDelayMs: 5 } }), slots: () => slots };
}

/** GROUP BY over the generator's records, computed here: value → { count, bytes }. */
function groupBy(rows: readonly FlowRow[], key: (r: FlowRow) => string | null): Map<string | null, { count: number; bytes: number }> {
  const m = new Map<string | null, { count: number; bytes: number }>();
  for (const r of rows) {
    const k = key(r);
    const g = m.get(k) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += r.bytes ?? 0;
    m.set(k, g);
  }
  return m;
}

function only<T extends HostMessage['type']>(posted: readonly HostMessage[], type: T): Extract<HostMessage, { type: T }>[] {
  return posted.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);
}

function checkTop(result: FacetResult, expected: Map<string | null, { count: number; bytes: number }>): void {
  assert.equal(result.values.length, Math.min(FACET_TOP, expected.size));
  for (const v of result.values) {
    const e = expected.get(v.value ?? null);
    assert.ok(e, `value ${v.value} exists in the records`);
    assert.equal(v.count, e.count, `count of ${v.value}`);
    assert.equal(v.bytes, e.bytes, `bytes of ${v.value}`);
  }
  const counts = result.values.map((v) => v.count);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most frequent first');
  const shown = new Set(result.values.map((v) => v.value ?? null));
  const smallest = Math.min(...counts);
  for (const [value, e] of expected) if (!shown.has(value)) assert.ok(e.count <= smallest, `${value} (${e.count}) is not more frequent than the ones shown`);
}

describe('field facets over the whole range', () => {
  test('dstport under a search with an SQL part: top values, counts, bytes, min/max, through the shared limit', async () => {
    const { sls, slots } = limitedClient(2);
    const posted: HostMessage[] = [];
    await runner(sls, posted).run({ requestId: 'f1', field: 'dstport', query: 'protocol:6 | select count(*) as n', from, to });
    const [result] = only(posted, 'facetResult');
    assert.ok(result, `a result came: ${JSON.stringify(posted)}`);
    const rows = emu.context.sls.generatedRows(flowLog.flowLogId, from, to).filter((r) => r.protocol === 6);
    assert.ok(rows.length > 100, 'enough records to make the test mean something');
    const expected = groupBy(rows, (r) => (r.dstport === null ? null : String(r.dstport)));
    checkTop(result, expected);
    const ports = rows.map((r) => r.dstport).filter((p): p is number => p !== null);
    assert.equal(result.stats?.min, Math.min(...ports));
    assert.equal(result.stats?.max, Math.max(...ports));
    const ps = result.stats?.percentiles.map((p) => p.value ?? NaN) ?? [];
    assert.equal(ps.length, 3);
    for (let i = 0; i < ps.length; i++) assert.ok(ps[i] >= Math.min(...ports) && ps[i] <= Math.max(...ports) && (i === 0 || ps[i] >= ps[i - 1]), `percentiles in range and ordered: ${ps.join(', ')}`);
    assert.equal(slots(), 2, 'the values and the stats statements each took a slot of the shared limit');
  });

  test('a hyphenated text field: counts equal the GROUP BY, no stats', async () => {
    const { sls } = limitedClient(6);
    const posted: HostMessage[] = [];
    await runner(sls, posted).run({ requestId: 'f2', field: 'src-region-id', query: '', from, to });
    const [result] = only(posted, 'facetResult');
    assert.ok(result, `a result came: ${JSON.stringify(posted)}`);
    assert.equal(result.stats, undefined);
    checkTop(result, groupBy(emu.context.sls.generatedRows(flowLog.flowLogId, from, to), (r) => r.srcRegionId));
  });

  test('a facet for a different query cancels the older ones; they report nothing', async () => {
    const { sls } = limitedClient(6);
    const posted: HostMessage[] = [];
    const facets = runner(sls, posted);
    const old = facets.run({ requestId: 'old', field: 'dstport', query: 'protocol:6', from, to });
    const fresh = facets.run({ requestId: 'new', field: 'dstport', query: 'protocol:17', from, to });
    await Promise.all([old, fresh]);
    assert.deepEqual(posted.map((m) => ('requestId' in m ? `${m.type} ${m.requestId}` : m.type)), ['facetResult new']);
    assert.equal(facets.pending, 0);
  });

  test('cancelAll (a new run) stops every facet in flight', async () => {
    const { sls } = limitedClient(6);
    const posted: HostMessage[] = [];
    const facets = runner(sls, posted);
    const a = facets.run({ requestId: 'a', field: 'dstport', query: '*', from, to });
    const b = facets.run({ requestId: 'b', field: 'direction', query: '*', from, to });
    facets.cancelAll();
    await Promise.all([a, b]);
    assert.deepEqual(posted, []);
  });

  test('an unknown field is a facetError with the service\'s message, not a throw', async () => {
    const { sls } = limitedClient(6);
    const posted: HostMessage[] = [];
    await runner(sls, posted).run({ requestId: 'e', field: 'no-such-field', query: '*', from, to });
    const [error] = only(posted, 'facetError');
    assert.ok(error, JSON.stringify(posted));
    assert.equal(error.field, 'no-such-field');
    assert.ok(error.message.length > 0);
  });
});
