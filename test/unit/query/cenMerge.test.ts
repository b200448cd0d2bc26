/**
 * Merging one statement across a CEN's flow logs: which statements decompose, where the refusals
 * point, and that merged answers equal the statement over the union of the records — the union's
 * answer computed here by plain code over hand-built records, never by the merge code.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeAnswers, type PartialAnswer } from '../../../src/query/cenAnswerMerge';
import { cenRefusals, planCenSql, type CenSqlPlan } from '../../../src/query/cenMerge';
import { diagnose } from '../../../src/query/diagnostics';
import { localRefusal } from '../../../src/query/localRefusal';
import { findPreset, renderPreset } from '../../../src/query/presets';

describe('which statements decompose', () => {
  const mergeable: [string, CenSqlPlan['kind']][] = [
    ['* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 10', 'grouped'],
    ['* | SELECT count(*) AS n', 'grouped'],
    ['dstport:443 | select srcaddr, dstaddr, count(*) as n, sum(bytes) as b, min(bytes), max(bytes) group by srcaddr, dstaddr order by 3 desc', 'grouped'],
    ['* | select avg(bytes) as a, count_if(bytes > 1000) as big', 'grouped'],
    ['* | select __time__ - __time__ % 600 as t, sum(bytes) as b group by t order by t limit 1000', 'grouped'],
    ["* | select date_trunc('hour', __time__) as h, sum(packets) as p from log where bytes > 0 group by h order by h", 'grouped'],
    ['* | select srcaddr, bytes order by bytes desc limit 5', 'rows'],
    ['* | select * limit 20', 'rows'],
    ['* | select srcaddr, bytes where bytes > 10', 'rows'],
    // Expressions over aggregates, computed after the merge.
    ['* | select srcaddr, sum(bytes) / 1024 as kb group by srcaddr order by kb desc limit 3', 'grouped'],
    ['* | select round(avg(bytes), 2) as a, count(*) * 100 / 7 as p, max(bytes) - min(bytes) as spread', 'grouped'],
    [`* | select "src-region-id" as src, "dst-region-id", round(sum(bytes) / 1073741824.0 * CASE WHEN "src-region-id" = 'cn-hangzhou' AND NOT "dst-region-id" <> 'cn-shanghai' THEN 0.05 WHEN "dst-region-id" = 'us-east-1' OR "dst-region-id" != 'x' THEN 0.07 ELSE CAST(NULL AS double) END, 4) as cost group by src, "dst-region-id" order by cost desc`, 'grouped'],
    ['* | select dstport, CASE WHEN dstport = 443 THEN sum(bytes) ELSE NULL END as tls group by dstport order by 2', 'grouped'],
  ];
  for (const [query, kind] of mergeable) {
    it(`merges: ${query}`, () => {
      const analysis = planCenSql(query);
      assert.ok(analysis?.ok, JSON.stringify(analysis));
      assert.equal(analysis.plan.kind, kind);
      assert.deepEqual(cenRefusals(query), []);
    });
  }

  it('a search without SQL needs no plan (its records merge by time)', () => {
    assert.equal(planCenSql('dstport:443 and srcaddr:10.0.0.1'), undefined);
    assert.deepEqual(cenRefusals('dstport:443'), []);
  });

  it('avg becomes sum per logstore plus a trailing count; groups are all fetched, in a stable order, the LIMIT kept for the merge', () => {
    const analysis = planCenSql('* | select srcaddr, avg(bytes) as a, count(*) as n group by srcaddr order by a desc limit 3');
    assert.ok(analysis?.ok);
    const plan = analysis.plan;
    assert.equal(plan.kind, 'grouped');
    assert.equal(plan.statement, 'SELECT srcaddr, sum(bytes) AS a, count(*) as n, count(bytes) AS "__cen_count_0" group by srcaddr ORDER BY 1 LIMIT 1000000');
    assert.deepEqual(plan.kind === 'grouped' ? plan.limit : undefined, { offset: 0, count: 3 });
  });

  it('an expression over aggregates: each logstore answers its aggregates (each fetched once), the expression is computed after the merge', () => {
    const analysis = planCenSql('* | select srcaddr, sum(bytes) as b, round(sum(bytes) / 1024.0, 1) as kb, round(avg(bytes) * 8 / sum(packets), 2) as r group by srcaddr order by kb desc');
    assert.ok(analysis?.ok);
    assert.equal(analysis.plan.statement, 'SELECT srcaddr, sum(bytes) as b, sum(bytes) AS kb, sum(bytes) AS r, count(bytes) AS "__cen_part_0", sum(packets) AS "__cen_part_1" group by srcaddr ORDER BY 1 LIMIT 1000000');
    assert.deepEqual(analysis.plan.order, [{ column: 2, descending: true }]);
  });

  it('a percentile inside an expression is refused once, on the percentile', () => {
    const query = '* | select srcaddr, round(approx_percentile(bytes, 0.5), 1) as m group by srcaddr';
    const problems = cenRefusals(query);
    assert.deepEqual(problems.map((p) => query.slice(p.from, p.to)), ['approx_percentile(bytes, 0.5)']);
  });

  it('a row selection asks each logstore for offset + count rows in the same order', () => {
    const analysis = planCenSql('* | select srcaddr, bytes order by bytes desc limit 10, 5');
    assert.ok(analysis?.ok);
    assert.equal(analysis.plan.statement, 'select srcaddr, bytes order by bytes desc LIMIT 15');
  });
});

describe('refusals are positioned on what cannot merge, and say why', () => {
  const refused: [string, string, RegExp][] = [
    ['* | select approx_percentile(bytes, 0.9) as p90', 'approx_percentile(bytes, 0.9)', /percentile/],
    ['* | select srcaddr, count(distinct dstaddr) as peers group by srcaddr', 'count(distinct dstaddr)', /twice/],
    ['* | select approx_distinct(srcaddr)', 'approx_distinct(srcaddr)', /twice/],
    ['* | select srcaddr, sum(bytes) over (partition by srcaddr) as running', 'sum(bytes) over (partition by srcaddr)', /window function/],
    ['* | select srcaddr, count(*) as n group by srcaddr having count(*) > 5 order by n desc', 'having count(*) > 5', /HAVING/],
    ['* | select srcaddr, coalesce(sum(bytes), 0) as b group by srcaddr', 'coalesce(sum(bytes), 0)', /coalesce\(…\) is not computed after the merge\. An expression over aggregates is computed from the merged count, .*round, CASE WHEN/],
    ['* | select sum(bytes) * dstport as x', 'dstport', /"dstport" is not a GROUP BY column/],
    ["* | select srcaddr, sum(bytes) || ' B' as b group by srcaddr", '||', /"\|\|" is not computed after the merge/],
    ["* | select srcaddr, CASE WHEN srcaddr LIKE '10.%' THEN sum(bytes) END as b group by srcaddr", 'LIKE', /"LIKE" is not computed after the merge/],
    ['* | select a.srcaddr from log a join log b on a.srcaddr = b.dstaddr', 'join', /JOIN/],
    ['* | select srcaddr from (select srcaddr, bytes from log) limit 3', 'select', /subquery/],
    ['* | select distinct srcaddr', 'distinct', /DISTINCT/],
    ['* | select srcaddr, sum(bytes) as b group by srcaddr order by count(*) desc', 'count(*)', /ORDER BY/],
    ['* | select sum(bytes) as b group by srcaddr order by b desc', 'srcaddr', /GROUP BY/],
  ];
  for (const [query, marked, why] of refused) {
    it(`refuses ${marked} in: ${query}`, () => {
      const problems = cenRefusals(query);
      assert.ok(problems.length >= 1, 'refused');
      const p = problems[0];
      assert.equal(p.code, 'not-mergeable');
      assert.equal(p.severity, 'error');
      assert.equal(query.slice(p.from, p.to), marked);
      assert.match(p.message, why);
      assert.match(p.message, /per flow log/);
    });
  }

  it('on a CEN panel the editor and the run guard carry the refusal; on a flow log they do not', () => {
    const query = '* | select approx_percentile(bytes, 0.5) as median';
    assert.ok(diagnose(query, { acrossFlowLogs: true }).some((d) => d.code === 'not-mergeable' && d.severity === 'error'));
    assert.ok(!diagnose(query).some((d) => d.code === 'not-mergeable'));
    const refusal = localRefusal(query, undefined, { acrossFlowLogs: true });
    assert.equal(refusal.length, 1);
    assert.equal(refusal[0].line, 1);
    assert.equal(refusal[0].column, query.indexOf('approx_percentile') + 1);
    assert.deepEqual(localRefusal(query), []);
  });

  it('positions count lines in a multi-line query', () => {
    const query = '*\n| select srcaddr,\n  approx_percentile(bytes, 0.99) as p99\ngroup by srcaddr';
    const [p] = localRefusal(query, undefined, { acrossFlowLogs: true });
    assert.equal(p.line, 3);
    assert.equal(p.column, 3);
  });
});

// ---- merged answers vs the statement over the union, by plain code ----------------------------

interface FlowRecord {
  readonly srcaddr: string;
  readonly dstaddr: string;
  readonly bytes: number;
  readonly packets: number;
}

/** Deterministic records per logstore (a small LCG, so the data never changes between runs). */
function logstores(): FlowRecord[][] {
  let seed = 20_2026;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const sizes = [120, 75, 0, 33];
  return sizes.map((size) =>
    Array.from({ length: size }, () => ({
      srcaddr: `10.0.${next(3)}.${next(4)}`,
      dstaddr: `192.168.1.${next(5)}`,
      bytes: 40 + next(1_000_000),
      packets: 1 + next(900),
    })),
  );
}

