import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_PAGE_ROWS, RESULT_PAGE_MAX_CHARS, RESULT_PAGE_ROWS, ResultPager } from '../../../src/views/workbench/resultPages';
import { fromTransfer, readLogsV2BytesForTransfer } from '../../../src/cloud/slsWireBytes';
import { packRows, unpackRows } from '../../../src/results/packedRows';

/** Rows as the SLS client reads them: values in ['srcaddr', 'bytes'] order. */
const rows = (n: number, start = 0): string[][] => Array.from({ length: n }, (_, i) => [`10.0.${(start + i) >> 8}.${(start + i) & 255}`, String(start + i)]);

test('a large batch becomes several pages, none above the bound, in order; the first page is a short one', () => {
  const pager = new ResultPager();
  const pages = pager.pages(['srcaddr', 'bytes'], rows(5_000));
  assert.deepEqual(pages.map((p) => p.rows.rowCount), [FIRST_PAGE_ROWS, RESULT_PAGE_ROWS, RESULT_PAGE_ROWS, 5_000 - FIRST_PAGE_ROWS - 2 * RESULT_PAGE_ROWS]);
  assert.deepEqual(pages.map((p) => p.pageIndex), [0, 1, 2, 3]);
  assert.deepEqual(unpackRows(pages[pages.length - 1].rows).at(-1), ['10.0.19.135', '4999']);
  assert.deepEqual(pages.flatMap((p) => unpackRows(p.rows)), rows(5_000));
  assert.equal(pager.rowCount, 5_000);
});

test('page indexes continue across batches (load more)', () => {
  const pager = new ResultPager(100);
  pager.pages(['srcaddr', 'bytes'], rows(250));
  const more = pager.pages(['srcaddr', 'bytes'], rows(30, 250));
  assert.deepEqual(more.map((p) => p.pageIndex), [3]);
  assert.equal(unpackRows(more[0].rows)[0][more[0].columns.indexOf('bytes')], '250');
  assert.equal(pager.rowCount, 280);
});

test('columns keep their first order; fields seen later are appended, missing values are empty', () => {
  const pager = new ResultPager();
  const [first] = pager.pages(['b', 'a'], [['2', '1']]);
  assert.deepEqual(first.columns, ['b', 'a']);
  assert.deepEqual(unpackRows(first.rows), [['2', '1']]);
  const [second] = pager.pages(['a', 'c'], [['3', '4']]);
  assert.deepEqual(second.columns, ['b', 'a', 'c']);
  assert.deepEqual(unpackRows(second.rows), [['', '3', '4']]);
  // The same re-ordering for rows that arrive packed (as the SLS client reads them).
  const [third] = pager.pages(['c', 'b'], packRows([['5', '6']], 2));
  assert.deepEqual(unpackRows(third.rows), [['6', '', '5']]);
});

test('a result with no rows still yields one empty page carrying the columns', () => {
  const pager = new ResultPager();
  assert.deepEqual(pager.pages(['n'], []), []);
  const empty = pager.emptyPage(['n']);
  assert.deepEqual(empty.columns, ['n']);
  assert.equal(empty.pageIndex, 0);
  assert.deepEqual(unpackRows(empty.rows), []);
});

test('only the result\'s first page is short: later batches (load more) use the full page size', () => {
  const pager = new ResultPager();
  assert.deepEqual(pager.pages(['a'], packRows(rows(300).map((r) => [r[0]]), 1)).map((p) => p.rows.rowCount), [FIRST_PAGE_ROWS, 300 - FIRST_PAGE_ROWS]);
  assert.deepEqual(pager.pages(['a'], packRows(rows(4_500).map((r) => [r[0]]), 1)).map((p) => p.rows.rowCount), [RESULT_PAGE_ROWS, RESULT_PAGE_ROWS, 500]);
  // A first page smaller than the short-page size is one page.
  assert.deepEqual(new ResultPager().pages(['a'], [['x']]).map((p) => p.rows.rowCount), [1]);
});

test('the page bound must be a positive integer', () => {
  assert.throws(() => new ResultPager(0), RangeError);
  assert.throws(() => new ResultPager(1.5), RangeError);
  assert.throws(() => new ResultPager(10, 0), RangeError);
});

test('a page of the maximum size stays small enough to clone quickly', () => {
  const pager = new ResultPager();
  const pages = pager.pages(['srcaddr', 'bytes'], rows(RESULT_PAGE_ROWS * 2));
  assert.ok(pages.some((p) => p.rows.rowCount === RESULT_PAGE_ROWS));
  for (const page of pages) assert.ok(JSON.stringify({ ...page, rows: { ...page.rows, lengths: Array.from(page.rows.lengths) } }).length < 1_000_000);
});

