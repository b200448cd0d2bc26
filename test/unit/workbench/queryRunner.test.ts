/**
 * The workbench's query runner and exporter against the emulator, over real HTTP through the real
 * SLS client: message order, bounded pages, paging by offset and LIMIT, cancellation, positioned
 * errors. Expected values are recomputed from the emulator's generator, not from the service.
 */
import '../../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../../support/emulator';
import { createSlsClient } from '../../../src/cloud/slsClient';
import type { SlsApi } from '../../../src/cloud/slsApi';
import type { HostMessage, TimeRangeSpec } from '../../../src/protocol/messages';
import type { FlowLogView } from '../../../emulator/cen/store';
import type { FlowRow } from '../../../emulator/data/flowLogGenerator';
import { QueryRunner, LOAD_MORE_ROWS } from '../../../src/views/workbench/queryRunner';
import { logstoreQuerying } from '../../../src/views/workbench/targetQueries';
import { RESULT_PAGE_ROWS } from '../../../src/views/workbench/resultPages';
import { unpackRows } from '../../../src/results/packedRows';
import { resolveWorkbenchRange } from '../../../src/views/workbench/workbenchLanguage';
import { exportQueryResult } from '../../../src/views/workbench/resultExport';

let emu: TestEmulator;
let sls: SlsApi;
let flowLog: FlowLogView;

before(async () => {
  emu = await startTestEmulator({ historyDays: 1 });
  sls = createSlsClient({
    endpoint: emu.slsEndpoint,
    protocol: 'http',
    credentials: ownerCredentials,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    incomplete: { initialDelayMs: 20, maxDelayMs: 50, maxPolls: 200 },
  });
  const active = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active');
  assert.ok(active, 'the demo has an Active flow log');
  flowLog = active;
});
after(() => emu.close());

const FOUR_HOURS: TimeRangeSpec = { kind: 'relative', amount: 4, unit: 'hours' };

function harness(): { runner: QueryRunner; messages: HostMessage[]; of: <T extends HostMessage['type']>(type: T) => Extract<HostMessage, { type: T }>[] } {
  const messages: HostMessage[] = [];
  const runner = new QueryRunner({
    ...logstoreQuerying(async () => sls, flowLog),
    post: async (m) => void messages.push(m),
    resolveRange: resolveWorkbenchRange,
  });
  const of = <T extends HostMessage['type']>(type: T): Extract<HostMessage, { type: T }>[] =>
    messages.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);
  return { runner, messages, of };
}

function generated(from: number, to: number): FlowRow[] {
  return emu.context.sls.generatedRows(flowLog.flowLogId, from, to);
}

/** Rows of all resultPage messages as records, using each page's own column list. */
function rowsOf(pages: Extract<HostMessage, { type: 'resultPage' }>[]): Record<string, string>[] {
  return pages.flatMap((p) => unpackRows(p.rows).map((r) => Object.fromEntries(p.columns.map((c, i) => [c, r[i]]))));
}

describe('raw logs', () => {
  test('first page, then load more and load all by offset: every matching record once, pages bounded', async () => {
    const { runner, messages, of } = harness();
    await runner.run('r1', 'dstport:22', FOUR_HOURS);
    const [started] = of('queryStarted');
    assert.equal(messages[0].type, 'queryStarted');
    assert.equal(started.range.from % flowLog.interval, 0, 'snapped to the capture window');
    assert.equal(started.range.to % flowLog.interval, 0);
    const expected = generated(started.range.from, started.range.to).filter((r) => r.dstport === 22);
    assert.ok(expected.length > 100, `want more than one page of dstport 22, have ${expected.length}`);

    let done = of('queryDone');
    assert.equal(done.length, 1);
    assert.equal(done[0].status.rowCount, 100);
    assert.equal(done[0].status.more, true);
    assert.equal(done[0].status.hasSql, false);
    assert.equal(of('resultPage').at(-1)?.last, true);

    const [histogram] = of('histogram');
    assert.equal(histogram.buckets.reduce((s, b) => s + b.count, 0), expected.length, 'histogram counts the same records');

    await runner.loadMore('r1', true);
    done = of('queryDone');
    assert.equal(done.length, 2);
    assert.equal(done[1].status.rowCount, expected.length);
    assert.equal(done[1].status.more, false);
    const pages = of('resultPage');
    assert.deepEqual(pages.map((p) => p.pageIndex), pages.map((_, i) => i), 'page indexes are consecutive');
    assert.ok(pages.every((p) => p.rows.rowCount <= RESULT_PAGE_ROWS));
    const got = rowsOf(pages);
    const key = (t: string | number, s: string, sp: string | number | null, d: string, b: string | number | null): string => [t, s, sp, d, b].join('|');
    assert.deepEqual(
      got.map((r) => key(r.__time__, r.srcaddr, r.srcport, r.dstaddr, r.bytes)).sort(),
      expected.map((r) => key(r.time, r.srcaddr, r.srcport, r.dstaddr, r.bytes)).sort(),
    );
    assert.ok(got.every((r) => r.dstport === '22'));
    // Newest first, as the console shows logs.
    assert.ok(Number(got[0].__time__) >= Number(got[got.length - 1].__time__));
  });

  test('"load more" adds a bounded batch and says whether more remain', async () => {
    const { runner, of } = harness();
    await runner.run('r2', '*', FOUR_HOURS);
    await runner.loadMore('r2', false);
    const done = of('queryDone');
    assert.equal(done[1].status.rowCount, 100 + LOAD_MORE_ROWS);
    assert.equal(done[1].status.more, true);
    assert.ok(of('resultPage').every((p) => p.rows.rowCount <= RESULT_PAGE_ROWS));
  });
});

