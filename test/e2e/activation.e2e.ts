/**
 * Activation: the extension installed from its VSIX shows up in a real VS Code — our container in
 * the activity bar, its view when opened — and its commands run from the palette.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TEST_TIMEOUT_MS, PROJECT_ROOT, UI_TIMEOUT_MS, useVsCode } from './harness';

describe('activation', () => {
  const vs = useVsCode();

  it('shows the CEN Flow Logs container in the activity bar and its Flow Logs view when opened', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.openViewContainer('CEN Flow Logs');
    const pane = await vs.viewPane('Flow Logs');
    assert.match((await pane.getAttribute('class')) ?? '', /\bexpanded\b/, 'the Flow Logs view is expanded');
    // What the tree lists is the explorer's business (explorer.e2e.ts); here: the view shows
    // something of its own — tree rows, or a message / welcome content — once it has loaded.
    await vs.page
      .locator('.part.sidebar .pane-body')
      .locator('.monaco-list-row .label-name, .message:not(.hide), .welcome-view-content > *')
      .filter({ visible: true })
      .first()
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    if (process.env.CEN_FLOW_LOGS_UPDATE_DOCS === '1') {
      // `CEN_FLOW_LOGS_UPDATE_DOCS=1 npm run test:e2e` refreshes README's pictures under docs/.
      await vs.page.mouse.move(800, 600); // no activity-bar tooltip in the picture
      await vs.page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      copyFileSync(await vs.screenshot('view-container'), join(PROJECT_ROOT, 'docs', 'view-container.png'));
    }
  });

  it('runs "CEN Flow Logs: Show Log" from the command palette, which opens our output channel', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Show Log');
    const outputPanel = vs.page.locator('.part.panel');
    await outputPanel.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The Output view's channel picker names the channel that is showing.
    await vs.page
      .locator('.part.panel select.monaco-select-box, .part.panel .monaco-select-box')
      .filter({ hasText: /CEN Flow Logs/ })
      .first()
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });
});
