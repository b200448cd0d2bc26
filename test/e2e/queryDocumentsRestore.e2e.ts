/**
 * A query file's own panel stays the file's across "Reload Window" and an extension-host crash:
 * the next Run from the file shows its result in that same panel (one panel for the file, not a
 * second one beside a restored flow-log panel), and Log Service receives exactly that statement.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { gridText, QUERY_TIMEOUT_MS, waitRunEnded } from './harness/queryWorkbench';
import { goToLine, openFile } from './harness/queryDocumentSteps';
import { waitForOpenPanelsRecord } from './harness/openPanelsRecord';
import type { AnsweredQuery } from '../../emulator/context';

const FLOW_LOG = 'prod-backbone-flowlog';
/** Start-up after a reload or a crash on a loaded 2-core machine: like a fresh window. */
const RESTART_TIMEOUT_MS = 90_000;

/** A file of three statements on the flow log; each test runs them in turn. */
function writeQueryFile(vs: VsCodeSession, name: string, statements: readonly string[]): string[] {
  const lines = [`-- flowlog: ${FLOW_LOG}`, '-- range: last 1h', '', ...statements.flatMap((s) => [s, '']), ''];
  writeFileSync(join(vs.workspaceFolder, name), lines.join('\n'));
  return lines;
}

/** Log Service queries (not histograms) on the flow log's logstore answered since `before`, one-spaced. */
function queriesSince(vs: VsCodeSession, before: number): string[] {
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return vs.emulator.context.answeredQueries
    .slice(before)
    .filter((q: AnsweredQuery) => q.api !== 'GetHistograms' && q.project === f.projectName && q.logstore === f.logStoreName)
    .map((q) => oneSpaced(q.query));
}

function oneSpaced(query: string): string {
  return query.replace(/\s+limit\s+0\s*,\s*\d+\s*$/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Puts the cursor on the statement's line in the file and presses Ctrl+Enter. */
async function runFromFile(vs: VsCodeSession, name: string, lines: readonly string[], statement: string): Promise<void> {
  await openFile(vs, name);
  await goToLine(vs, lines.indexOf(statement) + 1);
  await vs.page.keyboard.press('Control+Enter');
}

/** How many tabs hold the file's panel, and how many the flow log's own ("Query: …") panel. */
async function panelTabs(vs: VsCodeSession, title: string): Promise<{ file: number; flowLog: number }> {
  const tabs = vs.page.locator('.tabs-container .tab');
  return { file: await tabs.filter({ hasText: title }).count(), flowLog: await tabs.filter({ hasText: `Query: ${FLOW_LOG}` }).count() };
}

/** Marks the page now in the panel, so a later check can tell it from a page opened after it. */
async function markPage(frame: FrameLocator, mark: string): Promise<void> {
  await frame.locator('body').evaluate((b, m) => b.setAttribute(m, ''), mark);
}

describe("a query file's panel after a reload or a crash", () => {
  const vs = useVsCode();

  it('Reload Window, then Run from the file: the same restored panel shows the new result, still one panel', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const name = 'reload.slsql';
    const first = '* | select dstport, count(*) as n group by dstport order by dstport';
    const second = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 5';
    const lines = writeQueryFile(vs, name, [first, second]);
    const title = `${name} · ${FLOW_LOG}`;

    let before = vs.emulator.context.answeredQueries.length;
    await runFromFile(vs, name, lines, first);
    let frame = await vs.webviewFrame(title);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');
    assert.deepEqual(queriesSince(vs, before), [oneSpaced(first)]);
    await waitForOpenPanelsRecord(vs, `"title":${JSON.stringify(name)}`, `a panel tied to ${name}`);

    await vs.reloadWindow(RESTART_TIMEOUT_MS);
    // The panel comes back under the file's title (not as the flow log's "Query: …" panel). Its page
    // appears once the new extension host has activated and revived it: on a loaded machine that
    // is longer than the harness's 20 s for a webview, so shown here first with the reload's time.
    await vs.page.locator('.tabs-container .tab', { hasText: title }).first().click({ timeout: RESTART_TIMEOUT_MS });
    await vs.page.locator('iframe.webview.ready').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: RESTART_TIMEOUT_MS });
    frame = await vs.webviewFrame(title);
    await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: RESTART_TIMEOUT_MS });
    assert.deepEqual(await panelTabs(vs, title), { file: 1, flowLog: 0 });
    await markPage(frame, 'data-e2e-restored');

    before = vs.emulator.context.answeredQueries.length;
    await runFromFile(vs, name, lines, second);
    frame = await vs.webviewFrame(title);
    // The restored page itself runs it: the file's panel was tied again, not opened anew.
    await frame.locator('body[data-e2e-restored]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');
    assert.deepEqual(queriesSince(vs, before), [oneSpaced(second)], 'exactly one Log Service query, the second statement');
    assert.deepEqual((await gridText(frame)).columns, ['srcaddr', 'b']);
    assert.deepEqual(await panelTabs(vs, title), { file: 1, flowLog: 0 }, 'still one panel for the file, and no flow-log panel');
  });

  it('the extension host crashes: its panel is reopened tied to the file, and the next Run from the file shows there', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const name = 'crash.slsql';
    const first = '* | select protocol, count(*) as n group by protocol';
    const second = '* | select dstport, sum(packets) as p group by dstport order by p desc limit 3';
    const lines = writeQueryFile(vs, name, [first, second]);
    const title = `${name} · ${FLOW_LOG}`;

    await runFromFile(vs, name, lines, first);
    let frame = await vs.webviewFrame(title);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');
    await waitForOpenPanelsRecord(vs, `"title":${JSON.stringify(name)}`, `a panel tied to ${name}`);
    await markPage(frame, 'data-e2e-before-crash');

    await vs.crashExtensionHost(RESTART_TIMEOUT_MS);
    // The orphaned panel is closed and reopened from the record, under the file's title.
    frame = await vs.webviewFrame(title);
    await frame.locator('body:not([data-e2e-before-crash])').waitFor({ state: 'visible', timeout: RESTART_TIMEOUT_MS });
    await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: RESTART_TIMEOUT_MS });
    await markPage(frame, 'data-e2e-reopened');

    const before = vs.emulator.context.answeredQueries.length;
    await runFromFile(vs, name, lines, second);
    frame = await vs.webviewFrame(title);
    await frame.locator('body[data-e2e-reopened]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');
    assert.deepEqual(queriesSince(vs, before), [oneSpaced(second)], 'exactly one Log Service query, the second statement');
    assert.deepEqual((await gridText(frame)).columns, ['dstport', 'p']);
    assert.deepEqual(await panelTabs(vs, title), { file: 1, flowLog: 0 }, 'one panel for the file, and no flow-log panel took its place');
  });
});
