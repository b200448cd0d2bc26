/**
 * Composition root: builds the object graph and registers everything with VS Code. No logic here.
 */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('CEN Flow Logs', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('cenFlowLogs.output.show', () => log.show()));
}

export function deactivate(): void {}
