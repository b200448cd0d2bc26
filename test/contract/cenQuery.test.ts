/**
 * One query over every flow log of a CEN, against the emulator through the real SDKs: the demo
 * CEN prod-backbone's flow logs are found by listing (as the explorer lists them), search records
 * come from every logstore merged by time (every capture), merged top talkers equal the sums over
 * the generator's records that the CEN counts — each flow once, as the region map counts it
 * (test/support/eachFlowOnce.ts) — a logstore that fails is named while the rest still answers,
 * and the shared limiter bounds the requests in flight.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createCenClient } from '../../src/cloud/cenClient';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type SlsApi } from '../../src/cloud/slsApi';
import { countingLimiter } from './countingLimiter';
import { listCenFlowLogs, routerRegions } from '../../src/flowlogs/flowLogListing';
import { FLOW_LOG_COLUMN, type CenMember, type HostMessage } from '../../src/protocol/messages';
import { CenQueries } from '../../src/views/workbench/cenQueries';
import { cenMember } from '../../src/views/workbench/workbenchTarget';
import { QueryRunner } from '../../src/views/workbench/queryRunner';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import { eachFlowOnce } from '../support/eachFlowOnce';

let emu: TestEmulator;
let sls: SlsApi;
let members: CenMember[];
let cenId: string;
// Whole 10-minute windows, an hour back from the last closed one.
const to = Math.floor(Date.now() / 1000 / 600) * 600;
const from = to - 3600;

before(async () => {
  emu = await startTestEmulator({ historyDays: 1 });
  sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, incomplete: { initialDelayMs: 5 } });
  const cenRecord = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'prod-backbone');
  assert.ok(cenRecord, 'the demo has the CEN prod-backbone');
  cenId = cenRecord.cenId;
  const cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 6 } });
  const flowLogs = await listCenFlowLogs(cen, cenId, routerRegions(await cen.listTransitRouters(cenId)));
  members = flowLogs.map(cenMember);
  assert.ok(members.length >= 2, `prod-backbone has several flow logs (${members.length})`);
  // Records are generated as queries arrive: one query brings every logstore up to the clock.
  await Promise.all(members.map((m) => sls.query({ regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName, from, to, query: '* | select count(*)' })));
});
after(() => emu.close());

/**
 * The generator's records of a member in the range: the ground truth, recomputed independently.
 * The emulator writes records only while a flow log is Active (its generatedRows does not look at
 * the status), so a demo flow log that is Inactive holds none.
 */
function generated(m: CenMember): FlowRow[] {
  const active = emu.context.cen.listFlowLogs().find((f) => f.flowLogId === m.flowLogId)?.status === 'Active';
  return active ? emu.context.sls.generatedRows(m.flowLogId, from, to) : [];
}

let countedRows: Map<string, FlowRow[]> | undefined;

/** The member's records a CEN's SQL counts: each flow once over the CEN's flow logs. */
function counted(m: CenMember): FlowRow[] {
  countedRows ??= eachFlowOnce(
    members.map((x) => ({ flowLogId: x.flowLogId, regionId: x.regionId, ...(x.transitRouterAttachmentId ? { attachmentId: x.transitRouterAttachmentId } : {}) })),
    (f) => generated(members.find((x) => x.flowLogId === f.flowLogId) ?? assert.fail(f.flowLogId)),
  );
  return countedRows.get(m.flowLogId) ?? [];
}

