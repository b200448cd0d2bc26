/**
 * readBody: a stream's bytes in one pooled shared buffer, whatever the chunking; a released
 * buffer is used again (no fresh allocation per answer); a failing stream rejects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readBody } from '../../../src/cloud/answerBodies';

const chunked = (text: string, size: number): Readable => {
  const b = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) parts.push(b.subarray(i, i + size));
  return Readable.from(parts);
};

test('the whole body, in order, across chunks and growth past the first capacity', async () => {
  const text = Array.from({ length: 60_000 }, (_, i) => `${i},日本,`).join('');
  for (const size of [1, 7, 65_536, 1 << 20]) {
    const body = await readBody(chunked(text.slice(0, size === 1 ? 5_000 : undefined), size));
    assert.equal(body.bytes.toString('utf8'), text.slice(0, size === 1 ? 5_000 : undefined));
    assert.ok(body.bytes.buffer instanceof SharedArrayBuffer);
    body.release();
  }
});

test('a released buffer serves the next answer; one still in use does not', async () => {
  const a = await readBody(chunked('x'.repeat(300_000), 65_536));
  const b = await readBody(chunked('y'.repeat(1000), 100));
  assert.notEqual(b.bytes.buffer, a.bytes.buffer, 'a buffer in use is never handed out twice');
  const aBuffer = a.bytes.buffer;
  a.release();
  a.release(); // twice is harmless
  const c = await readBody(chunked('z'.repeat(200_000), 65_536));
  assert.equal(c.bytes.buffer, aBuffer, 'the largest idle buffer is reused');
  assert.equal(c.bytes.toString(), 'z'.repeat(200_000));
  assert.equal(b.bytes.toString(), 'y'.repeat(1000), 'an answer in use is left intact');
  b.release();
  c.release();
});

test('a stream that fails rejects with its error', async () => {
  const failing = new Readable({
    read() {
      this.push(Buffer.from('partial'));
      this.destroy(new Error('socket hang up'));
    },
  });
  await assert.rejects(readBody(failing), /socket hang up/);
});
