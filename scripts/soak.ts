/**
 * The long reliability profile (`npm run soak`, not in CI): the emulator with 30% throttling, 10%
 * 5xx, 5% dropped connections, 2 s latency and 5 Incomplete polls; the lifecycle of many flow logs;
 * 20 concurrent queries from 20 workbench query runners (one per panel, sharing the extension's
 * request limiter) while the tree keeps listing; the whole hostile corpus; a 1,000,000-row export watched for memory; and a scan of
 * everything it produced for the secret. Prints the figures the README's Reliability section quotes.
 *   npm run soak            (SOAK_LATENCY_MS, SOAK_CENS, SOAK_EXPORT_ROWS override the profile)
 */
import '../test/support/localhost-resolver.cjs';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCenClient } from '../src/cloud/cenClient';
import { createSlsClient } from '../src/cloud/slsClient';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, RequestLimiter } from '../src/cloud/requestLimiter';
import { diagnose, isRunnable } from '../src/query/diagnostics';
import { isTransitional } from '../src/flowlogs/catalog';
import type { HostMessage } from '../src/protocol/messages';
import { QueryRunner } from '../src/views/workbench/queryRunner';
import { logstoreQuerying } from '../src/views/workbench/targetQueries';
import { resolveWorkbenchRange } from '../src/views/workbench/workbenchLanguage';
import { exportQueryResult } from '../src/views/workbench/resultExport';
import { OWNER_ACCOUNT } from '../emulator/accounts';
import type { FlowRow } from '../emulator/data/flowLogGenerator';
import { ownerCredentials, startTestEmulator } from '../test/support/emulator';
import { MODIFIED, runLifecycle, type LifecycleTarget } from '../test/reliability/lifecycleDriver';
import { QUERY_CASES } from '../test/reliability/corpus/queries';
import { scanForSecret } from '../test/reliability/secretScan';
import { classifyHostile, isRetriesExhausted, type HostileOutcome, type ServiceAnswer } from '../test/reliability/hostileOutcome';
import { checkField } from '../test/reliability/fieldCheck';
import { FIELD_CASES } from '../test/reliability/corpus/flowLogFields';
import { CORPUS_NOW, SPEC_CASES, TEXT_CASES } from '../test/reliability/corpus/timeRanges';
import { HOST_ENDPOINT_CASES, URL_ENDPOINT_CASES } from '../test/reliability/corpus/endpoints';
import { checkHostEndpoint, checkUrlEndpoint } from '../src/cloud/endpoints';
import { parseTimeRange } from '../src/query/timeRange';
import { errorText } from '../src/errorText';

const LATENCY_MS = Number(process.env.SOAK_LATENCY_MS ?? 2_000);
const CENS = Number(process.env.SOAK_CENS ?? 12);
const EXPORT_ROWS = Number(process.env.SOAK_EXPORT_ROWS ?? 1_000_000);
const PANELS = 20;
const SECRET = OWNER_ACCOUNT.accessKeySecret;
const FAULTS = { throttleRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05, latencyMs: LATENCY_MS, incompletePolls: 5 };
const RETRY = { baseDelayMs: 200, maxDelayMs: 5_000, maxAttempts: 10, totalTimeoutMs: 120_000 };
/** Fewer retries per hostile query: a refused query is refused again. */
const HOSTILE_RETRY = { ...RETRY, maxAttempts: 5, totalTimeoutMs: 30_000 };

const logLines: string[] = [];
const say = (line: string): void => {
  logLines.push(line);
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
};

