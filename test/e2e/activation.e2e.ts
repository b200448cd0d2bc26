/**
 * Activation: the extension installed from its VSIX shows up in a real VS Code — our container in
 * the activity bar, its view when opened — and its commands run from the palette.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useVsCode } from './harness';

describe('activation', { timeout: 120_000 }, () => {
  const vs = useVsCode();

  it('shows the CEN Flow Logs container in the activity bar and its Flow Logs view when opened', async () => {
    await vs.openViewContainer('CEN Flow Logs');
    const pane = await vs.viewPane('Flow Logs');
    assert.match((await pane.getAttribute('class')) ?? '', /\bexpanded\b/, 'the Flow Logs view is expanded');
    // What the tree lists is the explorer's business (test/e2e/explorer*); here only the view itself.
    await vs.page.locator('.part.sidebar .pane-body').first().waitFor({ state: 'visible' });
  });

  it('runs "CEN Flow Logs: Show Log" from the command palette, which opens our output channel', async () => {
    await vs.runCommand('CEN Flow Logs: Show Log');
    const outputPanel = vs.page.locator('.part.panel');
    await outputPanel.waitFor({ state: 'visible', timeout: 15_000 });
    // The Output view's channel picker names the channel that is showing.
    await vs.page
      .locator('.part.panel select.monaco-select-box, .part.panel .monaco-select-box')
      .filter({ hasText: /CEN Flow Logs/ })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  });
});
