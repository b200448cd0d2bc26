/**
 * Steps on query files (.slsql) in the text editor, as a person takes them: open a workspace file
 * through Quick Open and bring its tab to the front, put the cursor on a line through Go to Line.
 */
import { UI_TIMEOUT_MS } from './workbench';
import type { VsCodeSession } from './session';
import { QUERY_TIMEOUT_MS } from './queryWorkbench';

/**
 * Brings a workspace file's editor to the front: by clicking its tab when it is open (as a person
 * does with the file in view), else through Quick Open (Ctrl+P). Quick Open opens a file in the
 * active group, which after a click into a results panel beside the file is the panel's group: the
 * file would then be open twice.
 */
export async function openFile(vs: VsCodeSession, name: string): Promise<void> {
  const tabs = vs.page.locator(`.tabs-container .tab[data-resource-name="${name}"]`);
  if ((await tabs.count()) === 0) {
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
  }
  // The file's tab (its panel's tab names it too, but holds a webview), in front and in the active group.
  const tab = tabs.first();
  await tab.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await tab.click();
  await vs.page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Puts the cursor at the start of a 1-based line through Go to Line (Ctrl+G). */
export async function goToLine(vs: VsCodeSession, line: number): Promise<void> {
  // The active group's text editor (not the Problems panel's filter box, also a Monaco editor, nor
  // a file in another group).
  await vs.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').filter({ visible: true }).first().click();
  await vs.page.keyboard.press('Control+G');
  const input = vs.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // Go to Line is Quick Open with the ":" prefix; fill() replaces the prefix too.
  await input.fill(`:${line}`);
  await input.press('Enter');
  await vs.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}
