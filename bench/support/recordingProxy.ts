/**
 * A loopback HTTP proxy in front of the emulator that records GetLogsV2 answers (status, headers,
 * body bytes) and can then replay them with a fixed added latency, without the emulator.
 *
 * Why: the emulator evaluates every raw page with a full ORDER BY … LIMIT/OFFSET over the logstore
 * (seconds per request at 1,000,000 records on 2 cores), so against it the client's paging cost is
 * invisible. Replaying the emulator's own bytes with a network-like latency measures what the
 * client controls: request concurrency and decoding, through the real SDK over real HTTP.
 * Replay maps a page request to the recorded page with the same index modulo the recorded pages.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compressionOf, inflateAnswer } from '../../src/cloud/answerCompression';

interface Recorded {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface PageKey {
  /** Row offset of the page (line/offset, or the SQL `LIMIT offset, count`). */
  readonly offset: number;
  readonly size: number;
  readonly sql: boolean;
}

/** The page a GetLogsV2 JSON body asks for. */
export function pageKeyOf(body: string): PageKey | undefined {
  try {
    const b = JSON.parse(body) as { query?: string; line?: number; offset?: number };
    const m = /\blimit\s+(\d+)\s*,\s*(\d+)\s*$/i.exec(b.query ?? '');
    if (m) return { offset: Number(m[1]), size: Number(m[2]), sql: true };
    if (b.line !== undefined) return { offset: b.offset ?? 0, size: b.line, sql: false };
  } catch {
    // not a GetLogsV2 body
  }
  return undefined;
}

/** The body as it was before compression, inflated by the client's own code (a copy: it reuses its buffer). */
const inflated = (r: Recorded): Buffer => Buffer.from(inflateAnswer(r.body, compressionOf(r.headers)));

export class RecordingProxy {
  /** Per page size, the answer per page offset (a retried or repeated request keeps the last answer). */
  private readonly recorded = new Map<string, Map<number, Recorded>>();
  private mode: 'record' | 'replay' = 'record';
  private latencyMs = 0;
  /** Bytes of every GetLogsV2 body served (recorded or replayed). */
  servedBytes = 0;
  private server?: Server;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const key = pageKeyOf(body.toString('utf8'));
        const bucket = key ? `${key.sql ? 'sql' : 'raw'}:${key.size}` : undefined;
        if (this.mode === 'replay' && key && bucket) {
          const pages = [...(this.recorded.get(bucket)?.entries() ?? [])].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
          if (!pages.length) {
            res.writeHead(500).end(`nothing recorded for ${bucket}`);
            return;
          }
          const answer = pages[Math.floor(key.offset / key.size) % pages.length];
          setTimeout(() => {
            this.servedBytes += answer.body.length;
            res.writeHead(answer.status, answer.headers).end(answer.body);
          }, this.latencyMs);
          return;
        }
        const fwd = request({ host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
          const got: Buffer[] = [];
          up.on('data', (c: Buffer) => got.push(c));
          up.on('end', () => {
            const answer: Recorded = { status: up.statusCode ?? 500, headers: up.headers, body: Buffer.concat(got) };
            if (key && bucket && answer.status === 200) {
              const byOffset = this.recorded.get(bucket) ?? new Map<number, Recorded>();
              byOffset.set(key.offset, answer);
              this.recorded.set(bucket, byOffset);
              this.servedBytes += answer.body.length;
            }
            res.writeHead(answer.status, answer.headers).end(answer.body);
          });
        });
        fwd.on('error', (e) => res.writeHead(502).end(String(e)));
        fwd.end(body);
      });
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return (this.server.address() as AddressInfo).port;
  }

  replay(latencyMs: number): void {
    this.mode = 'replay';
    this.latencyMs = latencyMs;
  }

  /**
   * Recorded GetLogsV2 bodies of one page size, in page order, as they were before compression
   * (the emulator compresses answers as Log Service does when the SDK asks for lz4).
   */
  bodies(sql: boolean, size: number): Buffer[] {
    return [...(this.recorded.get(`${sql ? 'sql' : 'raw'}:${size}`)?.entries() ?? [])].sort((a, b) => a[0] - b[0]).map(([, r]) => inflated(r));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
