/**
 * Composition root: builds the object graph and registers everything with VS Code. No logic here.
 */
import * as vscode from 'vscode';
import { createSlsClient } from './cloud/slsClient';
import { registerExplorer, updateOpenQueryAvailability } from './views/explorer/registerExplorer';
import { registerWorkbench } from './views/workbench/registerWorkbench';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('CEN Flow Logs', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('cenFlowLogs.output.show', () => log.show()));
  // Explorer: credentials → shared CenApi/SlsApi (clients.cen / clients.sls, rebuilt on change) → tree → commands.
  const explorer = registerExplorer(context, log, {
    createSls: (s, credentials, logCall) =>
      createSlsClient({
        endpoint: s.slsEndpoint,
        protocol: s.slsProtocol,
        credentials,
        log: (e) => logCall({ action: e.action, requestId: e.requestId, durationMs: e.durationMs, ok: e.ok, code: e.code }),
      }),
  });
  // Query workbench: panels, serializer and query commands over the same shared clients.
  registerWorkbench(context, { cen: () => explorer.clients.cen, sls: () => explorer.clients.sls, log });
  void updateOpenQueryAvailability();
}

export function deactivate(): void {}
