/**
 * Decodes GetLogsV2 answer bytes into packed rows, on a worker thread when the answer is large, so
 * paging a big result is bound by the network rather than the extension host's one thread
 * (measurements: bench/README.md). The bytes are shared (SharedArrayBuffer from answerBodies.ts);
 * an ASCII text comes back as bytes (`asciiText`), any other as one string.
 *
 * Small answers (raw pages of 100 records) are decoded inline: a round trip to the worker would
 * cost more than the reading. When no worker can run (it fails to start or dies), every answer is
 * decoded inline — same reader, same result.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { inflateAnswer, type AnswerCompression } from './answerCompression';
import { fromTransfer, readLogsV2Bytes, type PackedLogsV2Answer } from './slsWireBytes';

export interface DecodeRequest {
  readonly id: number;
  readonly bytes: SharedArrayBuffer;
  readonly offset: number;
  readonly length: number;
  /** How the bytes are compressed (the worker inflates them first); absent: sent as is. */
  readonly compression?: AnswerCompression;
}

export interface DecodeReply {
  readonly id: number;
  /** null: not the shape the reader knows (the caller parses it as JSON) or the reader failed. */
  readonly answer: PackedLogsV2Answer | null;
  readonly failed?: string;
}

/** Answers at least this large go to the worker. */
export const WORKER_MIN_BYTES = 512 * 1024;
/** A worker with nothing to do for this long is stopped (started again on the next big answer). */
const IDLE_STOP_MS = 30_000;

class DecodeWorker {
  /** Per request id, what settles its decode. */
  readonly pending = new Map<number, (a: PackedLogsV2Answer | undefined) => void>();
  private idleTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private dead = false;

  constructor(
    private readonly worker: Worker,
    /** `failed`: it died or never started, rather than being stopped when idle. */
    private readonly onGone: (w: DecodeWorker, failed: boolean) => void,
  ) {
    worker.on('message', (m: DecodeReply) => this.settle(m.id, m.answer ? fromTransfer(m.answer) : undefined, m.failed !== undefined));
    worker.on('error', () => this.gone());
    worker.on('exit', () => this.gone());
    // Held only while it has work: an idle worker never keeps the extension host (or a test run)
    // alive. (After the listeners, which ref its port.)
    worker.unref();
  }

  decode(id: number, bytes: Buffer, compression: AnswerCompression | undefined): Promise<PackedLogsV2Answer | undefined> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const req: DecodeRequest = { id, bytes: bytes.buffer as SharedArrayBuffer, offset: bytes.byteOffset, length: bytes.length, ...(compression ? { compression } : {}) };
      this.worker.postMessage(req);
    });
  }

  /** A failed read resolves `INLINE` so the caller reads the bytes itself (and sees the real error). */
  private settle(id: number, answer: PackedLogsV2Answer | undefined, failed: boolean): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(failed ? INLINE : answer);
    if (this.pending.size === 0 && !this.dead) {
      this.worker.unref();
      this.idleTimer = setTimeout(() => {
        this.stopping = true;
        void this.worker.terminate();
      }, IDLE_STOP_MS);
      this.idleTimer.unref();
    }
  }

  private gone(): void {
    if (this.dead) return; // 'error' is followed by 'exit'
    this.dead = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const [id] of this.pending) this.settle(id, undefined, true);
    this.onGone(this, !this.stopping);
  }
}

/** Marker: decode on this thread instead. */
const INLINE = Object.freeze({}) as PackedLogsV2Answer;

function workerScript(): string | undefined {
  // Bundled: dist/logsV2DecodeWorker.js beside this code; from source (tests, benchmarks): the .ts file.
  for (const name of ['logsV2DecodeWorker.js', 'logsV2DecodeWorker.ts']) {
    const p = join(__dirname, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export class LogsV2Decoder {
  private readonly workers: DecodeWorker[] = [];
  private nextId = 1;
  private failures = 0;

  private readonly maxWorkers: number;
  private readonly minBytes: number;
  private readonly script: string | undefined;

  constructor(opts: { maxWorkers?: number; minBytes?: number; script?: string } = {}) {
    // Two even on 2 cores: the host thread mostly waits while pages are decoded (bench/paged), and
    // idle workers stop after IDLE_STOP_MS.
    this.maxWorkers = opts.maxWorkers ?? Math.min(2, availableParallelism());
    this.minBytes = opts.minBytes ?? WORKER_MIN_BYTES;
    this.script = opts.script ?? workerScript();
  }

  /** Worker threads running now (for tests). */
  get running(): number {
    return this.workers.length;
  }

  /**
   * The answer read into packed rows (inflated first when `compression` says so), or undefined
   * when it is not the shape the reader knows. A body that does not inflate throws.
   */
  async decode(bytes: Buffer, compression?: AnswerCompression): Promise<PackedLogsV2Answer | undefined> {
    if ((compression?.rawSize ?? bytes.length) >= this.minBytes && bytes.buffer instanceof SharedArrayBuffer) {
      const w = this.pick();
      if (w) {
        const a = await w.decode(this.nextId++, bytes, compression);
        if (a !== INLINE) return a;
      }
    }
    return readLogsV2Bytes(inflateAnswer(bytes, compression));
  }

  /** The least busy worker, starting one while fewer than maxWorkers run; undefined: decode inline. */
  private pick(): DecodeWorker | undefined {
    let best: DecodeWorker | undefined;
    for (const w of this.workers) if (!best || w.pending.size < best.pending.size) best = w;
    if ((best && best.pending.size === 0) || this.workers.length >= this.maxWorkers) return best;
    // Give up on workers after repeated failures: inline decoding is always correct.
    if (this.failures >= 3) return best;
    const script = this.script;
    if (!script) return best;
    try {
      // From source the worker needs the TypeScript loader the tests and benchmarks run under
      // (tsx); neither an inherited nor a given `--import tsx` applies to a worker's .ts entry.
      const worker = script.endsWith('.ts') ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true }) : new Worker(script);
      const w = new DecodeWorker(worker, (gone, failed) => {
        const i = this.workers.indexOf(gone);
        if (i >= 0) this.workers.splice(i, 1);
        if (failed) this.failures++;
      });
      this.workers.push(w);
      return w;
    } catch {
      this.failures++;
      return best;
    }
  }
}
