/**
 * Exploring results in a real VS Code against the emulator, as a person would: field facets over
 * the whole range with − (filter out) and a rerun; columns hidden that stay hidden after a window
 * reload; chosen chart axes, the chart copied to the clipboard and saved as a PNG file (both read
 * back and checked to be a PNG of the chart's size); follow mode picking up a capture window the
 * emulator closes during the test, asking nothing while the panel is hidden and catching up once
 * when it shows again. Numbers asserted are recomputed from the generator's records.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { editorText, gridText, pick, QUERY_TIMEOUT_MS, reloadWebviews, runAndWait, runStatus, shownRange, typeQuery, waitRunEnded } from './harness/queryWorkbench';
import { recordQueryRequests } from './harness/queryRequests';
import type { FlowLogView } from '../../emulator/cen/store';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const QUERY_443 = 'dstport:443';
const FOLLOW_FLOW_LOG = 'hangzhou-to-beijing';
const FOLLOW_QUERY = '* | select __time__ as t, count(*) as n group by t order by t desc limit 1000';
const CHART_QUERY = '* | select __time__ - __time__ % 600 as t, direction, protocol, count(*) as n, sum(bytes) as bytes group by t, direction, protocol order by t';
/** Start-up after a window reload on a loaded 2-core machine: like a fresh window. */
const RELOAD_TIMEOUT_MS = 90_000;

function flowLogOf(vs: VsCodeSession): FlowLogView {
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return f;
}

async function openWorkbench(vs: VsCodeSession): Promise<FrameLocator> {
  await vs.runCommand('CEN Flow Logs: Open Query Workbench');
  await pick(vs, FLOW_LOG);
  const frame = await vs.webviewFrame(TAB);
  await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  return frame;
}

/** The facet's value rows once counted: value → records shown. */
async function facetCounts(frame: FrameLocator, field: string): Promise<Map<string, string>> {
  const body = frame.locator(`li.facet[data-field="${field}"] .facet-body`);
  await body.locator('table.facet-values').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  await frame.locator(`li.facet[data-field="${field}"] .facet-body[aria-busy]`).waitFor({ state: 'detached', timeout: QUERY_TIMEOUT_MS });
  const rows = await body.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-value') ?? '', tr.children[1]?.textContent ?? '']));
  return new Map(rows.map(([v, n]) => [v, n.replace(/[^\d]/g, '')]));
}

