/**
 * Steps on the query workbench webview, shared by the workbench e2e files: type a query, run it
 * and wait for that run to end (the page root carries data-run-attempt / data-run-state), read
 * the grid and the resolved range, pick from VS Code quick picks.
 */
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';
import { UI_TIMEOUT_MS } from './workbench';
import { openExplorer } from './explorerSteps';
import type { VsCodeSession } from './session';

/** Queries against a loaded 2-core machine: well above UI_TIMEOUT_MS. */
export const QUERY_TIMEOUT_MS = Math.max(30_000, UI_TIMEOUT_MS);

export type RunState = 'running' | 'done' | 'failed' | 'cancelled' | 'refused';

/** The run attempt the page is on (0 before the first) and how it ended. */
export async function runStatus(frame: FrameLocator): Promise<{ attempt: number; state: RunState | undefined }> {
  const app = frame.locator('#app');
  const attempt = Number((await app.getAttribute('data-run-attempt')) ?? '0');
  const state = ((await app.getAttribute('data-run-state')) ?? undefined) as RunState | undefined;
  return { attempt, state };
}

/**
 * Waits until a run attempt after `after` has ended (done, failed, cancelled or refused) and
 * returns how. Pass the attempt read before triggering the run.
 */
export async function waitRunEnded(frame: FrameLocator, after: number, timeout = QUERY_TIMEOUT_MS): Promise<RunState> {
  const page = frame.locator('body').page();
  const deadline = Date.now() + timeout;
  for (;;) {
    const { attempt, state } = await runStatus(frame);
    if (attempt > after && state !== undefined && state !== 'running') return state;
    if (Date.now() > deadline) throw new Error(`no run after attempt ${after} ended within ${timeout} ms (now attempt ${attempt}, ${state ?? 'no state'})`);
    await page.waitForTimeout(150);
  }
}

/** Runs what `trigger` starts (Ctrl+Enter, a click…) and waits for that run to end. */
export async function runAndWait(frame: FrameLocator, trigger: () => Promise<void>, timeout = QUERY_TIMEOUT_MS): Promise<RunState> {
  const before = (await runStatus(frame)).attempt;
  await trigger();
  return waitRunEnded(frame, before, timeout);
}

/** Replaces the editor's text by typing, as a person would. */
export async function typeQuery(vs: Workbench, frame: FrameLocator, query: string): Promise<void> {
  const content = frame.locator('[data-testid=query-editor] .cm-content');
  await content.click();
  await vs.page.keyboard.press('Control+A');
  await vs.page.keyboard.press('Delete');
  await content.pressSequentially(query, { delay: 5 });
}

export async function editorText(frame: FrameLocator): Promise<string> {
  return (await frame.locator('[data-testid=query-editor] .cm-content').textContent()) ?? '';
}

/** Header names and the visible rows of the grid, as text (whole values, also where a cell shows them cut). */
export async function gridText(frame: FrameLocator): Promise<{ columns: string[]; rows: string[][] }> {
  const columns = (await frame.locator('.grid-header .grid-hname').allTextContents()).map((s) => s.trim());
  const rowEls = frame.locator('.grid-rows .grid-row');
  const rows: string[][] = [];
  for (let i = 0; i < (await rowEls.count()); i++) {
    const row = rowEls.nth(i);
    if (!(await row.isVisible())) continue;
    // A value cut to fit its column carries the whole value as its accessible name.
    rows.push(await row.locator('.grid-value').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim())));
  }
  return { columns, rows };
}

/** The range the last run resolved to (UNIX seconds), as the page shows it. */
export async function shownRange(frame: FrameLocator): Promise<{ from: number; to: number; label: string }> {
  const info = frame.locator('[data-testid=range-info][data-from]');
  await info.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  return { from: Number(await info.getAttribute('data-from')), to: Number(await info.getAttribute('data-to')), label: ((await info.textContent()) ?? '').trim() };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Picks a quick-pick item by typing its label and pressing Enter. The mouse is parked first: left
 * over the list (after clicking a palette row) it raises a hover that swallows clicks on the row.
 */
export async function pick(vs: Workbench, label: string): Promise<void> {
  await vs.page.mouse.move(1, 1);
  const widget = vs.page.locator('.quick-input-widget');
  // The first command of a window activates the extension first: slow on a loaded machine.
  await widget.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  await widget.locator('.quick-input-box input').fill(label);
  await widget
    .locator('.quick-input-list .monaco-list-row.focused')
    .filter({ has: vs.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .first()
    .waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  await widget.locator('.quick-input-box input').press('Enter');
}

/** Opens a workspace file with Quick Open and selects all its text (an editor selection, as a person makes one). */
export async function openAndSelectAll(vs: Workbench, fileName: string, visibleText: string): Promise<void> {
  const activeTab = vs.page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${fileName}"]`);
  // A webview taking its focus back just after a quick pick closed can close Quick Open under the click; then, as a person would, open it again.
  for (let attempt = 1; ; attempt++) {
    await vs.page.keyboard.press('Control+P');
    await vs.page.locator('.quick-input-widget .quick-input-box input').fill(fileName);
    await vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first().click({ timeout: UI_TIMEOUT_MS });
    const opened = await activeTab.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (opened) break;
    if (attempt === 3) throw new Error(`Quick Open did not bring ${fileName} to the front in 3 tries`);
    await vs.page.keyboard.press('Escape');
  }
  const lines = vs.page.locator('.monaco-editor .view-lines', { hasText: visibleText }).first();
  await lines.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await lines.click();
  await vs.page.keyboard.press('Control+A');
}

/** Opens prod-backbone-flowlog's panel from its context menu in the tree; resolves once its editor shows. */
export async function openFlowLogPanelFromTree(vs: VsCodeSession): Promise<FrameLocator> {
  await openExplorer(vs);
  await vs.expandTreeItem('prod-backbone');
  // Flow logs sit under their transit router.
  await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
  await vs.contextMenu('prod-backbone-flowlog', 'Open Query Workbench');
  const frame = await vs.webviewFrame('Query: prod-backbone-flowlog');
  await frame.locator('[data-testid=query-editor] .cm-content').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  return frame;
}

/**
 * "Developer: Reload Webviews" on the panel of `tabTitle`; resolves with the reloaded page. The old
 * page lingers a moment after the command returns, and a step on it (reading the run attempt before
 * a click) would be about the wrong page, so the current one is marked first and a page without the
 * mark is waited for.
 */
export async function reloadWebviews(vs: VsCodeSession, tabTitle: string, timeout = QUERY_TIMEOUT_MS): Promise<FrameLocator> {
  await (await vs.webviewFrame(tabTitle)).locator('body').evaluate((b) => {
    b.dataset.beforeReload = '1';
  });
  await vs.runCommand('Developer: Reload Webviews');
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await vs.webviewFrame(tabTitle);
    const fresh = await frame.locator('body:not([data-before-reload]) #app').count().catch(() => 0);
    if (fresh > 0) return frame;
    if (Date.now() > deadline) throw new Error(`the webview of ${JSON.stringify(tabTitle)} was not reloaded within ${timeout} ms`);
    await vs.page.waitForTimeout(250);
  }
}
