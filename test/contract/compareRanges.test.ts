/**
 * Before / after against the emulator: the two aggregations run through the real SLS client (and
 * its shared request limiter), and the compare is checked against sums computed here from the
 * generator's records. The demo's seeded shift must show: its talker new, its pair about doubled.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import { RequestLimiter } from '../../src/cloud/requestLimiter';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import type { FlowLogView } from '../../emulator/storeSeams';
import { DEMO_TRAFFIC_SHIFT } from '../../emulator/data/trafficShift';
import { runCompare, type CompareOutcome } from '../../src/query/compareRun';
import { earlierRange } from '../../src/query/compareRange';
import { logstoreCompareSource, targetCompareSource } from '../../src/views/compare/compareSources';
import { targetQueries } from '../../src/views/workbench/targetQueries';
import { buildCenTarget } from '../../src/views/workbench/workbenchTarget';
import type { CompareDimension } from '../../src/query/compareQuery';
import { CURRENT_FIELDS } from '../../src/flowlogs/catalog';
import { eachFlowOnce } from '../support/eachFlowOnce';

const DAY = 86_400;
let emu: TestEmulator;
let limiter: RequestLimiter;
let flowLog: FlowLogView;
let source: ReturnType<typeof logstoreCompareSource>;
/** The end of the newest window certainly written: the compare and the sums below see the same records. */
let end: number;

before(async () => {
  // Two days and a bit: the last 24 hours and the 24 hours before them.
  emu = await startTestEmulator({ historyDays: 2.1, recordsPerHour: 1500 });
  limiter = new RequestLimiter(2);
  const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter, retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 5 } });
  const cen = [...emu.context.cen.cens.values()].find((c) => c.name === DEMO_TRAFFIC_SHIFT.cenName) ?? assert.fail('the demo CEN');
  const hangzhou = emu.context.cen.listFlowLogs().filter((f) => f.cenId === cen.cenId && f.regionId === 'cn-hangzhou' && !f.attachment);
  flowLog = hangzhou[0] ?? assert.fail('prod-backbone-flowlog: the router-level flow log in cn-hangzhou');
  source = logstoreCompareSource(async () => sls, {
    title: 'prod-backbone-flowlog',
    regionId: flowLog.regionId,
    projectName: flowLog.projectName,
    logStoreName: flowLog.logStoreName,
    interval: flowLog.interval,
    fields: CURRENT_FIELDS.map((f) => f.name),
  });
  end = Math.floor(Date.now() / 1000 / 600) * 600 - 600;
});
after(() => emu.close());

function rows(from: number, to: number): FlowRow[] {
  return emu.context.sls.generatedRows(flowLog.flowLogId, from, to);
}

function bytesBy(records: readonly FlowRow[], key: (r: FlowRow) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) m.set(key(r), (m.get(key(r)) ?? 0) + (r.bytes ?? 0));
  return m;
}

/** Every entry of the outcome equals the independent sums, and new/vanished follow key presence. */
function assertMatchesRecords(outcome: CompareOutcome, key: (r: FlowRow) => string): { before: Map<string, number>; after: Map<string, number> } {
  const before = bytesBy(rows(outcome.earlier.from, outcome.earlier.to), key);
  const after = bytesBy(rows(outcome.current.from, outcome.current.to), key);
  const keys = new Set([...before.keys(), ...after.keys()]);
  assert.equal(outcome.entries.length, keys.size, 'one entry per key of either range');
  for (const e of outcome.entries) {
    const k = e.key.join('>');
    assert.equal(e.earlierBytes, before.get(k) ?? 0, `${k}: earlier bytes`);
    assert.equal(e.currentBytes, after.get(k) ?? 0, `${k}: current bytes`);
    assert.equal(e.status, !before.has(k) ? 'new' : !after.has(k) ? 'vanished' : 'both', `${k}: status`);
  }
  assert.equal(outcome.truncated, false);
  return { before, after };
}

