/**
 * ResultStore over packed pages (webview/grid/packedPage.ts): cells read from the pages as they
 * arrived, and sort, filter and numeric classification giving what the store gave when it held
 * `string[]` rows — those expectations are computed here from unpackRows' rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packRows, SAME16, splitAt, unpackRows, type PackedRows } from '../../../src/results/packedRows';
import { isNumberText, ResultStore, type ColumnHints, type SortState } from '../../../webview/grid/resultStore';
import { storePage } from '../../../webview/grid/packedPage';
import { columnPresenter } from '../../../webview/grid/valueFormat';

type Rows = readonly (readonly string[])[];

function storeOf(pages: readonly { columns: readonly string[]; packed: PackedRows }[], hints?: ColumnHints): ResultStore {
  const s = new ResultStore(hints);
  s.reset([]);
  for (const p of pages) s.append(p.columns, p.packed);
  return s;
}

/** Every row of the view, read cell by cell through `cell` (as wide as the store's columns). */
function viewCells(s: ResultStore): string[][] {
  return Array.from({ length: s.viewRows }, (_, i) => s.columns.map((_, c) => s.cell(i, c)));
}

const padded = (rows: Rows, width: number): string[][] => rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));

test('"same as above" cells inside a page read the text they repeat', () => {
  const rows = [
    ['1700000000', 'cn-hangzhou', '6', 'a'],
    ['1700000000', 'cn-hangzhou', '17', 'b'],
    ['1700000000', 'cn-shanghai', '17', 'b'],
    ['1700000060', 'cn-shanghai', '17', ''],
  ];
  const packed = packRows(rows, 4);
  assert.ok(packed.lengths.includes(SAME16), 'the pack has "same as above" markers');
  const s = storeOf([{ columns: ['t', 'region', 'proto', 'x'], packed }]);
  assert.deepEqual(viewCells(s), rows);
  assert.deepEqual(s.rowAt(2), rows[2]);
  assert.deepEqual(s.allRows(), rows);
  assert.deepEqual(s.rowsInArrivalOrder(1, 3), rows.slice(1, 3));
  assert.deepEqual(s.rowsInArrivalOrder(3, 100), rows.slice(3), 'the range is clamped to the rows');
});

test('pages cut by the host read as the whole; a page whose first row refers to the page before is refused', () => {
  const rows = Array.from({ length: 50 }, (_, i) => [String(Math.floor(i / 10)), i % 7 === 0 ? '' : 'same', `r${i}`]);
  const whole = packRows(rows, 3);
  const columns = ['k', 'v', 'id'];
  const s = storeOf(splitAt(whole, [0, 10, 11, 25, 50]).map((packed) => ({ columns, packed })));
  assert.deepEqual(viewCells(s), unpackRows(whole));

  // A page that starts with "same as above" (the host resolves these when it cuts): the store
  // does not reach into the previous page for it, it rejects the page and keeps what it had.
  const next: PackedRows = { rowCount: 2, width: 3, text: 'r50' + 'r51', lengths: Uint16Array.from([1, SAME16, 3, SAME16, SAME16, 3]) };
  assert.throws(() => s.append(columns, next), /first row/);
  assert.equal(s.totalRows, 50);
  assert.deepEqual(viewCells(s), unpackRows(whole));
});

test('pages of different widths: cells past a row\'s width read empty, and the columns grow', () => {
  const s = storeOf([
    { columns: ['a', 'b'], packed: packRows([['1', 'x'], ['2', 'y']], 2) },
    { columns: ['a', 'b', 'c'], packed: packRows([['3', 'z', 'new']], 3) },
  ]);
  assert.deepEqual(s.columns, ['a', 'b', 'c']);
  assert.deepEqual(viewCells(s), [['1', 'x', ''], ['2', 'y', ''], ['3', 'z', 'new']]);
  assert.deepEqual(s.rowAt(0), ['1', 'x'], 'a row has the cells its page sent');
  s.setSort({ column: 2, direction: 'asc' });
  assert.deepEqual(viewCells(s).map((r) => r[0]), ['3', '1', '2'], 'empty (missing) values sort last');
  s.setFilter('new');
  assert.deepEqual(viewCells(s).map((r) => r[0]), ['3']);
  assert.equal(s.isNumericColumn(0), true);
  assert.equal(s.isNumericColumn(2), false);
});