async function main(): Promise<void> {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), 'cen-soak-'));
  const emu = await startTestEmulator({ extraCens: CENS, historyDays: 0.25, transitionMs: 1_000 });
  const figures = { operations: 0, completed: 0, failedClearly: 0, foreign: 0, duplicates: 0, halfModified: 0, stuck: 0, dataLost: 0, hostileTried: 0, hostileHandled: 0, hostileRetriesExhausted: 0, hostileMishandled: 0, secretsFound: 0, slsPeakInFlight: 0 };
  // Log Service requests in flight at the emulator (SLS hosts carry the project: `<project>.localhost`),
  // to check that 20 panels never push more than the limiter allows.
  let slsInFlight = 0;
  subscribe('http.server.request.start', (m) => {
    const { request, response } = m as { request: IncomingMessage; response: ServerResponse };
    if (request.socket.localPort !== emu.port || !/\.localhost(:\d+)?$/.test(request.headers.host ?? '')) return;
    slsInFlight++;
    figures.slsPeakInFlight = Math.max(figures.slsPeakInFlight, slsInFlight);
    response.once('close', () => slsInFlight--);
  });
  const cenLog: string[] = [];
  const cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: RETRY, timeoutMs: 15_000, poll: { initialMs: 500, maxMs: 2_000 }, log: (e) => void cenLog.push(JSON.stringify(e)) });
  const slsLog: string[] = [];
  const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: RETRY, timeoutMs: 20_000, log: (e) => void slsLog.push(JSON.stringify(e)) });
  await emu.setFaults(FAULTS);
  say(`faults on: ${JSON.stringify(FAULTS)}`);

  // 1. Lifecycle of many flow logs, all at once.
  const withFlowLog = new Set(emu.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).map((f) => f.cenId));
  const enterprise = (cenId: string) => emu.context.cen.routersOf(cenId).find((r) => r.type === 'Enterprise');
  const targets: LifecycleTarget[] = emu.context.cen
    .censOf(OWNER_ACCOUNT.accountId)
    .filter((c) => !withFlowLog.has(c.cenId) && enterprise(c.cenId))
    .slice(0, CENS)
    .map((c, i) => {
      const r = enterprise(c.cenId)!;
      return { cenId: c.cenId, regionId: r.regionId, transitRouterId: r.transitRouterId, projectName: 'soak-flowlogs', logStoreName: `soak-${i}` };
    });
  const runs = await Promise.all(targets.map((t, i) => runLifecycle(cen, t, `soak-token-${i}`, 180_000)));
  for (const s of runs.flat()) {
    figures.operations++;
    if (s.ok) figures.completed++;
    else if (s.error) figures.failedClearly++;
    else figures.foreign++;
  }
  say(`lifecycle: ${runs.flat().filter((s) => s.ok).length}/${runs.flat().length} steps completed over ${targets.length} flow logs`);

  // 2. 20 panels' query runners at once through one limiter (as the extension wires them), while
  // the tree keeps listing CENs.
  const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
  if (!f) throw new Error('no Active flow log in the demo');
  const limiter = new RequestLimiter(DEFAULT_MAX_CONCURRENT_REQUESTS);
  const panelSls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: RETRY, timeoutMs: 20_000, log: (e) => void slsLog.push(JSON.stringify(e)), limiter });
  figures.slsPeakInFlight = slsInFlight;
  const panelOutcomes = Promise.all(
    Array.from({ length: PANELS }, async (_, i) => {
      const posted: HostMessage[] = [];
      const runner = new QueryRunner({ ...logstoreQuerying(async () => panelSls, f), post: async (m) => void posted.push(m), resolveRange: resolveWorkbenchRange });
      await runner.run(`panel-${i}`, `* | select srcaddr, count(*) as n, ${i} as panel group by srcaddr order by n desc limit 50`, { kind: 'quick', minutes: 60 });
      return posted.some((m) => m.type === 'queryDone') ? 'done' : posted.some((m) => m.type === 'queryError') ? 'error' : 'none';
    }),
  );
  const treeLatencies: number[] = [];
  const queuedWhenTreeDone: number[] = [];
  const treeDone = (async () => {
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      for await (const page of cen.listCens()) void page;
      treeLatencies.push(Date.now() - t0);
      queuedWhenTreeDone.push(limiter.waiting);
    }
  })();
  const panels = await panelOutcomes;
  await treeDone;
  figures.operations += PANELS + treeLatencies.length;
  figures.completed += panels.filter((p) => p === 'done').length + treeLatencies.length;
  figures.failedClearly += panels.filter((p) => p === 'error').length;
  figures.foreign += panels.filter((p) => p === 'none').length;
  const panelPeak = figures.slsPeakInFlight;
  say(`20 panels: ${panels.filter((p) => p === 'done').length} done, ${panels.filter((p) => p === 'error').length} clear errors; max Log Service requests in flight at the service ${panelPeak} (limit ${limiter.limit}); tree listing took ${treeLatencies.join(', ')} ms meanwhile, with ${queuedWhenTreeDone.join(', ')} queries still queued`);

  // 3. The hostile query corpus through the real client, faults still on (fewer retries per case:
  // a refused query is refused again).
  const hostileSls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, retry: HOSTILE_RETRY, timeoutMs: 20_000 });
  const sendHostile = async (c: (typeof QUERY_CASES)[number]): Promise<{ outcome: HostileOutcome; answer: ServiceAnswer; ms: number }> => {
    const local = isRunnable(diagnose(c.query));
    const nowSeconds = Math.floor(Date.now() / 1000);
    const t0 = Date.now();
    let answer: ServiceAnswer;
    try {
      await hostileSls.query({ regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, from: nowSeconds - 600, to: nowSeconds, query: c.query, line: 10 });
      answer = { ok: true };
    } catch (error) {
      answer = { ok: false, error };
    }
    return { outcome: classifyHostile(c, local, answer), answer, ms: Date.now() - t0 };
  };
  const hostileQueue = [...QUERY_CASES];
  const exhausted: { c: (typeof QUERY_CASES)[number]; message: string; ms: number }[] = [];
  // Eight at a time: with 2 s latency one by one would take most of the soak.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let c = hostileQueue.shift(); c; c = hostileQueue.shift()) {
        figures.hostileTried++;
        const r = await sendHostile(c);
        if (r.outcome === 'asExpected') figures.hostileHandled++;
        else if (r.outcome === 'retriesExhausted' && !r.answer.ok && isRetriesExhausted(r.answer.error)) exhausted.push({ c, message: r.answer.error.userMessage, ms: r.ms });
        else {
          figures.hostileMishandled++;
          say(`  mishandled: ${c.expect.kind}: ${c.name}: ${r.answer.ok ? 'rows' : String(r.answer.error)}`);
        }
      }
    }),
  );
  // A retryable error after the retry budget is the fault profile winning, not the input failing:
  // each must have come with one clear message within the bounded retry time, and the same input,
  // sent again with faults off, must be handled as the corpus expects.
  await emu.setFaults({ throttleRate: 0, serverErrorRate: 0, dropRate: 0 });
  for (const x of exhausted) {
    const again = await sendHostile(x.c);
    // Each poll of the query is one call with its own retry budget (+ one last attempt's timeout).
    const bounded = x.ms <= (FAULTS.incompletePolls + 1) * (HOSTILE_RETRY.totalTimeoutMs + 20_000 + LATENCY_MS);
    say(`  retries exhausted after ${x.ms} ms (${bounded ? 'within' : 'OVER'} the retry bound): ${x.c.expect.kind}: ${x.c.name}: "${x.message}"; without faults: ${again.outcome}`);
    if (bounded && again.outcome === 'asExpected') {
      figures.hostileHandled++;
      figures.hostileRetriesExhausted++;
    } else figures.hostileMishandled++;
  }
  say(`hostile queries: ${figures.hostileHandled}/${figures.hostileTried} handled (${figures.hostileHandled - figures.hostileRetriesExhausted} as the corpus expects; ${figures.hostileRetriesExhausted} failed with one clear retryable error after the bounded retries and were handled as expected when resent without faults); ${figures.hostileMishandled} mishandled`);
  // The locally refused corpora (fields, time ranges, endpoints): handled = refused with the expected message.
  const localOutcomes: boolean[] = [
    ...FIELD_CASES.map((c) => {
      const got = checkField(c.field, c.value);
      return c.message === undefined ? got === undefined : got !== undefined && c.message.test(got);
    }),
    ...SPEC_CASES.map((c) => {
      try {
        resolveWorkbenchRange(c.spec, 600, CORPUS_NOW);
        return false;
      } catch (e) {
        return e instanceof RangeError && c.message.test(e.message);
      }
    }),
    ...TEXT_CASES.map((c) => {
      const r = parseTimeRange(c.text);
      return !r.ok && c.message.test(r.message);
    }),
    ...URL_ENDPOINT_CASES.map((c) => {
      const r = checkUrlEndpoint(c.value, 'cenFlowLogs.cenEndpoint');
      return c.message === undefined ? r.ok : !r.ok && c.message.test(r.message);
    }),
    ...HOST_ENDPOINT_CASES.map((c) => {
      const r = checkHostEndpoint(c.host, c.protocol, 'cenFlowLogs.slsEndpoint');
      return c.message === undefined ? r.ok : !r.ok && c.message.test(r.message);
    }),
  ];
  figures.hostileTried += localOutcomes.length;
  figures.hostileHandled += localOutcomes.filter(Boolean).length;
  say(`local refusals (fields, time ranges, endpoints): ${localOutcomes.filter(Boolean).length}/${localOutcomes.length} as the corpus expects`);

  // 4. A 1,000,000-row export, memory sampled throughout.
  await emu.setFaults({ ...FAULTS, latencyMs: Math.min(LATENCY_MS, 200), incompletePolls: 0 });
  const ref = { regionId: 'cn-hangzhou', projectName: 'soak-export', logStoreName: 'million' };
  await sls.ensureFlowLogStore(ref);
  const ls = emu.context.sls.projects.get(ref.projectName)?.logstores.get(ref.logStoreName);
  if (!ls) throw new Error('export logstore missing');
  const base = emu.context.sls.generatedRows(f.flowLogId, Math.floor(Date.now() / 1000) - 6 * 3600, Math.floor(Date.now() / 1000))[0];
  if (!base) throw new Error('no generated record to copy');
  const now = Math.floor(Date.now() / 1000);
  for (let done = 0; done < EXPORT_ROWS; ) {
    const n = Math.min(50_000, EXPORT_ROWS - done);
    const rows: FlowRow[] = Array.from({ length: n }, (_, k) => ({ ...base, time: now - 3600 + ((done + k) % 3600), srcaddr: `10.${((done + k) >> 16) & 255}.${((done + k) >> 8) & 255}.${(done + k) & 255}`, bytes: done + k }));
    await emu.context.sls.appendRows(ls, rows);
    done += n;
  }
  say(`export logstore filled with ${EXPORT_ROWS} rows`);
  const file = join(out, 'million.csv');
  const heap: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => heap.push(process.memoryUsage().heapUsed), 250);
  const req = { ...ref, from: now - 3600, to: now + 1, query: `* | select srcaddr, bytes limit ${EXPORT_ROWS}` };
  let exported = 0;
  try {
    const r = await exportQueryResult(sls, req, file, 'csv', { query: req.query, from: req.from, to: req.to, rangeLabel: 'soak', target: ref, exportedAt: new Date() }, { signal: new AbortController().signal, maxRows: EXPORT_ROWS });
    exported = r.rows;
  } catch (e) {
    say(`export failed: ${errorText(e)}`);
  } finally {
    clearInterval(sampler);
  }
  figures.operations++;
  if (exported === EXPORT_ROWS) figures.completed++;
  figures.dataLost += EXPORT_ROWS - exported;
  const lines = exported > 0 ? readFileSync(file, 'utf8').split('\r\n').filter((l) => l && !l.startsWith('#')).length - 1 : 0;
  if (exported > 0 && lines !== exported) figures.dataLost += Math.abs(exported - lines);
  const peakMb = Math.round((Math.max(...heap, heapBefore) - heapBefore) / 1e6);
  say(`export: ${exported} rows, ${lines} data lines in the file (${exported > 0 ? Math.round(statSync(file).size / 1e6) : 0} MB); heap growth peak ${peakMb} MB over ${heap.length} samples`);

  // 5. Ground truth: duplicates, half-applied modifies, stuck transitions.
  await emu.setFaults({ throttleRate: 0, serverErrorRate: 0, dropRate: 0, latencyMs: 0, incompletePolls: 0 });
  await new Promise((r) => setTimeout(r, 1_500));
  const records = emu.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId);
  for (const t of targets) {
    const mine = records.filter((r) => r.cenId === t.cenId);
    if (mine.length > 1) figures.duplicates += mine.length - 1;
    for (const r of mine) {
      if (isTransitional(r.status)) figures.stuck++;
      const modified = r.name === MODIFIED.name && r.description === MODIFIED.description && r.interval === MODIFIED.interval;
      const original = r.name === 'under faults' && r.description === 'created under faults' && r.interval === 600;
      if (!modified && !original) figures.halfModified++;
    }
  }
  const injected = ((await (await fetch(`${emu.cenUrl}/__emulator/faults`)).json()) as { injected: { throttle: number; serverError: number; drop: number } }).injected;

  // 6. Secrets: every log line, call log and the export.
  const scan = scanForSecret(SECRET, [out], { 'soak output': logLines.join('\n'), 'CEN call log': cenLog.join('\n'), 'SLS call log': slsLog.join('\n'), 'emulator log': emu.logLines.join('\n') });
  figures.secretsFound = scan.findings.length;

  await emu.close();
  rmSync(out, { recursive: true, force: true });
  const faultsInjected = injected.throttle + injected.serverError + injected.drop;
  say('');
  say(`soak profile: ${JSON.stringify(FAULTS)}, ${targets.length} flow-log lifecycles, ${PANELS} concurrent panels, ${EXPORT_ROWS} export rows; ${Math.round((Date.now() - started) / 1000)} s`);
  say(`faults injected: ${faultsInjected} (throttle ${injected.throttle}, 5xx ${injected.serverError}, dropped ${injected.drop}) + ${LATENCY_MS} ms latency, 5 Incomplete polls per query`);
  say(`operations completed: ${figures.completed}/${figures.operations} (failed with one clear error: ${figures.failedClearly}, failed otherwise: ${figures.foreign})`);
  say(`duplicates: ${figures.duplicates}; half-applied modifies: ${figures.halfModified}; stuck transitional: ${figures.stuck}`);
  say(`data lost: ${figures.dataLost} rows`);
  say(`hostile inputs tried: ${figures.hostileTried}; handled: ${figures.hostileHandled} (of which ${figures.hostileRetriesExhausted} queries met a fault-injected failure after their bounded retries, with one clear message, and were handled when resent without faults); mishandled: ${figures.hostileMishandled}`);
  say(`Log Service requests in flight at the service, 20 panels: peak ${panelPeak} (limit ${DEFAULT_MAX_CONCURRENT_REQUESTS})`);
  say(`secrets found: ${figures.secretsFound}`);
  const ok = figures.foreign === 0 && figures.hostileMishandled === 0 && panelPeak <= DEFAULT_MAX_CONCURRENT_REQUESTS && figures.duplicates === 0 && figures.halfModified === 0 && figures.stuck === 0 && figures.dataLost === 0 && figures.secretsFound === 0;
  process.exit(ok ? 0 : 1);
}

main().catch((e: unknown) => {
  process.stderr.write(`soak failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
