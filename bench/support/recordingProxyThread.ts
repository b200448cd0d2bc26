/**
 * The RecordingProxy on its own thread. In the benchmarks the proxy stands for Log Service across
 * the network: serving 4 MB answers costs CPU that, on the client's event loop, would be counted
 * as the client's (and would compete with it for the one thread). On a worker it runs beside the
 * client as a remote server would, sharing only the machine's cores.
 */
import { resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { RecordingProxy } from './recordingProxy';

type Command = { id: number } & ({ op: 'replay'; latencyMs: number } | { op: 'bodies'; sql: boolean; size: number } | { op: 'close' });
type Reply = { id: number; bodies?: Uint8Array[]; error?: string };

if (parentPort && (workerData as { recordingProxy?: number } | undefined)?.recordingProxy !== undefined) {
  const port = parentPort;
  const proxy = new RecordingProxy((workerData as { recordingProxy: number }).recordingProxy);
  void proxy.start().then((listening) => port.postMessage({ listening }));
  port.on('message', (c: Command) => {
    const reply = (r: Omit<Reply, 'id'>): void => port.postMessage({ id: c.id, ...r });
    switch (c.op) {
      case 'replay':
        proxy.replay(c.latencyMs);
        return reply({});
      case 'bodies':
        return reply({ bodies: proxy.bodies(c.sql, c.size) });
      case 'close':
        void proxy.close().then(() => reply({}));
        return;
    }
  });
}

export class RecordingProxyThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Reply) => void>();

  constructor(targetPort: number) {
    // Loaded from source through tsx, as the benchmarks are.
    const self = resolve(__dirname, 'recordingProxyThread.ts');
    this.worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(self)});`, { eval: true, workerData: { recordingProxy: targetPort } });
    this.worker.on('message', (m: Reply & { listening?: number }) => {
      if (m.listening !== undefined) this.listening?.(m.listening);
      else this.waiting.get(m.id)?.(m);
    });
  }

  private listening?: (port: number) => void;

  start(): Promise<number> {
    return new Promise((r, reject) => {
      this.listening = r;
      this.worker.once('error', reject);
    });
  }

  private send(c: Record<string, unknown>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((r) => {
      this.waiting.set(id, r);
      this.worker.postMessage({ ...c, id });
    });
  }

  async replay(latencyMs: number): Promise<void> {
    await this.send({ op: 'replay', latencyMs });
  }

  /** Recorded GetLogsV2 bodies of one page size, in page order. */
  async bodies(sql: boolean, size: number): Promise<Buffer[]> {
    const r = await this.send({ op: 'bodies', sql, size });
    return (r.bodies ?? []).map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }

  async close(): Promise<void> {
    await this.send({ op: 'close' });
    await this.worker.terminate();
  }
}
