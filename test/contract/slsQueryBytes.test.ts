/**
 * The real SLS client (SDK over HTTP) reading GetLogsV2 answers from a scripted endpoint: the answer
 * bytes are read into packed rows (readLogsV2Bytes), a compressed answer (lz4, as Log Service sends
 * GetLogsV2, or deflate) is inflated by the client's decoder — on its worker thread when large —
 * and an answer the byte reader does not take is parsed as JSON: the same rows every way, values
 * exactly as sent. A compressed answer that does not inflate is a clear error, never rows.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { compressSync } from 'lz4-napi';
import { CloudError } from '../../src/cloud/cloudError';
import { WORKER_MIN_BYTES } from '../../src/cloud/logsV2Decoding';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type SlsApi } from '../../src/cloud/slsApi';
import { unpackRows } from '../../src/results/packedRows';
import { ownerCredentials } from '../support/emulator';
import { startFakeService, type FakeService } from '../reliability/fakeAlibabaService';

/** An LZ4 block as Log Service sends it (lz4-napi puts the size in front; the wire does not). */
const lz4Block = (raw: Buffer): Buffer => compressSync(raw).subarray(4);

let fake: FakeService;
let sls: SlsApi;

before(async () => {
  fake = await startFakeService();
  sls = createSlsClient({ endpoint: `localhost:${fake.port}`, protocol: 'http', credentials: ownerCredentials, retry: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 2 }, timeoutMs: 2_000 });
});
after(() => fake.close());

const VALUES = ['', 'tab\there', 'new\nline', '"quoted"', '<img src=x onerror=alert(1)>', '日本語 🙂', 'back\\slash', 'cn-hangzhou'];
const rows = VALUES.map((v, i) => ({ n: String(i), v, region: 'cn-hangzhou' }));
const meta = { progress: 'Complete', count: rows.length, hasSQL: true, keys: ['n', 'v', 'region'] };
const expected = rows.map((r) => [r.n, r.v, r.region]);
const query = { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', from: 1, to: 2, query: '* | select n, v, region' };

describe('GetLogsV2 answers read from bytes', () => {
  it('a plain answer: every value exactly as sent, packed and as rows', async () => {
    fake.answerWith({ kind: 'reply', status: 200, body: JSON.stringify({ meta, data: rows }) });
    const r = await sls.query(query);
    assert.deepEqual(r.columns, ['n', 'v', 'region']);
    assert.deepEqual(unpackRows(r.packed), expected);
    assert.deepEqual(r.rows, expected);
    assert.equal(recordsOf(r)[4].v, '<img src=x onerror=alert(1)>');
    assert.equal(r.hasSql, true);
    assert.equal(r.requestId, 'FAKE-REQUEST');
  });

  it('a deflate answer is inflated, then read the same way', async () => {
    const raw = Buffer.from(JSON.stringify({ meta, data: rows }));
    fake.answerWith({
      kind: 'reply',
      status: 200,
      body: deflateSync(raw).toString('latin1'),
      encoding: 'latin1',
      headers: { 'x-log-compresstype': 'deflate', 'x-log-bodyrawsize': String(raw.length) },
    });
    const r = await sls.query(query);
    assert.deepEqual(unpackRows(r.packed), expected);
  });

  it('an lz4 answer, small or large (inflated and read on the worker), reads the same as sent plain', async () => {
    const many = Array.from({ length: 15_000 }, (_, i) => ({ n: String(i), v: VALUES[i % VALUES.length], region: i % 3 ? 'cn-hangzhou' : 'ap-southeast-1' }));
    for (const data of [rows, many]) {
      const raw = Buffer.from(JSON.stringify({ meta: { ...meta, count: data.length }, data }));
      fake.answerWith({ kind: 'reply', status: 200, body: JSON.stringify({ meta: { ...meta, count: data.length }, data }) });
      const plain = await sls.query(query);
      fake.answerWith({ kind: 'reply', status: 200, body: lz4Block(raw).toString('latin1'), encoding: 'latin1', headers: { 'x-log-compresstype': 'lz4', 'x-log-bodyrawsize': String(raw.length) } });
      const r = await sls.query(query);
      assert.deepEqual(unpackRows(r.packed), unpackRows(plain.packed));
      assert.deepEqual(unpackRows(r.packed), data.map((d) => [d.n, d.v, d.region]));
    }
    assert.ok(Buffer.byteLength(JSON.stringify(many)) > WORKER_MIN_BYTES, 'the large answer is large enough for the worker');
  });

  it('a compressed answer that does not inflate, or in a compression it cannot read, is an unexpected-response error', async () => {
    const raw = Buffer.from(JSON.stringify({ meta, data: rows }));
    const lz4 = lz4Block(raw);
    const cases: [string, Buffer, Record<string, string>, RegExp][] = [
      ['cut short', lz4.subarray(0, lz4.length - 9), { 'x-log-compresstype': 'lz4', 'x-log-bodyrawsize': String(raw.length) }, /lz4 answer could not be decompressed/],
      ['wrong size', lz4, { 'x-log-compresstype': 'lz4', 'x-log-bodyrawsize': String(raw.length + 1) }, /lz4 answer could not be decompressed/],
      ['not deflate', raw, { 'x-log-compresstype': 'deflate', 'x-log-bodyrawsize': String(raw.length) }, /deflate answer could not be decompressed/],
      ['zstd', lz4, { 'x-log-compresstype': 'zstd', 'x-log-bodyrawsize': String(raw.length) }, /compressed as "zstd"/],
    ];
    for (const [what, body, headers, message] of cases) {
      fake.answerWith({ kind: 'reply', status: 200, body: body.toString('latin1'), encoding: 'latin1', headers });
      await assert.rejects(
        () => sls.query(query),
        (e: unknown) => e instanceof CloudError && e.kind === 'unexpectedResponse' && message.test(e.message),
        what,
      );
    }
  });

  it('an answer the byte reader leaves alone (an escaped key) is parsed as JSON: the same rows', async () => {
    const body = JSON.stringify({ meta, data: rows }).replace('"v":', '"\\u0076":');
    fake.answerWith({ kind: 'reply', status: 200, body });
    const r = await sls.query(query);
    assert.deepEqual(r.rows, expected);
    assert.deepEqual(unpackRows(r.packed), expected);
  });

  it('pages of a larger result are cut from the packed rows, in order', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ n: String(i), v: VALUES[i % VALUES.length], region: 'cn-hangzhou' }));
    fake.answerWith({ kind: 'reply', status: 200, body: JSON.stringify({ meta: { ...meta, count: 25 }, data: many }) });
    const got: string[][] = [];
    for await (const page of sls.queryPages({ ...query, query: '* | select n, v, region limit 20' }, { pageSize: 100 })) got.push(...unpackRows(page.packed));
    assert.deepEqual(got, many.slice(0, 20).map((r) => [r.n, r.v, r.region]));
  });
});
