/**
 * Paged fetch: records through SlsApi.queryPages — raw logs by line/offset (100 per page) and SQL
 * by LIMIT pages (10,000 per page) — with bounded concurrency vs strictly serial (concurrency 1),
 * in the same run, against one emulator (its own process) with the same injected latency per
 * request for both. Rows are streamed to a file as they arrive (as export does), so the client's
 * peak RSS shows whether memory stays bounded.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QueryRequest, SlsApi } from '../../src/cloud/slsApi';
import type { Benchmark, Figure } from '../registry';
import { BENCH_LOGSTORE, startBenchEmulator } from '../support/benchLogstore';
import { PeakRss } from '../support/peakRss';

const RECORDS = 1_000_000;
/** The realistic round trip to a cloud region, added by the emulator to every request of both runs. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
/** The concurrency the workbench uses for raw pages (queryRunner) — and the most SQL pages use. */
const RAW_CONCURRENCY = 4;
const SQL_CONCURRENCY = 4;
/**
 * Serial raw paging of 1,000,000 records is 10,000 sequential round trips (≥ 8 minutes at 50 ms);
 * by default the serial run covers the first 100,000 and the ratio compares throughput.
 * BENCH_FULL=1 runs the serial raw fetch over all records too.
 */
const SERIAL_RAW_RECORDS = process.env.BENCH_FULL === '1' ? RECORDS : 100_000;

interface Run {
  readonly rows: number;
  readonly requests: number;
  readonly ms: number;
  readonly peakRssMb: number;
}

async function fetchAll(api: SlsApi, req: QueryRequest, maxRows: number, pageSize: number, concurrency: number, calls: { n: number }): Promise<Run> {
  const file = join(tmpdir(), `bench-paged-${process.pid}.jsonl`);
  const out = createWriteStream(file);
  const rss = new PeakRss();
  const before = calls.n;
  const started = performance.now();
  let rows = 0;
  try {
    for await (const page of api.queryPages(req, { pageSize, maxRows, concurrency })) {
      rows += page.rows.length;
      let text = '';
      for (const r of page.rows) text += JSON.stringify(r) + '\n';
      // Honour backpressure, as the export does: memory stays bounded by pages in flight.
      if (!out.write(text)) await new Promise((r) => out.once('drain', r));
    }
  } finally {
    await new Promise<void>((r) => out.end(() => r()));
    await rm(file, { force: true });
  }
  const ms = performance.now() - started;
  return { rows, requests: calls.n - before, ms, peakRssMb: rss.stop() };
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export const pagedFetchBenchmark: Benchmark = {
  name: 'paged-fetch',
  async run(): Promise<Figure[]> {
    const emu = await startBenchEmulator(RECORDS);
    try {
      const calls = { n: 0 };
      const api = emu.client(() => void calls.n++);
      const base = { ...BENCH_LOGSTORE, from: emu.from, to: emu.to };
      // Warm the emulator's result cache (it evaluates a statement once, then pages it) outside the timings.
      await api.query({ ...base, query: '*', line: 1, offset: 0 });
      await api.query({ ...base, query: '* | select * limit 0, 1' });
      await emu.setLatency(LATENCY_MS);

      const rawReq: QueryRequest = { ...base, query: '*' };
      const rawSerial = await fetchAll(api, rawReq, SERIAL_RAW_RECORDS, 100, 1, calls);
      const rawConcurrent = await fetchAll(api, rawReq, RECORDS, 100, RAW_CONCURRENCY, calls);
      const sqlReq: QueryRequest = { ...base, query: `* | select * limit ${RECORDS}` };
      const sqlSerial = await fetchAll(api, sqlReq, RECORDS, 10_000, 1, calls);
      const sqlConcurrent = await fetchAll(api, sqlReq, RECORDS, 10_000, SQL_CONCURRENCY, calls);

      for (const [what, r, want] of [['raw serial', rawSerial, SERIAL_RAW_RECORDS], ['raw concurrent', rawConcurrent, RECORDS], ['sql serial', sqlSerial, RECORDS], ['sql concurrent', sqlConcurrent, RECORDS]] as const) {
        if (r.rows !== want) throw new Error(`${what}: fetched ${r.rows} rows, expected ${want}`);
      }
      const rate = (r: Run): number => r.rows / r.ms;
      const rawRatio = rate(rawConcurrent) / rate(rawSerial);
      const sqlRatio = sqlSerial.ms / sqlConcurrent.ms;
      const rssBudgetMb = 512;
      const setup = `emulator (own process) with ${emu.records.toLocaleString('en')} records in one logstore, +${LATENCY_MS} ms injected latency per request in every run`;
      const serialProjected = (rawSerial.ms * RECORDS) / rawSerial.rows;
      return [
        {
          name: 'paged-fetch-raw',
          value: Number((rawConcurrent.ms / 1000).toFixed(1)),
          unit: 's',
          baseline: Number((serialProjected / 1000).toFixed(1)),
          ratio: rawRatio,
          budget: '≥ 3x serial',
          withinBudget: rawRatio >= 3,
          note:
            `line/offset, 100 per page: concurrency ${RAW_CONCURRENCY} fetched ${rawConcurrent.rows.toLocaleString('en')} records in ${fmtS(rawConcurrent.ms)} (${rawConcurrent.requests} requests); ` +
            (rawSerial.rows === RECORDS
              ? `serial fetched them in ${fmtS(rawSerial.ms)} (${rawSerial.requests} requests)`
              : `serial fetched the first ${rawSerial.rows.toLocaleString('en')} in ${fmtS(rawSerial.ms)} (${rawSerial.requests} requests), baseline projected to 1,000,000 at that rate (BENCH_FULL=1 runs it all)`) +
            `; ${setup}`,
        },
        {
          name: 'paged-fetch-sql',
          value: Number((sqlConcurrent.ms / 1000).toFixed(1)),
          unit: 's',
          baseline: Number((sqlSerial.ms / 1000).toFixed(1)),
          ratio: sqlRatio,
          budget: '≥ 3x serial',
          withinBudget: sqlRatio >= 3,
          note: `SQL LIMIT pages of 10,000: concurrency ${SQL_CONCURRENCY} ${sqlConcurrent.requests} requests vs serial ${sqlSerial.requests} requests for ${RECORDS.toLocaleString('en')} rows; ${setup}`,
        },
        {
          name: 'paged-fetch-peak-rss',
          value: Math.max(rawConcurrent.peakRssMb, sqlConcurrent.peakRssMb),
          unit: 'MB',
          budget: `≤ ${rssBudgetMb} MB (bounded: rows streamed to a file, not held)`,
          withinBudget: Math.max(rawConcurrent.peakRssMb, sqlConcurrent.peakRssMb) <= rssBudgetMb,
          note: `client process peak RSS: raw concurrent ${rawConcurrent.peakRssMb} MB, raw serial ${rawSerial.peakRssMb} MB, SQL concurrent ${sqlConcurrent.peakRssMb} MB, SQL serial ${sqlSerial.peakRssMb} MB`,
        },
      ];
    } finally {
      await emu.close();
    }
  },
};
