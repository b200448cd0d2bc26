/**
 * The explorer's hand-overs and account surfaces in a real VS Code against the emulator (owner keys
 * from the environment): "Copy Flow Log ID" puts the id shown in the tooltip on the clipboard,
 * "Open in Alibaba Cloud Console" opens the flow log's CEN instance in the CEN console, with its region
 * (the current console has no per-CEN flow-log page: api-current.md §6; was a /flowlog tab link), the
 * welcome view for an account without CEN instances, and the credentials status-bar item (it names
 * the active source; clicking it switches to another account).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import {
  answerStep,
  clickWelcomeButton,
  credentialStatusBarItem,
  openExplorer,
  STEP_TIMEOUT_MS,
  treeTooltipText,
  waitForCredentialStatus,
  waitForTreeRow,
  welcomeView,
} from './harness/explorerSteps';
import { openLinkFromDialog, recordSiteRequests } from './harness/externalPages';
import { NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT } from '../../emulator/accounts';

const FLOW_LOG = 'prod-backbone-flowlog';
const NO_CENS_WELCOME = /This account has no CEN instances/;

/** The flow log's tooltip (the markdown hover VS Code shows). */
const tooltipText = (vs: VsCodeSession, label: string): Promise<string> => treeTooltipText(vs, label);

/** The flow log id as the tooltip shows it ("Flow log: flowlog-…"). */
function flowLogIdIn(tooltip: string): string {
  const id = tooltip.match(/Flow log:\s*(flowlog-[a-z0-9]+)/)?.[1];
  assert.ok(id, `the tooltip names the flow log id: ${JSON.stringify(tooltip)}`);
  return id;
}

/** The region id as the tooltip shows it, last on its line ("Region: China (Hangzhou) (cn-hangzhou)", "Region: Singapore (ap-southeast-1)"). */
function regionIdIn(tooltip: string): string {
  const region = tooltip.match(/Region:[^\n]*\(([a-z0-9-]+)\)\s*$/m)?.[1];
  assert.ok(region, `the tooltip names the region: ${JSON.stringify(tooltip)}`);
  return region;
}

/** Pastes the clipboard into a new untitled editor, as a person checking what was copied would, and returns the text. */
async function pasteIntoNewEditor(vs: VsCodeSession): Promise<string> {
  await vs.runCommand('File: New Untitled Text File');
  const editor = vs.page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await editor.locator('.view-lines').click();
  await vs.page.keyboard.press('Control+V');
  const lines = editor.locator('.view-lines');
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
    if (text) break;
    await vs.page.waitForTimeout(200);
  }
  return text;
}

/** The text of code-server's "open the external website?" confirmation (it shortens long URLs in the middle). */
async function externalLinkDialogText(page: Page): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return (await dialog.textContent()) ?? '';
}

