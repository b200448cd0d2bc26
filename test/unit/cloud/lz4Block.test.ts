import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as native from 'lz4-napi';
import { compress, uncompress } from '../../../src/cloud/lz4Block';

const samples: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from('a'),
  Buffer.from('hello hello hello hello hello world'),
  Buffer.from('x'.repeat(100_000)),
  Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ srcaddr: `10.0.${i % 256}.${i % 7}`, bytes: String(i * 1500) })))),
  randomBytes(70_000),
  // Long matches that do not overlap their output (copied whole) beside short and overlapping ones.
  ((block: Buffer) => Buffer.concat([block, Buffer.from('|'), block, Buffer.from('ab'.repeat(40)), block]))(randomBytes(4096)),
];

test('decodes what the native lz4-napi encodes', async () => {
  for (const s of samples) {
    const encoded = await native.compress(s);
    assert.deepEqual(await uncompress(encoded), s);
  }
});

test('the native lz4-napi decodes what we encode', async () => {
  for (const s of samples) {
    assert.deepEqual(await native.uncompress(await compress(s)), s);
  }
});

test('refuses corrupt input instead of returning garbage', async () => {
  const encoded = await native.compress(Buffer.from('hello hello hello hello hello world'));
  await assert.rejects(uncompress(encoded.subarray(0, encoded.length - 3)));
  await assert.rejects(uncompress(Buffer.from([1, 2])));
});
