/**
 * Short fault profile (the long one is `npm run soak`): 30% throttling, 10% 5xx, 5% dropped
 * connections, 50 ms latency and Incomplete for 5 polls. Every lifecycle operation and query either
 * completes or fails with one CloudError within its bounded retry time; a ClientToken never yields
 * a duplicate flow log; a modify is never half applied; nothing is left transitional. An emulator
 * restarted on the same port mid-operation is recovered from on the next action, and an interrupted
 * export leaves no file behind.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenApi } from '../../src/cloud/cenApi';
import { createCenClient } from '../../src/cloud/cenClient';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { SlsApi } from '../../src/cloud/slsApi';
import { CloudError } from '../../src/cloud/cloudError';
import { isTransitional } from '../../src/flowlogs/catalog';
import { exportQueryResult } from '../../src/views/workbench/resultExport';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { MODIFIED, runLifecycle, type LifecycleTarget, type StepOutcome } from '../reliability/lifecycleDriver';

const SHORT_FAULTS = { throttleRate: 0.3, serverErrorRate: 0.1, dropRate: 0.05, latencyMs: 50, incompletePolls: 5 };
const RETRY = { baseDelayMs: 20, maxDelayMs: 250, maxAttempts: 12, totalTimeoutMs: 15_000 };
/** Longest one call may take: its retry budget plus one last attempt's timeout. */
const CALL_BOUND_MS = RETRY.totalTimeoutMs + 5_000;
const WAIT_MS = 20_000;

const tmp = mkdtempSync(join(tmpdir(), 'cen-faults-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function cenClient(endpoint: string): CenApi {
  return createCenClient({ endpoint, credentials: ownerCredentials, retry: RETRY, timeoutMs: 3_000, poll: { initialMs: 50, maxMs: 150 } });
}
function slsClient(endpoint: string): SlsApi {
  return createSlsClient({ endpoint, protocol: 'http', credentials: ownerCredentials, retry: RETRY, timeoutMs: 5_000, incomplete: { initialDelayMs: 10, maxDelayMs: 50, maxPolls: 20 } });
}

describe('short fault profile', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  let sls: SlsApi;
  const targets: LifecycleTarget[] = [];

  before(async () => {
    emu = await startTestEmulator({ extraCens: 4, historyDays: 0.05 });
    cen = cenClient(emu.cenUrl);
    sls = slsClient(emu.slsEndpoint);
    const withFlowLog = new Set(emu.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).map((f) => f.cenId));
    for await (const page of cen.listCens()) {
      for (const c of page) {
        if (withFlowLog.has(c.cenId) || targets.length >= 4) continue;
        const router = emu.context.cen.routersOf(c.cenId).find((r) => r.type === 'Enterprise');
        if (router) targets.push({ cenId: c.cenId, regionId: router.regionId, transitRouterId: router.transitRouterId, projectName: 'faults-flowlogs', logStoreName: `ls-${targets.length}` });
      }
    }
    assert.equal(targets.length, 4, 'four CENs without a flow log');
    await emu.setFaults(SHORT_FAULTS);
  });
  after(() => emu.close());

  it('every lifecycle step completes or fails with one CloudError in bounded time; no duplicates, no half modify, nothing stuck', { timeout: 90_000 }, async () => {
    const runs = await Promise.all(targets.map((t, i) => runLifecycle(cen, t, `faults-token-${i}`, WAIT_MS)));
    const steps: StepOutcome[] = runs.flat();
    const foreign = steps.filter((s) => s.foreign !== undefined);
    assert.deepEqual(foreign.map((s) => `${s.step}: ${String(s.foreign)}`), [], 'only CloudErrors are thrown');
    for (const s of steps) {
      assert.ok(s.ms < (s.step.startsWith('wait') ? WAIT_MS + CALL_BOUND_MS : CALL_BOUND_MS), `${s.step} took ${s.ms} ms`);
      if (s.error) assert.ok(s.error.userMessage.length > 10, `${s.step}: a message`);
    }
    const completed = steps.filter((s) => s.ok).length;
    assert.ok(completed >= steps.length * 0.8, `most steps complete despite faults: ${completed}/${steps.length}; failures: ${steps.filter((s) => !s.ok).map((s) => `${s.step} ${s.error?.kind}`).join(', ')}`);
    const injected = (await (await fetch(`${emu.cenUrl}/__emulator/faults`)).json()) as { injected: { throttle: number; serverError: number; drop: number } };
    assert.ok(injected.injected.throttle + injected.injected.serverError + injected.injected.drop > 10, 'faults were injected');

    // Ground truth from the emulator, with faults off and transitions settled.
    await emu.setFaults({ throttleRate: 0, serverErrorRate: 0, dropRate: 0, latencyMs: 0 });
    await new Promise((r) => setTimeout(r, 400));
    const records = emu.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId);
    for (const t of targets) {
      const mine = records.filter((f) => f.cenId === t.cenId);
      assert.ok(mine.length <= 1, `CEN ${t.cenId} has ${mine.length} flow logs`);
      for (const f of mine) {
        assert.ok(!isTransitional(f.status), `${f.flowLogId} is stuck ${f.status}`);
        const modified = f.name === MODIFIED.name && f.description === MODIFIED.description && f.interval === MODIFIED.interval;
        const original = f.name === 'under faults' && f.description === 'created under faults' && f.interval === 600;
        assert.ok(modified || original, `${f.flowLogId} is half modified: ${JSON.stringify({ name: f.name, description: f.description, interval: f.interval })}`);
      }
    }
    const byRun = runs.map((r) => r.at(-1));
    for (const [i, last] of byRun.entries()) {
      if (last?.ok && last.step === 'wait after delete') assert.equal(records.filter((f) => f.cenId === targets[i].cenId).length, 0, 'a completed delete is gone');
    }
  });

  it('queries complete (through 5 Incomplete polls) or fail with one CloudError in bounded time', { timeout: 60_000 }, async () => {
    await emu.setFaults(SHORT_FAULTS);
    const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
    assert.ok(f);
    const now = Math.floor(Date.now() / 1000);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const started = Date.now();
        try {
          const r = await sls.query({ regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, from: now - 3600, to: now + 1, query: `* | select count(*) as n, ${i} as q` });
          return { ok: r.progress === 'Complete', ms: Date.now() - started };
        } catch (e) {
          assert.ok(e instanceof CloudError, `only CloudErrors: ${String(e)}`);
          return { ok: false, ms: Date.now() - started };
        }
      }),
    );
    for (const o of outcomes) assert.ok(o.ms < CALL_BOUND_MS * 2, `a query took ${o.ms} ms`);
    assert.ok(outcomes.filter((o) => o.ok).length >= 6, `most queries complete: ${JSON.stringify(outcomes)}`);
  });
});