test('packed rows already in the page order are cut, not rebuilt; short rows are padded', () => {
  const pager = new ResultPager(2);
  const batch = packRows(rows(3), 2);
  const pages = pager.pages(['srcaddr', 'bytes'], batch);
  assert.deepEqual(pages.map((p) => p.rows.rowCount), [2, 1]);
  // Cut from the same text: the pages' texts are consecutive pieces of the batch's.
  assert.equal(pages.map((p) => p.rows.text).join(''), batch.text);
  assert.deepEqual(pages.flatMap((p) => unpackRows(p.rows)), rows(3));
  const [late] = pager.pages(['srcaddr', 'bytes', 'note'], [['10.0.0.9', '9', 'x'], ['10.0.0.8']]);
  assert.deepEqual(unpackRows(late.rows), [['10.0.0.9', '9', 'x'], ['10.0.0.8', '', '']]);
});

test('a page ends before its text passes the character bound (wide rows), unless it is one row', () => {
  const wide = (n: number): string[][] => Array.from({ length: n }, (_, i) => [`${i}`.padEnd(250, 'x'), `row ${i}`]);
  for (const batch of [wide(1_000), packRows(wide(1_000), 2)]) {
    const pages = new ResultPager().pages(['a', 'b'], batch);
    assert.equal(pages[0].rows.rowCount, FIRST_PAGE_ROWS);
    assert.ok(pages.length > 1 + (1_000 - FIRST_PAGE_ROWS) / RESULT_PAGE_ROWS, 'more pages than the row bound alone makes');
    for (const page of pages) assert.ok(page.rows.text.length <= RESULT_PAGE_MAX_CHARS, `${page.rows.text.length} characters`);
    assert.deepEqual(pages.flatMap((p) => unpackRows(p.rows)), wide(1_000));
  }
  // A row longer than the bound is a page of its own; the rows around it are not lost.
  const rows = [['a'], ['b'.repeat(RESULT_PAGE_MAX_CHARS + 1)], ['c']];
  assert.deepEqual(new ResultPager(10, 10).pages(['v'], rows).map((p) => p.rows.rowCount), [1, 1, 1]);
});

test('rows as arrays are cut where their packed form is: values repeated from the row above do not count', () => {
  // Long values repeated down the rows (as flow logs repeat account, CEN, regions …), short ones that change.
  const repeated = Array.from({ length: 5_000 }, (_, i) => ['x'.repeat(200 + Math.floor(i / 1_000)), String(i)]);
  const cut = (batch: readonly (readonly string[])[] | ReturnType<typeof packRows>): number[] => new ResultPager().pages(['a', 'b'], batch).map((p) => p.rows.rowCount);
  assert.deepEqual(cut(repeated), cut(packRows(repeated, 2)));
  assert.deepEqual(cut(repeated), [FIRST_PAGE_ROWS, RESULT_PAGE_ROWS, RESULT_PAGE_ROWS, 5_000 - FIRST_PAGE_ROWS - 2 * RESULT_PAGE_ROWS]);
});

test('rows the SLS client holds as ASCII bytes are cut from those bytes: the whole text is never made', () => {
  const columns = ['srcaddr', 'bytes'];
  const source = rows(5_000);
  // Runs of equal values, so cuts fall on "same as above" cells.
  for (let r = 1; r < source.length; r += 3) source[r][1] = source[r - 1][1];
  const body = Buffer.from(JSON.stringify({ meta: { progress: 'Complete', count: source.length, hasSQL: true, keys: columns }, data: source.map(([srcaddr, bytes]) => ({ srcaddr, bytes })) }));
  const sent = readLogsV2BytesForTransfer(body);
  assert.ok(sent?.asciiText, 'an all-ASCII answer travels as bytes');
  const { packed, asciiText } = fromTransfer(sent);
  let textReads = 0;
  const getText = Object.getOwnPropertyDescriptor(packed, 'text')!.get!;
  Object.defineProperty(packed, 'text', { get: () => (textReads++, getText.call(packed)) });
  const pages = new ResultPager().pages(columns, packed, asciiText);
  assert.equal(textReads, 0, 'the batch\'s text was never read');
  assert.deepEqual(pages.map((p) => p.rows.rowCount), [FIRST_PAGE_ROWS, RESULT_PAGE_ROWS, RESULT_PAGE_ROWS, 5_000 - FIRST_PAGE_ROWS - 2 * RESULT_PAGE_ROWS]);
  assert.deepEqual(pages.flatMap((p) => unpackRows(p.rows)), source);
});
