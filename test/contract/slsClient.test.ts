/**
 * The extension's SLS client against the emulator over real HTTP through @alicloud/sls20201230.
 * Answers are checked against an independent computation over the generator's records.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type QueryRequest, type SlsApi } from '../../src/cloud/slsApi';
import { CloudError } from '../../src/cloud/cloudError';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import type { FlowLogView } from '../../emulator/cen/store';

let emu: TestEmulator;
let sls: SlsApi;
let flowLog: FlowLogView;
let now: number;
const retries: string[] = [];

function client(secret?: string): SlsApi {
  return createSlsClient({
    endpoint: emu.slsEndpoint,
    protocol: 'http',
    credentials: secret
      ? { label: 'wrong', getCredentials: async () => ({ accessKeyId: 'LTAIemulatorOwner', accessKeySecret: secret }) }
      : ownerCredentials,
    retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 10 },
    incomplete: { initialDelayMs: 5 },
    onRetry: (info) => void retries.push(info.error.code ?? info.error.kind),
  });
}

before(async () => {
  emu = await startTestEmulator({ historyDays: 3 });
  sls = client();
  const active = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active');
  assert.ok(active, 'the demo has an Active flow log');
  flowLog = active;
  now = Math.floor(Date.now() / 1000);
});
after(() => emu.close());

function ref(): Pick<QueryRequest, 'regionId' | 'projectName' | 'logStoreName'> {
  return { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName };
}
function generated(from: number, to: number): FlowRow[] {
  return emu.context.sls.generatedRows(flowLog.flowLogId, from, to);
}
function sumBy<K>(rows: FlowRow[], key: (r: FlowRow) => K, value: (r: FlowRow) => number): Map<K, number> {
  const m = new Map<K, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
}

describe('projects, logstores, index', () => {
  test('lists the demo project and logstore of the region', async () => {
    const projects = await sls.listProjects(flowLog.regionId);
    assert.ok(projects.some((p) => p.projectName === flowLog.projectName));
    assert.ok(projects.every((p) => p.region === flowLog.regionId));
    assert.deepEqual(await sls.listLogStores(flowLog.regionId, flowLog.projectName), [flowLog.logStoreName]);
  });
  test('ensureFlowLogStore creates project, logstore and a typed index, idempotently', async () => {
    const target = { regionId: 'cn-shanghai', projectName: 'contract-new-project', logStoreName: 'flows' };
    assert.equal(await sls.getIndex(target).catch((e: CloudError) => e.kind), 'notFound');
    await sls.ensureFlowLogStore(target);
    await sls.ensureFlowLogStore(target);
    const index = await sls.getIndex(target);
    assert.equal(index?.bytes.type, 'long');
    assert.equal(index?.dstport.type, 'long');
    assert.equal(index?.srcaddr.type, 'text');
    assert.deepEqual(await sls.listLogStores('cn-shanghai', 'contract-new-project'), ['flows']);
  });
});

describe('queries over the demo records', () => {
  const span = () => ({ from: now - 6 * 3600, to: now + 1 });
  // Was "log-status" counts and "log-status":OK filters: the demo flow logs are of today's form
  // (issue 18), whose records carry no log-status; the older form is covered in slsFlowLogForms.
  test('direction counts', async () => {
    const { from, to } = span();
    const r = await sls.query({ ...ref(), from, to, query: '* | select direction as s, count(*) as n group by s' });
    const expected = sumBy(generated(from, to), (x) => x.direction, () => 1);
    assert.deepEqual(new Map(recordsOf(r).map((x) => [x.s, Number(x.n)])), expected);
    assert.equal(r.progress, 'Complete');
  });
  test('top talkers by bytes', async () => {
    const { from, to } = span();
    const r = await sls.query({
      ...ref(), from, to,
      query: '* | select srcaddr, dstaddr, sum(bytes) as b group by srcaddr, dstaddr order by b desc limit 5',
    });
    const expected = [...sumBy(generated(from, to), (x) => `${x.srcaddr}>${x.dstaddr}`, (x) => x.bytes ?? 0)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    assert.deepEqual(recordsOf(r).map((x) => [`${x.srcaddr}>${x.dstaddr}`, Number(x.b)]), expected);
    assert.deepEqual(r.columns, ['srcaddr', 'dstaddr', 'b']);
  });
  test('bytes per region pair', async () => {
    const { from, to } = span();
    const r = await sls.query({
      ...ref(), from, to,
      query: '* | select "src-region-id" as s, "dst-region-id" as d, sum(bytes) as b group by s, d',
    });
    const expected = sumBy(generated(from, to), (x) => `${x.srcRegionId}>${x.dstRegionId}`, (x) => x.bytes ?? 0);
    assert.deepEqual(new Map(recordsOf(r).map((x) => [`${x.s}>${x.d}`, Number(x.b)])), expected);
    for (const key of expected.keys()) assert.notEqual(key.split('>')[0], key.split('>')[1], 'cross-region only');
  });
  test('records per capture window, __time__ = window end', async () => {
    const { from, to } = span();
    const r = await sls.query({ ...ref(), from, to, query: '* | select __time__ as t, count(*) as n group by t order by t limit 1000' });
    const expected = sumBy(generated(from, to), (x) => x.time, () => 1);
    assert.deepEqual(new Map(recordsOf(r).map((x) => [Number(x.t), Number(x.n)])), expected);
    for (const t of expected.keys()) assert.equal(t % flowLog.interval, 0);
  });
  test('100 rows by default, LIMIT raises it', async () => {
    const { from, to } = span();
    assert.equal((await sls.query({ ...ref(), from, to, query: '* | select srcaddr' })).rows.length, 100);
    assert.equal((await sls.query({ ...ref(), from, to, query: '* | select srcaddr limit 250' })).rows.length, 250);
  });
  test('search statements return raw records as strings', async () => {
    const { from, to } = span();
    const r = await sls.query({ ...ref(), from, to, query: 'dstport:443 and bytes > 100000', line: 20 });
    assert.equal(r.hasSql, false);
    assert.ok(r.rows.length > 0 && r.rows.length <= 20);
    for (const row of recordsOf(r)) {
      assert.equal(row.dstport, '443');
      assert.ok(Number(row.bytes) > 100000);
      assert.equal(typeof row.__time__, 'string');
    }
  });
  test('histogram buckets add up to the record count', async () => {
    const { from, to } = span();
    const buckets = await sls.histogram({ ...ref(), from, to, query: '*' });
    assert.equal(buckets.reduce((s, b) => s + b.count, 0), generated(from, to).length);
    assert.equal(buckets[0].from, from);
    assert.equal(buckets[buckets.length - 1].to, to);
  });
});

describe('paging', () => {
  const key = (r: Readonly<Record<string, string>>): string =>
    // SQL answers "null" where raw logs show "-".
    [r.__time__, r.srcaddr, r.srcport, r.dstaddr, r.dstport, r.protocol, r.direction, r.bytes].map((v) => (v === 'null' ? '-' : v)).join('|');
  const rowKey = (r: FlowRow): string =>
    [r.time, r.srcaddr, r.srcport ?? '-', r.dstaddr, r.dstport ?? '-', r.protocol ?? '-', r.direction, r.bytes ?? '-'].join('|');

  test('250,000 records by SQL pages without gaps or duplicates', async () => {
    const from = now - 3 * 86400;
    const to = now + 1;
    const all = generated(from, to);
    assert.ok(all.length >= 250_000, `only ${all.length} records generated`);
    const got: string[] = [];
    for await (const page of sls.queryPages(
      { ...ref(), from, to, query: '* | select __time__, srcaddr, srcport, dstaddr, dstport, protocol, direction, bytes order by __time__, srcaddr, srcport, dstaddr, dstport, protocol, direction, bytes' },
      { maxRows: 250_000, concurrency: 2 },
    )) {
      for (const r of recordsOf(page)) got.push(key(r));
    }
    assert.equal(got.length, 250_000);
    // Every delivered row is a generated one, each at most as often as it was generated…
    const remaining = new Map<string, number>();
    for (const k of all.map(rowKey)) remaining.set(k, (remaining.get(k) ?? 0) + 1);
    for (const k of got) {
      const n = remaining.get(k) ?? 0;
      assert.ok(n > 0, `unexpected or duplicated row ${k}`);
      remaining.set(k, n - 1);
    }
    // …and pages follow the requested order, so every window before the last one is complete.
    const times = got.map((k) => Number(k.split('|')[0]));
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] <= times[i], 'ordered by __time__');
    const lastTime = times[times.length - 1];
    const expectedBefore = all.filter((r) => r.time < lastTime).length;
    assert.equal(times.filter((t) => t < lastTime).length, expectedBefore, 'no gaps');
    assert.equal(new Set(got).size, got.length, 'no duplicates');
  });

  test('pages keep being fetched while the consumer is still handling one (a sliding window, not batches), at most 2 × concurrency ahead', async () => {
    // Pages answered, not attempts: on a loaded machine a request can time out and be retried.
    const calls: string[] = [];
    const failed: string[] = [];
    const logged = createSlsClient({
      endpoint: emu.slsEndpoint,
      protocol: 'http',
      credentials: ownerCredentials,
      log: (e) => void (e.ok ? calls.push(e.action) : failed.push(`${e.action} attempt ${e.attempt}: ${e.code ?? '?'}`)),
    });
    const pages = logged.queryPages({ ...ref(), from: now - 6 * 3600, to: now + 1, query: '*' }, { concurrency: 2, maxRows: 1_000 })[Symbol.asyncIterator]();
    const first = await pages.next();
    assert.equal(first.done, false);
    // Holding the first page: a request's place in the window (2) is free as soon as its answer
    // has arrived, so pages keep coming until 4 (2 × 2) wait to be delivered. Fetching in whole
    // batches stopped at two here; a window held until delivery, at three.
    const deadline = Date.now() + 10_000;
    while (calls.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(calls.filter((a) => a === 'GetLogsV2').length, 5, `four pages fetched ahead while the first was held, and no more (failed attempts: ${failed.join('; ') || 'none'})`);
    let rows = first.value?.packed.rowCount ?? 0;
    for (let p = await pages.next(); !p.done; p = await pages.next()) rows += p.value.packed.rowCount;
    assert.equal(rows, 1_000);
    assert.ok(calls.length <= 10 + 1, `${calls.length} requests for 10 pages (at most one past the end)`);
  });

  test('raw records by line/offset pages without gaps or duplicates', async () => {
    const from = now - 6 * 3600;
    const to = now + 1;
    const expected = generated(from, to).filter((r) => r.dstport === 22).map(rowKey).sort();
    const got: string[] = [];
    for await (const page of sls.queryPages({ ...ref(), from, to, query: 'dstport:22' }, { concurrency: 3 })) {
      assert.ok(page.rows.length <= 100);
      for (const r of recordsOf(page)) got.push(key(r));
    }
    assert.deepEqual([...got].sort(), expected);
  });
});

describe('errors and faults', () => {
  test('a bad query is a positioned ParameterInvalid', async () => {
    const query = '* | select srcaddr, nosuchfunc(bytes) group by srcaddr';
    await assert.rejects(sls.query({ ...ref(), from: now - 600, to: now, query }), (e: unknown) => {
      assert.ok(e instanceof CloudError);
      assert.equal(e.kind, 'invalidInput');
      assert.equal(e.code, 'ParameterInvalid');
      assert.equal(e.position?.offset, query.indexOf('nosuchfunc'));
      return true;
    });
  });
  test('a wrong secret is a credentials error, and the secret never shows', async () => {
    await assert.rejects(client('not-the-secret').listProjects(flowLog.regionId), (e: unknown) => {
      assert.ok(e instanceof CloudError);
      assert.equal(e.kind, 'credentials');
      assert.equal(e.code, 'SignatureNotMatch');
      assert.ok(!e.userMessage.includes('not-the-secret'));
      return true;
    });
  });
  test('Incomplete answers are repeated until Complete', async () => {
    await emu.setFaults({ incompletePolls: 2 });
    try {
      let polls = 0;
      const r = await sls.query(
        { ...ref(), from: now - 3600, to: now + 1, query: '* | select count(*) as n' },
        { onIncomplete: () => void polls++ },
      );
      assert.equal(polls, 2);
      assert.equal(r.progress, 'Complete');
      assert.equal(Number(recordsOf(r)[0].n), generated(now - 3600, now + 1).length);
    } finally {
      await emu.setFaults({ incompletePolls: 0 });
    }
  });
  test('throttling, 5xx and dropped connections are retried', async () => {
    retries.length = 0;
    await emu.setFaults({ throttleRate: 0.15, serverErrorRate: 0.1, dropRate: 0.05 });
    try {
      for (let i = 0; i < 12; i++) {
        const r = await sls.query({ ...ref(), from: now - 3600, to: now + 1, query: '* | select count(*) as n' });
        assert.equal(Number(recordsOf(r)[0].n), generated(now - 3600, now + 1).length);
      }
      assert.ok(retries.length > 0, 'some calls were retried');
      assert.ok(retries.some((c) => c === 'QpsLimit' || c === 'ServerBusy' || c === 'InternalServerError' || c === 'network'));
    } finally {
      await emu.setFaults({ throttleRate: 0, serverErrorRate: 0, dropRate: 0 });
    }
  });
});
