/**
 * Field-value completion of query documents against the emulator, over real HTTP through the SDK:
 * the values offered after `dstport =`, `srcaddr:` and `direction in (` are the field's top values
 * over the last hour, computed here independently from the generator's records; concurrent asks
 * for one field send one request, through the client's shared request limit; a cancelled ask
 * cancels the request nobody else waits for.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import { createCenClient } from '../../src/cloud/cenClient';
import { RequestLimiter } from '../../src/cloud/requestLimiter';
import type { FlowLog } from '../../src/cloud/cenApi';
import type { SlsApi } from '../../src/cloud/slsApi';
import { listAccountFlowLogs } from '../../src/flowlogs/flowLogListing';
import { RecentFieldValues } from '../../src/documents/recentFieldValues';
import { complete } from '../../src/query/completion';
import type { SuggestedValue } from '../../src/query/fieldValues';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import type { AnsweredQuery } from '../../emulator/context';

/** The emulator's clock stands still, so the records a query sees are the ones computed here. */
const NOW_MS = Math.floor(Date.now() / 1000) * 1000;
/** As many values as completion offers. */
const TOP = 20;

let emu: TestEmulator;
let sls: SlsApi;
let limiter: RequestLimiter;
let slots = 0;
let flowLog: FlowLog;

before(async () => {
  emu = await startTestEmulator({ historyDays: 1, now: () => NOW_MS });
  limiter = new RequestLimiter(2);
  const run = limiter.run.bind(limiter);
  limiter.run = <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    slots++;
    return run(task, signal);
  };
  sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter, incomplete: { initialDelayMs: 5 } });
  const cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 8 } });
  const all = await listAccountFlowLogs(cen);
  flowLog = all.find((f) => f.status === 'Active' && f.projectName !== '' && f.regionId === 'cn-hangzhou') ?? assert.fail('the demo has an Active flow log in cn-hangzhou');
});
after(() => emu.close());

function valuesSource(): RecentFieldValues {
  return new RecentFieldValues({ sls: async () => sls, now: () => NOW_MS });
}

/** The top-values queries the emulator answered for this flow log since `before`. */
function topValueQueries(before: number): AnsweredQuery[] {
  return emu.context.answeredQueries.slice(before).filter((q) => q.project === flowLog.projectName && q.logstore === flowLog.logStoreName && /count\(\*\) as n where/.test(q.query));
}

/**
 * The field's most frequent values among the records of [from, to) (a record's __time__ is its
 * window's end), most frequent first, ties in value order; the 2019 form's "-" markers hold no value.
 */
function expectedTop(from: number, to: number, value: (r: FlowRow) => string | number | null): { value: string; count: number }[] {
  const counts = new Map<string | number, number>();
  for (const r of emu.context.sls.generatedRows(flowLog.flowLogId, from - 3600, to + 3600)) {
    if (r.time < from || r.time >= to) continue;
    const v = value(r);
    if (v === null || v === '') continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP)
    .map(([v, count]) => ({ value: String(v), count }));
}

/** What the offered value says of its count ("1,204 records of late"), read back as a number. */
function countOf(v: SuggestedValue): number {
  return Number(/^([\d,]+) record/.exec(v.detail)?.[1].replace(/,/g, ''));
}

describe('field-value completion against the emulator', () => {
  it('after dstport = the numeric top values of the last hour, bare, most frequent first', async () => {
    const before = emu.context.answeredQueries.length;
    const values = await valuesSource().values(flowLog, 'dstport');
    const [q] = topValueQueries(before);
    assert.ok(q, 'one top-values query was sent');
    const nowS = NOW_MS / 1000;
    assert.ok(q.to >= nowS && q.to - q.from >= 3600 && q.to - q.from <= 3600 + 2 * flowLog.interval, `the last hour, in whole windows (${q.from}..${q.to})`);
    const expected = expectedTop(q.from, q.to, (r) => r.dstport);
    assert.ok(expected.length >= 3, 'the flow log has traffic in the last hour');
    assert.deepEqual(values.map((v) => ({ value: v.value, count: countOf(v) })), expected);

    const query = '* | select count(*) as n where dstport = ';
    const offered = complete(query, query.length, { values: (f) => (f === 'dstport' ? values : undefined) }).options.filter((o) => o.type === 'value');
    assert.deepEqual(offered.map((o) => o.apply), expected.map((e) => e.value), 'a numeric field compares bare numbers');
  });

  it('after srcaddr: and after direction in (: the text top values, written as search and SQL read them', async () => {
    const source = valuesSource();
    const before = emu.context.answeredQueries.length;
    const srcaddr = await source.values(flowLog, 'srcaddr');
    const direction = await source.values(flowLog, 'direction');
    const [q] = topValueQueries(before);
    const expectedAddr = expectedTop(q.from, q.to, (r) => r.srcaddr);
    assert.deepEqual(srcaddr.map((v) => ({ value: v.value, count: countOf(v) })), expectedAddr);
    const search = complete('srcaddr:', 8, { values: () => srcaddr }).options.map((o) => o.apply);
    // IPv4 addresses are plain words in a search: bare.
    assert.deepEqual(search, expectedAddr.map((e) => e.value));

    const expectedDirection = expectedTop(q.from, q.to, (r) => r.direction);
    assert.deepEqual(direction.map((v) => ({ value: v.value, count: countOf(v) })), expectedDirection);
    const sql = '* | select count(*) as n where direction in (';
    const offered = complete(sql, sql.length, { values: (f) => (f === 'direction' ? direction : undefined) }).options.filter((o) => o.type === 'value');
    assert.deepEqual(offered.map((o) => o.apply), expectedDirection.map((e) => `'${e.value}'`), 'text values in single quotes');
  });

  it('asks sent together for one field make one request, in a slot of the shared limit; the cache answers the next', async () => {
    const source = valuesSource();
    const before = emu.context.answeredQueries.length;
    const slotsBefore = slots;
    const [a, b, c] = await Promise.all([source.values(flowLog, 'srcport'), source.values(flowLog, 'srcport'), source.values(flowLog, 'srcport')]);
    assert.deepEqual(a, b);
    assert.deepEqual(b, c);
    assert.equal(topValueQueries(before).length, 1, 'one request per field per target at a time');
    assert.equal(slots - slotsBefore, 1, 'the request took a slot of the client limiter');
    await source.values(flowLog, 'srcport');
    assert.equal(topValueQueries(before).length, 1, 'answered from the cache');
  });

  it('a cancelled completion cancels its request; the next ask sends a fresh one', async () => {
    const source = valuesSource();
    // Both slots taken: the values' request waits in the limiter's queue when the cancel comes.
    const release: (() => void)[] = [];
    const held = [0, 1].map(() => limiter.run(() => new Promise<void>((r) => release.push(r))));
    const cancel = new AbortController();
    const before = emu.context.answeredQueries.length;
    const asked = source.values(flowLog, 'protocol', cancel.signal);
    cancel.abort();
    await assert.rejects(asked, (e: unknown) => e instanceof Error && 'kind' in e && e.kind === 'cancelled');
    for (const r of release) r();
    await Promise.all(held);
    assert.equal(limiter.waiting, 0, 'the cancelled request left the queue');
    assert.equal(topValueQueries(before).length, 0, 'nothing was sent for it');
    const values = await source.values(flowLog, 'protocol');
    const [q] = topValueQueries(before);
    assert.deepEqual(values.map((v) => ({ value: v.value, count: countOf(v) })), expectedTop(q.from, q.to, (r) => r.protocol));
  });
});
