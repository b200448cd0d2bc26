/**
 * CEN query (issue 20): one SQL statement (top talkers) over 8 flow logs of a CEN, time to the
 * merged result as a ratio to the slowest single-logstore query of the same statement in the same
 * run (each logstore alone), median of RUNS; and the most requests in flight at once, counted at
 * the SLS client's shared limiter, against the limit (`cenFlowLogs.query.maxConcurrentRequests`).
 *
 * The emulator (in this process) gets a CEN's 8 flow logs — 4 of 10-minute and 4 of 1-minute
 * windows, on the transit routers of prod-backbone — and its clock moves 4 hours so each logstore
 * holds 4 hours of generated records. Every SLS request gets BENCH_LATENCY_MS (default 50 ms) of
 * injected latency, the round trip a cloud region adds: the emulator shares 2 cores with the
 * client, while Log Service runs each logstore's statement on its own machines.
 */
import '../../test/support/localhost-resolver.cjs';
import { startTestEmulator, ownerCredentials } from '../../test/support/emulator';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { SlsApi } from '../../src/cloud/slsApi';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, RequestLimiter } from '../../src/cloud/requestLimiter';
import type { CenMember } from '../../src/protocol/messages';
import { CenQueries } from '../../src/views/workbench/cenQueries';
import type { Benchmark, Figure } from '../benchmark';

const FLOW_LOGS = 8;
const RUNS = 5;
const HOURS = 4;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const QUERY = '* | select srcaddr, sum(bytes) as b, count(*) as n group by srcaddr order by b desc limit 10';

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
    let clockMs = (Math.floor(Date.now() / 600_000) * 600 + 5) * 1000;
    const emu = await startTestEmulator({ historyDays: 0, now: () => clockMs });
    try {
      const cen = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'prod-backbone');
      if (!cen) throw new Error('the demo has no CEN prod-backbone');
      const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
      const created = Array.from({ length: FLOW_LOGS }, (_, i) => {
        const interval = i % 2 === 0 ? 600 : 60;
        const f = emu.context.cen.createFlowLog(OWNER_ACCOUNT, { regionId: regions[i % regions.length], cenId: cen.cenId, projectName: `bench-cen-${i}`, logStoreName: `flowlog-${i}`, interval });
        return { flowLogId: f.flowLogId, title: `bench-flowlog-${i}`, regionId: regions[i % regions.length], projectName: `bench-cen-${i}`, logStoreName: `flowlog-${i}`, interval } satisfies CenMember;
      });
      const start = Math.floor(clockMs / 1000) - 5;
      clockMs += 1_000; // past the transition: Active
      clockMs += HOURS * 3600_000;
      const from = start;
      const to = Math.floor(clockMs / 1000 / 600) * 600;
      const plain = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials });
      // Generates every logstore's records before anything is timed.
      const counts = await Promise.all(created.map((m) => plain.query({ regionId: m.regionId, projectName: m.projectName, logStoreName: m.logStoreName, query: '* | select count(*) as n', from, to })));
      const records = counts.reduce((n, r) => n + Number(r.rows[0]?.[0] ?? 0), 0);
      await emu.setFaults({ latencyMs: LATENCY_MS });

      const figures: Figure[] = [];
      for (const limit of [FLOW_LOGS, DEFAULT_MAX_CONCURRENT_REQUESTS]) {
        const counter = countingLimiter(limit);
        const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: counter.limiter });
        await measure(sls, created, from, to, counter); // warm-up: connections, JIT
        const m = await measure(sls, created, from, to, counter);
        const ratio = median(m.ratios);
        const atLimit = limit === FLOW_LOGS ? `limit ${limit} (one slot per flow log)` : `the default limit ${limit} (< ${FLOW_LOGS} flow logs: two rounds of requests)`;
        figures.push({
          name: `cen-query ${FLOW_LOGS} flow logs, ${atLimit}`,
          value: Math.round(m.cen),
          unit: 'ms',
          baseline: Math.round(m.slowest),
          ratio: Math.round(ratio * 100) / 100,
          budget: '≤ 1.3× the slowest single-logstore query',
          withinBudget: ratio <= 1.3,
          note: `median of ${RUNS} (ratios ${m.ratios.map((r) => r.toFixed(2)).join(', ')}); ${records.toLocaleString('en-US')} records in ${FLOW_LOGS} logstores over ${HOURS} h; +${LATENCY_MS} ms latency per request; peak requests in flight ${m.peak} (limit ${limit})`,
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
      emu.close();
    }
  },
};
