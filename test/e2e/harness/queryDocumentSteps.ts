/**
 * Steps on query files (.slsql) in the text editor, as a person takes them: open a workspace file
 * through Quick Open and bring its tab to the front, put the cursor on a line through Go to Line.
 */
import { UI_TIMEOUT_MS } from './workbench';
import type { VsCodeSession } from './session';
import { QUERY_TIMEOUT_MS } from './queryWorkbench';

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor. */
export async function openFile(vs: VsCodeSession, name: string): Promise<void> {
  const widget = vs.page.locator('.quick-input-widget');
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  const deadline = Date.now() + QUERY_TIMEOUT_MS;
  // A file written a moment ago may not be indexed yet: ask again until Quick Open lists it.
  for (;;) {
    await vs.page.keyboard.press('Control+P');
    await widget.locator('.quick-input-box input').fill(name);
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Quick Open does not list ${name}`);
      await vs.page.keyboard.press('Escape');
    }
  }
  await widget.locator('.quick-input-box input').press('Enter');
  // The file's tab (its panel's tab names it too, but holds a webview), in front: the panel of a
  // run may have been revealed over it while Quick Open was up.
  const tab = vs.page.locator(`.tabs-container .tab[data-resource-name="${name}"]`);
  await tab.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await tab.click();
  await vs.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Puts the cursor at the start of a 1-based line through Go to Line (Ctrl+G). */
export async function goToLine(vs: VsCodeSession, line: number): Promise<void> {
  // The text editor's lines (not the Problems panel's filter box, also a Monaco editor).
  await vs.page.locator('.part.editor .monaco-editor .view-lines').filter({ visible: true }).first().click();
  await vs.page.keyboard.press('Control+G');
  const input = vs.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // Go to Line is Quick Open with the ":" prefix; fill() replaces the prefix too.
  await input.fill(`:${line}`);
  await input.press('Enter');
  await vs.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}