const STORES = logstores();
const UNION = STORES.flat();

/** GROUP BY over records, as a logstore (or the union) would compute it. */
function groupBy<K extends string>(records: readonly FlowRecord[], key: (r: FlowRecord) => K): Map<K, FlowRecord[]> {
  const out = new Map<K, FlowRecord[]>();
  for (const r of records) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('merged answers equal the statement over the union of the records', () => {
  it('top talkers: sum(bytes) per source, ORDER BY DESC LIMIT 3', () => {
    const analysis = planCenSql('* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 3');
    assert.ok(analysis?.ok);
    // Each logstore's answer to its statement: every group, partial sums.
    const partials: PartialAnswer[] = STORES.map((records) => ({
      columns: ['srcaddr', 'b'],
      rows: [...groupBy(records, (r) => r.srcaddr)].map(([src, rs]) => [src, String(sum(rs.map((r) => r.bytes)))]),
    }));
    const merged = mergeAnswers(analysis.plan, partials);
    const expected = [...groupBy(UNION, (r) => r.srcaddr)]
      .map(([src, rs]) => [src, String(sum(rs.map((r) => r.bytes)))])
      .sort((a, b) => Number(b[1]) - Number(a[1]))
      .slice(0, 3);
    assert.deepEqual(merged.columns, ['srcaddr', 'b']);
    assert.deepEqual(merged.rows, expected);
  });

  it('count, sum, min, max and avg per pair, ordered by count then the keys', () => {
    const analysis = planCenSql('* | select srcaddr, dstaddr, count(*) as n, sum(bytes) as b, min(bytes) as lo, max(bytes) as hi, avg(packets) as ap group by srcaddr, dstaddr order by n desc, srcaddr, dstaddr');
    assert.ok(analysis?.ok);
    // The logstores answer the rewritten statement: avg(packets) → sum(packets), plus count(packets) last.
    const partials: PartialAnswer[] = STORES.map((records) => ({
      columns: ['srcaddr', 'dstaddr', 'n', 'b', 'lo', 'hi', 'ap', '__cen_count_0'],
      rows: [...groupBy(records, (r) => `${r.srcaddr}|${r.dstaddr}`)].map(([, rs]) => [
        rs[0].srcaddr,
        rs[0].dstaddr,
        String(rs.length),
        String(sum(rs.map((r) => r.bytes))),
        String(Math.min(...rs.map((r) => r.bytes))),
        String(Math.max(...rs.map((r) => r.bytes))),
        String(sum(rs.map((r) => r.packets))),
        String(rs.length),
      ]),
    }));
    const merged = mergeAnswers(analysis.plan, partials);
    const expected = [...groupBy(UNION, (r) => `${r.srcaddr}|${r.dstaddr}`)]
      .map(([, rs]) => ({
        src: rs[0].srcaddr,
        dst: rs[0].dstaddr,
        n: rs.length,
        b: sum(rs.map((r) => r.bytes)),
        lo: Math.min(...rs.map((r) => r.bytes)),
        hi: Math.max(...rs.map((r) => r.bytes)),
        ap: sum(rs.map((r) => r.packets)) / rs.length,
      }))
      .sort((x, y) => y.n - x.n || (x.src < y.src ? -1 : x.src > y.src ? 1 : 0) || (x.dst < y.dst ? -1 : x.dst > y.dst ? 1 : 0));
    assert.equal(merged.rows.length, expected.length);
    assert.deepEqual(merged.columns, ['srcaddr', 'dstaddr', 'n', 'b', 'lo', 'hi', 'ap']);
    merged.rows.forEach((row, i) => {
      const e = expected[i];
      assert.deepEqual(row.slice(0, 6), [e.src, e.dst, String(e.n), String(e.b), String(e.lo), String(e.hi)], `row ${i}`);
      assert.ok(Math.abs(Number(row[6]) - e.ap) < 1e-9, `avg of row ${i}: ${row[6]} vs ${e.ap}`);
    });
  });

  it('aggregates without GROUP BY: one row, even where a logstore is empty', () => {
    const analysis = planCenSql('* | select count(*) as n, sum(bytes) as b, avg(bytes) as a, max(packets) as mp');
    assert.ok(analysis?.ok);
    const partials: PartialAnswer[] = STORES.map((records) => ({
      columns: ['n', 'b', 'a', 'mp', '__cen_count_0'],
      // SQL aggregates over no rows: count 0, the others NULL.
      rows: [[String(records.length), records.length ? String(sum(records.map((r) => r.bytes))) : 'null', records.length ? String(sum(records.map((r) => r.bytes))) : 'null', records.length ? String(Math.max(...records.map((r) => r.packets))) : 'null', String(records.length)]],
    }));
    const [row] = mergeAnswers(analysis.plan, partials).rows;
    assert.equal(row[0], String(UNION.length));
    assert.equal(row[1], String(sum(UNION.map((r) => r.bytes))));
    assert.ok(Math.abs(Number(row[2]) - sum(UNION.map((r) => r.bytes)) / UNION.length) < 1e-6);
    assert.equal(row[3], String(Math.max(...UNION.map((r) => r.packets))));
  });

  it('count over no records anywhere is 0, not NULL', () => {
    const analysis = planCenSql('* | select count(*) as n');
    assert.ok(analysis?.ok);
    assert.deepEqual(mergeAnswers(analysis.plan, [{ columns: ['n'], rows: [['0']] }, { columns: ['n'], rows: [['0']] }]).rows, [['0']]);
  });

  it('a row selection: the union\'s largest records, each naming its flow log', () => {
    const analysis = planCenSql('* | select srcaddr, bytes order by bytes desc limit 4');
    assert.ok(analysis?.ok);
    const names = STORES.map((_, i) => `flow-log-${i}`);
    // Each logstore answers its own top 4 (the statement asks for offset + count rows).
    const partials: PartialAnswer[] = STORES.map((records) => ({
      columns: ['srcaddr', 'bytes'],
      rows: [...records].sort((a, b) => b.bytes - a.bytes).slice(0, 4).map((r) => [r.srcaddr, String(r.bytes)]),
    }));
    const merged = mergeAnswers(analysis.plan, partials, { names: ['flow_log', 'flow_log_region'], values: names.map((n) => [n, 'cn-hangzhou']) });
    const expected = STORES.flatMap((records, i) => records.map((r) => ({ r, flowLog: names[i] })))
      .sort((a, b) => b.r.bytes - a.r.bytes)
      .slice(0, 4)
      .map(({ r, flowLog }) => [flowLog, 'cn-hangzhou', r.srcaddr, String(r.bytes)]);
    assert.deepEqual(merged.columns, ['flow_log', 'flow_log_region', 'srcaddr', 'bytes']);
    assert.deepEqual(merged.rows, expected);
  });

  it('sums beyond 2^53 stay exact', () => {
    const analysis = planCenSql('* | select sum(bytes) as b');
    assert.ok(analysis?.ok);
    const big = '9007199254740993'; // 2^53 + 1
    const [row] = mergeAnswers(analysis.plan, [{ columns: ['b'], rows: [[big]] }, { columns: ['b'], rows: [[big]] }]).rows;
    assert.equal(row[0], (2n * 9007199254740993n).toString());
  });
});

// ---- expressions over aggregates: merged, then computed, vs the statement over the union --------

describe('expressions over aggregates equal the statement over the union of the records', () => {
  it('ORDER BY a computed column (by alias and by position) sorts the merged rows by its value', () => {
    const analysis = planCenSql('* | select srcaddr, round(sum(bytes) / 1000.0, 1) as kb, sum(bytes) % 7 as m, count(*) * 10 / 3 as n group by srcaddr order by m, 2 desc');
    assert.ok(analysis?.ok);
    assert.equal(analysis.plan.statement, 'SELECT srcaddr, sum(bytes) AS kb, sum(bytes) AS m, count(*) AS n group by srcaddr ORDER BY 1 LIMIT 1000000');
    const partials: PartialAnswer[] = STORES.map((records) => ({
      columns: ['srcaddr', 'kb', 'm', 'n'],
      rows: [...groupBy(records, (r) => r.srcaddr)].map(([src, rs]) => [src, String(sum(rs.map((r) => r.bytes))), String(sum(rs.map((r) => r.bytes))), String(rs.length)]),
    }));
    const expected = [...groupBy(UNION, (r) => r.srcaddr)]
      .map(([src, rs]) => {
        const b = sum(rs.map((r) => r.bytes));
        return { src, kb: Math.round(b / 100) / 10, m: b % 7, n: Math.trunc((rs.length * 10) / 3) };
      })
      .sort((x, y) => x.m - y.m || y.kb - x.kb)
      .map((e) => [e.src, String(e.kb), String(e.m), String(e.n)]);
    const merged = mergeAnswers(analysis.plan, partials);
    assert.deepEqual(merged.columns, ['srcaddr', 'kb', 'm', 'n']);
    assert.deepEqual(merged.rows, expected);
  });

  it('a sum of doubles stays a double when each logstore writes it whole, so dividing it is not integer division', () => {
    const analysis = planCenSql('* | select sum(bytes * 1.0) / 4 as x, sum(bytes) / 4 as i');
    assert.ok(analysis?.ok);
    // Two logstores whose bytes add up to 3 each, written as the emulator writes whole doubles.
    const partials: PartialAnswer[] = [0, 1].map(() => ({ columns: ['x', 'i'], rows: [['3', '3']] }));
    assert.deepEqual(mergeAnswers(analysis.plan, partials).rows, [['1.5', '1']]);
  });

  // The Cost by region pair preset, over records whose bytes run to GBs.
  interface PairRecord {
    readonly src: string;
    readonly dst: string;
    readonly bytes: number;
  }
  const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'us-east-1'];
  function pairStores(): PairRecord[][] {
    let seed = 4_2026;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(seed / 65_536) % n; // the high bits: the low ones of this LCG repeat quickly
    };
    return [90, 0, 55, 140].map((size) => Array.from({ length: size }, () => ({ src: REGIONS[next(4)], dst: REGIONS[next(4)], bytes: next(30_000) * 100_003 + next(7) })));
  }
  const PAIR_STORES = pairStores();

  /** The price of a pair from the table by hand: the pair, then src>*, then *>dst, then "*". */
  function priceOf(table: Record<string, number>, src: string, dst: string): number | undefined {
    return table[`${src}>${dst}`] ?? table[`${src}>*`] ?? table[`*>${dst}`] ?? table['*'];
  }

  const costCases: [string, Record<string, number>][] = [
    ['pair-specific prices, a src>* and a *>dst entry and a fallback', { 'cn-hangzhou>cn-shanghai': 0.05, 'cn-hangzhou>*': 0.07, '*>us-east-1': 0.12, '*': 0.08 }],
    ['no fallback: pairs without a price cost NULL', { 'cn-hangzhou>cn-shanghai': 0.05, '*>us-east-1': 0.12 }],
  ];
  for (const [name, table] of costCases) {
    it(`Cost by region pair, ${name}`, () => {
      const rendered = renderPreset(findPreset('cost-by-region-pair') ?? assert.fail('no cost preset'), { price: JSON.stringify(table) });
      assert.ok(rendered.ok);
      assert.deepEqual(cenRefusals(rendered.query), []);
      const analysis = planCenSql(rendered.query);
      assert.ok(analysis?.ok);
      // Each logstore sums bytes per pair (the partial behind total_bytes, gb and estimated_cost alike).
      assert.equal(analysis.plan.statement, 'SELECT "src-region-id", "dst-region-id", sum(bytes) AS total_bytes, sum(bytes) AS gb, sum(bytes) AS estimated_cost FROM log\nGROUP BY "src-region-id", "dst-region-id" ORDER BY 1, 2 LIMIT 1000000');
      const partials: PartialAnswer[] = PAIR_STORES.map((records) => ({
        columns: ['src-region-id', 'dst-region-id', 'total_bytes', 'gb', 'estimated_cost'],
        rows: [...groupByKey(records, (r) => `${r.src}>${r.dst}`)].map(([, rs]) => {
          const b = String(sum(rs.map((r) => r.bytes)));
          return [rs[0].src, rs[0].dst, b, b, b];
        }),
      }));
      const expected = [...groupByKey(PAIR_STORES.flat(), (r) => `${r.src}>${r.dst}`)]
        .map(([, rs]) => ({ src: rs[0].src, dst: rs[0].dst, bytes: sum(rs.map((r) => r.bytes)) }))
        .sort((x, y) => y.bytes - x.bytes)
        .map(({ src, dst, bytes }) => {
          const gb = bytes / 2 ** 30;
          const price = priceOf(table, src, dst);
          return [src, dst, String(bytes), String(Math.round(gb * 1000) / 1000), price === undefined ? 'null' : String(Math.round(gb * price * 10_000) / 10_000)];
        });
      const merged = mergeAnswers(analysis.plan, partials);
      assert.deepEqual(merged.columns, ['src-region-id', 'dst-region-id', 'total_bytes', 'gb', 'estimated_cost']);
      assert.deepEqual(merged.rows, expected);
      assert.ok(expected.length >= 12, 'most pairs have traffic');
      const costs = expected.map((r) => r[4]);
      if (table['*'] === undefined) assert.ok(costs.includes('null') && costs.some((c) => c !== 'null'), 'priced and unpriced pairs');
      else assert.ok(!costs.includes('null'), 'every pair priced');
    });
  }
});

function groupByKey<T>(records: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}