test('empty cells, empty rows and a page of no rows', () => {
  const rows = [['', 'a', ''], ['', '', ''], ['b', '', '']];
  const s = storeOf([
    { columns: ['x', 'y', 'z'], packed: packRows([], 3) },
    { columns: ['x', 'y', 'z'], packed: packRows(rows, 3) },
  ]);
  assert.deepEqual(viewCells(s), rows);
  assert.equal(s.isNumericColumn(2), false, 'an all-empty column is not numeric');
  // "Same as above" on an empty cell (packRows never writes one; a pack may carry it) is empty too.
  const odd: PackedRows = { rowCount: 2, width: 2, text: 'q', lengths: Uint16Array.from([0, 1, SAME16, SAME16]) };
  const t = storeOf([{ columns: ['x', 'y'], packed: odd }]);
  assert.deepEqual(viewCells(t), [['', 'q'], ['', 'q']]);
});

test('non-ASCII and surrogate text reads, and filters, as each cell lower-cased on its own', () => {
  // One page per case, so that each page's text has only that case in it.
  const pages = [
    [['ΟΔΟΣ', 'Β'], ['ΟΔΟΣ', 'é'], ['日本語', 'x']], // Σ ending a cell lower-cases to ς; in the page's text Β follows it (σ)
    [['İstanbul', 'x']], // İ lower-cases to two code units
    [['\ud801', '\udc00']], // the halves of 𐐀 in two cells: each alone stays as it is
    [['𐐀', '😀 日本語']],
  ];
  const rows = pages.flat();
  const s = storeOf(pages.map((p) => ({ columns: ['a', 'b'], packed: packRows(p, 2) })));
  assert.deepEqual(viewCells(s), rows);
  const matches = (needle: string): string[] => {
    s.setFilter(needle);
    return viewCells(s).map((r) => r.join('|'));
  };
  const expected = (needle: string): string[] =>
    rows.filter((r) => r.some((v) => v.toLowerCase().includes(needle.trim().toLowerCase()))).map((r) => r.join('|'));
  for (const needle of ['οδος', 'οδοσ', 'ς', 'σβ', 'i̇stan', 'İSTAN', '\ud801\udc28', '\udc28', '\udc00', '𐐨', '𐐀', '日本', '😀', 'É', 'x']) {
    assert.deepEqual(matches(needle), expected(needle), needle);
  }
  assert.deepEqual(matches('οδος'), ['ΟΔΟΣ|Β', 'ΟΔΟΣ|é']);
  assert.deepEqual(matches('σβ'), [], 'no match across a cell boundary');
  assert.deepEqual(matches('\udc00'), ['\ud801|\udc00']);
  assert.deepEqual(matches('𐐨'), ['𐐀|😀 日本語']);

  // An ASCII page takes the whole-text search: matches stay within a cell there too.
  const ascii = storeOf([{ columns: ['a', 'b'], packed: packRows([['AB', 'CD'], ['ab', 'cd'], ['x', 'ABCD']], 2) }]);
  ascii.setFilter('bc');
  assert.deepEqual(viewCells(ascii), [['x', 'ABCD']]);
});

