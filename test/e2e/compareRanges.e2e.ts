/**
 * Before / after in a real VS Code against the emulator: *Compare with Earlier Range…* from
 * prod-backbone-flowlog's context menu compares the last 24 hours with the 24 hours before, which
 * span the demo's seeded shift. The seeded talker shows as new and the grown region pair's ratio
 * shows — each number checked against sums computed here from the generator's records — the table
 * sorts from the keyboard, axe finds no serious or critical violation, "same time yesterday" finds
 * the talker too, and Enter on a row opens its records in the query workbench. Then the same page
 * in the dark and high-contrast themes (screenshots in test-results/e2e; the light and dark ones go
 * to docs/ with CEN_FLOW_LOGS_UPDATE_DOCS=1). On a CEN panel the compare covers every flow log of the
 * CEN: the talker is new and its bytes are the sum over all of their records; the compare panel
 * comes back after "Reload Window" with its CEN and form.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { TEST_EMULATOR_OPTIONS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { openExplorer } from './harness/explorerSteps';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { seriousAxeViolations, webviewPageFrame } from './harness/axeAudit';
import { DEMO_TRAFFIC_SHIFT } from '../../emulator/data/trafficShift';
import type { FlowLogView } from '../../emulator/storeSeams';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';
import type { TimeRangeSpec } from '../../src/protocol/messages';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Compare: ${FLOW_LOG}`;
const RESULT_TIMEOUT = 60_000;
const TALKER = DEMO_TRAFFIC_SHIFT.talker.srcaddr;
const PAIR = `${DEMO_TRAFFIC_SHIFT.grownPair.srcRegionId} → ${DEMO_TRAFFIC_SHIFT.grownPair.dstRegionId}`;

function flowLogOf(vs: VsCodeSession): FlowLogView {
  const cen = [...vs.emulator.context.cen.cens.values()].find((c) => c.name === DEMO_TRAFFIC_SHIFT.cenName);
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.cenId === cen?.cenId && x.regionId === 'cn-hangzhou' && !x.attachment);
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return f;
}

/** Bytes per key over the records of [from, to), for each clock the panel may have resolved its range at. */
type Side = 'current' | 'previousPeriod';

function expectedBytes(vs: VsCodeSession, spec: TimeRangeSpec, side: Side, clocks: readonly number[], key: (r: FlowRow) => string): Map<string, number>[] {
  const f = flowLogOf(vs);
  return clocks.map((ms) => {
    const r = resolveWorkbenchRange(spec, f.interval, new Date(ms));
    // The previous period: as long as the (snapped) current range, ending where it starts.
    const [from, to] = side === 'current' ? [r.from, r.to] : [r.from - (r.to - r.from), r.from];
    const m = new Map<string, number>();
    for (const row of vs.emulator.context.sls.generatedRows(f.flowLogId, from, to)) m.set(key(row), (m.get(key(row)) ?? 0) + (row.bytes ?? 0));
    return m;
  });
}

/** The talker's bytes over every Active flow log of the demo CEN in the range as resolved at each clock (the CEN's coarsest window: 600 s). */
function cenTalkerBytes(vs: VsCodeSession, spec: TimeRangeSpec, clocks: readonly number[]): number[] {
  const cen = vs.emulator.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === DEMO_TRAFFIC_SHIFT.cenName) ?? assert.fail('the demo CEN');
  const flowLogs = vs.emulator.context.cen.listFlowLogs().filter((f) => f.cenId === cen.cenId && f.status === 'Active');
  const interval = Math.max(...flowLogs.map((f) => f.interval));
  return clocks.map((ms) => {
    const r = resolveWorkbenchRange(spec, interval, new Date(ms));
    let sum = 0;
    for (const f of flowLogs) for (const row of vs.emulator.context.sls.generatedRows(f.flowLogId, r.from, r.to)) if (row.srcaddr === TALKER) sum += row.bytes ?? 0;
    return sum;
  });
}

/** The exact bytes a row shows (its cell's title), in the Earlier or Current column. */
async function cellBytes(frame: FrameLocator, rowKey: string, column: 'earlier' | 'current'): Promise<number> {
  const title = (await row(frame, rowKey).locator(`[data-column=${column}]`).getAttribute('title')) ?? '';
  return Number(title.replace(/[^0-9]/g, ''));
}

function row(frame: FrameLocator, key: string) {
  return frame.locator(`[data-testid=compare-row][data-key="${key}"]`);
}

async function runAndWait(frame: FrameLocator, waitForKey: string): Promise<{ started: number; done: number }> {
  const started = Date.now();
  await frame.locator('[data-testid=compare-run]').click();
  await row(frame, waitForKey).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
  return { started, done: Date.now() };
}

/** From the flow log's context menu: the compare page, its first answer (by talker) shown. */
async function openCompare(vs: VsCodeSession): Promise<FrameLocator> {
  await openExplorer(vs);
  await vs.expandTreeItem('prod-backbone');
  await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
  await vs.contextMenu(FLOW_LOG, 'Compare with Earlier Range…');
  const frame = await vs.webviewFrame(TAB);
  await row(frame, TALKER).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
  return frame;
}

