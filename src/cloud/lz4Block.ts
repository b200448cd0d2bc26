/**
 * A pure-JavaScript stand-in for `lz4-napi`, substituted at bundle time (scripts/build.mjs).
 * The SLS SDK requires lz4-napi (a native addon) to compress PutLogs bodies and decompress GetLogsV2
 * answers; a native addon cannot ship in a platform-neutral VSIX, and we only need the LZ4 block
 * format with a 4-byte little-endian size prefix, which is small to implement.
 */

export async function uncompress(input: Buffer | Uint8Array): Promise<Buffer> {
  return uncompressSync(input);
}

export function uncompressSync(input: Buffer | Uint8Array): Buffer {
  const src = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (src.length < 4) throw new Error('lz4: input shorter than its size prefix');
  const size = src.readUInt32LE(0);
  const out = Buffer.alloc(size);
  let ip = 4;
  let op = 0;
  while (ip < src.length) {
    const token = src[ip++];
    let literals = token >> 4;
    if (literals === 15) literals += readLength(src, () => ip++);
    if (ip + literals > src.length || op + literals > size) throw new Error('lz4: literal run past the end');
    src.copy(out, op, ip, ip + literals);
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
    // Byte by byte: matches may overlap their own output.
    for (let i = 0; i < matchLength; i++) out[op++] = out[from++];
  }
  if (op !== size) throw new Error(`lz4: decoded ${op} bytes, expected ${size}`);
  return out;
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
