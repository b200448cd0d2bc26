import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DIAGNOSTICS, diagnose, isRunnable, type DiagnosticCode } from '../../../src/query/diagnostics';
import { complete } from '../../../src/query/completion';
import { CURRENT_FIELDS, OLDER_FORM_FIELDS } from '../../../src/flowlogs/catalog';

/** Applies a diagnostic's quick fix to the query. */
function applyFix(query: string, fix: { from: number; to: number; insert: string }): string {
  return query.slice(0, fix.from) + fix.insert + query.slice(fix.to);
}

describe('diagnose: clean queries', () => {
  const clean = [
    '*',
    'dstport:443',
    'direction:out and not log-status:NODATA',
    '"log-status":"SKIPDATA"',
    'srcaddr:10.0.0.* or dstaddr:"fe80::1"',
    'bytes > 1000000 and dstport in [1 1024]',
    '(srcport:22 or dstport:22) and protocol:6',
    '__tag__:__path__:/var/log',
    '10.0.0.1',
    'fe80::1',
    '* | SELECT "log-status", count(*) AS c FROM log GROUP BY "log-status" ORDER BY c DESC LIMIT 10',
    "* | select srcaddr, dstaddr, sum(bytes) as total from log where direction = 'out' group by srcaddr, dstaddr order by total desc limit 200, 10000",
    '* | SELECT date_trunc(\'hour\', __time__) AS t, count(*) c GROUP BY t ORDER BY t',
    '* | select sum(cast(bytes as bigint)) total, try_cast(rtt as double) r from log',
    '* | select extract(hour from from_unixtime(__time__)) h, count(*) group by h',
    '* | select a.dstaddr from (select dstaddr from log) a',
    '* | with top as (select dstaddr, sum(bytes) b from log group by dstaddr) select * from top',
    '* | select transform(array[1, 2], v -> v + 1)',
    '* | select "__tag__:__path__", __source__, __topic__',
    '* | select count(1) -- the total\n',
    "* | select * from log where \"log-status\" in ('OK', 'NODATA') limit 1000000",
    '* | select "end" - start as duration from log',
    '* | select count(*) where __time__ > to_unixtime(current_timestamp) - 3600',
    "* | select date_trunc('hour', from_unixtime(__time__)) + interval '8' hour as t, row_number() over (partition by srcaddr order by bytes desc) rn",
  ];
  for (const q of clean) {
    it(`finds nothing in ${JSON.stringify(q)}`, () => assert.deepEqual(diagnose(q), []));
  }
});

