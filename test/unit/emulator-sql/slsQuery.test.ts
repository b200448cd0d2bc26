/**
 * SLS queries (search and SQL) translated by the emulator and run on DuckDB over a small exact
 * data set, each with the answer SLS gives; refusals carry ParameterInvalid with a position.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountRegistry } from '../../../emulator/accounts';
import { SlsStore, type Logstore } from '../../../emulator/sls/store';
import type { FlowRow } from '../../../emulator/data/flowLogGenerator';
import { QueryError } from '../../../emulator/sql/queryError';
import { FLOW_LOG_FIELDS } from '../../../src/flowlogs/catalog';

const T0 = 1_700_000_400; // a window boundary
function row(over: Partial<FlowRow>): FlowRow {
  return {
    time: T0 + 600, accountId: '1234567890123456', cenId: 'cen-test', srcaddr: '10.0.0.1', srcport: 40000,
    dstaddr: '10.1.0.1', dstport: 443, protocol: 6, direction: 'out', packets: 10, bytes: 1000, rtt: 20,
    start: T0, end: T0 + 600, logStatus: 'OK', attachmentId: 'tr-attach-a', srcRegionId: 'cn-hangzhou', dstRegionId: 'cn-shanghai',
    ...over,
  };
}
const ROWS: FlowRow[] = [
  row({}),
  row({ srcaddr: '10.0.0.2', dstport: 80, bytes: 5000, packets: 50 }),
  row({ srcaddr: '10.0.0.3', dstport: 3306, bytes: 200000, packets: 400, direction: 'in', dstRegionId: 'us-east-1', rtt: 180 }),
  row({ srcaddr: '10.0.0.1', dstport: 53, protocol: 17, bytes: 120, packets: 1, srcport: 50000 }),
  row({ time: T0 + 1200, start: T0 + 600, end: T0 + 1200, bytes: 3000, packets: 5 }),
  row({ time: T0 + 1200, start: T0 + 600, end: T0 + 1200, srcaddr: '10.0.0.9', dstport: 22, bytes: 700, packets: 9, direction: 'in' }),
  row({
    time: T0 + 1800, start: T0 + 1200, end: T0 + 1800, logStatus: 'NODATA', srcaddr: '-', dstaddr: '-', srcport: null,
    dstport: null, protocol: null, direction: '-', packets: null, bytes: null, rtt: null, attachmentId: '-', srcRegionId: '-', dstRegionId: '-',
  }),
];
const FROM = T0;
const TO = T0 + 3600;

let store: SlsStore;
let ls: Logstore;
before(async () => {
  store = new SlsStore({ seed: 1, now: () => (T0 + 3600) * 1000, accounts: new AccountRegistry(), historyDays: 0, log: () => undefined });
  // Every field of both forms indexed: these tests are about the query translation, not a form.
  const allFields = FLOW_LOG_FIELDS.map((f) => f.name);
  assert.deepEqual(store.ensureProjectAndLogstore('1234567890123456', 'cn-hangzhou', 'unit-project', 'unit-store', allFields), { ok: true });
  const project = store.projects.get('unit-project');
  ls = project!.logstores.get('unit-store')!;
  await store.appendRows(ls, ROWS);
});
after(() => store.dispose());

async function rows(query: string, extra: { line?: number; offset?: number; reverse?: boolean; from?: number; to?: number } = {}) {
  return (await store.query(ls, { from: extra.from ?? FROM, to: extra.to ?? TO, query, ...extra })).rows;
}
async function one(query: string): Promise<Record<string, string>> {
  const r = await rows(query);
  assert.equal(r.length, 1, `one row for ${query}`);
  return r[0];
}
const srcs = (r: Record<string, string>[]): string[] => r.map((x) => x.srcaddr);

describe('search statements', () => {
  const cases: [string, number][] = [
    ['*', 7],
    ['', 7],
    ['dstport:443', 2],
    ['dstport = 443', 2],
    ['dstport:80 or dstport:22', 2],
    ['dstport:443 and direction:out', 2],
    ['dstport:443 direction:out', 2],
    ['not dstport:443', 5],
    ['* not direction:out', 3],
    ['(dstport:80 or dstport:3306) and direction:in', 1],
    ['srcaddr:10.0.0.1', 3],
    ['srcaddr:"10.0.0.1"', 3],
    ['srcaddr:10.0.0.*', 6],
    ['srcaddr:10.0.0.?', 6],
    ['10.0.0.9', 1],
    ['"10.0.0.9"', 1],
    ['bytes > 1000', 3],
    ['bytes >= 1000', 4],
    ['bytes < 1000', 2],
    ['bytes <= 120', 1],
    ['dstport in [1 1024]', 5],
    ['dstport in (22 443)', 2],
    ['dstport in [22 443]', 5],
    ['"log-status":NODATA', 1],
    ['log-status:nodata', 1],
    ['direction:OUT', 4],
    ['dst-region-id:us-east-1', 1],
    ['cn-shanghai', 5],
    ['protocol:17', 1],
    ['rtt > 100', 1],
    ['srcaddr:*', 7],
    ['nothing-matches-this', 0],
    ['DSTPORT:443', 2],
  ];
  for (const [q, n] of cases) {
    test(`${JSON.stringify(q)} matches ${n}`, async () => assert.equal((await rows(q)).length, n));
  }
  test('line/offset page in time order, reverse flips it', async () => {
    assert.deepEqual(srcs(await rows('*', { line: 2, offset: 4 })), ['10.0.0.1', '10.0.0.9']);
    assert.deepEqual(srcs(await rows('*', { line: 1, reverse: true })), ['-']);
  });
  test('[from, to) excludes the end second', async () => {
    assert.equal((await rows('*', { from: T0 + 600, to: T0 + 1200 })).length, 4);
    assert.equal((await rows('*', { from: T0 + 601, to: T0 + 1201 })).length, 2);
  });
  test('raw logs are strings, "-" where the record has no value', async () => {
    const r = (await rows('"log-status":NODATA'))[0];
    assert.equal(r.bytes, '-');
    assert.equal(r.__time__, String(T0 + 1800));
    assert.equal(r.end, String(T0 + 1800));
  });
});

describe('analytic statements', () => {
  test('count(*) is named _col0', async () => assert.deepEqual(await one('* | select count(*)'), { _col0: '7' }));
  test('search filters feed the SQL', async () => assert.deepEqual(await one('dstport:443 | select count(*) as n'), { n: '2' }));
  test('FROM log is optional and accepted', async () => assert.deepEqual(await one('* | select count(1) as n from log'), { n: '7' }));
  test('hyphenated identifiers in double quotes', async () => {
    const r = await rows('* | select "log-status", count(*) as n group by "log-status" order by n desc');
    assert.deepEqual(r, [{ 'log-status': 'OK', n: '6' }, { 'log-status': 'NODATA', n: '1' }]);
  });
  test('sum/avg/min/max on long fields', async () => {
    assert.deepEqual(await one('* | select sum(bytes) as s, min(bytes) as lo, max(bytes) as hi'), { s: '209820', lo: '120', hi: '200000' });
    assert.deepEqual(await one('* | select avg(rtt) as a where dstport = 443'), { a: '20' });
  });
  test('integer division is Presto integer division', async () => assert.deepEqual(await one('* | select 7 / 2 as d limit 1'), { d: '3' }));
  test('count_if', async () => assert.deepEqual(await one("* | select count_if(direction = 'in') as n"), { n: '2' }));
  test('max_by', async () => assert.deepEqual(await one('* | select max_by(srcaddr, bytes) as top'), { top: '10.0.0.3' }));
  test('approx_distinct', async () => assert.deepEqual(await one('* | select approx_distinct(srcaddr) as n'), { n: '5' }));
  test('approx_percentile', async () => assert.deepEqual(await one('dstport:22 | select approx_percentile(bytes, 0.5) as p'), { p: '700' }));
  test('top talkers by bytes', async () => {
    const r = await rows('* | select srcaddr, dstaddr, sum(bytes) as b group by srcaddr, dstaddr order by b desc limit 2');
    assert.deepEqual(r, [
      { srcaddr: '10.0.0.3', dstaddr: '10.1.0.1', b: '200000' },
      { srcaddr: '10.0.0.2', dstaddr: '10.1.0.1', b: '5000' },
    ]);
  });
  test('bytes per region pair', async () => {
    const r = await rows('"log-status":OK | select "src-region-id", "dst-region-id", sum(bytes) as b group by 1, 2 order by b desc');
    assert.deepEqual(r, [
      { 'src-region-id': 'cn-hangzhou', 'dst-region-id': 'us-east-1', b: '200000' },
      { 'src-region-id': 'cn-hangzhou', 'dst-region-id': 'cn-shanghai', b: '9820' },
    ]);
  });
  test('date_trunc on __time__ answers UNIX seconds', async () => {
    const r = await rows("* | select date_trunc('hour', __time__) as h, count(*) as n group by h order by h");
    const expected = new Map<string, number>();
    for (const x of ROWS) expected.set(String(x.time - (x.time % 3600)), (expected.get(String(x.time - (x.time % 3600))) ?? 0) + 1);
    assert.deepEqual(r, [...expected].sort().map(([h, n]) => ({ h, n: String(n) })));
  });
  test('from_unixtime and date_format with MySQL specifiers', async () => {
    assert.deepEqual(await one("* | select date_format(from_unixtime(1700000000), '%Y-%m-%d %H:%i:%s') as t limit 1"), { t: '2023-11-14 22:13:20' });
    assert.deepEqual(await one("* | select date_format(1700000000, '%H:%i') as t limit 1"), { t: '22:13' });
  });
  test('to_unixtime', async () => assert.deepEqual(await one('* | select to_unixtime(from_unixtime(1700000000)) as s limit 1'), { s: '1700000000' }));
  test('time_series buckets per window and pads the empty ones', async () => {
    const r = await rows("* | select time_series(__time__, '10m', '%H:%i', '0') as t, count(*) as n group by t order by t");
    assert.deepEqual(r.map((x) => x.n), ['0', '4', '2', '1', '0', '0']);
    const label = (s: number): string => new Date(s * 1000).toISOString().slice(11, 16);
    assert.deepEqual(r.map((x) => x.t), [0, 600, 1200, 1800, 2400, 3000].map((d) => label(T0 + d)));
    const nulls = await rows("* | select time_series(__time__, '10m', '%H:%i', 'null') as t, count(*) as n group by t order by t");
    assert.deepEqual(nulls.map((x) => x.n), ['null', '4', '2', '1', 'null', 'null']);
  });
  test('time_series ordered by something else is not padded', async () => {
    const r = await rows("* | select time_series(__time__, '10m', '%H:%i', '0') as t, count(*) as n group by t order by n desc");
    assert.deepEqual(r.map((x) => x.n), ['4', '2', '1']);
  });
  test('cast and try_cast', async () => {
    assert.deepEqual(await one("* | select cast('42' as bigint) + 1 as n limit 1"), { n: '43' });
    assert.deepEqual(await one("* | select try_cast('x' as bigint) as n limit 1"), { n: 'null' });
  });
  test('split_part and regexp_like', async () => {
    assert.deepEqual(await one("* | select split_part('10.0.0.1', '.', 4) as p limit 1"), { p: '1' });
    assert.deepEqual(await one("* | select count_if(regexp_like(srcaddr, '^10\\.0\\.0\\.[12]$')) as n"), { n: '4' });
  });
  test('LIMIT y, x pages like MySQL', async () => {
    const r = await rows('* | select srcaddr, bytes order by bytes desc limit 1, 2');
    assert.deepEqual(r, [{ srcaddr: '10.0.0.2', bytes: '5000' }, { srcaddr: '10.0.0.1', bytes: '3000' }]);
  });
  test('WITH queries and subqueries without FROM', async () => {
    assert.deepEqual(await one('* | with t as (select srcaddr, sum(bytes) as b group by srcaddr) select count(*) as n from t'), { n: '5' });
    assert.deepEqual(await one('* | select count(*) as n from (select srcaddr group by srcaddr)'), { n: '5' });
  });
  test('100 rows unless LIMIT', async () => {
    const many: FlowRow[] = Array.from({ length: 150 }, (_, i) => row({ srcaddr: `10.9.${i >> 8}.${i & 255}`, time: T0 + 2400, start: T0 + 1800, end: T0 + 2400 }));
    const project = store.projects.get('unit-project')!;
    const created = store.createLogstore(project, 'many-rows');
    assert.ok(created.ok);
    if (!created.ok) return;
    created.value.index = ls.index;
    await store.appendRows(created.value, many);
    const q = async (query: string) => (await store.query(created.value, { from: FROM, to: TO, query })).rows.length;
    assert.equal(await q('* | select srcaddr'), 100);
    assert.equal(await q('* | select srcaddr limit 120'), 120);
    assert.equal(await q('* | select srcaddr limit 140, 50'), 10);
  });
});

describe('refusals', () => {
  const cases: [string, number, RegExp][] = [
    ['* | selec count(*)', 4, /only SELECT/],
    ['* | delete from log', 4, /only SELECT/],
    ['* | select count(*) from other_table', 25, /does not exist/],
    ["* | select * from read_csv('/etc/passwd')", 18, /table 'read_csv' does not exist/],
    ['* | select foo(bytes)', 11, /Function 'foo' not registered/],
    ['* | select bytes::varchar', 16, /'::' is not supported/],
    ['* | select count(*);', 19, /';' is not supported/],
    ['* | select [1, 2]', 11, /list literals/],
    ['* | select srcaddr qualify true', 19, /'qualify' is not supported/],
    ['* | select ip_to_country(srcaddr)', 11, /not supported by the emulator/],
    ['* | select srcaddr limit 2000000', 19, /at most 1000000/],
    ['* | select srcaddr limit 10, 20000', 19, /at most 10000 rows per page/],
    ['* | select srcaddr limit 999999, 5', 19, /at most 1000000/],
    ["* | select date_format(__time__, '%Q')", 33, /unknown date format/],
    ["* | select time_series(__time__, 'often', '%H', '0')", 33, /time_series needs a window/],
    ['*wild', 0, /wildcard cannot start/],
    ['srcaddr > 5', 0, /indexed as text/],
    ['unknownkey:1', 0, /key \(unknownkey\) is not config as key value config/],
    ['(dstport:443', 12, /missing '\)'/],
    ['dstport in [1 x]', 14, /expected a number/],
    ['* | select count(*', 18, /missing '\)'/],
    ["* | select 'open", 11, /unterminated string/],
    ['* | select nosuchcolumn', 11, /nosuchcolumn/],
  ];
  for (const [q, offset, message] of cases) {
    test(`${JSON.stringify(q)} → ParameterInvalid at ${offset}`, async () => {
      await assert.rejects(rows(q), (e: unknown) => {
        assert.ok(e instanceof QueryError, String(e));
        assert.equal(e.code, 'ParameterInvalid');
        assert.match(e.message, message);
        assert.match(e.message, new RegExp(`^line 1:${offset + 1}: `));
        return true;
      });
    });
  }
});