describe('a CEN query against the emulator', () => {
  it('search: every record of every logstore, merged newest first, each naming its flow log', async () => {
    const queries = new CenQueries(async () => sls, members);
    const perFlowLog = new Map<string, number>();
    let previous = Number.POSITIVE_INFINITY;
    for await (const page of queries.queryPages({ query: '*', from, to, reverse: true }, { maxRows: 1_000_000 })) {
      assert.deepEqual(page.shortfalls, []);
      for (const r of recordsOf(page)) {
        const time = Number(r.__time__);
        assert.ok(time <= previous, 'merged by time, newest first');
        previous = time;
        perFlowLog.set(r[FLOW_LOG_COLUMN], (perFlowLog.get(r[FLOW_LOG_COLUMN]) ?? 0) + 1);
      }
    }
    const expected = new Map(members.map((m) => [m.title, generated(m).length] as const).filter(([, n]) => n > 0));
    assert.ok(expected.size >= 2, `records in more than one logstore (${[...expected.keys()].join(', ')})`);
    assert.deepEqual(new Map([...perFlowLog].sort()), new Map([...expected].sort()));
  });

  it('SQL: merged top talkers equal the sums over the generated records, each flow once', async () => {
    const queries = new CenQueries(async () => sls, members);
    const result = await queries.query({ query: '* | select srcaddr, sum(bytes) as b, count(*) as n group by srcaddr order by b desc limit 10', from, to });
    assert.deepEqual(result.shortfalls, []);
    assert.deepEqual(result.columns, ['srcaddr', 'b', 'n']);
    const sums = new Map<string, { b: number; n: number }>();
    for (const m of members) {
      for (const r of counted(m)) {
        const s = sums.get(r.srcaddr) ?? { b: 0, n: 0 };
        sums.set(r.srcaddr, { b: s.b + (r.bytes ?? 0), n: s.n + 1 });
      }
    }
    const expected = [...sums].sort((a, b) => b[1].b - a[1].b).slice(0, 10).map(([src, s]) => [src, String(s.b), String(s.n)]);
    assert.equal(result.rows.length, expected.length);
    assert.deepEqual(result.rows, expected);
    // The same pair is captured twice (the Hangzhou router and its Beijing connection): the totals are not every capture added.
    const everyCapture = members.reduce((n, m) => n + generated(m).length, 0);
    assert.ok(members.reduce((n, m) => n + counted(m).length, 0) < everyCapture, 'some records are the same traffic again');
    assert.match(result.counting?.text ?? '', /Each flow counted once, as on the region map: from .*prod-backbone-flowlog.*; hangzhou-to-beijing left out \(the same traffic\)/);
  });

  it('SQL: avg merges as sum/count over the counted records of all flow logs', async () => {
    const queries = new CenQueries(async () => sls, members);
    const result = await queries.query({ query: '* | select avg(bytes) as a, count(*) as n, min(bytes) as lo, max(bytes) as hi', from, to });
    const all = members.flatMap(counted);
    const bytes = all.map((r) => r.bytes).filter((b): b is number => b !== null);
    const [row] = recordsOf(result);
    assert.equal(row.n, String(all.length));
    assert.ok(Math.abs(Number(row.a) - bytes.reduce((x, y) => x + y, 0) / bytes.length) < 1e-6, `avg ${row.a}`);
    assert.equal(row.lo, String(Math.min(...bytes)));
    assert.equal(row.hi, String(Math.max(...bytes)));
  });

  it('a logstore that fails is named; the others still answer, through the query runner', async () => {
    const missing: CenMember = { flowLogId: 'flowlog-gone', title: 'gone-flowlog', regionId: 'cn-hangzhou', projectName: 'no-such-project-20a', logStoreName: 'nothing', interval: 600 };
    const posted: HostMessage[] = [];
    const runner = new QueryRunner({
      queries: new CenQueries(async () => sls, [...members, missing]),
      interval: 600,
      post: async (m) => void posted.push(m),
      resolveRange: resolveWorkbenchRange,
    });
    await runner.run('cen-1', '* | select count(*) as n', { kind: 'absolute', from, to });
    const done = posted.find((m): m is Extract<HostMessage, { type: 'queryDone' }> => m.type === 'queryDone');
    assert.ok(done, JSON.stringify(posted.filter((m) => m.type === 'queryError')));
    assert.deepEqual(done.status.shortfalls?.map((s) => [s.flowLog, s.kind]), [['gone-flowlog', 'failed']]);
    assert.ok(done.status.shortfalls?.[0].message, 'the failure says why');
    const page = posted.find((m): m is Extract<HostMessage, { type: 'resultPage' }> => m.type === 'resultPage');
    assert.ok(page);
    const total = members.reduce((n, m) => n + counted(m).length, 0);
    assert.equal(page.rows.text.includes(String(total)), true, `the count over the others (${total})`);
  });

  it('search: a logstore that fails is named; the first page still comes from the others', async () => {
    const missing: CenMember = { flowLogId: 'flowlog-gone', title: 'gone-flowlog', regionId: 'cn-hangzhou', projectName: 'no-such-project-20a', logStoreName: 'nothing', interval: 600 };
    const queries = new CenQueries(async () => sls, [missing, ...members]);
    const page = await queries.query({ query: '*', from, to, line: 100, offset: 0, reverse: true });
    assert.deepEqual(page.shortfalls.map((s) => [s.flowLog, s.kind]), [['gone-flowlog', 'failed']]);
    assert.equal(page.rows.length, 100);
    assert.match(page.counting?.text ?? '', /^Every capture: a flow seen by two flow logs shows once for each/);
    const titles = new Set(members.map((m) => m.title));
    assert.ok(recordsOf(page).every((r) => titles.has(r[FLOW_LOG_COLUMN])));
  });

  it('fetched ahead (prepare): the Run asks only the statements, and answers as a Run that was not', async () => {
    const query = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 10';
    const cold = countingLimiter(64);
    const coldAnswer = await new CenQueries(async () => createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: cold.limiter }), members).query({ query, from, to });
    const warm = countingLimiter(64);
    const queries = new CenQueries(async () => createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: warm.limiter }), members);
    await queries.prepare({ from, to });
    const ahead = warm.slots();
    assert.ok(ahead >= members.length, `each flow log's pair aggregation was asked ahead (${ahead})`);
    await queries.prepare({ from, to });
    assert.equal(warm.slots(), ahead, 'a second prepare of the same range asks nothing');
    const answer = await queries.query({ query, from, to });
    const run = warm.slots() - ahead;
    assert.equal(ahead + run, cold.slots(), 'the same requests as a Run that was not fetched ahead, only earlier');
    assert.ok(run <= members.length, `the Run asked one statement per counted flow log at most (${run} of ${cold.slots()})`);
    assert.deepEqual(answer.rows, coldAnswer.rows);
    assert.deepEqual(answer.counting, coldAnswer.counting);
  });

  it('the query runner fetches ahead for an analytic statement only, over the range the Run will use; the histogram follows the rows', async () => {
    const limited = countingLimiter(64);
    const posted: string[] = [];
    const client = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: limited.limiter });
    // The same client, noting when the histogram is asked for among the messages posted.
    const noting: SlsApi = Object.create(client, {
      histogram: { value: (...args: Parameters<SlsApi['histogram']>) => (posted.push('histogram asked'), client.histogram(...args)) },
    }) as SlsApi;
    const runner = new QueryRunner({
      queries: new CenQueries(async () => noting, members),
      interval: 600,
      post: async (m) => void posted.push(m.type),
      resolveRange: resolveWorkbenchRange,
    });
    const spec = { kind: 'absolute', from, to } as const;
    await runner.prepare('dstport: 443', spec);
    assert.equal(limited.slots(), 0, 'a search needs nothing ahead');
    await runner.prepare('* | select count(*) as n', spec);
    const ahead = limited.slots();
    assert.ok(ahead >= members.length, `fetched ahead for the statement (${ahead})`);
    await runner.run('cen-ahead', '* | select count(*) as n', spec);
    assert.ok(limited.slots() - ahead <= members.length + members.length, 'the Run asked the statements and the histogram, no pair aggregation again');
    // The histogram's requests (one per flow log) come after the rows', so they never take the slots first.
    assert.ok(posted.indexOf('queryDone') > posted.indexOf('resultPage') && posted.indexOf('histogram asked') > posted.indexOf('queryDone'), posted.join(' → '));
    assert.ok(posted.includes('histogram'), 'the histogram still comes');
  });

  it('every logstore is asked at once, never more requests in flight than the shared limit', async () => {
    const { limiter, slots, peak } = countingLimiter(2);
    const limited = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter });
    const queries = new CenQueries(async () => limited, [...members, ...members]);
    await queries.query({ query: '* | select dstport, count(*) as n group by dstport order by n desc limit 5', from, to });
    assert.ok(slots() >= members.length * 2, `one request per logstore at least (${slots()})`);
    assert.equal(peak(), 2);
  });
});
