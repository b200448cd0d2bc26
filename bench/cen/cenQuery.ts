/**
 * CEN query (issue 20): one SQL statement (top talkers) over 8 flow logs of a CEN, time to the
 * merged result as a ratio to the slowest single-logstore query of the same statement in the same
 * run (each logstore alone, one after another), the median over RUNS of both; and the most
 * requests in flight at once, counted at the SLS client's shared limiter, against the limit
 * (`cenFlowLogs.query.maxConcurrentRequests`).
 *
 * The emulator runs in its own process (bench/support/cenEmulator.ts: prod-backbone with 8 more
 * flow logs, 4 of 10-minute and 4 of 1-minute windows, 4 hours of generated records each), so it
 * does not share the client's thread, as Log Service does not. Every SLS request gets
 * BENCH_LATENCY_MS (default 50 ms) of injected latency, the round trip a cloud region adds.
 */
import '../../test/support/localhost-resolver.cjs';
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { ownerCredentials } from '../../test/support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { SlsApi } from '../../src/cloud/slsApi';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, RequestLimiter } from '../../src/cloud/requestLimiter';
import type { CenMember } from '../../src/protocol/messages';
import { CenQueries } from '../../src/views/workbench/cenQueries';
import type { Benchmark, Figure } from '../benchmark';

const FLOW_LOGS = 8;
const RUNS = 9;
const HOURS = 4;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const QUERY = '* | select srcaddr, sum(bytes) as b, count(*) as n group by srcaddr order by b desc limit 10';

interface CenEmulator {
  readonly port: number;
  readonly members: CenMember[];
  readonly from: number;
  readonly to: number;
  readonly records: number;
  close(): Promise<void>;
}

async function startCenEmulator(): Promise<CenEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/cenEmulator.ts', '--flow-logs', String(FLOW_LOGS), '--hours', String(HOURS), '--latency-ms', String(LATENCY_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<Omit<CenEmulator, 'close'>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the CEN bench emulator exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as Omit<CenEmulator, 'close'>));
  });
  child.unref();
  (child.stdout as Socket | null)?.unref();
  return {
    ...ready,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
/** A limiter that remembers the most calls it held at once. */
function countingLimiter(limit: number): { limiter: RequestLimiter; peak: () => number; reset: () => void } {
  const limiter = new RequestLimiter(limit);
  let peak = 0;
  const run = limiter.run.bind(limiter);
  limiter.run = <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> =>
    run(() => {
      peak = Math.max(peak, limiter.active);
      return task();
    }, signal);
  return { limiter, peak: () => peak, reset: () => void (peak = 0) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** One measurement at a limit: per run, each logstore alone (slowest), then the CEN query. */
async function measure(sls: SlsApi, members: readonly CenMember[], from: number, to: number, counter: ReturnType<typeof countingLimiter>): Promise<{ cen: number; slowest: number; ratios: number[]; peak: number }> {
  const ratios: number[] = [];
  const cens: number[] = [];
  const slowests: number[] = [];
  counter.reset();
  for (let run = 0; run < RUNS; run++) {
    let slowest = 0;
    for (const m of members) {
      slowest = Math.max(slowest, await timed(() => sls.query({ regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName, query: QUERY, from, to })));
    }
    // A fresh CenQueries each run: no merged answer kept from the run before.
    const cen = await timed(() => new CenQueries(async () => sls, members).query({ query: QUERY, from, to }));
    cens.push(cen);
    slowests.push(slowest);
    ratios.push(cen / slowest);
  }
  return { cen: median(cens), slowest: median(slowests), ratios, peak: counter.peak() };
}

export const cenQueryBenchmark: Benchmark = {
  name: 'cen-query',
  async run(): Promise<Figure[]> {
    const emu = await startCenEmulator();
    try {
      const { members, from, to } = emu;
      const figures: Figure[] = [];
      for (const limit of [FLOW_LOGS, DEFAULT_MAX_CONCURRENT_REQUESTS]) {
        const counter = countingLimiter(limit);
        const sls = createSlsClient({ endpoint: `localhost:${emu.port}`, protocol: 'http', credentials: ownerCredentials, limiter: counter.limiter, timeoutMs: 120_000 });
        await measure(sls, members, from, to, counter); // warm-up: connections, JIT, the emulator's caches
        const m = await measure(sls, members, from, to, counter);
        const ratio = m.cen / m.slowest;
        const atLimit = limit === FLOW_LOGS ? `limit ${limit} (a slot per flow log)` : `the default limit ${limit} (< ${FLOW_LOGS} flow logs: two rounds of requests)`;
        figures.push({
          name: `cen-query ${FLOW_LOGS} flow logs, ${atLimit}`,
          value: Math.round(m.cen),
          unit: 'ms',
          baseline: Math.round(m.slowest),
          ratio: Math.round(ratio * 100) / 100,
          budget: '≤ 1.3× the slowest single-logstore query',
          withinBudget: ratio <= 1.3,
          note: `medians of ${RUNS} runs (per-run ratios ${m.ratios.map((r) => r.toFixed(2)).join(', ')}); ${emu.records.toLocaleString('en-US')} records in ${FLOW_LOGS} logstores over ${HOURS} h; +${LATENCY_MS} ms latency per request; peak requests in flight ${m.peak} (limit ${limit})`,
        });
        figures.push({
          name: `cen-query requests in flight, limit ${limit}`,
          value: m.peak,
          unit: 'requests',
          budget: `≤ ${limit}`,
          withinBudget: m.peak <= limit,
          note: 'most calls the shared limiter held at once, over every single-logstore and CEN query of the run',
        });
      }
      return figures;
    } finally {
      await emu.close();
    }
  },
};
