/**
 * The other half of the lazy commands: once the extension's UI is built, every command that
 * activation registered lazily finds a real handler, and building it loads no SDK. Runs the real
 * buildHostUi against the `vscode` stand-in of the activation benchmark (no-op APIs), since unit
 * tests have no VS Code; the e2e suite drives the same code in a real one.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRIBUTED_COMMANDS, SHOW_LOG_COMMAND } from '../../../src/activation/contributions';
import type * as HostUiModule from '../../../src/activation/hostUi';
import { installVscodeStandIn } from '../../support/vscodeStandIn';

const localRequire = createRequire(__filename);
const vscodeStandIn = installVscodeStandIn();

function memento(): import('vscode').Memento {
  return { get: <T>(_key: string, fallback?: T) => fallback, update: async () => undefined, keys: () => [] } as import('vscode').Memento;
}

describe('the extension UI behind activation', () => {
  const subscriptions: { dispose(): unknown }[] = [];
  after(() => {
    for (const s of subscriptions) s.dispose();
  });

  it('has a real handler for every command registered lazily at activation, and loads no SDK', () => {
    const { buildHostUi } = localRequire('../../../src/activation/hostUi') as typeof HostUiModule;
    const context = {
      subscriptions,
      globalState: memento(),
      workspaceState: memento(),
      secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
      extensionUri: vscodeStandIn.Uri.file(process.cwd()),
      globalStorageUri: vscodeStandIn.Uri.file(join(tmpdir(), `cen-flow-logs-host-ui-${process.pid}`)),
    } as unknown as import('vscode').ExtensionContext;
    const ui = buildHostUi({
      context,
      log: vscodeStandIn.window.createOutputChannel('CEN Flow Logs', { log: true }),
      treeView: vscodeStandIn.window.createTreeView('cenFlowLogs.explorer', { treeDataProvider: { getTreeItem: () => ({}), getChildren: () => [] } }),
    });
    const lazy = CONTRIBUTED_COMMANDS.filter((id) => id !== SHOW_LOG_COMMAND);
    assert.deepEqual(ui.commands.missing(lazy), [], 'lazily registered commands without a real handler');
    assert.deepEqual(ui.commands.missing([SHOW_LOG_COMMAND]), [SHOW_LOG_COMMAND], 'Show Log is answered by the activation entry, not here');
    const sdks = Object.keys(localRequire.cache).filter((k) => /[\\/]src[\\/]cloud[\\/]sdk\.ts$|@alicloud/.test(k));
    assert.deepEqual(sdks, [], 'no SDK loaded by building the UI');
  });
});
