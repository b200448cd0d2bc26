/**
 * Steps of the flow-log explorer that many e2e tests take the same way: answering one step of a
 * (multi-step) input by its prompt, signing in with an AccessKey from the welcome view, and opening
 * the explorer until its first load shows.
 */
import type { Locator } from 'playwright-core';
import type { VsCodeSession } from './session';
import { CONTAINER_TITLE } from './session';
import { UI_TIMEOUT_MS, type TextMatch } from './workbench';

/** How long one step of an input may take to show or go away (the extension host can be slow). */
export const STEP_TIMEOUT_MS = 30_000;

/** The first load of the view: activation and the SDK chunk can be slow on a busy machine. */
export const FIRST_LOAD_TIMEOUT_MS = 90_000;

/** How long the tree may take to load after a credentials change. */
export const TREE_LOAD_TIMEOUT_MS = 60_000;

/**
 * Answers the input box whose prompt matches `prompt`: waits for that prompt (so a slow extension
 * host cannot reset the value after we type), types until the value sticks, accepts, and waits for
 * the step to go away.
 */
export async function answerStep(vs: VsCodeSession, prompt: RegExp, text: string): Promise<void> {
  const step = vs.page.locator('.quick-input-widget').filter({ has: vs.page.locator('.quick-input-message', { hasText: prompt }) });
  await step.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const input = step.locator('.quick-input-box input');
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill(text);
    await vs.page.waitForTimeout(150);
    if ((await input.inputValue()) === text) break;
  }
  await input.press('Enter');
  await step.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** The welcome content of our side bar (sign-in or no-CEN), filtered by its text. */
export function welcomeView(vs: VsCodeSession, text: TextMatch): Locator {
  return vs.page.locator('.part.sidebar .welcome-view-content').filter({ hasText: text });
}

/** Clicks a button of a welcome view, e.g. "Sign In with AccessKey". */
export async function clickWelcomeButton(vs: VsCodeSession, welcomeText: TextMatch, button: string): Promise<void> {
  const welcome = welcomeView(vs, welcomeText).first();
  await welcome.waitFor({ state: 'visible', timeout: FIRST_LOAD_TIMEOUT_MS });
  await welcome.locator('.monaco-button', { hasText: button }).first().click();
}

/** Opens our view with no credentials and signs in with an AccessKey through the welcome view's button. */
export async function signInWithAccessKey(vs: VsCodeSession, accessKeyId: string, secret: string): Promise<void> {
  await vs.openViewContainer(CONTAINER_TITLE);
  await clickWelcomeButton(vs, /Sign in to Alibaba Cloud/, 'Sign In with AccessKey');
  await answerStep(vs, /AccessKey ID/, accessKeyId);
  await answerStep(vs, /AccessKey secret/, secret);
}

/** Opens our view and waits until the tree's first load shows the row `firstRow` (a CEN name). */
export async function openExplorer(vs: VsCodeSession, firstRow: TextMatch = 'prod-backbone'): Promise<void> {
  await vs.openViewContainer(CONTAINER_TITLE);
  await waitForTreeRow(vs, firstRow, FIRST_LOAD_TIMEOUT_MS);
}

/** Waits for a tree row (label exact, or RegExp) — e.g. after a credentials change reloads the tree. */
export async function waitForTreeRow(vs: VsCodeSession, label: TextMatch, timeout = TREE_LOAD_TIMEOUT_MS): Promise<void> {
  await vs.treeRow(label).first().waitFor({ state: 'visible', timeout });
}

/** Our credentials status-bar item (its text names the active source). */
export function credentialStatusBarItem(vs: VsCodeSession, text: TextMatch): Locator {
  return vs.page.locator('.part.statusbar .statusbar-item', { hasText: text });
}

/** Waits until our status-bar item shows `text` (the active profile/account). */
export async function waitForCredentialStatus(vs: VsCodeSession, text: TextMatch, timeout = UI_TIMEOUT_MS): Promise<void> {
  await credentialStatusBarItem(vs, text).first().waitFor({ state: 'visible', timeout });
}

/** The create wizard's log-format step: a checkbox list of today's fields. */
export function fieldStep(vs: VsCodeSession): Locator {
  return vs.page.locator('.quick-input-widget').filter({ has: vs.page.locator('.quick-input-title', { hasText: /fields each record carries/ }) });
}

/** Answers the log-format step: toggles the named fields (none = keep every field, the default), then accepts. */
export async function answerFieldStep(vs: VsCodeSession, toggle: readonly string[] = []): Promise<void> {
  const step = fieldStep(vs);
  await step.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if (toggle.length > 0) await vs.answerQuickPick(toggle);
  else await step.locator('.quick-input-box input').press('Enter');
  await step.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Hovers a tree row and returns the text of its tooltip (the markdown hover VS Code shows), waiting for `expect` in it. */
export async function treeTooltipText(vs: VsCodeSession, label: string, expect: TextMatch = 'Flow log:'): Promise<string> {
  const row = await vs.treeItem(label);
  const hover = vs.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: expect });
  // The hover shows after the hover delay; move away and back if the first hover was swallowed by a re-render.
  for (let attempt = 0; attempt < 5; attempt++) {
    await vs.page.mouse.move(1, 1);
    await row.locator('.label-name').hover();
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 3_000 * (attempt + 1) });
      break;
    } catch {
      // retried; the last attempt's failure is reported by textContent's wait
    }
  }
  const text = (await hover.first().textContent({ timeout: UI_TIMEOUT_MS })) ?? '';
  await vs.page.mouse.move(1, 1);
  await vs.page.keyboard.press('Escape');
  return text;
}