describe('explorer console hand-overs and account', { timeout: 1_200_000 }, () => {
  const vs = useVsCode();

  it('"Copy Flow Log ID" from the context menu puts the id the tooltip shows on the clipboard', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    // The browser's clipboard, as a person's browser lets VS Code use it.
    await vs.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: vs.server.url });
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    const tooltipId = flowLogIdIn(await tooltipText(vs, FLOW_LOG));
    const [inEmulator] = vs.emulator.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).filter((f) => f.name === FLOW_LOG);
    assert.equal(tooltipId, inEmulator?.flowLogId, 'the tooltip shows the flow log’s id');
    await vs.contextMenu(FLOW_LOG, 'Copy Flow Log ID');
    await vs.page.locator('.part.statusbar', { hasText: `Copied ${tooltipId}` }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await pasteIntoNewEditor(vs), tooltipId);
  });

  it('"Open in Alibaba Cloud Console" opens the flow log’s CEN instance in the CEN console, in its region', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const opened = await recordSiteRequests(vs, /^https:\/\/[a-z]+\.console\.aliyun\.com\//, 'console');
    await openExplorer(vs);
    await vs.expandTreeItem('global-transit');
    await vs.expandTreeItem('Singapore (ap-southeast-1)');
    const tooltip = await tooltipText(vs, 'global-transit-flowlog');
    const flowLogId = flowLogIdIn(tooltip);
    const regionId = regionIdIn(tooltip);
    assert.equal(regionId, 'ap-southeast-1', 'the demo flow log of global-transit is in Singapore');
    const [f] = vs.emulator.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).filter((x) => x.flowLogId === flowLogId);
    assert.ok(f, 'the tooltip id is a flow log of the account');

    await vs.contextMenu('global-transit-flowlog', 'Open in Alibaba Cloud Console');
    const dialogText = await externalLinkDialogText(vs.page);
    assert.ok(dialogText.includes(`https://cen.console.aliyun.com/cen/detail/${f.cenId}`), `the dialog names the CEN console page: ${dialogText}`);
    const { page, url } = await openLinkFromDialog(vs);
    const what = `opened ${url.toString()}`;
    assert.equal(url.origin, 'https://cen.console.aliyun.com', what);
    assert.equal(url.pathname.split('/').slice(1, 4).join('/'), `cen/detail/${f.cenId}`, what);
    assert.equal(url.searchParams.get('regionId'), regionId, what);
    assert.deepEqual(opened, [url.toString()], 'the browser asked for that page, once');
    await page.close();
  });

  it('an account without CEN instances gets the "no CEN instances" welcome with its buttons', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.reopen({ emulator: { demo: false } });
    assert.equal(vs.emulator.context.cen.censOf(OWNER_ACCOUNT.accountId).length, 0);
    await vs.openViewContainer('CEN Flow Logs');
    const welcome = welcomeView(vs, NO_CENS_WELCOME).first();
    await welcome.waitFor({ state: 'visible', timeout: 90_000 });
    const buttons = (await welcome.locator('.monaco-button').allTextContents()).map((t) => t.trim());
    assert.deepEqual(buttons, ['Open CEN Console', 'Refresh', 'Switch Credentials']);
    assert.equal(await welcomeView(vs, /Sign in to Alibaba Cloud/).count(), 0, 'signed in: no sign-in welcome');
    assert.deepEqual(await vs.treeLabels(), [], 'no tree rows, not even an empty or error row');
    // A CEN created meanwhile shows after Refresh, and the welcome goes away.
    const cen = vs.emulator.context.cen;
    cen.addCen(
      {
        cenId: cen.newId('cen', 18),
        ownerAccountId: OWNER_ACCOUNT.accountId,
        name: 'created-later',
        description: '',
        status: 'Active',
        creationTime: Date.now(),
        protectionLevel: 'REDUCED',
        tags: [],
      },
    );
    await clickWelcomeButton(vs, NO_CENS_WELCOME, 'Refresh');
    await waitForTreeRow(vs, 'created-later');
    await welcome.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('the status bar names the active account; clicking it switches to another AccessKey and the tree follows', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await openExplorer(vs);
    await waitForCredentialStatus(vs, 'Environment (LTAI…wner)');
    await credentialStatusBarItem(vs, 'Environment (LTAI…wner)').first().click();
    await vs.answerQuickPick('Sign in with an AccessKey…');
    await answerStep(vs, /AccessKey ID/, NOT_WHITELISTED_ACCOUNT.accessKeyId);
    await answerStep(vs, /AccessKey secret/, NOT_WHITELISTED_ACCOUNT.accessKeySecret);
    await waitForTreeRow(vs, 'partner-network');
    await waitForCredentialStatus(vs, 'AccessKey LTAI…wLog');
    assert.equal(await credentialStatusBarItem(vs, /Environment/).count(), 0);
    await vs.treeRow('prod-backbone').first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
    // And back: the status bar offers the environment's chain again.
    await credentialStatusBarItem(vs, 'AccessKey LTAI…wLog').first().click();
    await vs.answerQuickPick('Use the default credential chain');
    await waitForTreeRow(vs, 'prod-backbone');
    await waitForCredentialStatus(vs, 'Environment (LTAI…wner)');
    assert.equal(await vs.treeRow('partner-network').count(), 0);
  });
});