describe('SQL', () => {
  test('an aggregate matches the independent answer', async () => {
    const { runner, of } = harness();
    // Was grouped by "log-status" (2019 form); the demo flow logs write today's fields (issue 18).
    await runner.run('s1', '* | select "src-region-id" as s, count(*) as n group by s', FOUR_HOURS);
    const [started] = of('queryStarted');
    const expected = new Map<string, number>();
    for (const r of generated(started.range.from, started.range.to)) expected.set(r.srcRegionId, (expected.get(r.srcRegionId) ?? 0) + 1);
    const rows = rowsOf(of('resultPage'));
    assert.deepEqual(new Map(rows.map((r) => [r.s, Number(r.n)])), expected);
    const [done] = of('queryDone');
    assert.equal(done.status.hasSql, true);
    assert.equal(done.status.more, false);
    assert.equal(done.status.progress, 'Complete');
    assert.deepEqual(of('resultPage')[0].columns, ['s', 'n']);
  });

  test('SQL without LIMIT stops at 100 rows; more comes by LIMIT pages without repeating rows', async () => {
    const { runner, of } = harness();
    const query = '* | select __time__ as t, srcaddr, srcport, dstaddr, dstport, bytes order by t, srcaddr, srcport, dstaddr, dstport, bytes';
    await runner.run('s2', query, FOUR_HOURS);
    assert.equal(of('queryDone')[0].status.rowCount, 100);
    assert.equal(of('queryDone')[0].status.more, true);
    await runner.loadMore('s2', false);
    assert.equal(of('queryDone')[1].status.rowCount, 100 + LOAD_MORE_ROWS);
    const rows = rowsOf(of('resultPage'));
    assert.equal(rows.length, 100 + LOAD_MORE_ROWS);
    const times = rows.map((r) => Number(r.t));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'the pages continue the order');
  });

  test('SQL with its own LIMIT has nothing more to load', async () => {
    const { runner, of } = harness();
    await runner.run('s3', '* | select srcaddr limit 250', FOUR_HOURS);
    assert.equal(of('queryDone')[0].status.rowCount, 250);
    assert.equal(of('queryDone')[0].status.more, false);
  });
});

describe('one query shape for the runner and export', () => {
  // A single quote is not search syntax: the | after it starts the SQL for the runner, for the
  // export's pages and for the service (src/query/queryShape.ts).
  const query = "dstport:22 or it's | select count(*) as n";
  test('the runner and the export both read it as SQL and agree on the rows', async () => {
    const { runner, of } = harness();
    await runner.run('q1', query, FOUR_HOURS);
    const [done] = of('queryDone');
    assert.ok(done, JSON.stringify(of('queryError')));
    assert.equal(done.status.hasSql, true);
    const shown = rowsOf(of('resultPage'));
    assert.deepEqual(Object.keys(shown[0]), ['n']);
    const range = of('queryStarted')[0].range;
    const file = join(mkdtempSync(join(tmpdir(), 'wb-runner-')), 'out.json');
    const target = { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName };
    await exportQueryResult(sls, { ...target, query, from: range.from, to: range.to }, file, 'json', { query, from: range.from, to: range.to, rangeLabel: range.label, target, exportedAt: new Date() }, { signal: new AbortController().signal });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { rows: { n: string }[] };
    assert.deepEqual(doc.rows, shown);
  });
});

