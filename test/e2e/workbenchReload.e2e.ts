/**
 * What the user put into the query workbench survives reloads, in a real VS Code: the query text,
 * the time range and the query history come back after "Developer: Reload Webviews" (the page is
 * rebuilt from its saved state) and after "Developer: Reload Window" (the extension host restarts
 * and the panel serializer reopens the panel).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { editorText, pick, QUERY_TIMEOUT_MS, reloadWebviews, runAndWait, shownRange, typeQuery } from './harness/queryWorkbench';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const QUERY = 'dstport:443 and direction:out';
const FOUR_HOURS = 4 * 3600;
/** Start-up after a window reload on a loaded 2-core machine: like a fresh window. */
const RELOAD_TIMEOUT_MS = 90_000;

/** The range select (a vscode-single-select) as the page sees it. */
interface ValueElement {
  readonly value: string;
}

async function rangeChoice(frame: FrameLocator): Promise<string> {
  return frame.locator('[data-testid=range-select]').evaluate((e) => (e as ValueElement).value);
}

/** The workbench webview of FLOW_LOG once it has its target and, when given, this query text. */
async function workbenchFrame(vs: VsCodeSession, query?: string, timeout = QUERY_TIMEOUT_MS): Promise<FrameLocator> {
  const frame = await vs.webviewFrame(TAB);
  await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout });
  if (query !== undefined) await frame.locator('[data-testid=query-editor] .cm-content', { hasText: query }).waitFor({ state: 'visible', timeout });
  return frame;
}

/** Query text, range choice, and the range a run actually uses, as the page shows them. */
async function checkRestored(vs: VsCodeSession, frame: FrameLocator, what: string): Promise<void> {
  assert.equal((await editorText(frame)).trim(), QUERY, `query text after ${what}`);
  assert.equal(await rangeChoice(frame), 'q:240', `range after ${what}`);
  assert.equal(await runAndWait(frame, () => frame.locator('[data-testid=run]').click()), 'done');
  const range = await shownRange(frame);
  assert.ok(range.to - range.from >= FOUR_HOURS, `the run after ${what} used the 4-hour range (${range.label})`);
}

describe('query workbench across reloads', () => {
  const vs = useVsCode();

  it('keeps the query, time range and history through "Reload Webviews" and "Reload Window"', { timeout: 2 * E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FLOW_LOG);
    let frame = await workbenchFrame(vs);
    await typeQuery(vs, frame, QUERY);
    const select = frame.locator('[data-testid=range-select]');
    await select.click();
    await select.locator('li[role=option]', { hasText: 'Last 4 hours' }).click();
    assert.equal(await rangeChoice(frame), 'q:240');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    assert.ok((await shownRange(frame)).to - (await shownRange(frame)).from >= FOUR_HOURS, 'the run used 4 hours');

    frame = await reloadWebviews(vs, TAB);
    await workbenchFrame(vs, QUERY);
    await checkRestored(vs, frame, 'Reload Webviews');

    await vs.reloadWindow(RELOAD_TIMEOUT_MS);
    const tab = vs.page.locator('.tabs-container .tab', { hasText: TAB });
    await tab.waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    frame = await workbenchFrame(vs, QUERY, RELOAD_TIMEOUT_MS);
    await checkRestored(vs, frame, 'Reload Window');

    // The history survived too: another query, then the first one picked from "Recent…".
    await typeQuery(vs, frame, '*');
    const history = frame.locator('[data-testid=history]');
    await history.click();
    await history.locator('li[role=option]', { hasText: QUERY }).first().click({ timeout: UI_TIMEOUT_MS });
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: QUERY }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal((await editorText(frame)).trim(), QUERY);
  });
});
