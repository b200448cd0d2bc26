/**
 * The query workbench driven as a person would, in a real VS Code against the emulator: opened
 * from the explorer (context menu) and from the flow log's details ("Open Query"); zoom by
 * dragging across the histogram and from the keyboard; a click on an IP in the grid narrows the
 * query (after the IP's column is narrowed from the keyboard: its text is cut to fit, whole in its
 * accessible name); a query the local checks find wrong is not sent (the emulator sees no query request)
 * until the user picks "Run anyway", and warnings never hold a query back.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { recordQueryRequests } from './harness/queryRequests';
import { editorText, gridText, pick, QUERY_TIMEOUT_MS, runAndWait, shownRange, typeQuery } from './harness/queryWorkbench';
import type { FlowLogView } from '../../emulator/cen/store';
import { rangeForDrag } from '../../webview/histogram/histogramScale';
import { toLocalInput } from '../../webview/timeRange/rangeChoices';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';

const CEN = 'prod-backbone';
const FLOW_LOG = 'prod-backbone-flowlog';
const ROUTER = 'China (Hangzhou) (cn-hangzhou)';
const TAB = `Query: ${FLOW_LOG}`;
/** Counts and the time span of what a run returned, to compare with the generator's records. */
const SPAN_QUERY = '* | select count(*) as n, min(__time__) as lo, max(__time__) as hi';

function flowLogOf(vs: VsCodeSession): FlowLogView {
  // The demo's first Active flow log in cn-hangzhou (prod-backbone-flowlog).
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return f;
}

/** Opens the explorer and waits for the tree's first load (activation and the SDK chunk can be slow). */
async function openExplorer(vs: VsCodeSession): Promise<void> {
  await vs.openViewContainer('CEN Flow Logs');
  await vs.treeRow(CEN).first().waitFor({ state: 'visible', timeout: 90_000 });
  await vs.expandTreeItem(CEN);
  // Flow logs sit under their transit router (issue 18).
  await vs.expandTreeItem(ROUTER);
  await vs.treeItem(FLOW_LOG);
}

/** The workbench of FLOW_LOG, once its webview has received the target (title shown). */
async function workbenchFrame(vs: VsCodeSession): Promise<FrameLocator> {
  const frame = await vs.webviewFrame(TAB);
  await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  return frame;
}

/** What the host resolves an absolute range to (snapped outwards to capture windows). */
function snapped(vs: VsCodeSession, r: { from: number; to: number }): { from: number; to: number } {
  const resolved = resolveWorkbenchRange({ kind: 'absolute', from: r.from, to: r.to }, flowLogOf(vs).interval, new Date());
  return { from: resolved.from, to: resolved.to };
}

/** Runs SPAN_QUERY (whatever range is set) and checks the answer against the generator for the range the page shows. */
async function checkSpanResult(vs: VsCodeSession, frame: FrameLocator): Promise<{ from: number; to: number }> {
  const range = await shownRange(frame);
  const { columns, rows } = await gridText(frame);
  assert.deepEqual(columns, ['n', 'lo', 'hi']);
  assert.equal(rows.length, 1);
  const [n, lo, hi] = rows[0].map(Number);
  const f = flowLogOf(vs);
  const expected = vs.emulator.context.sls.generatedRows(f.flowLogId, range.from, range.to);
  assert.ok(n > 0, 'records in the range');
  assert.equal(n, expected.length, `count in ${range.from}–${range.to} is the generator's`);
  assert.ok(lo >= range.from && hi < range.to, `every record (${lo}…${hi}) is inside ${range.from}–${range.to}`);
  return range;
}

