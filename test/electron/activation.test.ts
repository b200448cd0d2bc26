/// <reference types="mocha" />
/**
 * Integration suite for the @vscode/test-electron route (`npm run test:electron`): runs inside a
 * desktop VS Code's extension host. Needs a machine that can download VS Code — not runnable
 * offline, and not part of `npm test` (the real-browser e2e suite in test/e2e covers this there).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cenflowlogs.cen-flow-logs';

suite('CEN Flow Logs in desktop VS Code', () => {
  test('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded from the development path`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('its contributed commands are registered after activation', async () => {
    const all = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } })
      .contributes.commands.map((c) => c.command);
    // Every command in the manifest that the extension registers itself (view-title ones may come later).
    assert.ok(all.includes('cenFlowLogs.output.show'), 'cenFlowLogs.output.show is registered');
    assert.ok(contributed.length > 0);
  });

  test('"CEN Flow Logs: Show Log" runs', async () => {
    await vscode.commands.executeCommand('cenFlowLogs.output.show');
  });

  test('the Flow Logs view opens', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.cenFlowLogs');
  });
});