describe('diagnose: problems', () => {
  const cases: { query: string; code: DiagnosticCode; severity?: 'error' | 'warning' | 'info'; at?: string; message?: RegExp }[] = [
    { query: '', code: 'empty-query', severity: 'warning' },
    { query: '   \n', code: 'empty-query' },
    { query: 'srcaddr:"10.0.0.1', code: 'unterminated-string', at: '"10.0.0.1' },
    { query: '(dstport:443 or dstport:80', code: 'unbalanced-paren', at: '(', message: /never closed/ },
    { query: 'dstport:443)', code: 'unbalanced-paren', at: ')', message: /no matching/ },
    { query: 'dstport in [1 1024', code: 'unbalanced-bracket', at: '[' },
    { query: 'dstport in (1 1024]', code: 'unbalanced-bracket', at: ']', message: /does not match/ },
    { query: 'dstprt:443', code: 'unknown-field', severity: 'warning', at: 'dstprt', message: /Did you mean dstport\?/ },
    { query: 'zzzzzzzzz:1', code: 'unknown-field', message: /Known fields: account-id/ },
    { query: 'srcaddr:*.0.1', code: 'leading-wildcard', severity: 'error', at: '*.0.1' },
    { query: '?abc', code: 'leading-wildcard' },
    { query: "direction:'out'", code: 'single-quoted-value', severity: 'warning', at: "'out'" },
    { query: "direction:'out", code: 'unterminated-string' },
    { query: 'dstport: 443', code: 'missing-value', severity: 'warning', at: 'dstport:' },
    { query: 'dstport: and x', code: 'missing-value', severity: 'error' },
    { query: 'dstport:', code: 'missing-value' },
    { query: 'bytes >', code: 'missing-value', message: /number on its right/ },
    { query: 'dstport:443 and', code: 'dangling-operator', at: 'and' },
    { query: 'or dstport:443', code: 'dangling-operator', at: 'or' },
    { query: 'dstport:443 and or dstport:80', code: 'dangling-operator', at: 'and' },
    { query: 'direction > 5', code: 'numeric-comparison-on-text', severity: 'warning', at: 'direction' },
    { query: 'bites > 5', code: 'unknown-field', at: 'bites' },
    { query: '* |', code: 'empty-sql', severity: 'error' },
    { query: '* | -- nothing', code: 'empty-sql' },
    { query: '| select count(*)', code: 'empty-search', severity: 'warning' },
    { query: '* | delete from log', code: 'not-select', at: 'delete', message: /DELETE/ },
    { query: '* | from log select count(*)', code: 'not-select', at: 'from', message: /FROM-first/ },
    { query: '* | drop table log', code: 'not-select' },
    { query: '* | select count(*) from other', code: 'from-not-log', at: 'other' },
    { query: '* | select count(*) from', code: 'from-not-log' },
    { query: '* | select count(*);', code: 'trailing-semicolon', at: ';' },
    { query: '* | select 1; select 2', code: 'trailing-semicolon', message: /single statement/ },
    { query: '* | select * limit 1000001', code: 'limit-too-large', at: 'limit 1000001', message: /1,000,000/ },
    { query: '* | select * limit 0, 10001', code: 'limit-too-large', message: /10,000/ },
    { query: '* | select * limit 999991, 10', code: 'limit-too-large', message: /offset \+ rows/ },
    { query: '* | select * limit x', code: 'invalid-limit' },
    { query: '* | select * limit 10,', code: 'invalid-limit' },
    { query: '* | select dstprt from log', code: 'unknown-field', severity: 'error', at: 'dstprt', message: /Did you mean dstport\?/ },
    { query: '* | select "logstatus" from log', code: 'unknown-field', at: '"logstatus"', message: /"log-status"/ },
    { query: '* | select count(*) as c order by d', code: 'unknown-field', at: 'd' },
    { query: "* | select 'abc", code: 'unterminated-string' },
    { query: '* | select "abc', code: 'unterminated-identifier' },
    { query: '* | select 1 /* open', code: 'unterminated-comment' },
    { query: '* | select count(*', code: 'unbalanced-paren' },
    { query: '* | select array[1, 2', code: 'unbalanced-bracket' },
  ];
  for (const c of cases) {
    it(`${c.code} in ${JSON.stringify(c.query)}`, () => {
      const found = diagnose(c.query).filter((d) => d.code === c.code);
      assert.equal(found.length >= 1, true, `no ${c.code} in ${JSON.stringify(diagnose(c.query))}`);
      const d = found[0];
      if (c.severity) assert.equal(d.severity, c.severity);
      if (c.at !== undefined) assert.equal(c.query.slice(d.from, d.to), c.at);
      if (c.message) assert.match(d.message, c.message);
      assert.ok(d.from >= 0 && d.to <= c.query.length && d.from <= d.to);
    });
  }
});

describe('diagnose: hyphenated fields in SQL', () => {
  it('flags each bare hyphenated field with a quoting fix that clears it', () => {
    const q = '* | select log-status, src-region-id, count(*) c group by log-status, src-region-id';
    const found = diagnose(q).filter((d) => d.code === 'unquoted-hyphenated-field');
    assert.deepEqual(found.map((d) => q.slice(d.from, d.to)), ['log-status', 'src-region-id', 'log-status', 'src-region-id']);
    assert.equal(found[0].fix?.insert, '"log-status"');
    let fixed = q;
    for (const d of [...found].reverse()) fixed = applyFix(fixed, d.fix ?? { from: 0, to: 0, insert: '' });
    assert.equal(fixed, '* | select "log-status", "src-region-id", count(*) c group by "log-status", "src-region-id"');
    assert.deepEqual(diagnose(fixed), []);
  });

  it('does not report the parts of the hyphenated name as unknown columns', () => {
    const codes = diagnose('* | select cen-id').map((d) => d.code);
    assert.deepEqual(codes, ['unquoted-hyphenated-field']);
  });

  it('leaves real subtraction alone', () => {
    assert.deepEqual(diagnose('* | select bytes-packets, "end"-start'), []);
  });
});

