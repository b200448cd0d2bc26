import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packRows } from '../../../src/results/packedRows';
import { ResultStore } from '../../../webview/grid/resultStore';
import { columnPresenter, formatUnixSeconds } from '../../../webview/grid/valueFormat';

const COLUMNS = ['srcaddr', 'protocol', 'bytes', 'src-region-id', 'start', 'packets'];
const ROWS = [
  ['10.0.0.1', '6', '1536', 'cn-hangzhou', '1700000000', '3'],
  ['10.0.0.2', '17', '100', 'cn-shanghai', '1700000060', '4'],
  ['10.0.0.3', '1', '3145728', 'ap-southeast-1', '1700000120', '5'],
];

/** The grid's store: the filter sees the hints the grid shows beside raw values. */
function gridStore(): ResultStore {
  const s = new ResultStore((column) => columnPresenter(column).hint);
  s.reset(COLUMNS);
  s.append(COLUMNS, packRows(ROWS, COLUMNS.length));
  return s;
}

function filtered(s: ResultStore, text: string): string[] {
  s.setFilter(text);
  return Array.from({ length: s.viewRows }, (_, i) => s.cell(i, 0));
}

test('the filter matches protocol names shown beside the number', () => {
  const s = gridStore();
  assert.deepEqual(filtered(s, 'TCP'), ['10.0.0.1']);
  assert.deepEqual(filtered(s, 'udp'), ['10.0.0.2']);
  assert.deepEqual(filtered(s, 'ICMP'), ['10.0.0.3']);
});

test('the filter matches human-readable bytes', () => {
  const s = gridStore();
  assert.deepEqual(filtered(s, '1.5 KB'), ['10.0.0.1']);
  assert.deepEqual(filtered(s, '3.0 mb'), ['10.0.0.3']);
  assert.deepEqual(filtered(s, ' KB '), ['10.0.0.1'], 'surrounding spaces are trimmed');
});

test('the filter matches region names and shown times', () => {
  const s = gridStore();
  assert.deepEqual(filtered(s, 'Hangzhou'), ['10.0.0.1']);
  const shown = formatUnixSeconds(1700000060);
  assert.deepEqual(filtered(s, shown), ['10.0.0.2']);
});

test('raw values still match, and a text nothing shows matches nothing', () => {
  const s = gridStore();
  assert.deepEqual(filtered(s, 'cn-shanghai'), ['10.0.0.2']);
  assert.deepEqual(filtered(s, '3145728'), ['10.0.0.3']);
  assert.deepEqual(filtered(s, 'SCTP'), []);
  assert.deepEqual(filtered(s, ''), ['10.0.0.1', '10.0.0.2', '10.0.0.3']);
});

test('a store without hints matches raw values only (SQL aliases have no hints either)', () => {
  const plain = new ResultStore();
  plain.reset(COLUMNS);
  plain.append(COLUMNS, packRows(ROWS, COLUMNS.length));
  assert.deepEqual(filtered(plain, 'TCP'), []);
  const alias = new ResultStore((column) => columnPresenter(column).hint);
  alias.reset(['proto']);
  alias.append(['proto'], packRows([['6']], 1));
  assert.deepEqual(filtered(alias, 'tcp'), []);
});

test('the filter keeps up with pages appended while it is active', () => {
  const s = gridStore();
  s.setFilter('tcp');
  s.append(COLUMNS, packRows([['10.0.0.9', '6', '10', 'cn-beijing', '1700000180', '1']], COLUMNS.length));
  assert.deepEqual(Array.from({ length: s.viewRows }, (_, i) => s.cell(i, 0)), ['10.0.0.1', '10.0.0.9']);
});

test('a column presenter gives the same hints as presentCell and remembers none wrongly', () => {
  const p = columnPresenter('protocol');
  assert.equal(p.hint?.('6'), 'TCP');
  assert.equal(p.hint?.('250'), undefined);
  assert.equal(p.hint?.('250'), undefined, 'a remembered "no hint" stays no hint');
  assert.equal(p.hint?.('17'), 'UDP');
  assert.equal(p.filterField, 'protocol');
  assert.equal(columnPresenter('packets').hint, undefined, 'counts have no hints');
  assert.equal(columnPresenter('total_bytes').filterField, undefined, 'aliases are not filterable');
  assert.equal(columnPresenter('total_bytes').hint?.('2048'), '2.0 KB');
});
