/**
 * The flow-log explorer in a real VS Code against the emulator (owner keys from the environment):
 * the demo tree with statuses, the whole lifecycle from context menus and the palette, and the
 * one-per-CEN refusal and throttling during create. Transitions take 1.5 s here so the transitional
 * states are visible in the tree.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { answerStep, openExplorer, STEP_TIMEOUT_MS } from './harness/explorerSteps';

const LONG = 30_000;

/** The row's full text (label + description), e.g. "prod-backbone-flowlogcn-hangzhou · Active". */
async function waitForRowText(vs: VsCodeSession, label: string | RegExp, text: RegExp, timeout = LONG): Promise<void> {
  const row = vs.treeRow(label).filter({ hasText: text });
  await row.first().waitFor({ state: 'visible', timeout });
}

function ownerFlowLogs(vs: VsCodeSession, cenName: string) {
  const cen = vs.emulator.context.cen.censOf('1234567890123456').find((c) => c.name === cenName);
  assert.ok(cen, `demo CEN ${cenName}`);
  return vs.emulator.context.cen.flowLogsOf('1234567890123456').filter((f) => f.cenId === cen.cenId);
}

/** Docs screenshots are refreshed only on request, so a test run never dirties the checkout. */
async function docsScreenshot(vs: VsCodeSession, name: string): Promise<void> {
  // Widen the side bar (drag its sash) so descriptions — ids, regions, statuses — are readable.
  const box = await vs.page.locator('.part.sidebar').boundingBox();
  if (box && box.width < 500) {
    const x = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await vs.page.mouse.move(x, y);
    await vs.page.mouse.down();
    await vs.page.mouse.move(x + 260, y, { steps: 8 });
    await vs.page.mouse.up();
  }
  await vs.page.mouse.move(950, 650); // off the sash, so it is not highlighted
  await vs.page.waitForTimeout(300);
  await screenshotForDocs(vs, name);
}