describe('errors and cancellation', () => {
  test('a bad query is reported with its position in the query', async () => {
    const { runner, of } = harness();
    const query = '* | select srcaddr, nosuchfunc(bytes) group by srcaddr';
    await runner.run('e1', query, FOUR_HOURS);
    const [error] = of('queryError');
    assert.ok(error, 'a queryError');
    assert.equal(error.error.code, 'ParameterInvalid');
    assert.deepEqual(error.error.position, { from: query.indexOf('nosuchfunc'), to: query.indexOf('nosuchfunc') + 'nosuchfunc'.length });
    assert.equal(of('queryDone').length, 0);
  });

  test('an impossible time range is refused before any call', async () => {
    const { runner, of } = harness();
    await runner.run('e2', '*', { kind: 'absolute', from: 2_000_000_000, to: 1_000_000_000 });
    assert.match(of('queryError')[0].error.message, /before the end/);
  });

  test('cancel stops the Incomplete loop: queryCancelled, no rows, no queryDone', async () => {
    await emu.setFaults({ incompletePolls: 1_000 });
    try {
      const { runner, of } = harness();
      const running = runner.run('c1', 'dstport:443', FOUR_HOURS);
      const deadline = Date.now() + 10_000;
      while (of('queryProgress').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(of('queryProgress')[0].incompleteAttempts >= 1, 'the Incomplete loop reported progress');
      runner.cancel('c1');
      await running;
      assert.equal(of('queryCancelled').length, 1);
      assert.equal(of('queryDone').length, 0);
      assert.equal(of('resultPage').length, 0);
    } finally {
      await emu.setFaults({ incompletePolls: 0 });
    }
  });

  test('cancelling "load all" keeps the rows so far, and a later "load more" continues from there', async () => {
    const { runner, of } = harness();
    await runner.run('c2', '*', FOUR_HOURS);
    const loading = runner.loadMore('c2', true);
    const deadline = Date.now() + 10_000;
    while (of('queryProgress').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    runner.cancel('c2');
    await loading;
    assert.equal(of('queryCancelled').length, 1);
    const kept = rowsOf(of('resultPage')).length;
    await runner.loadMore('c2', false);
    const done = of('queryDone').at(-1);
    assert.equal(done?.status.rowCount, kept + LOAD_MORE_ROWS);
    const keys = rowsOf(of('resultPage')).map((r) => JSON.stringify(r));
    assert.equal(new Set(keys).size, keys.length, 'no record delivered twice');
  });

  test('a new run cancels the previous one; its late results are not delivered', async () => {
    const { runner, of } = harness();
    const first = runner.run('n1', '*', FOUR_HOURS);
    const second = runner.run('n2', '* | select count(*) as n', FOUR_HOURS);
    await Promise.all([first, second]);
    assert.ok(of('resultPage').every((p) => p.requestId === 'n2'));
    assert.equal(of('queryDone').filter((d) => d.requestId === 'n1').length, 0);
    assert.equal(runner.currentRequestId, 'n2');
  });
});

describe('export', () => {
  test('CSV of the whole raw result (beyond what the grid loaded), with the query recorded', async () => {
    const range = resolveWorkbenchRange(FOUR_HOURS, flowLog.interval, new Date());
    const expected = generated(range.from, range.to).filter((r) => r.dstport === 22);
    const file = join(mkdtempSync(join(tmpdir(), 'wb-runner-')), 'out.csv');
    const outcome = await exportQueryResult(
      sls,
      { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, query: 'dstport:22', from: range.from, to: range.to },
      file,
      'csv',
      { query: 'dstport:22', from: range.from, to: range.to, rangeLabel: range.label, target: { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName }, exportedAt: new Date() },
      { signal: new AbortController().signal },
    );
    assert.equal(outcome.rows, expected.length);
    const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    assert.ok(lines.includes('# query: dstport:22'));
    const data = lines.filter((l) => !l.startsWith('#'));
    assert.equal(data.length, expected.length + 1, 'header plus one line per record');
    const header = data[0].split(',');
    const port = header.indexOf('dstport');
    assert.ok(data.slice(1).every((l) => l.split(',')[port] === '22'));
  });

  test('JSON of an SQL result, all LIMIT pages', async () => {
    const range = resolveWorkbenchRange(FOUR_HOURS, flowLog.interval, new Date());
    const file = join(mkdtempSync(join(tmpdir(), 'wb-runner-')), 'out.json');
    const query = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc';
    const outcome = await exportQueryResult(
      sls,
      { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, query, from: range.from, to: range.to },
      file,
      'json',
      { query, from: range.from, to: range.to, rangeLabel: range.label, target: { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName }, exportedAt: new Date() },
      { signal: new AbortController().signal },
    );
    const expected = new Set(generated(range.from, range.to).map((r) => r.srcaddr));
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { rows: { srcaddr: string; b: string }[]; rowCount: number; query: string };
    assert.equal(doc.query, query);
    assert.equal(outcome.rows, expected.size);
    assert.equal(doc.rowCount, expected.size);
    assert.deepEqual(new Set(doc.rows.map((r) => r.srcaddr)), expected);
  });

  test('a cancelled export leaves no file', async () => {
    const range = resolveWorkbenchRange(FOUR_HOURS, flowLog.interval, new Date());
    const dir = mkdtempSync(join(tmpdir(), 'wb-runner-'));
    const controller = new AbortController();
    await assert.rejects(
      exportQueryResult(
        sls,
        { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, query: '*', from: range.from, to: range.to },
        join(dir, 'x.csv'),
        'csv',
        { query: '*', from: range.from, to: range.to, rangeLabel: '', target: { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName }, exportedAt: new Date() },
        { signal: controller.signal, onRows: (n) => (n >= 500 ? controller.abort() : undefined) },
      ),
    );
    const { readdirSync } = await import('node:fs');
    assert.deepEqual(readdirSync(dir), []);
  });
});