describe('emulator restarted on the same port', () => {
  it('a create interrupted by a restart is followed by a next action that works', { timeout: 60_000 }, async () => {
    const first = await startTestEmulator({ transitionMs: 2_000, historyDays: 0 });
    const port = first.port;
    const cen = cenClient(first.cenUrl);
    const target = emu0Target(first);
    const create = cen.createFlowLog({ ...target, clientToken: 'restart-token' }).then(
      (id) => ({ id }),
      (e: unknown) => ({ error: e }),
    );
    await first.setFaults({ latencyMs: 300 });
    await new Promise((r) => setTimeout(r, 100));
    await first.close();
    const second = await startTestEmulator({ port, historyDays: 0 });
    try {
      const outcome = await create;
      if ('error' in outcome) assert.ok(outcome.error instanceof CloudError, `one CloudError: ${String(outcome.error)}`);
      // The next action, on the same client, recovers without any reset.
      const logs = await cen.listFlowLogs({ regionId: 'cn-hangzhou' });
      assert.ok(Array.isArray(logs));
      const id = await cen.createFlowLog({ ...emu0Target(second), clientToken: 'after-restart' });
      assert.match(id, /^flowlog-/);
    } finally {
      await second.close();
    }
  });

  it('a query interrupted by a restart is followed by a query that works', { timeout: 60_000 }, async () => {
    const first = await startTestEmulator({ historyDays: 0.02 });
    const port = first.port;
    const sls = slsClient(first.slsEndpoint);
    const f = first.context.cen.listFlowLogs().find((x) => x.status === 'Active');
    assert.ok(f);
    const now = Math.floor(Date.now() / 1000);
    const req = { regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, from: now - 600, to: now + 1, query: '* | select count(*) as n' };
    await first.setFaults({ incompletePolls: 1_000 });
    const running = sls.query(req).then(
      () => 'done',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 150));
    await first.close();
    const second = await startTestEmulator({ port, historyDays: 0.02 });
    try {
      const outcome = await running;
      if (outcome !== 'done') assert.ok(outcome instanceof CloudError, `one CloudError: ${String(outcome)}`);
      const r = await sls.query(req);
      assert.equal(r.progress, 'Complete');
      assert.equal(r.rows.length, 1);
    } finally {
      await second.close();
    }
  });

  it('an export interrupted by a restart, or cancelled, leaves no file posing as complete', { timeout: 60_000 }, async () => {
    const emu = await startTestEmulator({ historyDays: 0.1 });
    const sls = slsClient(emu.slsEndpoint);
    const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
    assert.ok(f);
    const now = Math.floor(Date.now() / 1000);
    const req = { regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, from: now - 3 * 3600, to: now + 1, query: '*' };
    const provenance = { query: '*', from: req.from, to: req.to, rangeLabel: 'faults', target: req, exportedAt: new Date() };
    // Slow pages so the interruption lands mid-export.
    await emu.setFaults({ latencyMs: 40 });

    const cancelled = join(tmp, 'cancelled.csv');
    const ac = new AbortController();
    const cancelledRun = exportQueryResult(sls, req, cancelled, 'csv', provenance, { signal: ac.signal, onRows: (n) => n >= 200 && ac.abort() });
    await assert.rejects(cancelledRun);
    assert.equal(existsSync(cancelled), false, 'a cancelled export leaves no file');

    const interrupted = join(tmp, 'interrupted.json');
    await emu.setFaults({ latencyMs: 200 });
    const run = exportQueryResult(sls, req, interrupted, 'json', provenance, { signal: new AbortController().signal }).then(
      () => 'completed',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await emu.close();
    const outcome = await run;
    assert.ok(outcome instanceof CloudError, `the export was interrupted with one CloudError: ${String(outcome)}`);
    assert.equal(existsSync(interrupted), false, 'a failed export leaves no file');
    assert.deepEqual(readdirSync(tmp).filter((n) => n.endsWith('.part')), [], 'no temporary file is left behind');
  });
});

function emu0Target(emu: TestEmulator): LifecycleTarget {
  const withFlowLog = new Set(emu.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).map((f) => f.cenId));
  const enterprise = (cenId: string) => emu.context.cen.routersOf(cenId).find((r) => r.type === 'Enterprise');
  const c = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((x) => !withFlowLog.has(x.cenId) && enterprise(x.cenId));
  assert.ok(c, 'a CEN without a flow log');
  const router = enterprise(c.cenId)!;
  return { cenId: c.cenId, regionId: router.regionId, transitRouterId: router.transitRouterId, projectName: 'restart-flowlogs', logStoreName: 'restart' };
}