test('a row with more text, or a run of repeats longer, than two bytes count reads whole', () => {
  const long = [['a'.repeat(40_000), 'b'.repeat(40_000), 'c'], ['x', 'y', 'z']];
  const wide = packRows(long, 3);
  assert.ok(wide.lengths instanceof Uint16Array, 'every length fits two bytes; the offsets in the row do not');
  assert.ok(storePage(wide, 0).cellAt instanceof Uint32Array, 'the page is indexed with four bytes a cell');
  assert.deepEqual(viewCells(storeOf([{ columns: ['a', 'b', 'c'], packed: wide }])), long);

  const run = Array.from({ length: 70_000 }, (_, i) => ['constant', String(i)]);
  const packed = packRows(run, 2);
  assert.ok(storePage(packed, 0).cellAt instanceof Uint32Array);
  assert.ok(storePage(packRows(run.slice(0, 60_000), 2), 0).cellAt instanceof Uint16Array, 'two bytes while they count');
  const s = storeOf([{ columns: ['k', 'i'], packed }]);
  assert.deepEqual(s.rowAt(69_999), ['constant', '69999']);
  s.setFilter('const');
  assert.equal(s.viewRows, 70_000);
  s.setFilter('69999');
  assert.deepEqual(viewCells(s), [['constant', '69999']]);
});

test('malformed packs are refused and change nothing', () => {
  const s = storeOf([{ columns: ['a'], packed: packRows([['keep']], 1) }]);
  const bad: unknown[] = [
    { rowCount: 1, width: 1, text: 'abc', lengths: Uint16Array.from([2]) }, // lengths short of the text
    { rowCount: 1, width: 1, text: 'ab', lengths: Uint16Array.from([3]) }, // past the text
    { rowCount: 2, width: 1, text: 'a', lengths: Uint16Array.from([1]) }, // too few lengths
    { rowCount: 1, width: 1, text: 'a', lengths: Uint32Array.from([0xffffffff]) }, // "same as above" in the first row
    { rowCount: 1, width: 1, text: 'a', lengths: [1] }, // not a typed array
    { rowCount: 1, width: 1, text: 1, lengths: Uint16Array.from([1]) },
    { rowCount: -1, width: 1, text: '', lengths: new Uint16Array(0) },
    { rowCount: 1.5, width: 1, text: '', lengths: new Uint16Array(0) },
  ];
  for (const b of bad) assert.throws(() => s.append(['a', 'b'], b as PackedRows), TypeError, JSON.stringify(b));
  assert.equal(s.totalRows, 1);
  assert.deepEqual(s.columns, ['a'], 'a refused page does not widen the columns');
  assert.deepEqual(viewCells(s), [['keep']]);
});

// --- Seeded random data: the packed store answers as the string[] store did -----------------

/** What the store did over `string[]` rows (its code before pages stayed packed), restated. */
const reference = {
  numeric(rows: Rows, c: number): boolean {
    const values = rows.map((r) => r[c] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.every(isNumberText);
  },
  filter(rows: Rows, columns: readonly string[], text: string, hints?: ColumnHints): number[] {
    const needle = text.trim().toLowerCase();
    if (!needle) return rows.map((_, i) => i);
    const hintOf = columns.map((name) => hints?.(name));
    return rows.flatMap((row, i) =>
      row.some((v, c) => v.toLowerCase().includes(needle) || (v !== '' && (hintOf[c]?.(v)?.toLowerCase().includes(needle) ?? false))) ? [i] : [],
    );
  },
  sort(rows: Rows, indices: number[], sort: SortState): number[] {
    const { column, direction } = sort;
    const sign = direction === 'asc' ? 1 : -1;
    const value = (i: number): string => rows[i][column] ?? '';
    const present = indices.map(value).filter((v) => v !== '');
    const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
    const numeric = reference.numeric(rows, column);
    const byAddress = !numeric && present.length > 0 && present.every((v) => ipv4.test(v));
    const key = (v: string): number | string =>
      numeric ? Number(v) : byAddress ? v.split('.').reduce((n, part) => n * 256 + Number(part), 0) : v.toLowerCase();
    return [...indices].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === '' || vb === '') return va === vb ? a - b : va === '' ? 1 : -1;
      const ka = key(va);
      const kb = key(vb);
      return ka === kb ? a - b : ka < kb ? -sign : sign;
    });
  },
};

