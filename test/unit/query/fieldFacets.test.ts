import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { facetSearch, facetStatsStatement, facetValuesStatement, readFacetStats, readFacetValues, sqlColumn } from '../../../src/query/fieldFacets';
import { queryShape } from '../../../src/query/queryShape';
import { tokenizeQuery } from '../../../src/query/tokenizer';

describe('facet statements', () => {
  it('keep the search part and drop the SQL part of the query', () => {
    assert.equal(facetSearch('dstport:443 | select count(*) as n'), 'dstport:443');
    assert.equal(facetSearch('  '), '*');
    assert.equal(facetSearch('* | select 1'), '*');
    assert.equal(facetSearch('protocol:6 and direction:out'), 'protocol:6 and direction:out');
  });

  it('group by the field, count records and sum bytes, top values first', () => {
    assert.equal(
      facetValuesStatement('protocol:6', 'dstport', { withBytes: true }),
      'protocol:6 | select "dstport" as facet_value, count(*) as records, sum("bytes") as total_bytes group by "dstport" order by records desc, facet_value limit 10',
    );
  });

  it('quote hyphenated field names in the SQL part', () => {
    const s = facetValuesStatement('', 'src-region-id', { withBytes: false, top: 5 });
    assert.equal(s, '* | select "src-region-id" as facet_value, count(*) as records group by "src-region-id" order by records desc, facet_value limit 5');
    const sql = tokenizeQuery(s).sql;
    assert.ok(sql.some((t) => t.kind === 'quotedIdentifier' && t.text === '"src-region-id"'), 'the tokenizer reads it as one quoted identifier');
    assert.equal(sqlColumn('a"b'), '"a""b"');
  });

  it('ask numeric fields for min, max and percentiles', () => {
    const s = facetStatsStatement('* | select 1', 'bytes');
    assert.equal(
      s,
      '* | select min("bytes") as min_value, max("bytes") as max_value, approx_percentile("bytes", 0.5) as p50, approx_percentile("bytes", 0.9) as p90, approx_percentile("bytes", 0.99) as p99',
    );
    assert.equal(queryShape(s).sql?.hasLimit, false);
  });

  it('keep a search with an or as it is (the whole search is the facet scope)', () => {
    assert.ok(facetValuesStatement('srcaddr:10.0.0.1 or dstaddr:10.0.0.1 | select 1', 'protocol', { withBytes: true }).startsWith('srcaddr:10.0.0.1 or dstaddr:10.0.0.1 | select "protocol"'));
  });
});

describe('facet answers', () => {
  it('read values, counts and bytes; null is a missing value', () => {
    assert.deepEqual(
      readFacetValues([
        { facet_value: '443', records: '120', total_bytes: '9000' },
        { facet_value: 'null', records: '3', total_bytes: 'null' },
      ]),
      [
        { value: '443', count: 120, bytes: 9000 },
        { value: undefined, count: 3 },
      ],
    );
    assert.deepEqual(readFacetValues([{ facet_value: 'cn-hangzhou', records: '7' }]), [{ value: 'cn-hangzhou', count: 7 }]);
  });

  it('read min, max and percentiles', () => {
    assert.deepEqual(readFacetStats([{ min_value: '40', max_value: '1500', p50: '200', p90: '900.5', p99: 'null' }]), {
      min: 40,
      max: 1500,
      percentiles: [
        { p: 0.5, value: 200 },
        { p: 0.9, value: 900.5 },
        { p: 0.99, value: undefined },
      ],
    });
    assert.deepEqual(readFacetStats([]).percentiles, [], 'no answer row: no percentiles to show');
  });

  it("a CEN's stats ask min and max only (approximate percentiles do not merge), and read none", () => {
    const statement = facetStatsStatement('*', 'bytes', { percentiles: false });
    assert.doesNotMatch(statement, /approx_percentile/);
    assert.match(statement, /min\("bytes"\) as min_value, max\("bytes"\) as max_value$/);
    assert.match(facetStatsStatement('*', 'bytes'), /approx_percentile/);
    assert.deepEqual(readFacetStats([{ min_value: '1', max_value: '9' }]), { min: 1, max: 9, percentiles: [] });
  });
});
