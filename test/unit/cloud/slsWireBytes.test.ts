/**
 * readLogsV2Bytes against the reference reading (JSON.parse of the body as text, then readLogsV2):
 * the same columns and, cell for cell, the same rows, for every shape it accepts; and `undefined`
 * (so the client falls back to the reference reading and its errors) for every shape it does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLogsV2 } from '../../../src/cloud/slsWire';
import { readLogsV2Bytes } from '../../../src/cloud/slsWireBytes';
import { unpackRows } from '../../../src/results/packedRows';

function reference(bytes: Buffer): { columns: readonly string[]; rows: string[][]; progress: string; count?: number; hasSql?: boolean } {
  const a = readLogsV2(JSON.parse(bytes.toString('utf8')));
  const width = a.columns.length;
  return { columns: a.columns, rows: a.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')), progress: a.progress, count: a.count, hasSql: a.hasSql };
}

function assertSame(bytes: Buffer, what: string): void {
  const got = readLogsV2Bytes(bytes);
  assert.ok(got, `${what}: the byte reader accepts it`);
  const want = reference(bytes);
  assert.deepEqual(got.columns, want.columns, `${what}: columns`);
  assert.deepEqual(unpackRows(got.packed), want.rows, `${what}: rows`);
  assert.equal(got.progress, want.progress, `${what}: progress`);
  assert.equal(got.count, want.count, `${what}: count`);
  assert.equal(got.hasSql, want.hasSql, `${what}: hasSql`);
}

const HOSTILE = ['', 'a\tb', 'l1\nl2\r\n', '"q" \\ /', '<img src=x onerror=alert(1)>', '日本語 ü 🙂', '\u0000\u001f', '\ud800', 'plain ascii value that is rather long, longer than forty-eight bytes', '0'];

const sqlBody = (keys: string[], data: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  meta: { progress: 'Complete', count: data.length, hasSQL: true, keys, elapsedMillisecond: 12, processedRows: 99, ...extra },
  data,
});

test('SQL answers: the same cells as JSON.parse + readLogsV2, hostile values included, runs of equal values too', () => {
  const keys = ['__time__', 'srcaddr', 'note', 'bytes'];
  const data = Array.from({ length: 300 }, (_, i) => ({
    __time__: String(1_700_000_000 + Math.floor(i / 7)),
    srcaddr: `10.0.${i % 3}.1`,
    note: HOSTILE[i % HOSTILE.length],
    bytes: String(i * 17),
  }));
  assertSame(Buffer.from(JSON.stringify(sqlBody(keys, data))), 'compact');
  assertSame(Buffer.from(JSON.stringify(sqlBody(keys, data), null, 2)), 'indented');
  // meta after data, progress Incomplete
  const reordered = { data, meta: { progress: 'Incomplete', hasSQL: true, keys } };
  assertSame(Buffer.from(JSON.stringify(reordered)), 'meta after data');
});

test('SQL answers: keys in another order, missing, extra, repeated; values that are not strings', () => {
  const keys = ['a', 'b', 'c'];
  const body =
    '{"meta":{"progress":"Complete","hasSQL":true,"keys":["a","b","c"]},"data":[' +
    '{"a":"1","b":"2","c":"3"},' +
    '{"c":"3","a":"1","b":"2"},' + // another order
    '{"a":"x"},' + // missing b and c
    '{"a":"1","zz":"ignored","b":"2","c":"3"},' + // a key outside the select list
    '{"a":"first","a":"last","b":"2","c":"3"},' + // a repeated key: the last value wins
    '{"a":17,"b":null,"c":true},' + // numbers, null, booleans
    '{"a":{"x":[1,"]}"]},"b":[1,2],"c":-1.5e3},' + // nested JSON
    '{"a":"\\u00e9\\"\\\\","b":"\\ud83d\\ude42","c":"tab\\there"},' + // escapes
    '{}' +
    ']}';
  void keys;
  assertSame(Buffer.from(body), 'mixed rows');
});

test('raw logs: fields grow as they appear, declared fields first', () => {
  const data = [
    { __time__: '1', __source__: '', a: 'x' },
    { __time__: '2', b: 'late', a: 'y' },
    { __time__: '3', __source__: 's', c: HOSTILE[5], b: 'late' },
  ];
  assertSame(Buffer.from(JSON.stringify({ meta: { progress: 'Complete', hasSQL: false, keys: ['__time__'] }, data })), 'raw with declared keys');
  assertSame(Buffer.from(JSON.stringify({ meta: { progress: 'Complete' }, data })), 'raw without keys');
  assertSame(Buffer.from(JSON.stringify({ meta: {}, data: [] })), 'no rows');
});

test('invalid UTF-8 inside a value reads as the text decoder reads it', () => {
  const head = Buffer.from('{"meta":{"hasSQL":true,"keys":["v"]},"data":[{"v":"ok');
  const tail = Buffer.from('"},{"v":"ok"}]}');
  assertSame(Buffer.concat([head, Buffer.from([0xff, 0xc3]), tail]), 'invalid UTF-8');
});

test('shapes it does not read are left to the JSON path (undefined), never read wrongly', () => {
  const refuse = [
    '',
    'null',
    '[]',
    '{"meta":{"hasSQL":true,"keys":["a"]}}', // no data
    '{"data":[]}', // no meta
    '{"meta":{},"data":{}}', // data not a list
    '{"meta":{},"data":["row"]}', // a row that is not an object
    '{"meta":{},"data":[{"a":"1"}]', // truncated
    '{"meta":{},"data":[{"a":"1"}]} trailing',
    '{"meta":{},"data":[{"a":"1}]}', // unterminated string
    '{"meta":{},"data":[{"a":"1"}],"data":[]}', // repeated member
    '{"meta":{},"data":[{"\\u0061":"1"}]}', // escaped key
    '{"meta":{},"data":[{"1":"x","a":"y"}]}', // array-index field name (JSON objects list it first)
    '{"meta":{"progress":"Maybe"},"data":[]}', // a meta readLogsV2 refuses
    '{"meta":{},"data":[{"a":"bad\u0001control"}]}', // raw control character
    '<html>502 Bad Gateway</html>',
  ];
  for (const body of refuse) assert.equal(readLogsV2Bytes(Buffer.from(body)), undefined, body);
});

test('a Uint8Array that is not a Buffer reads the same', () => {
  const text = JSON.stringify(sqlBody(['a'], [{ a: 'x' }, { a: 'x' }, { a: 'y' }]));
  const u8 = new Uint8Array(Buffer.from(text));
  const got = readLogsV2Bytes(u8);
  assert.ok(got);
  assert.deepEqual(unpackRows(got.packed), [['x'], ['x'], ['y']]);
});

test('seeded random answers (values, key orders, whitespace, escapes, meta before or after the rows) read exactly as JSON.parse + readLogsV2 reads them', () => {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '/', '\t', '\n', '\u0001', 'é', '日', '🙂', '\ud800', '<', '>', '&', '}', ']', ',', ':'];
  const value = (): unknown => {
    switch (rand(8)) {
      case 0:
        return '';
      case 1:
        return rand(1000);
      case 2:
        return null;
      case 3:
        return 'repeat';
      default:
        return Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]).join('');
    }
  };
  const names = ['__time__', 'srcaddr', 'dstaddr', 'bytes', 'note', 'x-y', 'é'];
  for (let round = 0; round < 200; round++) {
    const sql = rand(2) === 0;
    const keys = names.slice(0, 2 + rand(names.length - 1));
    const data = Array.from({ length: rand(30) }, () => {
      const row: Record<string, unknown> = {};
      const order = [...keys].sort(() => rand(3) - 1);
      for (const k of order) if (rand(10) > 0) row[k] = value();
      if (rand(15) === 0) row.extra = value();
      return row;
    });
    const meta = { progress: rand(4) === 0 ? 'Incomplete' : 'Complete', hasSQL: sql, keys: sql || rand(2) ? keys : undefined, count: data.length };
    // Meta before or after the rows: the reading must not depend on the order.
    const body = rand(3) === 0 ? { data, meta } : { meta, data };
    const text = JSON.stringify(body, null, rand(3) === 0 ? 1 : undefined);
    assertSame(Buffer.from(text), `round ${round}`);
  }
});

test('a selected column named like a built-in property (toString, constructor) that a row lacks is empty on both paths', () => {
  const body = '{"meta":{"progress":"Complete","hasSQL":true,"keys":["toString","constructor","n"]},"data":[{"n":"1"},{"toString":"t","constructor":"c","n":"2"}]}';
  const json = readLogsV2(JSON.parse(body));
  assert.deepEqual(json.rows, [['', '', '1'], ['t', 'c', '2']], 'JSON path: no prototype text');
  assertSame(Buffer.from(body), 'built-in names');
});
