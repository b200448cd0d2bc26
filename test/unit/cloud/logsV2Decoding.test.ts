/**
 * LogsV2Decoder: large answers decoded on a worker thread give exactly what the inline reader
 * gives (the source worker and the bundled dist/logsV2DecodeWorker.js); small, unshared or
 * unknown answers and a worker that cannot run fall back to this thread, with the same result.
 * Compressed answers are inflated first, wherever they are read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { compressSync } from 'lz4-napi';
import type { AnswerCompression } from '../../../src/cloud/answerCompression';
import { CloudError } from '../../../src/cloud/cloudError';
import { LogsV2Decoder } from '../../../src/cloud/logsV2Decoding';
import { fromTransfer, readLogsV2Bytes, readLogsV2BytesForTransfer } from '../../../src/cloud/slsWireBytes';
import { unpackRows } from '../../../src/results/packedRows';

const HOSTILE = ['', 'a\tb', 'l1\nl2', '"q" \\ /', '日本語 🙂', '\ud800', 'x'.repeat(60), '10.0.0.1'];

function answer(rows: number, seed: number): string {
  const data = Array.from({ length: rows }, (_, i) => ({
    __time__: String(1_700_000_000 + Math.floor(i / 7)),
    srcaddr: `10.0.${(i + seed) % 5}.1`,
    note: HOSTILE[(i * 7 + seed) % HOSTILE.length],
    bytes: String(i * 13 + seed),
  }));
  return JSON.stringify({ meta: { progress: 'Complete', count: rows, hasSQL: true, keys: ['__time__', 'srcaddr', 'note', 'bytes'] }, data });
}

/** The text's UTF-8 bytes in a SharedArrayBuffer, as answerBodies.ts hands them over. */
function shared(text: string): Buffer {
  const n = Buffer.byteLength(text);
  const b = Buffer.from(new SharedArrayBuffer(n + 17)).subarray(9, 9 + n); // not at the start: the offset travels too
  b.write(text);
  return b;
}

function assertSameAsInline(got: ReturnType<typeof readLogsV2Bytes>, bytes: Buffer): void {
  const want = readLogsV2Bytes(Buffer.from(bytes));
  assert.ok(got && want);
  assert.deepEqual(got.columns, want.columns);
  assert.deepEqual(unpackRows(got.packed), unpackRows(want.packed));
  assert.equal(got.packed.lengths.constructor, want.packed.lengths.constructor);
  if (got.asciiText) assert.equal(Buffer.from(got.asciiText).toString('latin1'), want.packed.text);
  assert.deepEqual({ ...got, packed: undefined, asciiText: undefined }, { ...want, packed: undefined, asciiText: undefined });
}

test('large answers are read on a worker thread, many at once, each exactly as inline', async () => {
  const d = new LogsV2Decoder({ minBytes: 1024, maxWorkers: 2 });
  const bodies = Array.from({ length: 8 }, (_, i) => shared(answer(500 + i * 50, i)));
  const got = await Promise.all(bodies.map((b) => d.decode(b)));
  assert.ok(d.running >= 1, 'a worker ran');
  got.forEach((g, i) => assertSameAsInline(g, bodies[i]));
});