function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

test('seeded random pages: cells, numeric columns, sort, filter and both together are what the string[] store gave', () => {
  const rand = seededRandom(20261126);
  const columns = ['protocol', 'bytes', 'srcaddr', 'note', 'src-region-id', 'n', 'count', 'late'];
  let counts = 0;
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
  const valueFor = (c: number): string => {
    if (rand(6) === 0) return '';
    switch (columns[c]) {
      case 'protocol': return pick(['6', '17', '1', '250']);
      case 'bytes': return String(rand(5_000_000));
      case 'srcaddr': return `10.${rand(3)}.${rand(256)}.${rand(256)}`;
      case 'src-region-id': return pick(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'eu-central-1']);
      case 'n': return pick(['1', '-2.5', '3e2', ' 4 ', '.5']);
      case 'count': return ++counts === 300 ? 'n/a' : String(counts); // numbers but one, deep in the rows
      default: return Array.from({ length: rand(8) }, () => pick(['a', 'B', 'x', 'Σ', 'é', '日', '😀', ' ', 'TCP', 'kb', '1'])).join('');
    }
  };
  // Pages as the host cuts them (narrower early pages: 'late' arrives later), many repeats.
  const pages: { columns: string[]; packed: PackedRows }[] = [];
  const expected: string[][] = [];
  let previous: string[] | undefined;
  for (let p = 0; p < 12; p++) {
    const width = p < 4 ? columns.length - 1 : columns.length;
    const rows = Array.from({ length: rand(400) }, () => {
      const row = Array.from({ length: width }, (_, c) => (previous && rand(3) === 0 ? (previous[c] ?? '') : valueFor(c)));
      previous = row;
      return row;
    });
    const packed = packRows(rows, width);
    pages.push({ columns: columns.slice(0, width), packed });
    expected.push(...unpackRows(packed));
  }
  const hints: ColumnHints = (column) => columnPresenter(column).hint;
  const s = storeOf(pages, hints);
  assert.equal(s.totalRows, expected.length);
  assert.deepEqual(viewCells(s), padded(expected, columns.length));
  for (let i = 0; i < expected.length; i += 37) assert.deepEqual(s.rowAt(i), expected[i]);
  for (let c = 0; c < columns.length; c++) assert.equal(s.isNumericColumn(c), reference.numeric(expected, c), `numeric ${columns[c]}`);
  assert.equal(s.isNumericColumn(columns.indexOf('count')), false, 'the one text value among the counts is seen');

  const rowsAt = (indices: number[]): string[][] => padded(indices.map((i) => expected[i]), columns.length);
  const all = expected.map((_, i) => i);
  for (let c = 0; c < columns.length; c++) {
    for (const direction of ['asc', 'desc'] as const) {
      s.setSort({ column: c, direction });
      assert.deepEqual(viewCells(s), rowsAt(reference.sort(expected, all, { column: c, direction })), `sort ${columns[c]} ${direction}`);
    }
  }
  s.setSort(undefined);
  const needles = ['tcp', 'udp', 'KB', 'mb', 'hangzhou', 'Shanghai', '10.1.', 'σ', 'ς', 'é', '日', '😀', 'b', ' x', '-2.5', 'nothing like it'];
  for (const needle of needles) {
    s.setFilter(needle);
    const matched = reference.filter(expected, columns, needle, hints);
    assert.deepEqual(viewCells(s), rowsAt(matched), `filter ${needle}`);
    s.setSort({ column: 1, direction: 'desc' });
    assert.deepEqual(viewCells(s), rowsAt(reference.sort(expected, matched, { column: 1, direction: 'desc' })), `filter ${needle}, sorted`);
    s.setSort(undefined);
  }
});