describe('before / after compare', { timeout: 900_000 }, () => {
  // Two days and a bit of records (the last 24 hours and the day before), at a lighter rate.
  const vs = useVsCode({ emulator: { ...TEST_EMULATOR_OPTIONS, historyDays: 2.1, recordsPerHour: 600 } });

  it('finds the seeded shift: the talker is new, the pair about doubles; sorts by keyboard; a row opens its records', async () => {
    const opened = Date.now();
    // Opened from the tree it compares the last 24 hours with the previous period at once, by talker.
    const frame = await openCompare(vs);
    const ranAt = [opened, Date.now()];
    assert.equal(await frame.locator('[data-testid=compare-range]').inputValue(), '24h');
    assert.equal(await frame.locator('[data-testid=compare-earlier]').inputValue(), 'previousPeriod');
    assert.equal(await row(frame, TALKER).getAttribute('data-status'), 'new');
    assert.match((await row(frame, TALKER).locator('[data-column=change]').textContent()) ?? '', /new/);
    const day: TimeRangeSpec = { kind: 'quick', minutes: 1440 };
    const current = expectedBytes(vs, day, 'current', ranAt, (r) => r.srcaddr);
    const earlier = expectedBytes(vs, day, 'previousPeriod', ranAt, (r) => r.srcaddr);
    assert.ok(earlier.every((m) => !m.has(TALKER)), 'the records: no talker in the day before the shift');
    const shown = await cellBytes(frame, TALKER, 'current');
    assert.ok(current.some((m) => m.get(TALKER) === shown), `talker's bytes ${shown} vs the records' ${current.map((m) => m.get(TALKER)).join(' or ')}`);
    assert.equal(await cellBytes(frame, TALKER, 'earlier'), 0);
    const status = (await frame.locator('[data-testid=compare-status]').textContent()) ?? '';
    assert.match(status, /\d+ entries · [1-9]\d* new/);
    await screenshotForDocs(vs, 'compare-before-after');
    assert.deepEqual(await seriousAxeViolations(await webviewPageFrame(vs, '#app .compare-heading')), [], 'no serious or critical axe violation with a result');

    // By region pair: the grown pair's ratio is what the records say, about 2.
    await frame.locator('[data-testid=compare-dimension]').selectOption('regionPair');
    const pairRun = await runAndWait(frame, PAIR);
    const pairKey = (r: FlowRow) => `${r.srcRegionId} → ${r.dstRegionId}`;
    const [pairAfter, pairBefore] = [expectedBytes(vs, day, 'current', [pairRun.started, pairRun.done], pairKey), expectedBytes(vs, day, 'previousPeriod', [pairRun.started, pairRun.done], pairKey)];
    const ratios = pairAfter.map((m, i) => (m.get(PAIR) ?? 0) / (pairBefore[i].get(PAIR) ?? 1));
    const ratioText = ((await row(frame, PAIR).locator('[data-column=ratio]').textContent()) ?? '').trim();
    assert.ok(ratios.some((r) => ratioText === `×${r.toFixed(2)}`), `pair ratio shown ${ratioText}, records ${ratios.map((r) => r.toFixed(3)).join(' or ')}`);
    assert.ok(ratios.every((r) => Math.abs(r - 2) < 0.35), `${PAIR} about doubled: ${ratios.join(', ')}`);
    assert.match(((await row(frame, PAIR).locator('[data-column=difference]').textContent()) ?? '').trim(), /^\+/);

    // Sorting from the keyboard: Tab to the Ratio header, Enter sorts descending, again ascending.
    const ratioHeader = frame.locator('[data-testid=compare-sort-ratio]');
    await ratioHeader.focus();
    await vs.page.keyboard.press('Enter');
    await frame.locator('th[aria-sort=descending] [data-testid=compare-sort-ratio]').waitFor({ timeout: UI_TIMEOUT_MS });
    const byRatio = await frame.locator('[data-testid=compare-row] [data-column=ratio]').allTextContents();
    const numbers = byRatio.map((t) => (t.trim() === '—' ? Number.POSITIVE_INFINITY : Number(t.replace('×', ''))));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), `rows by ratio, descending: ${byRatio.join(' ')}`);
    await vs.page.keyboard.press('Enter');
    await frame.locator('th[aria-sort=ascending] [data-testid=compare-sort-ratio]').waitFor({ timeout: UI_TIMEOUT_MS });

    // The last hour against the same hour yesterday (before the shift): the talker is new there too.
    await frame.locator('[data-testid=compare-dimension]').selectOption('source');
    await frame.locator('[data-testid=compare-range]').selectOption('1h');
    await frame.locator('[data-testid=compare-earlier]').selectOption('sameTimeYesterday');
    await frame.locator('[data-testid=compare-run]').click();
    // The notes name the compared ranges once the answer is in: the last hour snapped outward to whole windows, and the same a day earlier.
    await frame.locator('.compare-notes').filter({ hasText: /Current: .*\(1 h( \d+ min)?\)\. Earlier: .*\(1 h( \d+ min)?\)\./ }).waitFor({ timeout: RESULT_TIMEOUT });
    await row(frame, TALKER).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
    assert.equal(await row(frame, TALKER).getAttribute('data-status'), 'new');

    // A picked earlier range that overlaps the current one: a message beside the field, the text kept.
    await frame.locator('[data-testid=compare-earlier]').selectOption('picked');
    const typed = 'last 2 hours';
    await frame.locator('[data-testid=compare-picked]').fill(typed);
    await frame.locator('[data-testid=compare-run]').click();
    await frame.locator('[data-testid=compare-picked-error]').filter({ hasText: /overlaps/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await frame.locator('[data-testid=compare-picked]').inputValue(), typed);
    assert.equal(await frame.locator('[data-testid=compare-picked]').getAttribute('aria-invalid'), 'true');

    // Enter on the talker's row opens its records in the query workbench.
    const answered = vs.emulator.context.answeredQueries.length;
    await row(frame, TALKER).focus();
    await vs.page.keyboard.press('Enter');
    await vs.page.locator('.tabs-container .tab', { hasText: `Query: ${FLOW_LOG}` }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const deadline = Date.now() + RESULT_TIMEOUT;
    while (!vs.emulator.context.answeredQueries.slice(answered).some((q) => q.query.includes(`srcaddr:${TALKER}`)) && Date.now() < deadline) await vs.page.waitForTimeout(200);
    assert.ok(vs.emulator.context.answeredQueries.slice(answered).some((q) => q.query.includes(`srcaddr:${TALKER}`)), 'the workbench ran the row\'s search');
  });

  it('reads in the dark and high-contrast themes: the new talker marked, no serious axe violation', async () => {
    for (const [theme, name] of [['Default Dark Modern', 'compare-dark'], ['Default High Contrast', 'compare-high-contrast']] as const) {
      await vs.reopen({ settings: { 'workbench.colorTheme': theme } });
      const frame = await openCompare(vs);
      assert.equal(await row(frame, TALKER).getAttribute('data-status'), 'new');
      await screenshotForDocs(vs, name);
      assert.deepEqual(await seriousAxeViolations(await webviewPageFrame(vs, '#app .compare-heading')), [], `${theme}: no serious or critical axe violation`);
    }
  });

  it('on a CEN panel: compares the whole CEN, finds the talker new with its bytes over every flow log, and comes back after Reload Window', async () => {
    await openExplorer(vs);
    await vs.contextMenu(DEMO_TRAFFIC_SHIFT.cenName, 'Query CEN…');
    const wb = await vs.webviewFrame(`Query: ${DEMO_TRAFFIC_SHIFT.cenName}`);
    await wb.locator('.target-subtitle', { hasText: /flow logs in/ }).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
    await vs.runCommand('CEN Flow Logs: Compare with Earlier Range…');
    const tab = `Compare: ${DEMO_TRAFFIC_SHIFT.cenName}`;
    const frame = await vs.webviewFrame(tab);
    // The last 24 hours against the 24 hours before: they span the shift.
    await frame.locator('[data-testid=compare-dimension]').selectOption('source');
    await frame.locator('[data-testid=compare-range]').selectOption('24h');
    await frame.locator('[data-testid=compare-earlier]').selectOption('previousPeriod');
    const run = await runAndWait(frame, TALKER);
    await frame.locator('[data-testid=compare-status]', { hasText: /new/ }).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
    assert.equal(await row(frame, TALKER).getAttribute('data-status'), 'new');
    // How the CEN's flows were counted, as on the CEN panel's status line.
    await frame.locator('.compare-notes p', { hasText: /^Each flow counted once, as on the region map: from / }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const shown = await cellBytes(frame, TALKER, 'current');
    const expected = cenTalkerBytes(vs, { kind: 'quick', minutes: 1440 }, [run.started, run.done]);
    assert.ok(expected.includes(shown), `talker's bytes ${shown} vs the CEN's records' ${expected.join(' or ')}`);
    assert.equal(await cellBytes(frame, TALKER, 'earlier'), 0);

    // The CEN's query panel stays open behind the compare view: both come back, the compare view in front.
    await vs.reloadWindow(90_000);
    // The webview in front, without clicking a tab: the compare view, not the query panel reopened over it.
    await row(await vs.webviewFrame(), TALKER).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
    assert.equal(await vs.page.locator('.tabs-container .tab.active', { hasText: tab }).count(), 1, 'the compare view is still the active tab');
    assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: `Query: ${DEMO_TRAFFIC_SHIFT.cenName}` }).count(), 1, 'one CEN query panel tab, no duplicate');
    const after = await vs.webviewFrame(tab);
    await row(after, TALKER).waitFor({ state: 'visible', timeout: RESULT_TIMEOUT });
    assert.equal(await after.locator('[data-testid=compare-range]').inputValue(), '24h');
    assert.equal(await after.locator('[data-testid=compare-dimension]').inputValue(), 'source');
    assert.equal(await row(after, TALKER).getAttribute('data-status'), 'new');
  });
});
