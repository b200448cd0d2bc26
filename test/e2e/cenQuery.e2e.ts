/**
 * Query a CEN (issue 20), as a person would in a real VS Code against the emulator: *Query CEN…*
 * from the CEN's context menu in the explorer opens one panel over every flow log of the CEN; a
 * search shows records of more than one flow log (the `flow_log` column) and says it shows every
 * capture; SQL top talkers equal the sums over the generator's records counted once per flow, as
 * the region map counts them, and the status line says so; approx_percentile is refused before
 * running, positioned, and "Run per flow log…" runs it on the flow log picked. From the palette
 * (a quick pick of CENs), and the CEN panel comes back with its text after "Reload Window".
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { editorText, gridText, pick, QUERY_TIMEOUT_MS, runAndWait, shownRange, typeQuery } from './harness/queryWorkbench';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { eachFlowOnce } from '../support/eachFlowOnce';
import { regionTrafficQuery } from '../../src/flowlogs/regionTraffic';

const CEN = 'prod-backbone';
const FLOW_LOG = 'prod-backbone-flowlog';
const TOP_TALKERS = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 10';
const PERCENTILE = '* | select approx_percentile(bytes, 0.9) as p90';

/** The flow logs of the CEN that hold records (the emulator writes them while Active), with where they capture. */
function activeFlowLogs(vs: VsCodeSession): { flowLogId: string; regionId: string; attachmentId?: string }[] {
  const cen = vs.emulator.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === CEN);
  assert.ok(cen, `the demo has ${CEN}`);
  return vs.emulator.context.cen
    .listFlowLogs()
    .filter((f) => f.cenId === cen.cenId && f.status === 'Active')
    .map((f) => ({ flowLogId: f.flowLogId, regionId: f.regionId, ...(f.attachment ? { attachmentId: f.attachment.id } : {}) }));
}

