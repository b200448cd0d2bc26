/**
 * The flow-log explorer in a real VS Code against the emulator (owner keys from the environment):
 * the demo tree as the service models it today (CEN → transit router per region → its router-level
 * and per-attachment flow logs, Basic routers saying why they have none, the older-form flow log),
 * a per-attachment flow log created through the wizard's pickers with the peer-side suggestion of
 * an inter-region connection, the lifecycle from context menus, and a further flow log on a CEN
 * that has several (the service decides; was: the one-per-CEN refusal) under throttling.
 * Transitions take 1.5 s here so the transitional states are visible in the tree.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { answerFieldStep, answerStep, fieldStep, openExplorer, STEP_TIMEOUT_MS, treeTooltipText } from './harness/explorerSteps';

const LONG = 30_000;

/** The row's full text (label + description), e.g. "prod-backbone-flowlogwhole router · Active". */
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

  it('shows CENs → transit routers per region → several flow logs per CEN, router-level and per-attachment', async () => {
    await openExplorer(vs);
    for (const name of ['prod-backbone', 'global-transit', 'dev-network', 'apac-edge', 'classic-interconnect', 'lab-empty']) await vs.treeItem(name);
    await vs.expandTreeItem('prod-backbone');
    await waitForRowText(vs, 'China (Qingdao) (cn-qingdao)', /Basic Edition — no flow logs/);
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    await waitForRowText(vs, 'prod-backbone-flowlog', /whole router · Active/);
    await waitForRowText(vs, 'hangzhou-to-beijing', /inter-region → cn-beijing · Active/);
    await vs.expandTreeItem('China (Shanghai) (cn-shanghai)');
    await waitForRowText(vs, 'shanghai-vpc', /VPC vpc-[a-z0-9]+ \(cn-shanghai\) · Inactive/);
    await vs.expandTreeItem('global-transit');
    await vs.expandTreeItem('Singapore (ap-southeast-1)');
    await waitForRowText(vs, 'global-transit-flowlog', /whole router · Inactive/);
    await vs.expandTreeItem('dev-network');
    await vs.expandTreeItem('China (Shenzhen) (cn-shenzhen)');
    await vs.treeItem('No flow log — create one');
    await vs.page.locator('.statusbar-item', { hasText: /Environment \(LTAI…wner\)/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await docsScreenshot(vs, 'explorer-light');
    await vs.reopen({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    await waitForRowText(vs, 'hangzhou-to-beijing', /inter-region/);
    await docsScreenshot(vs, 'explorer-dark');
  });

  it('creates a per-attachment flow log through the wizard’s pickers, then offers the peer router’s side of the inter-region connection', async () => {
    await openExplorer(vs);
    await vs.contextMenu('dev-network', 'Create Flow Log…');
    await vs.answerQuickPick('China (Shenzhen) (cn-shenzhen)');
    await vs.answerQuickPick('inter-region → cn-zhangjiakou');
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
    // The log format is a choice of today's fields; the three the service requires cannot be unchecked.
    const fields = fieldStep(vs);
    await fields.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await fields.locator('.quick-input-header').getByRole('checkbox', { name: 'Toggle all checkboxes' }).click();
    await vs.page.locator('.notifications-toasts', { hasText: /srcaddr, dstaddr, bytes are required by the service and stay checked/ }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await answerFieldStep(vs, ['srcaddr', 'srcport', 'dstport', 'direction']);
    await answerStep(vs, /Tags/, 'team=network');
    await vs.expandTreeItem('dev-network');
    await vs.expandTreeItem('China (Shenzhen) (cn-shenzhen)');
    await waitForRowText(vs, 'dev flow log', /inter-region → cn-zhangjiakou · (Creating…|Active)/);
    await waitForRowText(vs, 'dev flow log', /inter-region → cn-zhangjiakou · Active/);
    const created = ownerFlowLogs(vs, 'dev-network');
    assert.equal(created.length, 1);
    assert.equal(created[0].name, 'dev flow log');
    assert.equal(created[0].interval, 60);
    assert.equal(created[0].projectName, 'dev-network-logs');
    assert.equal(created[0].attachmentType, 'TR');
    assert.equal(created[0].logFormatString, '${srcaddr}${dstaddr}${bytes}${srcport}${dstport}${direction}');
    assert.deepEqual(created[0].tags, [{ key: 'team', value: 'network' }]);
    const tooltip = await treeTooltipText(vs, 'dev flow log', 'Log format');
    assert.match(tooltip, /Log format: \$\{srcaddr\}\$\{dstaddr\}\$\{bytes\}\$\{srcport\}\$\{dstport\}\$\{direction\}/, 'the tree shows the chosen format');

    // Only outbound traffic is captured on an inter-region connection: the peer side is offered.
    await vs.clickNotificationButton(/only traffic leaving cn-shenzhen/, 'Create on the Peer Router…');
    await answerStep(vs, /Project name/, 'dev-network-logs-zjk');
    await answerStep(vs, /Logstore name/, 'dev-network-back');
    await answerStep(vs, /Flow log name/, 'dev flow log back');
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    await answerFieldStep(vs);
    await answerStep(vs, /Tags/, '');
    await vs.expandTreeItem('China (Zhangjiakou) (cn-zhangjiakou)');
    await waitForRowText(vs, 'dev flow log back', /inter-region → cn-shenzhen · Active/);
    const both = ownerFlowLogs(vs, 'dev-network');
    assert.equal(both.length, 2);
    const back = both.find((f) => f.name === 'dev flow log back');
    assert.equal(back?.regionId, 'cn-zhangjiakou');
    const backAttachment = vs.emulator.context.cen.attachments.get(back?.transitRouterAttachmentId ?? '');
    assert.equal(backAttachment?.resourceId, created[0].transitRouterId, 'the peer side is the same connection, seen from the other router');
  });

  it('stops (→ Inactive) and starts (→ Active) a flow log from its context menu', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    const flowLog = () => ownerFlowLogs(vs, 'prod-backbone').find((f) => f.name === 'prod-backbone-flowlog');
    await vs.contextMenu('prod-backbone-flowlog', 'Stop Flow Log');
    await waitForRowText(vs, 'prod-backbone-flowlog', /Modifying…/);
    await waitForRowText(vs, 'prod-backbone-flowlog', /whole router · Inactive/);
    assert.equal(flowLog()?.status, 'Inactive');
    await vs.contextMenu('prod-backbone-flowlog', 'Start Flow Log');
    await waitForRowText(vs, 'prod-backbone-flowlog', /whole router · Active/);
    assert.equal(flowLog()?.status, 'Active');
  });

  it('modifies the name, pre-filled with the current values', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('global-transit');
    await vs.expandTreeItem('Singapore (ap-southeast-1)');
    await vs.contextMenu('global-transit-flowlog', 'Modify Flow Log…');
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await input.inputValue(), 'global-transit-flowlog');
    await answerStep(vs, /^Name/, 'global-transit-renamed');
    await answerStep(vs, /^Description/, 'renamed by the e2e test');
    await vs.answerQuickPick('1 minute (60 s)');
    await waitForRowText(vs, 'global-transit-renamed', /Inactive/);
    const f = ownerFlowLogs(vs, 'global-transit').find((x) => x.regionId === 'ap-southeast-1');
    assert.equal(f?.name, 'global-transit-renamed');
    assert.equal(f?.description, 'renamed by the e2e test');
  });

  it('deletes after a modal confirmation that names the flow log and says the SLS data stays', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('global-transit');
    await vs.expandTreeItem('Singapore (ap-southeast-1)');
    await vs.contextMenu('global-transit-flowlog', 'Delete Flow Log…');
    const detail = await vs.page.locator('.monaco-dialog-box .dialog-message-detail').textContent({ timeout: UI_TIMEOUT_MS });
    assert.match(detail ?? '', /stay in Log Service/);
    const message = await vs.answerDialog('Delete');
    assert.match(message, /global-transit-flowlog/);
    await vs.treeItem('No flow log — create one');
    assert.equal(await vs.treeRow('global-transit-flowlog').count(), 0);
    assert.equal(ownerFlowLogs(vs, 'global-transit').filter((f) => f.regionId === 'ap-southeast-1').length, 0);
    assert.equal(ownerFlowLogs(vs, 'global-transit').length, 1, 'the CEN’s other flow log stays');
  });

  it('creates a further flow log on a CEN that already has several (the service decides), exactly once under throttling', async () => {
    await openExplorer(vs);
    const before = ownerFlowLogs(vs, 'prod-backbone').length;
    await vs.runCommand('CEN Flow Logs: Create Flow Log…');
    await vs.answerQuickPick('prod-backbone');
    await vs.answerQuickPick('China (Beijing) (cn-beijing)');
    await vs.answerQuickPick('The whole transit router');
    // cn-beijing already has the demo router flow log's project (issue 20): start a new one.
    await vs.answerQuickPick('Create a new project…');
    await answerStep(vs, /Project name/, 'beijing-logs');
    await answerStep(vs, /Logstore name/, 'beijing');
    await answerStep(vs, /Flow log name/, 'beijing flow log');
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    await answerFieldStep(vs);
    vs.emulator.context.faults.settings = { ...vs.emulator.context.faults.settings, throttleRate: 0.3 };
    await answerStep(vs, /Tags/, '');
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Beijing) (cn-beijing)');
    await waitForRowText(vs, 'beijing flow log', /whole router · Active/, 60_000);
    vs.emulator.context.faults.settings = { ...vs.emulator.context.faults.settings, throttleRate: 0 };
    assert.ok(vs.emulator.context.faults.injected.throttle > 0, 'throttling was injected');
    assert.equal(ownerFlowLogs(vs, 'prod-backbone').length, before + 1);
  });

  it('shows the older-form flow log (no transit router) under its CEN, and Basic routers without Create', async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('classic-interconnect');
    await waitForRowText(vs, 'classic-flowlog', /whole CEN \(older form\) · Active/);
    await waitForRowText(vs, 'China (Shenzhen) (cn-shenzhen)', /Basic Edition — no flow logs/);
  });
});