describe('explorer', { timeout: 1_200_000 }, () => {
  const vs = useVsCode({ emulator: { transitionMs: 1_500 } });

  it('shows the demo CENs and their flow logs with statuses, unsupported regions and create rows', async () => {
    await openExplorer(vs);
    for (const name of ['prod-backbone', 'global-transit', 'dev-network', 'apac-edge', 'lab-empty']) await vs.treeItem(name);
    await vs.expandTreeItem('prod-backbone');
    await waitForRowText(vs, 'prod-backbone-flowlog', /cn-hangzhou · Active/);
    await vs.treeItem('China (Qingdao) (cn-qingdao)');
    await waitForRowText(vs, 'China (Qingdao) (cn-qingdao)', /flow logs not supported/);
    await vs.expandTreeItem('global-transit');
    await waitForRowText(vs, 'global-transit-flowlog', /ap-southeast-1 · Inactive/);
    await vs.expandTreeItem('dev-network');
    await vs.treeItem('No flow log — create one');
    await vs.page.locator('.statusbar-item', { hasText: /Environment \(LTAI…wner\)/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await docsScreenshot(vs, 'explorer-light');
    await vs.reopen({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('global-transit');
    await vs.expandTreeItem('dev-network');
    await waitForRowText(vs, 'global-transit-flowlog', /Inactive/);
    await docsScreenshot(vs, 'explorer-dark');
  });

  it('creates a flow log through the whole multi-step input and shows Creating → Active', async () => {
    await openExplorer(vs);
    await vs.contextMenu('dev-network', 'Create Flow Log…');
    await vs.answerQuickPick('cn-shenzhen');
    // A bad project name gets a positioned message before anything is sent.
    const message = (text: RegExp) => vs.page.locator('.quick-input-widget .quick-input-message', { hasText: text });
    await message(/Project name/).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await vs.page.locator('.quick-input-widget .quick-input-box input').fill('Dev_Logs');
    await message(/"D" at position 1/).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await answerStep(vs, /Project name/, 'dev-network-logs');
    await answerStep(vs, /Logstore name/, 'dev-network');
    await answerStep(vs, /Flow log name/, 'dev flow log');
    await answerStep(vs, /Description/, 'created by the e2e test');
    await vs.answerQuickPick('1 minute (60 s)');
    await answerStep(vs, /Transit router ID/, '');
    await vs.expandTreeItem('dev-network');
    await waitForRowText(vs, 'dev flow log', /cn-shenzhen · Creating…/);
    await waitForRowText(vs, 'dev flow log', /cn-shenzhen · Active/);
    const created = ownerFlowLogs(vs, 'dev-network');
    assert.equal(created.length, 1);
    assert.equal(created[0].name, 'dev flow log');
    assert.equal(created[0].interval, 60);
    assert.equal(created[0].projectName, 'dev-network-logs');
    assert.equal(created[0].logStoreName, 'dev-network');
  });

  it('stops (→ Inactive) and starts (→ Active) a flow log from its context menu', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.contextMenu('prod-backbone-flowlog', 'Stop Flow Log');
    await waitForRowText(vs, 'prod-backbone-flowlog', /Modifying…/);
    await waitForRowText(vs, 'prod-backbone-flowlog', /cn-hangzhou · Inactive/);
    assert.equal(ownerFlowLogs(vs, 'prod-backbone')[0].status, 'Inactive');
    await vs.contextMenu('prod-backbone-flowlog', 'Start Flow Log');
    await waitForRowText(vs, 'prod-backbone-flowlog', /cn-hangzhou · Active/);
    assert.equal(ownerFlowLogs(vs, 'prod-backbone')[0].status, 'Active');
  });

  it('modifies the name, pre-filled with the current values', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('global-transit');
    await vs.contextMenu('global-transit-flowlog', 'Modify Flow Log…');
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await input.inputValue(), 'global-transit-flowlog');
    await answerStep(vs, /^Name/, 'global-transit-renamed');
    await answerStep(vs, /^Description/, 'renamed by the e2e test');
    await vs.answerQuickPick('1 minute (60 s)');
    await waitForRowText(vs, 'global-transit-renamed', /Inactive/);
    const [f] = ownerFlowLogs(vs, 'global-transit');
    assert.equal(f.name, 'global-transit-renamed');
    assert.equal(f.description, 'renamed by the e2e test');
  });

  it('deletes after a modal confirmation that names the flow log and says the SLS data stays', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('global-transit');
    await vs.contextMenu('global-transit-flowlog', 'Delete Flow Log…');
    const detail = await vs.page.locator('.monaco-dialog-box .dialog-message-detail').textContent({ timeout: UI_TIMEOUT_MS });
    assert.match(detail ?? '', /stay in Log Service/);
    const message = await vs.answerDialog('Delete');
    assert.match(message, /global-transit-flowlog/);
    await vs.treeItem('No flow log — create one');
    assert.equal(await vs.treeRow('global-transit-flowlog').count(), 0);
    assert.equal(ownerFlowLogs(vs, 'global-transit').length, 0);
  });

  it('refuses a second flow log for a CEN with a message naming the existing one', async () => {
    await openExplorer(vs);
    await vs.treeItem('prod-backbone');
    await vs.runCommand('CEN Flow Logs: Create Flow Log…');
    await vs.answerQuickPick('prod-backbone');
    const existing = ownerFlowLogs(vs, 'prod-backbone')[0];
    await vs.notification(new RegExp(`already has a flow log.*prod-backbone-flowlog.*${existing.flowLogId}`));
    await vs.dismissQuickInput();
    assert.equal(ownerFlowLogs(vs, 'prod-backbone').length, 1);
  });

  it('with throttling injected during create, still creates exactly one flow log', async () => {
    await openExplorer(vs);
    await vs.contextMenu('apac-edge', 'Create Flow Log…');
    // Not ap-southeast-2: Australia (Sydney) closed in 2024 and is no longer offered (issue 18).
    await vs.answerQuickPick('ap-southeast-3');
    await answerStep(vs, /Project name/, 'apac-edge-logs');
    await answerStep(vs, /Logstore name/, 'apac-edge');
    await answerStep(vs, /Flow log name/, 'apac flow log');
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    vs.emulator.context.faults.settings = { ...vs.emulator.context.faults.settings, throttleRate: 0.3 };
    await answerStep(vs, /Transit router ID/, '');
    await vs.expandTreeItem('apac-edge');
    await waitForRowText(vs, 'apac flow log', /ap-southeast-3 · Active/, 60_000);
    assert.ok(vs.emulator.context.faults.injected.throttle > 0, 'throttling was injected');
    assert.equal(ownerFlowLogs(vs, 'apac-edge').length, 1);
  });
});
