/**
 * The region map in a real VS Code against the emulator (issue 20): opened from the CEN's context
 * menu and from the palette, it draws the matrix and the Sankey; a cell click, and Enter on a
 * focused cell, open a query workbench with that pair's records; the direction the CEN does not log
 * (found from the coverage the page shows, not hard-coded) is flagged in the map and in the tree,
 * and its action opens the create wizard prefilled for the sending side. Screenshots for the README
 * in light and dark themes. A Sankey link click opens its pair's records; Cancel stops a load the
 * emulator holds back; after "Reload Window" the map comes back with its CEN, range and mode, in
 * front, and the pair's query panel behind it comes back once with its query; a map opened from
 * one flow log (the tree's flow-log item) comes back after a reload as that flow log's map, with its
 * range and measure; in the high-contrast theme axe finds no serious violation (colour contrast included).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { answerFieldStep, answerStep, openExplorer, STEP_TIMEOUT_MS } from './harness/explorerSteps';
import { editorText, gridText, pick, QUERY_TIMEOUT_MS, waitRunEnded } from './harness/queryWorkbench';
import { seriousAxeViolations, webviewPageFrame } from './harness/axeAudit';

const MAP_TAB = 'Region Map: prod-backbone';
/** The router-level flow log of prod-backbone's hub region: it records every pair leaving HUB_REGION. */
const HUB_FLOW_LOG = 'prod-backbone-flowlog';
const HUB_REGION = 'cn-hangzhou';
/** prod-backbone's router-level flow log in cn-beijing: its map holds only pairs leaving cn-beijing. */
const BEIJING_FLOW_LOG = 'beijing-router';
const BEIJING_REGION = 'cn-beijing';
const OWNER = '1234567890123456';
/** Start-up after a window reload on a loaded 2-core machine: like a fresh window. */
const RELOAD_TIMEOUT_MS = 90_000;

async function openMap(vs: VsCodeSession): Promise<FrameLocator> {
  const frame = await vs.webviewFrame(MAP_TAB);
  await frame.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  await frame.locator('[data-testid=region-sankey]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return frame;
}

/** Cells with traffic, as [src, dst]. */
async function cellPairs(map: FrameLocator): Promise<[string, string][]> {
  return map.locator('td.cell[data-src]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-src') ?? '', e.getAttribute('data-dst') ?? ''] as [string, string]));
}

