/**
 * The benchmarks' big logstore: an emulator in a child process (bench/support/millionRecordEmulator.ts)
 * holding N records in one logstore, and an SLS client of it over real HTTP through the real SDK.
 */
import '../../test/support/localhost-resolver.cjs';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import type { LogstoreRef, SlsApi } from '../../src/cloud/slsApi';
import { createSlsClient, type SlsCallLogEntry } from '../../src/cloud/slsClient';

export const BENCH_LOGSTORE: LogstoreRef = { regionId: 'cn-hangzhou', projectName: 'bench-flowlogs', logStoreName: 'million' };

export interface BenchEmulator {
  readonly port: number;
  readonly records: number;
  /** Time range (UNIX seconds, [from, to)) holding every record. */
  readonly from: number;
  readonly to: number;
  readonly loadMs: number;
  /** A client of the emulator, or of another loopback port (a proxy in front of it). */
  client(log?: (e: SlsCallLogEntry) => void, port?: number): SlsApi;
  /** Added latency per request, applied by the emulator to every SLS call (the network RTT a cloud region adds). */
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchEmulator(records: number): Promise<BenchEmulator> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/support/millionRecordEmulator.ts', '--records', String(records)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ port: number; records: number; from: number; to: number; loadMs: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench emulator exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { port: number; records: number; from: number; to: number; loadMs: number }));
  });
  // The emulator must not keep a finished benchmark run alive; it is stopped on exit.
  child.unref();
  (child.stdout as Socket | null)?.unref();
  const base = `http://127.0.0.1:${ready.port}`;
  return {
    ...ready,
    client: (log, port) =>
      createSlsClient({
        endpoint: `localhost:${port ?? ready.port}`,
        protocol: 'http',
        credentials: { label: 'emulator owner', getCredentials: async () => ({ accessKeyId: OWNER_ACCOUNT.accessKeyId, accessKeySecret: OWNER_ACCOUNT.accessKeySecret }) },
        timeoutMs: 120_000,
        log,
      }),
    setLatency: async (ms) => {
      const res = await fetch(`${base}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: ms }) });
      if (!res.ok) throw new Error(`setting latency failed: ${res.status} ${await res.text()}`);
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

let shared: Promise<BenchEmulator> | undefined;

/** One 1,000,000-record emulator for every benchmark of a run (loading it takes minutes here); stopped at exit. */
export function sharedBenchEmulator(): Promise<BenchEmulator> {
  shared ??= startBenchEmulator(1_000_000).then((emu) => {
    process.once('beforeExit', () => void emu.close());
    process.once('exit', () => void emu.close());
    return emu;
  });
  return shared;
}
