import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packRows } from '../../../src/results/packedRows';
import { ResultStore, isNumberText } from '../../../webview/grid/resultStore';

/** Rows as the webview receives them: packed (src/results/packedRows.ts). */
const packed = (columns: string[], rows: string[][]) => packRows(rows, columns.length);

function store(columns: string[], rows: string[][]): ResultStore {
  const s = new ResultStore();
  s.reset(columns);
  s.append(columns, packed(columns, rows));
  return s;
}

function column(s: ResultStore, c: number): string[] {
  return Array.from({ length: s.viewRows }, (_, i) => s.cell(i, c));
}

test('numeric columns sort by value, not text', () => {
  const s = store(['bytes'], [['9'], ['100'], ['20'], ['1.5e3']]);
  assert.equal(s.isNumericColumn(0), true);
  s.toggleSort(0);
  assert.deepEqual(column(s, 0), ['9', '20', '100', '1.5e3']);
  s.toggleSort(0);
  assert.deepEqual(column(s, 0), ['1.5e3', '100', '20', '9']);
  s.toggleSort(0);
  assert.deepEqual(column(s, 0), ['9', '100', '20', '1.5e3'], 'third click restores arrival order');
});

test('text columns sort as text, case-insensitively', () => {
  const s = store(['addr'], [['10.0.0.9'], ['10.0.0.10'], ['B'], ['a']]);
  assert.equal(s.isNumericColumn(0), false);
  s.setSort({ column: 0, direction: 'asc' });
  assert.deepEqual(column(s, 0), ['10.0.0.10', '10.0.0.9', 'a', 'B']);
  s.setSort({ column: 0, direction: 'desc' });
  assert.deepEqual(column(s, 0), ['B', 'a', '10.0.0.9', '10.0.0.10']);
});

test('IPv4 address columns sort by address value', () => {
  const s = store(['srcaddr'], [['10.0.0.10'], ['9.255.0.1'], ['10.0.0.9'], [''], ['192.168.0.1']]);
  s.setSort({ column: 0, direction: 'asc' });
  assert.deepEqual(column(s, 0), ['9.255.0.1', '10.0.0.9', '10.0.0.10', '192.168.0.1', '']);
});

test('empty values sort last in both directions', () => {
  const s = store(['n'], [['3'], [''], ['1']]);
  s.setSort({ column: 0, direction: 'asc' });
  assert.deepEqual(column(s, 0), ['1', '3', '']);
  s.setSort({ column: 0, direction: 'desc' });
  assert.deepEqual(column(s, 0), ['3', '1', '']);
});

test('sorting is stable', () => {
  const s = store(['k', 'id'], [['1', 'a'], ['0', 'b'], ['1', 'c'], ['0', 'd']]);
  s.setSort({ column: 0, direction: 'asc' });
  assert.deepEqual(column(s, 1), ['b', 'd', 'a', 'c']);
});

test('the filter matches any cell, case-insensitively, and combines with sort', () => {
  const s = store(['src', 'bytes'], [['10.0.0.1', '5'], ['10.0.0.2', '50'], ['192.168.1.1', '7'], ['10.0.0.3', '1']]);
  s.setFilter('10.0.0');
  assert.equal(s.viewRows, 3);
  s.setSort({ column: 1, direction: 'desc' });
  assert.deepEqual(column(s, 1), ['50', '5', '1']);
  s.setFilter('');
  assert.equal(s.viewRows, 4);
});

test('pages appended after sorting are merged into the sorted view', () => {
  const s = store(['n'], [['5'], ['1']]);
  s.setSort({ column: 0, direction: 'asc' });
  s.append(['n'], packed(['n'], [['3'], ['0']]));
  assert.deepEqual(column(s, 0), ['0', '1', '3', '5']);
  assert.equal(s.totalRows, 4);
});

test('rows are read from the packed page: a new array of the row\'s cells each time', () => {
  const s = store(['c', 'd'], [['x', 'y'], ['x', '']]);
  assert.deepEqual(s.rowAt(1), ['x', '']);
  assert.notEqual(s.rowAt(0), s.rowAt(0));
  assert.equal(s.rowAt(2), undefined);
  assert.equal(s.cell(2, 0), '');
});

test('sorting 50,000 numeric rows orders every one of them', () => {
  const n = 50_000;
  const rows = Array.from({ length: n }, (_, i) => [String((i * 7919) % n)]);
  const s = store(['n'], rows);
  s.setSort({ column: 0, direction: 'asc' });
  for (let i = 0; i < n; i += 997) assert.equal(s.cell(i, 0), String(i));
  assert.equal(s.cell(n - 1, 0), String(n - 1));
});

test('a column stops being numeric as soon as a page brings text', () => {
  const s = store(['v'], [['1'], ['2']]);
  assert.equal(s.isNumericColumn(0), true);
  s.append(['v'], packed(['v'], [['n/a']]));
  assert.equal(s.isNumericColumn(0), false);
  const empty = store(['v'], [[''], ['']]);
  assert.equal(empty.isNumericColumn(0), false, 'an all-empty column is not numeric');
});

test('isNumberText', () => {
  for (const v of ['0', '-1', '+2.5', '.5', '1e6', ' 42 ']) assert.equal(isNumberText(v), true, v);
  for (const v of ['', '1.2.3', '10.0.0.1', 'abc', '0x10', 'NaN']) assert.equal(isNumberText(v), false, v);
});
