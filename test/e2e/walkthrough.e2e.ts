/**
 * The Getting Started walkthrough in a real VS Code with no credentials: it opens from the Help menu
 * (Help → Open Walkthrough…), its first step's button signs in with an AccessKey and the step is
 * then marked done (completion event onContext:cenFlowLogs.signedIn); the next step's button opens
 * the Flow Logs view and that step is marked done too (onView).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode } from './harness';
import { answerStep, waitForCredentialStatus, waitForTreeRow } from './harness/explorerSteps';

const WALKTHROUGH = 'cenflowlogs.cen-flow-logs#gettingStarted';

function step(page: Page, id: string): Locator {
  return page.locator(`.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);
}

function stepCheckbox(page: Page, id: string): Locator {
  return page.locator(`[data-done-step-id="${WALKTHROUGH}#${id}"]`);
}

describe('walkthrough', () => {
  const vs = useVsCode({ env: {} });

  it('opens from Help; the sign-in step button signs in and the step is marked done, then the Flow Logs step', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const page = vs.page;
    await page.locator('.part.titlebar .menubar-menu-button, .menubar-menu-button').first().click();
    await page.locator('.monaco-menu .action-item', { hasText: /^Help$/ }).first().hover();
    const entry = page.locator('.monaco-menu .action-label', { hasText: /^Open Walkthrough/ }).first();
    await entry.click();
    // A menu re-rendered under the pointer can swallow the click and stay open with the entry
    // highlighted; Enter then runs it, as a keyboard user would (the harness's contextMenu does the same).
    const menu = page.locator('.monaco-menu-container').first();
    try {
      await menu.waitFor({ state: 'hidden', timeout: 3_000 });
    } catch {
      await entry.hover();
      await page.keyboard.press('Enter');
    }
    await vs.answerQuickPick('Get Started with CEN Flow Logs');

    const signIn = step(page, 'signIn');
    await signIn.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await stepCheckbox(page, 'signIn').getAttribute('aria-checked'), 'false', 'not done before signing in');
    await signIn.locator('.monaco-button', { hasText: 'Sign In with AccessKey' }).click();
    await answerStep(vs, /AccessKey ID/, 'LTAIemulatorOwner');
    await answerStep(vs, /AccessKey secret/, 'emulator-owner-secret');
    await waitForCredentialStatus(vs, 'AccessKey LTAI…wner');
    await page.locator(`[data-done-step-id="${WALKTHROUGH}#signIn"][aria-checked="true"]`).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });

    const flowLogs = step(page, 'flowLogs');
    await flowLogs.click();
    assert.equal(await stepCheckbox(page, 'flowLogs').getAttribute('aria-checked'), 'false');
    await flowLogs.locator('.monaco-button', { hasText: 'Open the Flow Logs View' }).click();
    await waitForTreeRow(vs, 'prod-backbone');
    await page.locator(`[data-done-step-id="${WALKTHROUGH}#flowLogs"][aria-checked="true"]`).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  });
});