/** The region-pair aggregations (how a CEN's SQL counts each flow once) the emulator's Log Service evaluates, with their ranges. */
function recordPairAggregations(vs: VsCodeSession): { seen: { from: number; to: number }[]; stop(): void } {
  const store = vs.emulator.context.sls;
  const original = store.query;
  const statements = new Set([regionTrafficQuery(false, false), regionTrafficQuery(false, true)]);
  const seen: { from: number; to: number }[] = [];
  store.query = function (this: typeof store, ...args: Parameters<typeof store.query>) {
    if (statements.has(args[1].query)) seen.push({ from: args[1].from, to: args[1].to });
    return original.apply(this, args);
  };
  return { seen, stop: () => void (store.query = original) };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first visible row's value of a column after sorting by it (a header click sorts; a second reverses). */
async function firstAfterSort(frame: FrameLocator, column: string): Promise<string> {
  await frame.locator('.grid-header .grid-hname', { hasText: new RegExp(`^${column}$`) }).click();
  const { columns, rows } = await gridText(frame);
  return rows[0]?.[columns.indexOf(column)] ?? '';
}

describe('query a CEN', () => {
  const vs = useVsCode();

  it('Query CEN… from the tree: search and SQL over every flow log, approx_percentile refused and run per flow log', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.openViewContainer('CEN Flow Logs');
    await vs.treeRow(CEN).first().waitFor({ state: 'visible', timeout: 90_000 });
    await vs.contextMenu(CEN, 'Query CEN…');
    const frame = await vs.webviewFrame(`Query: ${CEN}`);
    await frame.locator('.target-subtitle', { hasText: /flow logs in/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });

    // Search: the newest records first; a page more reaches past the newest windows of the 1-minute flow log.
    await typeQuery(vs, frame, '*');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    await frame.locator('[data-testid=load-more]').click();
    await frame.locator('[data-testid=status-rows]', { hasText: /^\s*2,1\d\d rows/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const { columns } = await gridText(frame);
    assert.deepEqual(columns.slice(0, 2), ['flow_log', 'flow_log_region']);
    const first = await firstAfterSort(frame, 'flow_log');
    const last = await firstAfterSort(frame, 'flow_log');
    assert.ok(first && last && first !== last, `rows of more than one flow log (${first}, ${last})`);
    await frame.locator('[data-testid=status-counting]', { hasText: /Every capture/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // SQL: top talkers merged over every flow log equal the sums over the generator's records, each flow once.
    // Typing the statement fetches ahead how each flow is counted (the region-pair aggregation), so the Run pays one round trip.
    const asked = recordPairAggregations(vs);
    let atRun: number;
    try {
      await typeQuery(vs, frame, TOP_TALKERS);
      await waitFor(() => asked.seen.length > 0, QUERY_TIMEOUT_MS, 'the pair aggregation asked ahead, before the Run');
      atRun = asked.seen.length;
      assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    } finally {
      asked.stop();
    }
    const range = await shownRange(frame);
    const forRange = (a: { from: number; to: number }): boolean => a.from === range.from && a.to === range.to;
    if (asked.seen.slice(0, atRun).some(forRange)) {
      assert.deepEqual(asked.seen.slice(atRun).filter(forRange), [], 'the Run did not ask the pair aggregation again');
    } else {
      // A capture window closed between the typing and the Run (rare): the Run's range was not the one fetched ahead.
      assert.ok(asked.seen.slice(atRun).some(forRange), `the Run counted over its own range ${JSON.stringify(range)}: ${JSON.stringify(asked.seen)}`);
    }
    const sums = new Map<string, number>();
    const counted = eachFlowOnce(activeFlowLogs(vs), (f) => vs.emulator.context.sls.generatedRows(f.flowLogId, range.from, range.to));
    for (const r of [...counted.values()].flat()) sums.set(r.srcaddr, (sums.get(r.srcaddr) ?? 0) + (r.bytes ?? 0));
    const expected = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([src, b]) => [src, String(b)]);
    await frame.locator('[data-testid=tab-results]').click();
    const talkers = await gridText(frame);
    assert.deepEqual(talkers.columns, ['srcaddr', 'b']);
    assert.deepEqual(talkers.rows.map((r) => [r[0], r[1].replace(/[^\d]/g, '')]), expected);
    await frame.locator('[data-testid=status-counting]', { hasText: /Each flow counted once, as on the region map: from .*hangzhou-to-beijing left out \(the same traffic\)/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // approx_percentile cannot be merged: refused before running, marked where it is.
    await typeQuery(vs, frame, PERCENTILE);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'refused');
    const banner = frame.locator('[data-testid=query-refused]');
    await banner.locator('text=/Cannot merge across the CEN\'s flow logs: approx_percentile/').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(((await banner.locator('.refusal-position').first().textContent()) ?? '').trim(), `Line 1, column ${PERCENTILE.indexOf('approx_percentile') + 1}`);
    assert.equal(await banner.locator('[data-testid=run-anyway]').count(), 0, 'no "Run anyway" for a merge the product cannot make exact');

    // …and runs on the flow log picked, in its own panel.
    await banner.locator('[data-testid=run-per-flow-log]').click();
    await pick(vs, FLOW_LOG);
    const one = await vs.webviewFrame(`Query: ${FLOW_LOG}`);
    await one.locator('.grid-header .grid-hname', { hasText: /^p90$/ }).waitFor({ state: 'attached', timeout: QUERY_TIMEOUT_MS });
  });

  it('Query CEN… from the palette; the CEN panel and what was typed survive a window reload', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Query CEN…');
    await pick(vs, CEN);
    const frame = await vs.webviewFrame(`Query: ${CEN}`);
    await frame.locator('.target-subtitle', { hasText: /flow logs in/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const query = 'dstport:443 | select dstaddr, count(*) as n group by dstaddr order by n desc limit 5';
    await typeQuery(vs, frame, query);
    // The panel's record is written as the text changes; give it the debounce of the page's state.
    await vs.page.waitForTimeout(1_500);
    await vs.reloadWindow(90_000);
    const after = await vs.webviewFrame(`Query: ${CEN}`);
    await after.locator('.target-subtitle', { hasText: /flow logs in/ }).waitFor({ state: 'visible', timeout: 90_000 });
    await after.locator('[data-testid=query-editor] .cm-content').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await editorText(after), query);
    // Still a CEN panel: it refuses what cannot be merged.
    await typeQuery(vs, after, PERCENTILE);
    assert.equal(await runAndWait(after, () => vs.page.keyboard.press('Control+Enter')), 'refused');
  });
});
