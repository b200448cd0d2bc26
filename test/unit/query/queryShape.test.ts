/**
 * The query's shape — SQL or not, and its LIMIT — as paging, the runner and export all see it.
 * The first cases are where the old regex split (paging) and the tokenizer (runner) disagreed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogramSearch, queryShape } from '../../../src/query/queryShape';
import { planPages } from '../../../src/cloud/queryPaging';
import type { QueryRequest } from '../../../src/cloud/slsApi';

const base: QueryRequest = { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', from: 1, to: 2, query: '*' };

describe('queryShape', () => {
  it("a single quote is not search syntax: `it's | select` is SQL for paging as for the runner", () => {
    const q = "dstport: 80 and it's | select count(*)";
    const shape = queryShape(q);
    assert.equal(shape.search, "dstport: 80 and it's ");
    assert.equal(shape.sql?.text, ' select count(*)');
    const plan = planPages({ ...base, query: q });
    assert.equal(plan.pageSize, 10_000);
    assert.equal(plan.pageRequest(0, 10_000).query, "dstport: 80 and it's | select count(*) LIMIT 0, 10000");
    assert.equal(histogramSearch(q), "dstport: 80 and it's");
  });

  it('a | inside single quotes of the search still separates the SQL', () => {
    assert.equal(queryShape("x: 'a|b'").sql?.text, "b'");
    assert.equal(queryShape('msg: "a|b" | select 1').search, 'msg: "a|b" ');
  });

  it('a LIMIT inside an SQL string or comment is not a LIMIT', () => {
    const s = queryShape("* | select * where msg = 'top limit 5'")?.sql;
    assert.equal(s?.hasLimit, false);
    assert.equal(s?.trailingLimit, undefined);
    const c = queryShape('* | select * -- limit 5')?.sql;
    assert.equal(c?.hasLimit, false);
    assert.equal(c?.body, 'select *');
    assert.equal(planPages({ ...base, query: '* | select * -- limit 5' }).pageRequest(0, 10).query, '* | select * LIMIT 0, 10');
  });

  it('a trailing comment after LIMIT still leaves the LIMIT trailing', () => {
    const s = queryShape('* | select srcaddr limit 20, 50 -- top fifty')?.sql;
    assert.deepEqual(s?.trailingLimit, { offset: 20, count: 50 });
    assert.equal(s?.body, 'select srcaddr');
  });

  it('a LIMIT in a subquery is not the statement’s LIMIT', () => {
    const s = queryShape('* | select * from (select srcaddr from log limit 5)')?.sql;
    assert.equal(s?.hasLimit, false);
    assert.equal(s?.trailingLimit, undefined);
    assert.equal(s?.body, 'select * from (select srcaddr from log limit 5)');
  });

  it('reads LIMIT count and LIMIT offset, count in any case', () => {
    assert.deepEqual(queryShape('* | select * LIMIT 7')?.sql?.trailingLimit, { offset: 0, count: 7 });
    assert.deepEqual(queryShape('* | select * limit 3 , 9')?.sql?.trailingLimit, { offset: 3, count: 9 });
    assert.equal(queryShape('* | select * limit 5 offset')?.sql?.trailingLimit, undefined);
    assert.equal(queryShape('* | select * limit 5 offset')?.sql?.hasLimit, true);
  });

  it('search only: no SQL', () => {
    assert.deepEqual(queryShape('srcaddr: 10.0.0.1'), { search: 'srcaddr: 10.0.0.1' });
    assert.equal(histogramSearch('  '), '*');
  });
});
