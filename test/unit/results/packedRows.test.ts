import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownRowChars, packRows, slicePacked, splitAt, unpackRows, type PackedRows } from '../../../src/results/packedRows';

/** Consecutive packs of at most `n` rows (cuts at 0, n, 2n, …, rowCount). */
function splitEvery(p: PackedRows, n: number): PackedRows[] {
  const cuts: number[] = [];
  for (let s = 0; s < p.rowCount; s += n) cuts.push(s);
  cuts.push(p.rowCount);
  return splitAt(p, cuts);
}

/** Values that must survive the trip exactly: separators, quotes, markup, non-BMP text, lone surrogates. */
const HOSTILE = [
  '',
  'a\tb',
  'line1\nline2\r\n',
  '"quoted" \'single\' `back`',
  '<img src=x onerror=alert(1)>',
  '日本語 – ünïcödé – 🙂🚀',
  '\\n is not a newline',
  '\u0000\u0001\u001f',
  '\ud800 lone \udfff',
  ' leading and trailing ',
  '0',
  'x'.repeat(70_000),
];

function hostileRows(n: number, width: number): string[][] {
  return Array.from({ length: n }, (_, r) => Array.from({ length: width }, (_, c) => HOSTILE[(r * 7 + c * 3) % HOSTILE.length] + (c === 0 ? String(r) : '')));
}

test('packing round-trips every value exactly (tabs, newlines, quotes, markup, unicode, empty strings)', () => {
  const rows = hostileRows(40, 5);
  const packed = packRows(rows, 5);
  assert.equal(packed.rowCount, 40);
  assert.equal(packed.width, 5);
  assert.equal(packed.lengths.length, 200);
  assert.deepEqual(unpackRows(packed), rows);
});

test('the pack survives structured clone and JSON with its typed array revived (the two ways a webview message travels)', () => {
  const rows = hostileRows(12, 3);
  const packed = packRows(rows, 3);
  assert.deepEqual(unpackRows(structuredClone(packed)), rows);
  // VS Code sends typed arrays beside the JSON and revives them as the same type.
  const json = JSON.parse(JSON.stringify({ ...packed, lengths: undefined })) as Omit<PackedRows, 'lengths'>;
  assert.deepEqual(unpackRows({ ...json, lengths: new Uint32Array(Array.from(packed.lengths)) }), rows);
});

test('short rows are padded with empty cells; an empty result packs to nothing', () => {
  assert.deepEqual(unpackRows(packRows([['a'], ['b', 'c']], 2)), [['a', ''], ['b', 'c']]);
  const empty = packRows([], 4);
  assert.equal(empty.text, '');
  assert.deepEqual(unpackRows(empty), []);
});

test('a malformed pack is an error, never shifted cells', () => {
  const packed = packRows([['ab', 'c']], 2);
  assert.throws(() => unpackRows({ ...packed, text: 'abcd' }), /add up to 3/);
  assert.throws(() => unpackRows({ ...packed, rowCount: 2 }), /2 lengths for 2 × 2/);
  assert.throws(() => unpackRows({ ...packed, lengths: [2, 1] as unknown as Uint32Array }), /malformed/);
  assert.throws(() => unpackRows({ ...packed, text: 'a' }), TypeError);
});

test('slicing and splitting cut whole rows; the pieces are self-contained and cover the rows in order', () => {
  const rows = hostileRows(23, 4);
  const packed = packRows(rows, 4);
  assert.deepEqual(unpackRows(slicePacked(packed, 5, 9)), rows.slice(5, 9));
  assert.deepEqual(unpackRows(slicePacked(packed, 20, 99)), rows.slice(20));
  assert.equal(slicePacked(packed, 0, 23), packed);
  assert.equal(slicePacked(packed, 7, 7).rowCount, 0);
  const pieces = splitEvery(packed, 5);
  assert.deepEqual(pieces.map((p) => p.rowCount), [5, 5, 5, 5, 3]);
  assert.deepEqual(pieces.flatMap(unpackRows), rows);
  // A piece's lengths are its own buffer (a view would carry the whole buffer across postMessage).
  assert.ok(pieces.every((p) => p.lengths.buffer.byteLength === p.lengths.byteLength));
});

test('a value equal to the one above is marked, not repeated, and unpacks to the same string', () => {
  const rows = [
    ['cn-hangzhou', '6', 'a'],
    ['cn-hangzhou', '6', 'b'],
    ['cn-hangzhou', '17', ''],
    ['cn-beijing', '17', ''],
  ];
  const packed = packRows(rows, 3);
  assert.equal(packed.text, 'cn-hangzhou6ab17cn-beijing');
  assert.ok(packed.lengths instanceof Uint16Array);
  const back = unpackRows(packed);
  assert.deepEqual(back, rows);
  // Cut anywhere, each piece stands alone: its first row carries the text it referred to.
  for (let cut = 1; cut < rows.length; cut++) {
    assert.deepEqual(unpackRows(slicePacked(packed, cut, rows.length)), rows.slice(cut), `cut at ${cut}`);
    assert.deepEqual([...splitEvery(packed, cut)].flatMap(unpackRows), rows, `split by ${cut}`);
  }
  // A row's own characters leave out what it takes from the row above.
  assert.deepEqual([0, 1, 2, 3].map((r) => ownRowChars(packed, r)), [13, 1, 2, 10]);
  // "Same as above" in a first row is malformed.
  assert.throws(() => unpackRows({ ...packed, rowCount: 1, text: '', lengths: new Uint16Array([0xffff, 0, 0]) }), /first row/);
});

test('lengths are Uint16 while every value is shorter than 65,535 units, else Uint32', () => {
  assert.ok(packRows([['x'.repeat(65_534)]], 1).lengths instanceof Uint16Array);
  const long = packRows([['x'.repeat(65_535)], ['x'.repeat(65_535)], ['y']], 1);
  assert.ok(long.lengths instanceof Uint32Array);
  assert.deepEqual(unpackRows(long), [['x'.repeat(65_535)], ['x'.repeat(65_535)], ['y']]);
  assert.deepEqual(unpackRows(slicePacked(long, 1, 3)), [['x'.repeat(65_535)], ['y']]);
});