describe('diagnose: fixes and options', () => {
  it('the trailing-semicolon fix removes it', () => {
    const q = '* | select 1;';
    const d = diagnose(q).find((x) => x.code === 'trailing-semicolon');
    assert.equal(applyFix(q, d?.fix ?? { from: 0, to: 0, insert: '?' }), '* | select 1');
  });

  it('the single-quote fix uses double quotes', () => {
    const q = "log-status:'OK'";
    const d = diagnose(q)[0];
    assert.equal(applyFix(q, d.fix ?? { from: 0, to: 0, insert: '?' }), 'log-status:"OK"');
  });

  it('uses the fields from the index when given, reserved fields always known', () => {
    assert.deepEqual(diagnose('custom:1 and __topic__:x', { fields: ['custom'] }), []);
    assert.equal(diagnose('dstport:443', { fields: ['custom'] })[0].code, 'unknown-field');
    assert.deepEqual(diagnose('* | select custom, __time__', { fields: ['custom'] }), []);
  });

  it('is runnable only without errors', () => {
    assert.equal(isRunnable(diagnose('dstprt:443')), true);
    assert.equal(isRunnable(diagnose('* | select dstprt')), false);
  });

  it('sorts diagnostics by position', () => {
    const ds = diagnose('(dstprt:1 and *x');
    const froms = ds.map((d) => d.from);
    assert.deepEqual(froms, [...froms].sort((a, b) => a - b));
    assert.ok(ds.length >= 3);
  });

  // Speed is measured by `npm run bench -- query-language`; here: bounded, non-empty output.
  it('survives a large hostile query', () => {
    const q = '((("\'['.repeat(4_000) + ' | ' + 'select log-status -'.repeat(4_000);
    const ds = diagnose(q);
    assert.ok(ds.length > 0 && ds.length <= MAX_DIAGNOSTICS);
  });
});

describe('diagnose: the target schema decides which fields exist', () => {
  const current = CURRENT_FIELDS.map((f) => f.name);
  it('a 2019 field on a flow log of today says so, in search and in SQL', () => {
    const search = diagnose('rtt > 100', { fields: current });
    assert.equal(search[0]?.code, 'unknown-field');
    assert.match(search[0]?.message ?? '', /"rtt" is written only by flow logs of the 2019 \(per-CEN\) form/);
    const sql = diagnose('* | select "log-status", count(*) from log group by "log-status"', { fields: current });
    assert.ok(sql.some((d) => d.code === 'unknown-field' && d.severity === 'error' && /2019/.test(d.message)));
  });
  it('a current field the LogFormatString leaves out says that, and completion does not offer it', () => {
    const fields = ['srcaddr', 'dstaddr', 'bytes'];
    const d = diagnose('* | select "src-region-id", sum(bytes) from log group by "src-region-id"', { fields });
    assert.ok(d.some((x) => x.code === 'unknown-field' && /LogFormatString or its logstore's index leaves it out/.test(x.message)));
    const labels = complete('src', 3, { fields }).options.map((o) => o.label);
    assert.ok(labels.includes('srcaddr') && !labels.some((l) => l.includes('src-region-id')));
  });
  it('the 2019 fields are fine where the schema has them', () => {
    assert.deepEqual(diagnose('"log-status":OK and rtt > 100', { fields: OLDER_FORM_FIELDS.map((f) => f.name) }).filter((d) => d.severity !== 'info'), []);
  });
});