/** The hub flow log's workbench: its query is the pair's search, and every record shown is of that pair. */
async function expectPairRecords(vs: VsCodeSession, src: string, dst: string): Promise<void> {
  const wb = await vs.webviewFrame(`Query: ${HUB_FLOW_LOG}`);
  const expected = `src-region-id:"${src}" and dst-region-id:"${dst}"`;
  await wb.locator('[data-testid=query-editor] .cm-content', { hasText: expected }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  assert.equal((await editorText(wb)).trim(), expected);
  await waitRunEnded(wb, 0);
  await wb.locator('.grid-rows .grid-row').first().waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  const { columns, rows } = await gridText(wb);
  const s = columns.indexOf('src-region-id');
  const d = columns.indexOf('dst-region-id');
  assert.ok(s >= 0 && d >= 0 && rows.length > 0, `columns ${columns.join(', ')}; ${rows.length} rows`);
  for (const r of rows) assert.ok(r[s].startsWith(src) && r[d].startsWith(dst), `row ${r[s]} → ${r[d]} is not ${src} → ${dst}`);
}

describe('region map', { timeout: 1_200_000 }, () => {
  const vs = useVsCode();

  it('renders matrix and Sankey; click and Enter open the pair’s records; the unlogged direction is flagged and opens the prefilled create wizard', async () => {
    await openExplorer(vs);
    await vs.contextMenu('prod-backbone', 'Show Region Map…');
    const map = await openMap(vs);
    const pairs = await cellPairs(map);
    assert.ok(pairs.length >= 2, `matrix cells: ${JSON.stringify(pairs)}`);
    assert.ok((await map.locator('[data-testid=region-sankey] path.link').count()) >= pairs.length, 'one Sankey link per pair at least');
    assert.match((await map.locator('[data-testid=map-status]').textContent()) ?? '', /flow logs? answered/);
    // The price setting is empty: the view says so, and no cost is invented.
    assert.match((await map.locator('[data-testid=map-cost]').textContent()) ?? '', /No prices set/);

    // The one-way direction, from the page's coverage (not hard-coded).
    const flagged = map.locator('[data-testid^="coverage-"][data-state=notLogged]').first();
    await flagged.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const [from, to] = ((await flagged.getAttribute('data-testid')) ?? '').replace('coverage-', '').split('>');
    assert.match((await flagged.textContent()) ?? '', new RegExp(`${from} → ${to} is not logged`));
    await docsScreenshot(vs, 'region-map-light');

    // A click on a cell opens that pair's records (pairs leaving the hub: its router's flow log has them).
    const fromHub = pairs.filter(([a]) => a === HUB_REGION);
    assert.ok(fromHub.length >= 2, `pairs leaving ${HUB_REGION}: ${JSON.stringify(fromHub)}`);
    const [src, dst] = fromHub[0];
    await map.locator(`td.cell[data-src="${src}"][data-dst="${dst}"]`).click();
    await expectPairRecords(vs, src, dst);

    // Enter on a focused cell (another pair) does the same from the keyboard.
    const map2 = await openMap(vs);
    const [src2, dst2] = fromHub[1];
    await map2.locator(`td.cell[data-src="${src2}"][data-dst="${dst2}"]`).focus();
    await vs.page.keyboard.press('Enter');
    await expectPairRecords(vs, src2, dst2);

    // The flagged direction's action: the create wizard, prefilled for the sending side's connection.
    const map3 = await openMap(vs);
    await map3.locator(`[data-testid="create-${from}>${to}"]`).click();
    const projectStep = vs.page.locator('.quick-input-widget .quick-input-title', { hasText: `Log Service project in ${from}` });
    await projectStep.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    // A region with projects lists them first (with "Create a new project…"); one without asks for the name at once.
    const newProject = vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Create a new project' });
    const nameAsked = vs.page.locator('.quick-input-widget .quick-input-message', { hasText: /Project name/ });
    await newProject.or(nameAsked).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    if (await newProject.isVisible()) await newProject.first().click();
    await answerStep(vs, /Project name/, 'coverage-fill');
    await answerStep(vs, /Logstore name/, 'missing-side');
    const nameInput = vs.page.locator('.quick-input-widget').filter({ has: vs.page.locator('.quick-input-message', { hasText: /Flow log name/ }) }).locator('.quick-input-box input');
    await nameInput.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    assert.equal(await nameInput.inputValue(), `${from}-to-${to}`, 'the name is suggested from the direction');
    await answerStep(vs, /Flow log name/, `${from}-to-${to}`);
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    // Every field (the default of the log-format field picker).
    await answerFieldStep(vs);
    await answerStep(vs, /Tags/, '');
    await vs.notification(new RegExp(`Flow log ${from}-to-${to} is Active`), QUERY_TIMEOUT_MS);
    const created = vs.emulator.context.cen.flowLogsOf(OWNER).find((f) => f.name === `${from}-to-${to}`) ?? assert.fail('created flow log');
    assert.equal(created.regionId, from);
    assert.equal(created.attachmentType, 'TR', 'on the inter-region connection');
    const attachment = vs.emulator.context.cen.attachments.get(created.transitRouterAttachmentId) ?? assert.fail('its attachment');
    assert.equal(attachment.resourceRegionId, to, 'toward the region the direction goes to');
  });

  it('the tree flags the unlogged direction under Coverage; the palette opens the map; dark theme screenshot', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('Coverage');
    const notLogged = vs.page.locator('.pane-body .monaco-list-row').filter({ hasText: /→.*not logged/ });
    await notLogged.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await vs.page.locator('.pane-body .monaco-list-row').filter({ hasText: /Coverage.*directions? not logged/ }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    await vs.reopen({ settings: { 'workbench.colorTheme': 'Default Dark Modern', 'cenFlowLogs.cost.pricePerGB': { '*': 0.08, 'cn-hangzhou>cn-beijing': 0.05 } } });
    await openExplorer(vs);
    await vs.runCommand('CEN Flow Logs: Show Region Map…');
    await pick(vs, 'prod-backbone');
    await pick(vs, 'Every flow log of prod-backbone');
    const map = await openMap(vs);
    // With prices set, the cost lens shows a total, labelled as an estimate.
    await map.locator('[data-testid=map-cost]', { hasText: /Estimated transfer cost for the range: [\d,.]+ USD\. Estimate from captured bytes/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.ok((await map.locator('td.cell .cell-cost').count()) > 0, 'cells show their cost');
    await docsScreenshot(vs, 'region-map-dark');
  });

  it('a Sankey link opens its pair’s records; Cancel stops a running load; Reload Window brings the map back with its CEN, range and mode, and the pair’s query panel once, behind it, with its query', async () => {
    await openExplorer(vs);
    await vs.contextMenu('prod-backbone', 'Show Region Map…');
    const map = await openMap(vs);

    // The widest link leaving the hub (a click lands on its stroke, not on a thinner neighbour).
    const links = await map.locator(`[data-testid=region-sankey] path.link[data-src="${HUB_REGION}"]`).evaluateAll((els) =>
      els.map((e) => ({ dst: e.getAttribute('data-dst') ?? '', width: Number(e.getAttribute('stroke-width')) })).sort((a, b) => b.width - a.width),
    );
    assert.ok(links.length > 0, 'links leaving the hub');
    // A real mouse click at the link's middle; forced, as a level link's path has a box of zero height, which Playwright calls invisible.
    await map.locator(`[data-testid="link-${HUB_REGION}>${links[0].dst}"]`).click({ force: true });
    await expectPairRecords(vs, HUB_REGION, links[0].dst);

    // The pair's query panel stays open behind the map: the reload must bring both back, once each.
    const pairQuery = `src-region-id:"${HUB_REGION}" and dst-region-id:"${links[0].dst}"`;

    // Cancel: the emulator holds every answer back; the page's Cancel ends the load at once.
    const again = await openMap(vs);
    vs.emulator.context.faults.update({ latencyMs: 120_000 });
    try {
      await again.locator('.action-button', { hasText: 'Refresh' }).click();
      const started = Date.now();
      await again.locator('[data-testid=map-cancel]').click();
      await again.locator('[data-testid=map-status]', { hasText: /Cancelled/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      assert.ok(Date.now() - started < 60_000, 'cancelled long before the held-back answer');
    } finally {
      vs.emulator.context.faults.update({ latencyMs: 0 });
    }

    // A range, a measure and the attachment split, then Reload Window.
    const status = again.locator('[data-testid=map-status]');
    await again.locator('[data-testid=map-range]').selectOption({ label: 'Last 24 hours' });
    await status.filter({ hasText: /answered/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await again.locator('[data-testid=map-via]').check();
    await status.filter({ hasText: /answered/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await again.locator('[data-testid=map-metric]').selectOption('packets');
    await vs.reloadWindow(RELOAD_TIMEOUT_MS);
    // The webview in front, without clicking a tab: the map, not the query panel reopened over it.
    const front = await vs.webviewFrame();
    await front.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.equal(await vs.page.locator('.tabs-container .tab.active', { hasText: MAP_TAB }).count(), 1, 'the map is still the active tab');
    const after = await vs.webviewFrame(MAP_TAB);
    await after.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.match((await after.locator('.map-subtitle').textContent()) ?? '', /every flow log of CEN cen-/);
    assert.equal(await after.locator('[data-testid=map-range] option:checked').textContent(), 'Last 24 hours');
    assert.equal(await after.locator('[data-testid=map-metric]').inputValue(), 'packets');
    assert.equal(await after.locator('[data-testid=map-via]').isChecked(), true);
    await after.locator('[data-testid=map-status]', { hasText: /flow logs? answered/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: MAP_TAB }).count(), 1, 'one tab for the map, not a second copy');
    const queryTab = vs.page.locator('.tabs-container .tab', { hasText: `Query: ${HUB_FLOW_LOG}` });
    assert.equal(await queryTab.count(), 1, 'one query panel tab, no duplicate');
    const wb = await vs.webviewFrame(`Query: ${HUB_FLOW_LOG}`);
    await wb.locator('[data-testid=query-editor] .cm-content', { hasText: pairQuery }).waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.equal((await editorText(wb)).trim(), pairQuery, 'the query panel keeps its query');
    assert.equal(await queryTab.count(), 1, 'still one query panel tab once it is revived');
  });

  it('a map opened from one flow log comes back after Reload Window as that flow log’s map, with its range and measure', async () => {
    await vs.runCommand('View: Close All Editors');
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Beijing) (cn-beijing)');
    await vs.contextMenu(BEIJING_FLOW_LOG, 'Show Region Map…');
    const tab = `Region Map: ${BEIJING_FLOW_LOG}`;
    const map = await vs.webviewFrame(tab);
    await map.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const subtitle = (await map.locator('.map-subtitle').textContent()) ?? '';
    assert.match(subtitle, /^flow log \S+/, 'the map is of one flow log');
    // A router-level flow log records the traffic leaving its own region: every cell with traffic starts there.
    const before = await cellPairs(map);
    assert.ok(before.length > 0 && before.every(([src]) => src === BEIJING_REGION), `cells ${JSON.stringify(before)}`);

    const status = map.locator('[data-testid=map-status]');
    await map.locator('[data-testid=map-range]').selectOption({ label: 'Last 24 hours' });
    await status.filter({ hasText: /answered/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await map.locator('[data-testid=map-metric]').selectOption('packets');
    await vs.reloadWindow(RELOAD_TIMEOUT_MS);

    const front = await vs.webviewFrame();
    await front.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: RELOAD_TIMEOUT_MS });
    assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: tab }).count(), 1, 'one tab for the flow log’s map');
    assert.equal(await vs.page.locator('.tabs-container .tab', { hasText: MAP_TAB }).count(), 0, 'not turned into the CEN’s map');
    const after = await vs.webviewFrame(tab);
    await after.locator('[data-testid=map-status]', { hasText: /answered/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await after.locator('.map-subtitle').textContent(), subtitle, 'the same flow log');
    assert.equal(await after.locator('[data-testid=map-range] option:checked').textContent(), 'Last 24 hours');
    assert.equal(await after.locator('[data-testid=map-metric]').inputValue(), 'packets');
    const cells = await cellPairs(after);
    assert.ok(cells.length > 0 && cells.every(([src]) => src === BEIJING_REGION), `after the reload, still only ${BEIJING_REGION}'s traffic: ${JSON.stringify(cells)}`);
  });

  it('high contrast: the map renders and axe finds no serious or critical violation (colour contrast included)', async () => {
    await vs.reopen({ settings: { 'workbench.colorTheme': 'Default High Contrast' } });
    await openExplorer(vs);
    await vs.runCommand('CEN Flow Logs: Show Region Map…');
    await pick(vs, 'prod-backbone');
    await pick(vs, 'Every flow log of prod-backbone');
    const map = await openMap(vs);
    assert.ok((await map.locator('td.cell[data-src]').count()) >= 2, 'cells with traffic');
    await vs.screenshot('region-map-high-contrast');
    assert.deepEqual(await seriousAxeViolations(await webviewPageFrame(vs, '[data-testid=region-matrix]')), [], 'no serious or critical axe violation');
  });
});

/** Docs pictures: the map tab alone fills the editor area (side bar closed). */
async function docsScreenshot(vs: VsCodeSession, name: string): Promise<void> {
  await vs.runCommand('View: Toggle Primary Side Bar Visibility');
  await vs.page.mouse.move(1, 1);
  await vs.page.waitForTimeout(500);
  await screenshotForDocs(vs, name);
  await vs.runCommand('View: Toggle Primary Side Bar Visibility');
}
