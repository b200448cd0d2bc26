/**
 * Log Service compresses GetLogsV2 answers for transmission: the caller names what it reads in
 * `Accept-Encoding` (the SDK asks for lz4), and the answer says what it used in
 * `x-log-compresstype` and its size before compression in `x-log-bodyrawsize`. lz4 is a raw LZ4
 * block (no size prefix), made here by the native lz4-napi the SDK itself uses — not by the
 * extension's own reader, so a fault in that reader cannot hide behind a matching writer.
 */
import { compressSync } from 'lz4-napi';
import { deflateSync } from 'node:zlib';

export interface EncodedAnswer {
  readonly bytes: Buffer;
  readonly headers: Record<string, string>;
}

/** The answer's text compressed as the first encoding in `acceptEncoding` the service offers (lz4, deflate), or as is. */
export function encodeAnswer(text: string, acceptEncoding: string | undefined): EncodedAnswer {
  const raw = Buffer.from(text, 'utf8');
  const wanted = (acceptEncoding ?? '').split(',').map((e) => e.trim().split(';')[0].toLowerCase());
  for (const type of wanted) {
    if (type === 'lz4') return compressed(type, raw, compressSync(raw).subarray(4)); // lz4-napi prefixes the size; the wire does not
    if (type === 'deflate') return compressed(type, raw, deflateSync(raw));
  }
  return { bytes: raw, headers: {} };
}

function compressed(type: string, raw: Buffer, bytes: Buffer): EncodedAnswer {
  return { bytes, headers: { 'x-log-compresstype': type, 'x-log-bodyrawsize': String(raw.length) } };
}