describe('query workbench interactions', () => {
  const vs = useVsCode();

  it('opens from the flow log details\' "Open Query" and from the explorer\'s context menu', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await openExplorer(vs);
    await vs.contextMenu(FLOW_LOG, 'View Flow Log');
    const openQuery = vs.page.locator('.editor-group-container.active .editor-actions a.action-label[aria-label^="Open Query"]');
    await openQuery.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await openQuery.first().click();
    const frame = await workbenchFrame(vs);
    const f = flowLogOf(vs);
    await frame.locator('.target-subtitle', { hasText: `${f.projectName} / ${f.logStoreName}` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // Closed, then opened again from the tree's context menu.
    await vs.runCommand('View: Close All Editors');
    await vs.page.locator('.tabs-container .tab', { hasText: TAB }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await vs.contextMenu(FLOW_LOG, 'Open Query Workbench');
    const again = await workbenchFrame(vs);
    await typeQuery(vs, again, SPAN_QUERY);
    assert.equal(await runAndWait(again, () => vs.page.keyboard.press('Control+Enter')), 'done');
    await checkSpanResult(vs, again);
  });

  it('dragging across the histogram, or choosing buckets with the keyboard, zooms to exactly that range', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await openExplorer(vs);
    await vs.contextMenu(FLOW_LOG, 'Open Query Workbench');
    const frame = await workbenchFrame(vs);
    await typeQuery(vs, frame, SPAN_QUERY);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const hour = await checkSpanResult(vs, frame);

    // The buckets the histogram drew are the emulator's for that range; drag from the middle of
    // one bucket to the middle of another, a third and two thirds of the way across.
    const f = flowLogOf(vs);
    const ls = vs.emulator.context.sls.projects.get(f.projectName)?.logstores.get(f.logStoreName);
    assert.ok(ls, 'the flow log logstore exists');
    const buckets = await vs.emulator.context.sls.histogram(ls, hour.from, hour.to, '*');
    const canvas = frame.locator('[data-testid=histogram] canvas');
    await canvas.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const box = await canvas.boundingBox();
    assert.ok(box, 'the histogram is on screen');
    const centre = (i: number): number => ((buckets[i].from + buckets[i].to) / 2 - hour.from) / (hour.to - hour.from) * box.width;
    const [i, j] = [Math.floor(buckets.length / 3), Math.floor((buckets.length * 2) / 3)];
    const dragged = rangeForDrag(buckets, box.width, centre(i), centre(j));
    assert.deepEqual(dragged, { from: buckets[i].from, to: buckets[j].to }, 'the drag covers buckets i..j');

    const y = box.y + box.height / 2;
    const state = await runAndWait(frame, async () => {
      await vs.page.mouse.move(box.x + centre(i), y);
      await vs.page.mouse.down();
      await vs.page.mouse.move(box.x + (centre(i) + centre(j)) / 2, y, { steps: 4 });
      await vs.page.mouse.move(box.x + centre(j), y, { steps: 4 });
      await vs.page.mouse.up();
    });
    assert.equal(state, 'done');
    // The picker now holds the dragged range as an absolute one; the run used it, snapped to windows.
    await frame.locator('input[aria-label=From]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await frame.locator('input[aria-label=From]').inputValue(), toLocalInput(dragged.from));
    assert.equal(await frame.locator('input[aria-label=To]').inputValue(), toLocalInput(dragged.to));
    const zoomed = await checkSpanResult(vs, frame);
    assert.deepEqual({ from: zoomed.from, to: zoomed.to }, snapped(vs, dragged));
    assert.ok(zoomed.to - zoomed.from < hour.to - hour.from, 'narrower than the hour');
    await screenshotForDocs(vs, 'workbench-histogram-zoom');

    // Keyboard: Tab stop on the histogram, → picks the first bucket, → moves, Shift+→ extends, Enter zooms.
    const histogram = frame.locator('[data-testid=histogram]');
    await histogram.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight']) await vs.page.keyboard.press(key);
    const zoomedBuckets = await vs.emulator.context.sls.histogram(ls, zoomed.from, zoomed.to, '*');
    const expected = { from: zoomedBuckets[1].from, to: zoomedBuckets[3].to };
    assert.equal(await histogram.getAttribute('data-selection-from'), String(expected.from));
    assert.equal(await histogram.getAttribute('data-selection-to'), String(expected.to));
    assert.match((await frame.locator('[data-testid=histogram-selection]').textContent()) ?? '', /3 buckets\. Enter zooms, Escape clears\./);
    // Escape clears (and cancels nothing); the selection starts over.
    await vs.page.keyboard.press('Escape');
    assert.equal(await histogram.getAttribute('data-selection-from'), null);
    for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight']) await vs.page.keyboard.press(key);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Enter')), 'done');
    assert.equal(await frame.locator('input[aria-label=From]').inputValue(), toLocalInput(expected.from));
    assert.equal(await frame.locator('input[aria-label=To]').inputValue(), toLocalInput(expected.to));
    const byKeyboard = await checkSpanResult(vs, frame);
    assert.deepEqual({ from: byKeyboard.from, to: byKeyboard.to }, snapped(vs, expected));
  });

  it('a click on an IP in the results adds it to the query, and the rerun returns only its records', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FLOW_LOG);
    const frame = await workbenchFrame(vs);
    await typeQuery(vs, frame, 'dstport:443');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const first = await gridText(frame);
    const src = first.columns.indexOf('srcaddr');
    assert.ok(src >= 0 && first.rows.length > 0, 'raw records with a srcaddr column');
    const ip = first.rows[0][src];
    assert.match(ip, /^[\d.]+$|:/, 'an IP address');

    // Narrowing the column from the keyboard (Alt+Left) cuts its text to fit: nothing is painted over
    // the next column (cells do not clip, see webview/grid/cellFit.ts) and the whole IP stays the
    // value's accessible name and title.
    const firstRow = frame.locator('.grid-rows .grid-row').first();
    // In the cell's left padding: selects the cell without clicking (filtering by) its value.
    await firstRow.locator('.grid-cell').nth(src).click({ position: { x: 3, y: 5 } });
    for (let i = 0; i < 6; i++) await vs.page.keyboard.press('Alt+ArrowLeft');
    const cell = firstRow.locator('.grid-cell').nth(src).locator('.grid-value.filterable');
    await assert.doesNotReject(cell.filter({ hasText: /…$/ }).waitFor({ timeout: UI_TIMEOUT_MS }), 'the narrowed IP is shown cut, with an ellipsis');
    assert.equal(await cell.getAttribute('aria-label'), ip);
    assert.ok(((await cell.getAttribute('title')) ?? '').startsWith(ip), 'the title shows the whole IP');
    const overflow = await firstRow.locator('.grid-cell:not(.off)').evaluateAll((cells) =>
      cells.filter((c) => {
        const text = c.querySelector('.grid-value')?.getBoundingClientRect();
        const hint = c.querySelector('.grid-hint')?.getBoundingClientRect();
        const right = Math.max(text?.right ?? 0, hint?.right ?? 0);
        return right > c.getBoundingClientRect().right + 0.5;
      }).length,
    );
    assert.equal(overflow, 0, 'no text reaches past its cell');
    assert.equal((await gridText(frame)).rows[0][src], ip, 'the grid still reads the whole value');
    // A double-click on the column's edge fits it to its values again.
    await frame.locator('.grid-header .grid-hcell').nth(src).locator('.grid-resize').dblclick();
    await assert.doesNotReject(cell.filter({ hasText: ip }).waitFor({ timeout: UI_TIMEOUT_MS }), 'the fitted column shows the whole IP');
    assert.equal(await cell.getAttribute('aria-label'), null, 'a whole value needs no separate accessible name');
    await cell.click();
    const query = await editorText(frame);
    assert.ok(query.startsWith('dstport:443 and srcaddr:') && query.includes(ip), `the filter was added: ${query}`);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const after = await gridText(frame);
    const [s, d] = ['srcaddr', 'dstport'].map((c) => after.columns.indexOf(c));
    assert.ok(after.rows.length > 0, 'records for the address');
    assert.ok(after.rows.every((r) => r[s] === ip && r[d] === '443'), 'every record is from that address, to port 443');
    const range = await shownRange(frame);
    const expected = vs.emulator.context.sls.generatedRows(flowLogOf(vs).flowLogId, range.from, range.to).filter((r) => r.srcaddr === ip && r.dstport === 443);
    const rowsText = (await frame.locator('[data-testid=status-rows]').textContent()) ?? '';
    // Raw records page in 100 at a time: all of them when fewer, else "(more available)".
    if (expected.length < 100) assert.match(rowsText, new RegExp(`\\b${expected.length} rows\\b`));
    else assert.match(rowsText, /more available/);
  });

  it('a query with local errors is not sent until "Run anyway"; warnings never hold a query back', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const requests = recordQueryRequests(vs.emulator.port);
    try {
      // The explorer's first load activates the extension (slow on a loaded machine) before the palette is used.
      await openExplorer(vs);
      // The palette's ad-hoc query follows the same rule: the pick says so, the panel refuses.
      await vs.runCommand('CEN Flow Logs: Query Flow Log…');
      await pick(vs, FLOW_LOG);
      const bad = 'srcaddr:"10.0.0.1';
      await vs.page.locator('.quick-input-widget .quick-input-title', { hasText: `Query ${FLOW_LOG}` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const input = vs.page.locator('.quick-input-widget .quick-input-box input');
      await input.fill(bad);
      await vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: /Line 1, column 9/ }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.press('Enter');
      const frame = await workbenchFrame(vs);
      const banner = frame.locator('[data-testid=query-refused]');
      await banner.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
      assert.match((await banner.textContent()) ?? '', /Not sent to Log Service.*Line 1, column 9.*closing/s);
      await frame.locator('[data-testid=query-editor] .cm-lintRange-error').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
      assert.equal((await editorText(frame)).trim(), bad);
      assert.equal(requests.count, 0, `no query reached the emulator: ${JSON.stringify(requests.seen)}`);

      // Typed in the editor: refused again, positioned on the LIMIT, nothing sent.
      await typeQuery(vs, frame, '* | select count(*) as n limit 2000000');
      assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'refused');
      assert.match((await banner.textContent()) ?? '', /Line 1, column 26: LIMIT 2000000 is over/);
      await frame.locator('[data-testid=query-editor] .cm-lintRange-error', { hasText: /limit/i }).first().waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
      await screenshotForDocs(vs, 'workbench-refused');
      assert.equal(requests.count, 0, `still no query reached the emulator: ${JSON.stringify(requests.seen)}`);

      // "Run anyway" sends it; what the service answers is its business.
      const state = await runAndWait(frame, () => frame.locator('[data-testid=run-anyway]').click());
      assert.ok(state === 'done' || state === 'failed', `the run ended (${state})`);
      assert.ok(requests.seen.some((r) => r.startsWith('GetLogs')), `the query reached the emulator: ${JSON.stringify(requests.seen)}`);
      assert.equal(await banner.isVisible(), false, 'the refusal is gone');

      // A warning (unknown field) is sent at once; the service decides (the emulator refuses the field).
      const sent = requests.count;
      await typeQuery(vs, frame, 'nosuchfield:1');
      const warned = await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter'));
      assert.ok(warned === 'done' || warned === 'failed', `the run ended (${warned})`);
      assert.ok(requests.seen.slice(sent).some((r) => r.startsWith('GetLogs')), `the query with only a warning was sent: ${JSON.stringify(requests.seen.slice(sent))}`);
      assert.equal(await banner.isVisible(), false);
    } finally {
      requests.stop();
    }
  });
});
