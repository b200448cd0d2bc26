/**
 * Reads an answer's body stream into a reusable buffer. A GetLogsV2 page of 10,000 SQL rows is
 * about 4 MB; read the SDK's way (`Buffer.concat` of the socket's chunks) every page is a fresh
 * 4 MB allocation, and on small machines touching fresh memory costs more than copying into
 * memory already in use (13 ms against < 1 ms per page, measured on the bench's 2-core VM).
 *
 * The buffers are SharedArrayBuffers so the decoder worker (logsV2Decoding.ts) reads the same
 * bytes without a copy. A buffer returns to the pool only when its reader releases it.
 */
import type { Readable } from 'node:stream';

export interface PooledBody {
  /** The body's bytes; valid until release(). */
  readonly bytes: Buffer;
  release(): void;
}

const FIRST_CAPACITY = 256 * 1024;
/** Buffers larger than this are not kept (a rare huge answer should not pin its memory). */
const KEEP_AT_MOST_BYTES = 64 * 1024 * 1024;
/** Enough for the paging concurrency (4) plus the answers being decoded. */
const KEEP_AT_MOST_BUFFERS = 8;

/** A pool nobody used for this long is let go (an idle extension host should not hold 10s of MB). */
const FORGET_AFTER_MS = 30_000;

const idle: Buffer[] = [];
let forgetTimer: NodeJS.Timeout | undefined;

/** The largest idle buffer (answers of one query are alike in size), or a new one. */
function take(): Buffer {
  let best = -1;
  for (let i = 0; i < idle.length; i++) if (best < 0 || idle[i].length > idle[best].length) best = i;
  return best >= 0 ? idle.splice(best, 1)[0] : Buffer.from(new SharedArrayBuffer(FIRST_CAPACITY));
}

/** Keeps the buffer for reuse; when the pool is full, in place of a smaller one. */
function give(b: Buffer): void {
  if (b.length > KEEP_AT_MOST_BYTES) return;
  if (forgetTimer) clearTimeout(forgetTimer);
  forgetTimer = setTimeout(() => (idle.length = 0), FORGET_AFTER_MS);
  forgetTimer.unref();
  if (idle.length < KEEP_AT_MOST_BUFFERS) {
    idle.push(b);
    return;
  }
  let smallest = 0;
  for (let i = 1; i < idle.length; i++) if (idle[i].length < idle[smallest].length) smallest = i;
  if (idle[smallest].length < b.length) idle[smallest] = b;
}

/** The whole stream in one pooled buffer; rejects with the stream's error. */
export function readBody(stream: Readable): Promise<PooledBody> {
  return new Promise((resolve, reject) => {
    let buf = take();
    let size = 0;
    const onData = (chunk: Buffer | string): void => {
      const c = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size + c.length > buf.length) {
        const grown = Buffer.from(new SharedArrayBuffer(Math.max(size + c.length, buf.length * 2)));
        buf.copy(grown, 0, 0, size);
        buf = grown; // the smaller one is dropped: answers of one query are alike in size
      }
      c.copy(buf, size);
      size += c.length;
    };
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onEnd = (): void => {
      cleanup();
      let released = false;
      const owned = buf;
      resolve({
        bytes: owned.subarray(0, size),
        release: () => {
          if (released) return;
          released = true;
          give(owned);
        },
      });
    };
    const onError = (e: Error): void => {
      cleanup();
      give(buf);
      reject(e);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
