/**
 * A pure-JavaScript stand-in for `lz4-napi`, substituted at bundle time (scripts/build.mjs).
 * The SLS SDK requires lz4-napi (a native addon) to compress PutLogs bodies and decompress GetLogsV2
 * answers; a native addon cannot ship in a platform-neutral VSIX, and we only need the LZ4 block
 * format with a 4-byte little-endian size prefix, which is small to implement.
 */
import { t } from '@vscode/l10n';

export async function uncompress(input: Buffer | Uint8Array): Promise<Buffer> {
  return uncompressSync(input);
}

export function uncompressSync(input: Buffer | Uint8Array): Buffer {
  const src = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (src.length < 4) throw new Error(t('lz4: input shorter than its size prefix'));
  const out = Buffer.alloc(src.readUInt32LE(0));
  uncompressBlockInto(src.subarray(4), out);
  return out;
}

/**
 * Decodes one LZ4 block (no size prefix: GetLogsV2 answers come that way, their size in the
 * x-log-bodyrawsize header) into `out`, which it must fill exactly.
 */
export function uncompressBlockInto(src: Buffer, out: Buffer): void {
  const size = out.length;
  let ip = 0;
  let op = 0;
  while (ip < src.length) {
    const token = src[ip++];
    let literals = token >> 4;
    if (literals === 15) literals += readLength(src, () => ip++);
    if (ip + literals > src.length || op + literals > size) throw new Error(t('lz4: literal run past the end'));
    if (literals > 16) src.copy(out, op, ip, ip + literals);
    else for (let i = 0; i < literals; i++) out[op + i] = src[ip + i];
    ip += literals;
    op += literals;
    if (ip >= src.length) break; // the last sequence has literals only
    const offset = src[ip] | (src[ip + 1] << 8);
    ip += 2;
    let matchLength = token & 15;
    if (matchLength === 15) matchLength += readLength(src, () => ip++);
    matchLength += 4;
    let from = op - offset;
    if (offset === 0 || from < 0 || op + matchLength > size) throw new Error('lz4: invalid match');
    // A long match that does not overlap its own output is one copy (copyWithin: measured faster
    // than Buffer#copy here); a short or overlapping one, byte by byte.
    if (offset >= matchLength && matchLength > 32) {
      out.copyWithin(op, from, from + matchLength);
      op += matchLength;
    } else for (let i = 0; i < matchLength; i++) out[op++] = out[from++];
  }
  if (op !== size) throw new Error(t('lz4: decoded {0} bytes, expected {1}', op, size));
}

function readLength(src: Buffer, next: () => number): number {
  let total = 0;
  let b: number;
  do {
    const at = next();
    if (at >= src.length) throw new Error('lz4: truncated length');
    b = src[at];
    total += b;
  } while (b === 255);
  return total;
}

/** Valid LZ4 output with no matches (literals only): correct, if not small. */
export async function compress(input: Buffer | Uint8Array): Promise<Buffer> {
  return compressSync(input);
}

export function compressSync(input: Buffer | Uint8Array): Buffer {
  const data = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const extra: number[] = [];
  if (data.length >= 15) {
    let rest = data.length - 15;
    while (rest >= 255) {
      extra.push(255);
      rest -= 255;
    }
    extra.push(rest);
  }
  const header = Buffer.alloc(5);
  header.writeUInt32LE(data.length, 0);
  header[4] = Math.min(data.length, 15) << 4;
  return Buffer.concat([header, Buffer.from(extra), data]);
}