describe('workbench: exploring results', () => {
  // Follow asks for a window's records 1 s after it closes (the default waits 30 s).
  const vs = useVsCode({ settings: { 'cenFlowLogs.query.followDelaySeconds': 1 } });

  it('expanding the dstport facet counts over the whole range; − on 22 adds "not dstport:22", reruns, and no row has port 22', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const frame = await openWorkbench(vs);
    await typeQuery(vs, frame, 'dstport:22 or dstport:443');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const range = await shownRange(frame);

    await frame.locator('[data-testid="facet-dstport"]').click();
    assert.equal(await frame.locator('[data-testid="facet-dstport"]').getAttribute('aria-expanded'), 'true');
    const counts = await facetCounts(frame, 'dstport');
    const records = vs.emulator.context.sls.generatedRows(flowLogOf(vs).flowLogId, range.from, range.to);
    const expected = (port: number): string => String(records.filter((r) => r.dstport === port).length);
    assert.ok(Number(expected(22)) > 0 && Number(expected(443)) > 0, 'the range has records to both ports');
    assert.deepEqual([...counts.keys()].sort(), ['22', '443']);
    assert.equal(counts.get('22'), expected(22), 'port 22 counted over the whole range, not the loaded rows');
    assert.equal(counts.get('443'), expected(443));
    await frame.locator('li.facet[data-field="dstport"] [data-testid="facet-stats"]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    const exclude = frame.locator('li.facet[data-field="dstport"] tr[data-value="22"] [data-testid="facet-exclude"]');
    assert.equal(await exclude.getAttribute('aria-label'), 'Filter out dstport 22');
    assert.equal(await runAndWait(frame, () => exclude.click()), 'done');
    assert.equal(await editorText(frame), '(dstport:22 or dstport:443) and not dstport:22');
    const { columns, rows } = await gridText(frame);
    const port = columns.indexOf('dstport');
    assert.ok(port >= 0 && rows.length > 0, 'rows came back');
    assert.ok(rows.every((r) => r[port] !== '22'), 'no row has port 22');
    assert.ok(rows.every((r) => r[port] === '443'));
    // The expanded facet follows the new query.
    await frame.locator('li.facet[data-field="dstport"] tr[data-value="22"]').waitFor({ state: 'detached', timeout: QUERY_TIMEOUT_MS });
    assert.deepEqual([...(await facetCounts(frame, 'dstport')).keys()], ['443']);
  });

  it('hides and pins columns from the keyboard; after "Reload Window" the choice still holds', { timeout: 2 * E2E_TEST_TIMEOUT_MS }, async () => {
    let frame = await openWorkbench(vs);
    await typeQuery(vs, frame, QUERY_443);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const before = (await gridText(frame)).columns;
    assert.ok(before.includes('bytes') && before.includes('dstport') && before[0] !== 'dstport', `columns as they came: ${before.join(', ')}`);

    await frame.locator('[data-testid="columns"]').click();
    const menu = frame.locator('[data-testid="column-menu"]');
    await menu.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Keyboard: focus the checkbox, Space unticks it; the pin toggle by Enter.
    await menu.locator('li[data-column="bytes"] [data-testid="column-visible"]').focus();
    await vs.page.keyboard.press('Space');
    await menu.locator('li[data-column="dstport"] [data-testid="column-pin"]').focus();
    await vs.page.keyboard.press('Enter');
    assert.equal(await menu.locator('li[data-column="dstport"] [data-testid="column-pin"]').getAttribute('aria-pressed'), 'true');
    await vs.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    const chosen = await gridText(frame);
    assert.ok(!chosen.columns.includes('bytes'), 'bytes is hidden');
    assert.equal(chosen.columns[0], 'dstport', 'dstport is pinned first');
    assert.deepEqual([...chosen.columns].sort(), before.filter((c) => c !== 'bytes').sort(), 'nothing else changed');
    assert.ok(chosen.rows.every((r) => r[0] === '443'), 'the values moved with their column');

    await vs.reloadWindow(RELOAD_TIMEOUT_MS);
    await vs.page.locator('.tabs-container .tab', { hasText: TAB }).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    frame = await vs.webviewFrame(TAB);
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: QUERY_443 }).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.equal(await runAndWait(frame, () => frame.locator('[data-testid=run]').click()), 'done');
    const after = await gridText(frame);
    assert.ok(after.rows.length > 0);
    assert.ok(!after.columns.includes('bytes'), `bytes stays hidden after the reload: ${after.columns.join(', ')}`);
    assert.equal(after.columns[0], 'dstport', 'dstport stays pinned');
    await frame.locator('[data-testid="columns"]').click();
    assert.equal(await frame.locator('[data-testid="column-menu"] li[data-column="bytes"] [data-testid="column-visible"]').isChecked(), false);
  });

  it('charts the chosen y series split by the chosen column, stacked, on a log scale; the choice survives "Reload Webviews"', { timeout: 2 * E2E_TEST_TIMEOUT_MS }, async () => {
    let frame = await openWorkbench(vs);
    await typeQuery(vs, frame, CHART_QUERY);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const range = await shownRange(frame);
    await vs.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await frame.locator('[data-testid=tab-chart]').click();
    const chart = frame.locator('[data-testid=chart]');
    await chart.locator('canvas').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    await chooseOption(frame, 'chart-y', 'n');
    await chooseOption(frame, 'chart-split', 'protocol');
    const records = vs.emulator.context.sls.generatedRows(flowLogOf(vs).flowLogId, range.from, range.to);
    const expected = [...new Set(records.map((r) => `${r.protocol === null ? 'null' : r.protocol} n`))].sort();
    assert.ok(expected.length >= 2, `several protocols in the range: ${expected.join(', ')}`);
    await frame.locator('[data-testid=chart][data-series]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    const series = async (): Promise<string[]> => ((await chart.getAttribute('data-series')) ?? '').split('\n').sort();
    assert.deepEqual(await series(), expected, 'one series of n per protocol');

    await frame.locator('[data-testid=chart-stacked]').focus();
    await vs.page.keyboard.press('Space');
    await frame.locator('[data-testid=chart-log]').focus();
    await vs.page.keyboard.press('Space');
    await chart.locator('canvas').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await series(), expected, 'stacking and the log scale keep the series');

    // Copy: with the clipboard permissions a browser gives a page, the chart's PNG is on the
    // clipboard. Text is put there first, so an image found afterwards is this copy's.
    const canvasSize = async (): Promise<[number, number]> => chart.locator('canvas').first().evaluate((c) => {
      const canvas = c as unknown as { width: number; height: number };
      return [canvas.width, canvas.height];
    });
    // Runs in the webview's page (the tests' tsconfig has no DOM types, hence the shape given here).
    type PageClipboard = { writeText(text: string): Promise<void>; read(): Promise<{ types: readonly string[]; getType(type: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }> }[]> };
    await frame.locator('#app').evaluate(() => (globalThis as unknown as { navigator: { clipboard: PageClipboard } }).navigator.clipboard.writeText('not an image'));
    // Measured before the click: the copy is of the canvas as it is then, and the status line the copy
    // writes can reflow the panel and resize the chart afterwards.
    const sizeAtCopy = await canvasSize();
    await frame.locator('[data-testid=chart-copy]').click();
    await frame.locator('#app[data-chart-copy]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    const status = (await frame.locator('.status-line, [data-testid=status]').first().textContent()) ?? '';
    assert.equal(await frame.locator('#app').getAttribute('data-chart-copy'), 'copied', `the copy succeeded: ${status}`);
    assert.match(status, /Copied the chart as an image/);
    const clipboard = await frame.locator('#app').evaluate(async () => {
      const items = await (globalThis as unknown as { navigator: { clipboard: PageClipboard } }).navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      return item ? Array.from(new Uint8Array(await (await item.getType('image/png')).arrayBuffer())) : items.flatMap((i) => [...i.types]).join(', ');
    });
    assert.ok(Array.isArray(clipboard), `the clipboard holds an image/png, not: ${String(clipboard)}`);
    assertPngOfSize(Buffer.from(clipboard), sizeAtCopy, 'the clipboard image');

    // Save: the host's save dialog (a path box in the browser) writes the same picture as a file.
    const saved = join(vs.workspaceFolder, 'exploring-chart.png');
    const sizeAtSave = await canvasSize();
    await frame.locator('[data-testid=chart-save]').click();
    await vs.answerInputBox(saved);
    await vs.notification(/Saved the chart as/);
    assert.ok(existsSync(saved), `${saved} was written`);
    assertPngOfSize(readFileSync(saved), sizeAtSave, 'the saved file');

    frame = await reloadWebviews(vs, TAB);
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: 'protocol' }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await runAndWait(frame, () => frame.locator('[data-testid=run]').click()), 'done');
    await frame.locator('[data-testid=tab-chart]').click();
    await frame.locator('[data-testid=chart][data-series]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.deepEqual(((await frame.locator('[data-testid=chart]').getAttribute('data-series')) ?? '').split('\n').sort(), expected, 'the axes came back with the query');
    assert.equal(await frame.locator('[data-testid=chart-stacked]').isChecked(), true);
    assert.equal(await frame.locator('[data-testid=chart-log]').isChecked(), true);
  });

  it('Follow reruns, without a click, when the emulator closes the next 1-minute window, and marks the new rows; hidden, it asks nothing; shown again, it catches up once', { timeout: 3 * E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FOLLOW_FLOW_LOG);
    const followTab = `Query: ${FOLLOW_FLOW_LOG}`;
    let frame = await vs.webviewFrame(followTab);
    await frame.locator('.target-title', { hasText: FOLLOW_FLOW_LOG }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await typeQuery(vs, frame, FOLLOW_QUERY);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const rowsBefore = (await gridText(frame)).rows.length;
    assert.ok(rowsBefore > 0, 'windows already there');

    const follow = frame.locator('[data-testid=follow]');
    await follow.click();
    assert.equal(await follow.getAttribute('aria-pressed'), 'true');
    // The next window closes within a minute of real time; the emulator writes it then. A window
    // that closed just before Follow started may be rerun with nothing new: wait for one with news.
    let newRows = 0;
    for (let attempt = 0; attempt < 3 && newRows === 0; attempt++) {
      const { attempt: before } = await runStatus(frame);
      assert.equal(await waitRunEnded(frame, before, 100_000), 'done', 'a Follow run started and ended by itself');
      newRows = Number((await frame.locator('#app').getAttribute('data-new-rows')) ?? '0');
    }
    assert.equal(newRows, 1, 'one new row: the window that just closed');
    const marked = frame.locator('.grid-rows .grid-row.new');
    assert.equal(await marked.count(), 1);
    const [t, n] = await marked.locator('.grid-value').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
    const range = await shownRange(frame);
    const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.logStoreName === FOLLOW_FLOW_LOG);
    assert.ok(f);
    const inWindow = vs.emulator.context.sls.generatedRows(f.flowLogId, range.from, range.to).filter((r) => r.time === Number(t));
    assert.ok(inWindow.length > 0, `the generator wrote records at ${t}`);
    assert.equal(Number(n), inWindow.length, 'the new row counts the new window\'s records');
    assert.ok(Number(t) >= range.to - 2 * 60, 'the new row is the newest window');

    // Hidden: another editor in the panel's group covers it while the next window closes.
    const attemptBeforeHide = (await runStatus(frame)).attempt;
    const requests = recordQueryRequests(vs.emulator.port);
    try {
      await vs.runCommand('File: New Untitled Text File');
      await vs.page.locator('.tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      assert.equal(await vs.page.locator('iframe.webview.ready:visible').count(), 0, 'the panel is hidden');
      // The next window is due 1 s (the delay set above) after its close; wait past that.
      const nowS = Date.now() / 1000;
      const nextDue = Math.floor((nowS - 1) / 60) * 60 + 60 + 1;
      await vs.page.waitForTimeout((nextDue + 6 - nowS) * 1000);
      assert.deepEqual(requests.seen, [], 'no query went to Log Service while the panel was hidden');

      frame = await vs.webviewFrame(followTab);
      assert.equal(await waitRunEnded(frame, attemptBeforeHide, QUERY_TIMEOUT_MS), 'done', 'shown again, a catch-up run started by itself');
      const afterCatchUp = (await runStatus(frame)).attempt;
      assert.equal(afterCatchUp, attemptBeforeHide + 1, 'one catch-up run');
      assert.ok(requests.count > 0, 'the catch-up run asked Log Service');
      assert.equal(Number((await frame.locator('#app').getAttribute('data-new-rows')) ?? '0'), 1, 'it brings the window that closed while hidden');
      const seenAfterCatchUp = requests.count;
      await vs.page.waitForTimeout(5_000);
      assert.equal((await runStatus(frame)).attempt, afterCatchUp, 'no second run for the same window');
      assert.equal(requests.count, seenAfterCatchUp, 'and no further request');
    } finally {
      requests.stop();
    }
    const followAgain = frame.locator('[data-testid=follow]');
    await followAgain.click();
    assert.equal(await followAgain.getAttribute('aria-pressed'), 'false');
  });
});


/** `bytes` is a PNG (its signature, then an IHDR chunk) of `width` × `height` pixels (PNG specification §5.2, §11.2.2). */
function assertPngOfSize(bytes: Buffer, [width, height]: [number, number], what: string): void {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${what} starts with the PNG signature`);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', `${what} starts with its header chunk`);
  assert.ok(width > 0 && height > 0, `the chart canvas has a size (${width}×${height})`);
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width, height], `${what} has the chart's size`);
}

/** Picks an option of a vscode-single-select by its exact text, with the mouse as a person would. */
async function chooseOption(frame: FrameLocator, testid: string, text: string): Promise<void> {
  const select = frame.locator(`[data-testid=${testid}]`);
  await select.click();
  await select.locator('li[role=option]').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first().click({ timeout: UI_TIMEOUT_MS });
}
