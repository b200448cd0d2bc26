import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESULT_PAGE_ROWS, ResultPager } from '../../../src/views/workbench/resultPages';

/** Rows as the SLS client reads them: values in ['srcaddr', 'bytes'] order. */
const rows = (n: number, start = 0): string[][] => Array.from({ length: n }, (_, i) => [`10.0.${(start + i) >> 8}.${(start + i) & 255}`, String(start + i)]);

test('a large batch becomes several pages, none above the bound, in order', () => {
  const pager = new ResultPager();
  const pages = pager.pages(['srcaddr', 'bytes'], rows(5_000));
  assert.deepEqual(pages.map((p) => p.rows.length), [RESULT_PAGE_ROWS, RESULT_PAGE_ROWS, 5_000 - 2 * RESULT_PAGE_ROWS]);
  assert.deepEqual(pages.map((p) => p.pageIndex), [0, 1, 2]);
  assert.deepEqual(pages[2].rows.at(-1), ['10.0.19.135', '4999']);
  assert.equal(pager.rowCount, 5_000);
});

test('page indexes continue across batches (load more)', () => {
  const pager = new ResultPager(100);
  pager.pages(['srcaddr', 'bytes'], rows(250));
  const more = pager.pages(['srcaddr', 'bytes'], rows(30, 250));
  assert.deepEqual(more.map((p) => p.pageIndex), [3]);
  assert.equal(more[0].rows[0][more[0].columns.indexOf('bytes')], '250');
  assert.equal(pager.rowCount, 280);
});

test('columns keep their first order; fields seen later are appended, missing values are empty', () => {
  const pager = new ResultPager();
  const [first] = pager.pages(['b', 'a'], [['2', '1']]);
  assert.deepEqual(first.columns, ['b', 'a']);
  assert.deepEqual(first.rows, [['2', '1']]);
  const [second] = pager.pages(['a', 'c'], [['3', '4']]);
  assert.deepEqual(second.columns, ['b', 'a', 'c']);
  assert.deepEqual(second.rows, [['', '3', '4']]);
});

test('a result with no rows still yields one empty page carrying the columns', () => {
  const pager = new ResultPager();
  assert.deepEqual(pager.pages(['n'], []), []);
  const empty = pager.emptyPage(['n']);
  assert.deepEqual(empty, { pageIndex: 0, columns: ['n'], rows: [] });
});

test('the page bound must be a positive integer', () => {
  assert.throws(() => new ResultPager(0), RangeError);
  assert.throws(() => new ResultPager(1.5), RangeError);
});

test('a page of the maximum size stays small enough to clone quickly', () => {
  const pager = new ResultPager();
  const [page] = pager.pages(['srcaddr', 'bytes'], rows(RESULT_PAGE_ROWS));
  assert.ok(JSON.stringify(page).length < 1_000_000);
});

test('rows already in the page order are passed on, not copied; short rows are padded', () => {
  const pager = new ResultPager();
  const batch = rows(3);
  const [page] = pager.pages(['srcaddr', 'bytes'], batch);
  assert.equal(page.rows[1], batch[1]);
  const [late] = pager.pages(['srcaddr', 'bytes', 'note'], [['10.0.0.9', '9', 'x'], ['10.0.0.8']]);
  assert.deepEqual(late.rows, [['10.0.0.9', '9', 'x'], ['10.0.0.8', '', '']]);
});
