import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, type CompletionResult } from '../../../src/query/completion';

/** Completes at the `|` marker written as `‸` in the text. */
function at(marked: string, fields?: readonly string[]): { query: string; result: CompletionResult } {
  const cursor = marked.indexOf('‸');
  const query = marked.replace('‸', '');
  return { query, result: complete(query, cursor < 0 ? query.length : cursor, { fields }) };
}

const labels = (r: CompletionResult): string[] => r.options.map((o) => o.label);
const option = (r: CompletionResult, label: string) => r.options.find((o) => o.label === label);

describe('complete: search part', () => {
  it('offers every catalog and reserved field with a colon at the start', () => {
    const { result } = at('‸');
    assert.ok(labels(result).includes('log-status'));
    assert.ok(labels(result).includes('__time__'));
    assert.equal(option(result, 'dstport')?.apply, 'dstport:');
    assert.equal(option(result, 'dstport')?.type, 'field');
    assert.match(option(result, 'dstport')?.info ?? '', /Destination port/);
    assert.equal(option(result, '*')?.type, 'operator');
  });

  it('filters by the typed prefix and replaces the word', () => {
    const { result } = at('direction:out and dst‸');
    // Catalog order: today's documented order (dst-region-id before dstaddr).
    assert.deepEqual(labels(result), ['dst-region-id', 'dstaddr', 'dstport']);
    assert.deepEqual([result.from, result.to], [18, 21]);
  });

  it('matches inside names too, prefix matches first', () => {
    const { result } = at('status‸');
    assert.deepEqual(labels(result), ['log-status']);
  });

  const valueCases: { text: string; expected: string[]; apply?: [string, string] }[] = [
    { text: 'direction:‸', expected: ['in', 'out'], apply: ['in', '"in"'] },
    { text: 'direction:o‸', expected: ['out'] },
    { text: 'log-status:‸', expected: ['OK', 'NODATA', 'SKIPDATA'] },
    { text: '"log-status":N‸', expected: ['NODATA'] },
    { text: 'log-status:"S‸', expected: ['SKIPDATA'] },
    { text: 'protocol:1‸', expected: ['1', '17'] },
    { text: 'src-region-id:cn-h‸', expected: ['cn-hangzhou', 'cn-huhehaote', 'cn-hongkong', 'cn-heyuan'], apply: ['cn-hangzhou', '"cn-hangzhou"'] },
    { text: 'srcaddr:‸', expected: [] },
  ];
  for (const c of valueCases) {
    it(`offers values in ${JSON.stringify(c.text)}`, () => {
      const { result } = at(c.text);
      assert.deepEqual(labels(result), c.expected);
      assert.ok(result.options.every((o) => o.type === 'value'));
      if (c.apply) assert.equal(option(result, c.apply[0])?.apply, c.apply[1]);
    });
  }

  it('gives protocol numbers their names as detail', () => {
    assert.equal(option(at('protocol:‸').result, '6')?.detail, 'TCP');
  });

  it('offers operators and the SQL pipe after a term', () => {
    const { result } = at('dstport:443 ‸');
    assert.ok(['and', 'or', 'not', '|'].every((l) => labels(result).includes(l)));
    assert.equal(option(result, '|')?.apply, '| SELECT ');
  });

  it('completes a field name in place before an existing colon', () => {
    const { result } = at('dst‸port:443');
    assert.equal(option(result, 'dstport')?.apply, 'dstport');
    assert.deepEqual([result.from, result.to], [0, 7]);
  });

  it('uses the index fields when given', () => {
    const { result } = at('cu‸', ['custom-field']);
    assert.deepEqual(labels(result), ['custom-field']);
  });
});

describe('complete: SQL part', () => {
  it('quotes hyphenated fields automatically', () => {
    const { result } = at('* | select log‸');
    assert.equal(option(result, 'log-status')?.apply, '"log-status"');
    assert.deepEqual([result.from, result.to], [11, 14]);
  });

  it('quotes a field named like a keyword (end) but not plain ones', () => {
    const { result } = at('* | select ‸');
    assert.equal(option(result, 'end')?.apply, '"end"');
    assert.equal(option(result, 'bytes')?.apply, 'bytes');
    assert.equal(option(result, '__time__')?.detail, 'reserved field');
  });

  it('offers functions with a signature and an opening parenthesis', () => {
    const { result } = at('* | select approx_p‸');
    const f = option(result, 'approx_percentile');
    assert.equal(f?.type, 'function');
    assert.equal(f?.apply, 'approx_percentile(');
    assert.match(f?.detail ?? '', /approx_percentile\(x, p\)/);
  });

  it('knows all the SLS functions the brief lists', () => {
    const names = labels(at('* | select ‸').result);
    for (const fn of ['count', 'count_if', 'sum', 'avg', 'min', 'max', 'max_by', 'approx_distinct', 'approx_percentile', 'histogram', 'date_trunc', 'date_format', 'from_unixtime', 'to_unixtime', 'date_parse', 'time_series', 'compare', 'split_part', 'regexp_like', 'cast', 'try_cast', 'ip_to_country']) {
      assert.ok(names.includes(fn), fn);
    }
  });

  it('completes inside a double-quoted name', () => {
    const { result } = at('* | select "src‸');
    assert.deepEqual(labels(result), ['"src-region-id"', '"srcaddr"', '"srcport"']);
    assert.equal(result.from, 11);
  });

  it('offers keywords first after an expression', () => {
    const { result } = at('* | select count(*) ‸');
    assert.equal(result.options[0].type, 'keyword');
    assert.ok(labels(result).includes('FROM'));
    assert.ok(labels(result).includes('GROUP BY'));
  });

  it('offers only log after FROM', () => {
    assert.deepEqual(labels(at('* | select count(*) from ‸').result), ['log']);
  });

  it('offers types after AS inside cast, nothing after a column alias AS', () => {
    assert.ok(labels(at('* | select cast(bytes as big‸').result).includes('bigint'));
    assert.deepEqual(labels(at('* | select count(*) as ‸').result), []);
  });

  it('offers quoted values inside a string compared with a field', () => {
    const { result } = at(`* | select * where "log-status" = 'N‸`);
    assert.deepEqual(labels(result), ["'NODATA'"]);
    assert.equal(option(result, "'NODATA'")?.apply, "'NODATA'");
    assert.deepEqual(labels(at(`* | select * where direction in ('in', '‸`).result), ["'in'", "'out'"]);
  });

  it('offers nothing after a dot', () => {
    assert.deepEqual(labels(at('* | select t.‸').result), []);
  });

  it('clamps a cursor outside the text', () => {
    assert.equal(complete('dst', 99).from, 0);
    assert.equal(complete('dst', -5).from, 0);
    assert.equal(complete('dst', Number.NaN).to, 3);
  });
});