test('the bundled worker (dist/logsV2DecodeWorker.js) reads the same', async () => {
  const script = resolve('dist/logsV2DecodeWorker.js');
  if (!existsSync(script)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const d = new LogsV2Decoder({ minBytes: 1024, maxWorkers: 1, script });
  const body = shared(answer(2000, 3));
  assertSameAsInline(await d.decode(body), body);
  const lz4 = lz4Of(body);
  assertSameAsInline(await d.decode(lz4.bytes, lz4.compression), body);
  assert.equal(d.running, 1);
});

/** The body as Log Service sends it compressed: a bare LZ4 block, shared, and what the headers say. */
function lz4Of(body: Buffer): { bytes: Buffer; compression: AnswerCompression } {
  const block = compressSync(Buffer.from(body)).subarray(4);
  const bytes = Buffer.from(new SharedArrayBuffer(block.length)).fill(block);
  return { bytes, compression: { type: 'lz4', rawSize: body.length } };
}

test('compressed answers (lz4, deflate) are inflated where they are read, worker or this thread, and read the same', async () => {
  const body = shared(answer(3000, 5));
  const lz4 = lz4Of(body);
  const deflated = deflateSync(body);
  const deflate = { bytes: Buffer.from(new SharedArrayBuffer(deflated.length)).fill(deflated), compression: { type: 'deflate', rawSize: body.length } as const };
  // The size that decides worker or inline is the inflated one: this lz4 block is far smaller.
  const onWorker = new LogsV2Decoder({ minBytes: lz4.bytes.length + 1, maxWorkers: 1 });
  const inline = new LogsV2Decoder({ minBytes: 1 << 30 });
  for (const d of [onWorker, inline]) {
    assertSameAsInline(await d.decode(lz4.bytes, lz4.compression), body);
    assertSameAsInline(await d.decode(deflate.bytes, deflate.compression), body);
  }
  assert.equal(onWorker.running, 1);
  assert.equal(inline.running, 0);
});

test('a compressed answer that does not inflate to its announced size is an unexpected-response error, on the worker as inline', async () => {
  const body = shared(answer(3000, 6));
  const { bytes, compression } = lz4Of(body);
  for (const d of [new LogsV2Decoder({ minBytes: 1, maxWorkers: 1 }), new LogsV2Decoder({ minBytes: 1 << 30 })]) {
    for (const bad of [{ bytes: bytes.subarray(0, bytes.length - 7), compression }, { bytes, compression: { ...compression, rawSize: body.length - 1 } }]) {
      await assert.rejects(
        () => d.decode(bad.bytes, bad.compression),
        (e: unknown) => e instanceof CloudError && e.kind === 'unexpectedResponse' && /lz4 answer could not be decompressed/.test(e.message),
      );
    }
  }
});

test('an answer the reader does not know comes back undefined from the worker (the client then parses it as JSON)', async () => {
  const d = new LogsV2Decoder({ minBytes: 16 });
  assert.equal(await d.decode(shared(JSON.stringify({ meta: { progress: 'Complete' }, data: 'not rows', pad: 'x'.repeat(100) }))), undefined);
  assert.equal(await d.decode(shared('{"meta": {"progress": "Complete"}, "data": [ {"a": "1"} ] trailing')), undefined);
  assert.equal(d.running, 1);
});

test('small answers and bytes that are not shared are read on this thread', async () => {
  const d = new LogsV2Decoder({ minBytes: 1 << 20 });
  const small = shared(answer(20, 1));
  assertSameAsInline(await d.decode(small), small);
  const d2 = new LogsV2Decoder({ minBytes: 16 });
  const unshared = Buffer.from(answer(300, 2));
  assertSameAsInline(await d2.decode(unshared), unshared);
  assert.equal(d.running + d2.running, 0);
});

test('a worker that cannot run: every answer is read on this thread, and after three failures no worker is tried', async () => {
  const d = new LogsV2Decoder({ minBytes: 16, script: resolve('does-not-exist/logsV2DecodeWorker.js') });
  for (let i = 0; i < 5; i++) {
    const body = shared(answer(100, i));
    assertSameAsInline(await d.decode(body), body);
  }
  assert.equal(d.running, 0);
  assert.equal((d as unknown as { failures: number }).failures, 3);
});

test('an all-ASCII answer travels back as bytes and becomes the same text; any other keeps its string', async () => {
  const plain = shared(JSON.stringify({ meta: { progress: 'Complete', count: 300, hasSQL: true, keys: ['a', 'b'] }, data: Array.from({ length: 300 }, (_, i) => ({ a: `10.0.0.${i % 9}`, b: String(i) })) }));
  const t = readLogsV2BytesForTransfer(plain);
  assert.ok(t?.asciiText && t.packed.text === '');
  const { asciiText, ...received } = fromTransfer(t);
  assert.deepEqual(asciiText, t.asciiText);
  assert.deepEqual(received, readLogsV2Bytes(plain));
  const mixed = shared(answer(300, 1));
  const m = readLogsV2BytesForTransfer(mixed);
  assert.equal(m?.asciiText, undefined);
  assert.deepEqual(m && fromTransfer(m), readLogsV2Bytes(mixed));
  const d = new LogsV2Decoder({ minBytes: 16 });
  assertSameAsInline(await d.decode(plain), plain);
  assert.equal(d.running, 1);
});
