/**
 * What a person does in the VS Code workbench, as Playwright steps against code-server's DOM.
 * Every helper waits for what it needs (up to UI_TIMEOUT_MS) instead of sleeping, and fails with a
 * message that names the thing it could not find.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from './vsix';

/** How long a helper waits for the UI before failing ($CEN_FLOW_LOGS_UI_TIMEOUT_MS raises it on a slow machine). */
export const UI_TIMEOUT_MS = Number(process.env.CEN_FLOW_LOGS_UI_TIMEOUT_MS) || 20_000;

/** Failure screenshots and explicit screenshot() calls land here (CI artifact folder). */
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-results', 'e2e');

export type TextMatch = string | RegExp;

function describeMatch(m: TextMatch): string {
  return typeof m === 'string' ? JSON.stringify(m) : String(m);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns a label into an anchored matcher so "cn-hangzhou" never matches "cn-hangzhou-finance". */
function exactly(m: TextMatch): RegExp {
  return typeof m === 'string' ? new RegExp(`^\\s*${escapeRegExp(m)}\\s*$`) : m;
}

async function visible(locator: Locator, what: string, timeout = UI_TIMEOUT_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (err) {
    throw new Error(`${what} did not appear within ${timeout} ms (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  return locator.first();
}

export abstract class Workbench {
  /** The browser page showing the workbench (raw Playwright access for anything not covered here). */
  abstract get page(): Page;

  /** Clicks our (or any) activity-bar entry by its title and waits for its side bar to show. Idempotent. */
  async openViewContainer(title: string): Promise<void> {
    const entry = await visible(
      this.page.locator(`.part.activitybar .action-item:has(> a.action-label[aria-label^="${title}"])`),
      `activity-bar entry ${JSON.stringify(title)}`,
    );
    // Clicking an already-open container would close the side bar.
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title .title-label h2');
    const open = (await entry.getAttribute('class'))?.split(/\s+/).includes('checked') && (await this.page.locator('.part.sidebar').isVisible());
    if (!open) await entry.click();
    await visible(sidebarTitle.filter({ hasText: new RegExp(escapeRegExp(title), 'i') }), `side bar titled ${JSON.stringify(title)}`);
  }

  /**
   * A view of the open container by its name (e.g. "Flow Logs"), once its body shows. Works whether
   * the view has its own header or, alone in its container, is merged into the side-bar title.
   */
  async viewPane(name: string): Promise<Locator> {
    const pane = this.page
      .locator('.part.sidebar .pane')
      .filter({ has: this.page.locator('.pane-header .title', { hasText: exactly(name) }) });
    await visible(pane.locator('.pane-body'), `view ${JSON.stringify(name)}`);
    return pane.first();
  }

  /** A visible tree row in the side bar whose label is exactly `label` (or matches the RegExp). */
  async treeItem(label: TextMatch): Promise<Locator> {
    return visible(this.treeRow(label), `tree item ${describeMatch(label)}`);
  }

  /** Locator of a tree row without waiting (for asserting absence: `await (vs.treeRow(x)).count() === 0`). */
  treeRow(label: TextMatch): Locator {
    return this.page
      .locator('.part.sidebar .pane-body .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** Labels of the visible tree rows in the side bar, top to bottom. */
  async treeLabels(): Promise<string[]> {
    const names = await this.page.locator('.part.sidebar .pane-body .monaco-list-row .label-name').allTextContents();
    return names.map((n) => n.trim());
  }

  /** Expands a tree node (no-op when already expanded) and returns its row. */
  async expandTreeItem(label: TextMatch): Promise<Locator> {
    // The tree re-renders rows when it refreshes (after an operation, while polling): a row found
    // a moment ago can be replaced, and a click on it lost. Re-find the row and re-check until
    // it is expanded.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      const row = await this.treeItem(label);
      const expanded = await row.getAttribute('aria-expanded').catch(() => null);
      if (expanded === 'true') return row;
      if (expanded === 'false') await row.locator('.monaco-tl-twistie').click().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`tree item ${describeMatch(label)} did not expand (is it collapsible?)`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Right-clicks a tree row and chooses `commandTitle` (the title without the category) in its context menu. */
  async contextMenu(label: TextMatch, commandTitle: TextMatch): Promise<void> {
    const row = await this.treeItem(label);
    await row.click({ button: 'right' });
    const item = await visible(
      this.page.locator('.context-view .monaco-menu .action-item').filter({ has: this.page.locator('.action-label', { hasText: exactly(commandTitle) }) }),
      `context-menu entry ${describeMatch(commandTitle)} on ${describeMatch(label)}`,
    );
    await item.click();
    // On a loaded machine the menu can re-render under the pointer (context keys update) and
    // swallow the click while the entry stays highlighted; the menu then stays open. Enter runs
    // the highlighted entry as a keyboard user would.
    const menu = this.page.locator('.context-view .monaco-menu');
    try {
      await menu.waitFor({ state: 'hidden', timeout: 3_000 });
    } catch {
      await item.hover();
      await this.page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
  }

  /** Runs a command from the palette by its full title, e.g. "CEN Flow Logs: Show Log". */
  async runCommand(title: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactly(title) }),
    });
    // The palette lists what was registered when it opened; a command contributed a moment later
    // only shows on the next opening, so reopen it until the row appears.
    // A webview that takes the focus (a panel finishing its query) closes the palette under the typing: open it again.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const input = await visible(this.page.locator('.quick-input-widget .quick-input-box input'), 'command palette');
      try {
        await input.fill(`>${title}`, { timeout: Math.max(1_000, Math.min(3_000 * attempt, deadline - Date.now())) });
        // Longer each time, so a slow (loaded) machine still gets there.
        await row.first().waitFor({ state: 'visible', timeout: Math.max(1_000, Math.min(3_000 * attempt, deadline - Date.now())) });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`command ${JSON.stringify(title)} is not in the command palette (or the palette kept closing)`);
        // Only the palette's own Escape: one sent to a focused webview would cancel its query.
        if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
      }
    }
    await row.first().click();
  }

  /** Picks the quick-pick item labelled `text` (typing it as the filter first). For a multi-select pick, pass every label to check. */
  async answerQuickPick(text: string | readonly string[]): Promise<void> {
    const widget = await visible(this.page.locator('.quick-input-widget'), 'quick pick');
    const labels = typeof text === 'string' ? [text] : text;
    const input = widget.locator('.quick-input-box input');
    for (const label of labels) {
      await input.fill(label);
      const row = await visible(
        widget.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }),
        `quick-pick item ${JSON.stringify(label)}`,
      );
      const checkbox = row.locator('input[type=checkbox], .quick-input-list-checkbox');
      if (typeof text === 'string' || (await checkbox.count()) === 0) {
        await row.click();
      } else {
        await checkbox.first().click();
      }
    }
    if (typeof text !== 'string') {
      await input.fill('');
      await input.press('Enter');
    }
  }

  /** Types `text` into the open input box and accepts it with Enter. */
  async answerInputBox(text: string): Promise<void> {
    const input = await visible(this.page.locator('.quick-input-widget .quick-input-box input'), 'input box');
    // Some inputs fill themselves a moment after opening (the save dialog puts the default path in
    // after a file-system check) and would overwrite what was typed: wait until the value has
    // settled, type, and check the text is still there before pressing Enter.
    await this.settledValue(input);
    for (let attempt = 0; attempt < 5; attempt++) {
      await input.fill(text);
      await this.page.waitForTimeout(150);
      if ((await input.inputValue()) === text) break;
    }
    await input.press('Enter');
  }

  private async settledValue(input: Locator): Promise<void> {
    let last = await input.inputValue();
    for (let stable = 0, i = 0; stable < 3 && i < 20; i++) {
      await this.page.waitForTimeout(100);
      const now = await input.inputValue();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  }

  /** The validation / prompt message under the open input box (e.g. to assert a positioned error). */
  async inputBoxMessage(): Promise<string> {
    const msg = await visible(this.page.locator('.quick-input-widget .quick-input-message'), 'input box message');
    return (await msg.textContent())?.trim() ?? '';
  }

  /** Closes the open quick input (Escape). */
  async dismissQuickInput(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  /** Waits for a notification toast containing the text (or matching the RegExp) and returns it. */
  async notification(text: TextMatch, timeout = UI_TIMEOUT_MS): Promise<Locator> {
    return visible(
      this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }),
      `notification ${describeMatch(text)}`,
      timeout,
    );
  }

  /** Clicks a button (e.g. "Retry", "Open") on the notification containing `text`. */
  async clickNotificationButton(text: TextMatch, button: string): Promise<void> {
    const toast = await this.notification(text);
    await toast.locator('.monaco-button', { hasText: exactly(button) }).first().click();
  }

  /** Answers a modal dialog (e.g. a destructive-command confirmation) by its button label; returns the dialog's message. */
  async answerDialog(button: string): Promise<string> {
    const dialog = await visible(this.page.locator('.monaco-dialog-box'), 'modal dialog');
    const message = (await dialog.locator('.dialog-message').textContent())?.trim() ?? '';
    await dialog.locator('.monaco-button', { hasText: exactly(button) }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    return message;
  }

  /**
   * The content frame of the visible webview (a webview is two iframes deep). Pass the editor tab
   * title to pick one when several webviews are open.
   */
  async webviewFrame(tabTitle?: string): Promise<FrameLocator> {
    if (tabTitle !== undefined) {
      await (await visible(this.page.locator('.tabs-container .tab', { hasText: tabTitle }), `editor tab ${JSON.stringify(tabTitle)}`)).click();
    }
    const outer = this.page.locator('iframe.webview.ready').filter({ visible: true });
    await visible(outer, 'webview');
    // Two editor groups can each show a webview (a query file's results open beside it): the one
    // over the active group, whose tab was just clicked.
    const over = tabTitle !== undefined && (await outer.count()) > 1 ? await this.webviewOverActiveGroup(outer) : undefined;
    const frame = (over ?? this.page.frameLocator('iframe.webview.ready:visible')).frameLocator('#active-frame');
    await visible(frame.locator('body'), 'webview content');
    return frame;
  }

  /** Of the visible webview iframes, the one whose centre lies in the active editor group. */
  private async webviewOverActiveGroup(outer: Locator): Promise<FrameLocator | undefined> {
    const group = await this.page.locator('.part.editor .editor-group-container.active').first().boundingBox();
    if (!group) return undefined;
    for (let i = 0; i < (await outer.count()); i++) {
      const box = await outer.nth(i).boundingBox();
      if (!box) continue;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      if (x >= group.x && x <= group.x + group.width && y >= group.y && y <= group.y + group.height) return outer.nth(i).contentFrame();
    }
    return undefined;
  }

  /** Saves a full-window screenshot to test-results/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
