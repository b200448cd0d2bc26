/**
 * Nothing typed into a query panel is lost across "Reload Window", whichever way the panel was
 * opened: the window is reloaded right after the last keystroke (as fast as the command palette
 * allows), and the panel must come back through the serializer with exactly that text and range.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { openExplorer } from './harness/explorerSteps';
import { waitForOpenPanelsRecord } from './harness/openPanelsRecord';
import { editorText, openAndSelectAll, openFlowLogPanelFromTree, pick, QUERY_TIMEOUT_MS } from './harness/queryWorkbench';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
/** Start-up after a window reload on a loaded 2-core machine: like a fresh window. */
const RELOAD_TIMEOUT_MS = 90_000;

const editor = (frame: FrameLocator) => frame.locator('[data-testid=query-editor] .cm-content');

async function reloadWindow(vs: VsCodeSession): Promise<FrameLocator> {
  await vs.reloadWindow(RELOAD_TIMEOUT_MS);
  const frame = await vs.webviewFrame(TAB);
  await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
  await editor(frame).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return frame;
}

/** Types at the end of the editor's text, key by key, as fast as the keyboard goes. */
async function typeAtEnd(vs: VsCodeSession, frame: FrameLocator, text: string): Promise<void> {
  await editor(frame).click();
  await vs.page.keyboard.press('Control+End');
  await editor(frame).pressSequentially(text);
}

/** Replaces the editor's text key by key. */
async function retype(vs: VsCodeSession, frame: FrameLocator, text: string): Promise<void> {
  await editor(frame).click();
  await vs.page.keyboard.press('Control+A');
  await editor(frame).pressSequentially(text);
}

async function rangeChoice(frame: FrameLocator): Promise<string> {
  return frame.locator('[data-testid=range-select]').evaluate((e) => (e as unknown as { value: string }).value);
}

describe('query panel restore', () => {
  const vs = useVsCode();

  it('"Query Flow Log…": the query from the input box, then more typed, survives a reload', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const query = '* | select dstport, count(*) as n group by dstport order by n desc limit 5';
    await vs.runCommand('CEN Flow Logs: Query Flow Log…');
    await pick(vs, FLOW_LOG);
    await vs.answerInputBox(query);
    const frame = await vs.webviewFrame(TAB);
    await editor(frame).filter({ hasText: 'limit 5' }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    // Reloaded while the query may still be running.
    let after = await reloadWindow(vs);
    assert.equal(await editorText(after), query);

    await typeAtEnd(vs, after, '0');
    after = await reloadWindow(vs);
    assert.equal(await editorText(after), `${query}0`, 'a keystroke right before the reload is kept');
    await after.locator('[data-testid=status]', { hasText: /last run was/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('from the tree: a query typed key by key and a range survive a reload issued right after the last keystroke', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    // Typed the moment the editor appears: nothing the host sends later may overwrite it.
    const frame = await openFlowLogPanelFromTree(vs);
    const select = frame.locator('[data-testid=range-select]');
    await select.click();
    await select.locator('li[role=option]', { hasText: 'Last 4 hours' }).click();
    const query = 'dstport:443 and protocol:6 and not srcaddr:10.9.9.9';
    await retype(vs, frame, query);
    assert.equal(await editorText(frame), query, 'typing right after the panel opened is not overwritten');
    const after = await reloadWindow(vs);
    assert.equal(await editorText(after), query);
    assert.equal(await rangeChoice(after), 'q:240');
  });

  it('"Show Traffic for This Address": the address query plus what was typed after it survives a reload', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    writeFileSync(join(vs.workspaceFolder, 'peer.log'), 'connect to 10.1.2.3:443 timed out\n');
    await openAndSelectAll(vs, 'peer.log', 'timed out');
    await vs.runCommand('CEN Flow Logs: Show Traffic for This Address');
    await pick(vs, FLOW_LOG);
    const frame = await vs.webviewFrame(TAB);
    await editor(frame).filter({ hasText: '10.1.2.3' }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const shown = await editorText(frame);
    await typeAtEnd(vs, frame, ' and direction:out');
    const after = await reloadWindow(vs);
    assert.equal(await editorText(after), `${shown} and direction:out`);
  });

  it('"Run Preset…" from the flow log\'s context menu: the preset runs there, and its query survives a reload', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    // From the item the flow log is known: only the preset is asked for.
    await vs.contextMenu(FLOW_LOG, 'Run Preset…');
    await pick(vs, 'Top talkers by bytes');
    const frame = await vs.webviewFrame(TAB);
    await editor(frame).filter({ hasText: /select/i }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const shown = await editorText(frame);
    assert.match(shown, /sum\(bytes\)/i);
    const after = await reloadWindow(vs);
    assert.equal(await editorText(after), shown);
  });

  it('closing the browser tab right after typing and opening VS Code again: the panel comes back with what was typed', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const frame = await openFlowLogPanelFromTree(vs);
    const query = 'dstport:22 and not srcaddr:10.1.1.1';
    await retype(vs, frame, query);
    // Keystrokes still on their way to the host when the tab closes are lost with the tab; these arrived.
    await waitForOpenPanelsRecord(vs, JSON.stringify(query), JSON.stringify(query));
    // Within VS Code's 5-second storage flush: its editor layout (the tab) is not saved yet.
    await vs.reopenWindow();
    // VS Code restores no tab; the extension reopens the panel once it starts.
    await vs.page.locator('.tabs-container .tab', { hasText: TAB }).first().waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    const after = await vs.webviewFrame(TAB);
    await after.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    await editor(after).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await editorText(after), query);
    assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: TAB }).count(), 1, 'one tab for the panel, not a second copy');
  });

  it('the extension host crashes and VS Code restarts it: the panel keeps what was typed and runs it', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const frame = await openFlowLogPanelFromTree(vs);
    const query = '* | select dstport, count(*) as n group by dstport order by n desc limit 3';
    await retype(vs, frame, query);
    // A crash loses what is still on its way to the host; here the host has recorded the text.
    await waitForOpenPanelsRecord(vs, JSON.stringify(query), JSON.stringify(query));
    // Marks this page, so the panel the restarted host reopens can be told from the orphaned one.
    await frame.locator('body').evaluate((b) => b.setAttribute('data-e2e-before-crash', ''));
    await vs.crashExtensionHost(RELOAD_TIMEOUT_MS);
    const after = await vs.webviewFrame(TAB);
    await after.locator('body:not([data-e2e-before-crash])').waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    await editor(after).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.equal(await editorText(after), query);
    await editor(after).click();
    await vs.page.keyboard.press('Control+Enter');
    // The reopened panel is connected to the new host: the query runs and the status line names it.
    await after.locator(`[data-testid=status-query][title=${JSON.stringify(query)}]`).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
  });
});
