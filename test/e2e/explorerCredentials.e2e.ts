/**
 * Credentials in a real VS Code with no keys in the environment: the sign-in welcome view, signing
 * in with an AccessKey (kept in SecretStorage), a wrong secret, and the non-whitelisted account.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';

const STEP_TIMEOUT = 30_000;

/**
 * Answers the input box whose prompt matches `prompt`: waits for that prompt (so a slow extension
 * host cannot reset the value after we type), types until the value sticks, accepts, and waits for
 * the step to go away.
 */
async function answerStep(vs: VsCodeSession, prompt: RegExp, text: string): Promise<void> {
  const step = vs.page.locator('.quick-input-widget').filter({ has: vs.page.locator('.quick-input-message', { hasText: prompt }) });
  await step.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  const input = step.locator('.quick-input-box input');
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill(text);
    await vs.page.waitForTimeout(150);
    if ((await input.inputValue()) === text) break;
  }
  await input.press('Enter');
  await step.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

async function signIn(vs: VsCodeSession, accessKeyId: string, secret: string): Promise<void> {
  await vs.openViewContainer('CEN Flow Logs');
  const welcome = vs.page.locator('.part.sidebar .welcome-view-content');
  await welcome.filter({ hasText: /Sign in to Alibaba Cloud/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
  await welcome.locator('.monaco-button', { hasText: 'Sign In with AccessKey' }).first().click();
  await answerStep(vs, /AccessKey ID/, accessKeyId);
  await answerStep(vs, /AccessKey secret/, secret);
}

describe('explorer credentials', { timeout: 900_000 }, () => {
  const vs = useVsCode({ env: {} });

  it('offers sign-in when there are no credentials; an AccessKey signs in and the tree loads', async () => {
    await signIn(vs, 'LTAIemulatorOwner', 'emulator-owner-secret');
    await vs.treeRow('prod-backbone').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vs.page.locator('.statusbar-item', { hasText: /AccessKey LTAI…wner/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // Sign out brings the welcome view back.
    await vs.runCommand('CEN Flow Logs: Sign Out');
    await vs.page.locator('.part.sidebar .welcome-view-content', { hasText: /Sign in to Alibaba Cloud/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('a wrong secret gives a clear credentials error in the tree, without the secret', async () => {
    await signIn(vs, 'LTAIemulatorOwner', 'definitely-wrong-secret');
    const row = vs.treeRow('Could not load CEN instances').first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /AccessKey|signature|credentials/i);
    assert.ok(!text.includes('definitely-wrong-secret'));
    await row.click();
    await vs.notification(/Could not load CEN instances/);
  });

  it('the non-whitelisted account is told it must be whitelisted when creating a flow log', async () => {
    await signIn(vs, 'LTAIemulatorNoFlowLog', 'emulator-noflowlog-secret');
    await vs.treeRow('partner-network').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vs.contextMenu('partner-network', 'Create Flow Log…');
    await vs.answerQuickPick('cn-hangzhou');
    await answerStep(vs, /Project name/, 'partner-logs');
    await answerStep(vs, /Logstore name/, 'partner');
    await answerStep(vs, /Flow log name/, '');
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    await answerStep(vs, /Transit router ID/, '');
    await vs.notification(/not whitelisted/i, 30_000);
    assert.equal(vs.emulator.context.cen.flowLogsOf('6543210987654321').length, 0);
  });
});