async function compare(dimension: CompareDimension, current: { from: number; to: number }, choice: Parameters<typeof earlierRange>[1]): Promise<CompareOutcome> {
  const earlier = earlierRange(current, choice, flowLog.interval);
  if (!earlier.ok) assert.fail(earlier.message);
  return runCompare(source, dimension, current, earlier.range, new AbortController().signal);
}

describe('before / after ⇄ emulator', () => {
  test('last 24 hours vs the 24 hours before, by talker: the seeded talker is new, every total equals the records', async () => {
    const outcome = await compare('source', { from: end - DAY, to: end }, { kind: 'previousPeriod' });
    assert.deepEqual(outcome.earlier, { from: end - 2 * DAY, to: end - DAY });
    const { before, after } = assertMatchesRecords(outcome, (r) => r.srcaddr);
    const talker = outcome.entries.find((e) => e.key[0] === DEMO_TRAFFIC_SHIFT.talker.srcaddr) ?? assert.fail('the seeded talker is in the compare');
    assert.equal(before.has(DEMO_TRAFFIC_SHIFT.talker.srcaddr), false, 'the records have no talker before the shift');
    assert.equal(talker.status, 'new');
    assert.equal(talker.ratio, null);
    assert.equal(talker.currentBytes, after.get(DEMO_TRAFFIC_SHIFT.talker.srcaddr));
    // "Substantial": among the ten biggest changes of the day.
    assert.ok(outcome.entries.slice(0, 10).includes(talker), 'the talker is among the ten biggest changes');
  });

  test('by region pair: the seeded pair about doubles, and the compare says so exactly as the records do', async () => {
    const outcome = await compare('regionPair', { from: end - DAY, to: end }, { kind: 'previousPeriod' });
    const { before, after } = assertMatchesRecords(outcome, (r) => `${r.srcRegionId}>${r.dstRegionId}`);
    const { srcRegionId, dstRegionId } = DEMO_TRAFFIC_SHIFT.grownPair;
    const k = `${srcRegionId}>${dstRegionId}`;
    const pair = outcome.entries.find((e) => e.key.join('>') === k) ?? assert.fail(`${k} in the compare`);
    const expected = (after.get(k) ?? 0) / (before.get(k) ?? 1);
    assert.equal(pair.ratio, expected);
    assert.ok(Math.abs(expected - 2) < 0.3, `${k} about doubled (×${expected.toFixed(3)})`);
    // Every other pair the flow log sees (no talker on it) stays within ordinary day-to-day change.
    for (const e of outcome.entries) if (e !== pair && e.key[1] !== DEMO_TRAFFIC_SHIFT.talker.dstRegionId) assert.ok(e.ratio !== null && e.ratio < 1.5, `${e.key.join('>')} ×${e.ratio}`);
  });

  test('last hour vs the same time yesterday (before the shift): the talker is new there too; by port matches the records', async () => {
    const current = { from: end - 3600, to: end };
    const bySource = await compare('source', current, { kind: 'sameTimeYesterday' });
    assert.deepEqual(bySource.earlier, { from: end - 3600 - DAY, to: end - DAY });
    assertMatchesRecords(bySource, (r) => r.srcaddr);
    assert.equal(bySource.entries.find((e) => e.key[0] === DEMO_TRAFFIC_SHIFT.talker.srcaddr)?.status, 'new');
    const byPort = await compare('port', current, { kind: 'sameTimeYesterday' });
    assertMatchesRecords(byPort, (r) => `${r.dstport}>${r.protocol}`);
  });

  test('both range queries wait for the shared limiter, and a cancel while they wait sends nothing', async () => {
    const tight = new RequestLimiter(1);
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter: tight });
    const limited = logstoreCompareSource(async () => sls, source.target);
    let release!: () => void;
    const held = tight.run(() => new Promise<void>((resolve) => (release = resolve)));
    const answeredBefore = emu.context.answeredQueries.length;
    const abort = new AbortController();
    const cancelled = runCompare(limited, 'source', { from: end - 3600, to: end }, { from: end - 7200, to: end - 3600 }, abort.signal);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(tight.waiting, 2, 'both queries queue for the one slot');
    abort.abort();
    await assert.rejects(cancelled, (e: Error & { kind?: string }) => e.kind === 'cancelled' || /cancel/i.test(e.message));
    assert.equal(tight.waiting, 0, 'a cancelled query leaves the queue');
    const ran = runCompare(limited, 'source', { from: end - 3600, to: end }, { from: end - 7200, to: end - 3600 }, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(emu.context.answeredQueries.length, answeredBefore, 'nothing reached the service while the slot was held');
    release();
    await held;
    const outcome = await ran;
    assert.ok(outcome.entries.length > 0);
    assert.equal(emu.context.answeredQueries.length, answeredBefore + 2, 'two aggregations, one per range');
  });

  test("a CEN panel's compare: every Active flow log of the CEN merged, each total equals the sum over their records counted once per flow (as on the region map), the talker new", async () => {
    const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, limiter, retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 5 } });
    const members = emu.context.cen
      .listFlowLogs()
      .filter((f) => f.cenId === flowLog.cenId && f.status === 'Active')
      .map((f) => ({
        flowLogId: f.flowLogId,
        title: f.flowLogId,
        regionId: f.regionId,
        projectName: f.projectName,
        logStoreName: f.logStoreName,
        interval: f.interval,
        transitRouterId: f.transitRouterId,
        ...(f.attachment ? { transitRouterAttachmentId: f.attachment.id } : {}),
      }));
    assert.ok(members.length >= 2, `several Active flow logs in the CEN (${members.length})`);
    const target = buildCenTarget(flowLog.cenId, 'prod-backbone', members, []);
    const cenSource = targetCompareSource(targetQueries(async () => sls, target), { title: target.title, interval: 600, fields: CURRENT_FIELDS.map((f) => f.name) });
    const current = { from: end - DAY, to: end };
    const earlier = earlierRange(current, { kind: 'previousPeriod' }, 600);
    if (!earlier.ok) assert.fail(earlier.message);
    const outcome = await runCompare(cenSource, 'source', current, earlier.range, new AbortController().signal);
    // Each flow once: the Hangzhou router's flow log and its Beijing connection's capture the same pair.
    const union = (from: number, to: number): FlowRow[] => {
      const capturing = members.map((m) => ({ flowLogId: m.flowLogId, regionId: m.regionId, ...(m.transitRouterAttachmentId ? { attachmentId: m.transitRouterAttachmentId } : {}) }));
      return [...eachFlowOnce(capturing, (f) => emu.context.sls.generatedRows(f.flowLogId, from, to)).values()].flat();
    };
    const before = bytesBy(union(outcome.earlier.from, outcome.earlier.to), (r) => r.srcaddr);
    const after = bytesBy(union(outcome.current.from, outcome.current.to), (r) => r.srcaddr);
    assert.equal(outcome.entries.length, new Set([...before.keys(), ...after.keys()]).size, 'one entry per talker of either range, over every flow log');
    for (const e of outcome.entries) {
      assert.equal(e.earlierBytes, before.get(e.key[0] ?? '') ?? 0, `${e.key[0]}: earlier bytes`);
      assert.equal(e.currentBytes, after.get(e.key[0] ?? '') ?? 0, `${e.key[0]}: current bytes`);
    }
    assert.equal(outcome.entries.find((e) => e.key[0] === DEMO_TRAFFIC_SHIFT.talker.srcaddr)?.status, 'new');
    // The compare page says how the flows were counted, as the CEN panel's status line does.
    assert.match(outcome.counting ?? '', /^Each flow counted once, as on the region map: from /);
  });
});
