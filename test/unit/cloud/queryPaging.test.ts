/**
 * The pages a query is fetched in (planPages): what queryPages and the paged-fetch benchmark's
 * serial baseline both ask the service for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planPages } from '../../../src/cloud/queryPaging';
import type { QueryRequest } from '../../../src/cloud/slsApi';

const base: QueryRequest = { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', from: 1, to: 2, query: '*' };

test('raw logs page by line/offset, at most 100 a request, from the request’s own offset', () => {
  const plan = planPages({ ...base, query: 'srcaddr: 10.0.0.1', offset: 40 }, { pageSize: 500, maxRows: 250 });
  assert.equal(plan.pageSize, 100);
  assert.equal(plan.startOffset, 40);
  assert.equal(plan.maxRows, 250);
  assert.deepEqual(plan.pageRequest(140, 100), { ...base, query: 'srcaddr: 10.0.0.1', offset: 140, line: 100 });
});

test('an analytic statement pages by LIMIT offset, size; its own trailing LIMIT bounds the total and sets the start', () => {
  const plan = planPages({ ...base, query: 'direction: out | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 20, 35000' });
  assert.equal(plan.pageSize, 10_000);
  assert.equal(plan.startOffset, 20);
  assert.equal(plan.maxRows, 35_000);
  const page = plan.pageRequest(10_020, 10_000);
  assert.equal(page.query, 'direction: out | select srcaddr, sum(bytes) as b group by srcaddr order by b desc LIMIT 10020, 10000');
  assert.equal(page.line, undefined);
  assert.equal(page.offset, undefined);
});

test('an analytic statement without LIMIT is capped at 1,000,000 rows; the caller’s maxRows can lower it', () => {
  assert.equal(planPages({ ...base, query: '* | select *' }).maxRows, 1_000_000);
  assert.equal(planPages({ ...base, query: '* | select *' }, { maxRows: 5 }).maxRows, 5);
  assert.equal(planPages({ ...base, query: '* | select * limit 999990, 50' }).maxRows, 10);
});

test('the statement starts at the first | outside double quotes; LIMIT is read only at the end', () => {
  assert.equal(planPages({ ...base, query: 'msg: "a|b" | select 1' }).pageRequest(0, 5).query, 'msg: "a|b" | select 1 LIMIT 0, 5');
  // Single quotes are not search syntax (src/query/queryShape.ts): the | still separates the SQL.
  assert.equal(planPages({ ...base, query: "x: 'it\\'s|' " }).pageSize, 10_000);
  assert.equal(planPages({ ...base, query: '* | select * limit 5 offset' }).maxRows, 1_000_000);
  assert.equal(planPages({ ...base, query: '* | select * LIMIT 7' }).maxRows, 7);
});
