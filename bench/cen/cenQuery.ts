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
 *
 * Two service models, each in its own emulator: answers cached after the warm-up (a request costs
 * the latency and the HTTP/JSON work: the same service time for the single query and for each of
 * the 8, as separate Log Service servers give; the budget figure, it measures our own overhead),
 * and every request evaluated by DuckDB (reported, no budget: on 2 cores the emulator's CPU
 * serialises the 8 evaluations, so the fan-out costs about the sum of the single queries).
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
import { median } from '../support/median';

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

type ServiceModel = 'cached' | 'evaluated';

async function startCenEmulator(model: ServiceModel): Promise<CenEmulator> {
  const args = ['--flow-logs', String(FLOW_LOGS), '--hours', String(HOURS), '--latency-ms', String(LATENCY_MS), '--cached-answers', model === 'cached' ? '1' : '0'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/cenEmulator.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

interface Measured {
  /** The Run of a statement typed in the panel: how each flow is counted was fetched ahead as it was typed (the panel's `prepare`). */
  readonly cen: number;
  /** A statement over a range nothing was fetched ahead for: the counting and the statement, one round trip after the other. */
  readonly cold: number;
  readonly slowest: number;
  readonly ratios: number[];
  readonly coldRatios: number[];
  readonly peak: number;
}

/** One measurement at a limit: per run, each logstore alone (slowest), then the CEN query cold and after typing. */
async function measure(sls: SlsApi, members: readonly CenMember[], from: number, to: number, counter: ReturnType<typeof countingLimiter>): Promise<Measured> {
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  const cens: number[] = [];
  const colds: number[] = [];
  const slowests: number[] = [];
  counter.reset();
  for (let run = 0; run < RUNS; run++) {
    let slowest = 0;
    for (const m of members) {
      slowest = Math.max(slowest, await timed(() => sls.query({ regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName, query: QUERY, from, to })));
    }
    // A fresh CenQueries each time: nothing kept from the run before.
    const cold = await timed(() => new CenQueries(async () => sls, members).query({ query: QUERY, from, to }));
    const panel = new CenQueries(async () => sls, members);
    await panel.prepare({ from, to }); // the typing: the panel asks this as the statement appears in its editor
    const cen = await timed(() => panel.query({ query: QUERY, from, to }));
    cens.push(cen);
    colds.push(cold);
    slowests.push(slowest);
    ratios.push(cen / slowest);
    coldRatios.push(cold / slowest);
  }
  return { cen: median(cens), cold: median(colds), slowest: median(slowests), ratios, coldRatios, peak: counter.peak() };
}

/** The limits measured: a slot per flow log, the default, and half the flow logs (two rounds). */
const LIMITS = [...new Set([FLOW_LOGS, DEFAULT_MAX_CONCURRENT_REQUESTS, FLOW_LOGS / 2])];

async function measureModel(model: ServiceModel): Promise<Figure[]> {
  const emu = await startCenEmulator(model);
  try {
    const { members, from, to } = emu;
    const figures: Figure[] = [];
    for (const limit of LIMITS) {
      // The budget holds where the limit gives every flow log a slot; fewer slots mean rounds, reported as they are.
      const budgeted = model === 'cached' && limit >= FLOW_LOGS;
      const counter = countingLimiter(limit);
      const sls = createSlsClient({ endpoint: `localhost:${emu.port}`, protocol: 'http', credentials: ownerCredentials, limiter: counter.limiter, timeoutMs: 120_000 });
      await measure(sls, members, from, to, counter); // warm-up: connections, JIT, the emulator's caches
      const m = await measure(sls, members, from, to, counter);
      const ratio = m.cen / m.slowest;
      const rounds = Math.ceil(FLOW_LOGS / limit);
      const atLimit = `limit ${limit}${limit === DEFAULT_MAX_CONCURRENT_REQUESTS ? ' (the default)' : ''}${rounds > 1 ? `, ${rounds} rounds of requests` : ''}`;
      const service = model === 'cached' ? 'answers cached after warm-up: service time = latency' : 'every request evaluated by DuckDB on this machine';
      const common = `${emu.records.toLocaleString('en-US')} records in ${FLOW_LOGS} logstores over ${HOURS} h; +${LATENCY_MS} ms latency per request`;
      figures.push({
        name: `cen-query ${FLOW_LOGS} flow logs, ${atLimit}, ${model}`,
        value: Math.round(m.cen),
        unit: 'ms',
        baseline: Math.round(m.slowest),
        ratio: Math.round(ratio * 100) / 100,
        ...(budgeted ? { budget: '≤ 1.3× the slowest single-logstore query', withinBudget: ratio <= 1.3 } : {}),
        note: `the Run of a typed statement (each flow's counting fetched ahead as it was typed); ${service}; medians of ${RUNS} runs (per-run ratios ${m.ratios.map((r) => r.toFixed(2)).join(', ')}); ${common}; peak requests in flight ${m.peak} (limit ${limit})`,
      });
      figures.push({
        name: `cen-query ${FLOW_LOGS} flow logs, nothing fetched ahead, ${atLimit}, ${model}`,
        value: Math.round(m.cold),
        unit: 'ms',
        baseline: Math.round(m.slowest),
        ratio: Math.round((m.cold / m.slowest) * 100) / 100,
        note: `a statement over a range the panel had not seen (a preset run on opening, a document's Run): the counting, then the statement; ${service}; per-run ratios ${m.coldRatios.map((r) => r.toFixed(2)).join(', ')}; ${common}`,
      });
      figures.push({
        name: `cen-query requests in flight, limit ${limit}, ${model}`,
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
}

export const cenQueryBenchmark: Benchmark = {
  name: 'cen-query',
  async run(): Promise<Figure[]> {
    return [...(await measureModel('cached')), ...(await measureModel('evaluated'))];
  },
};
