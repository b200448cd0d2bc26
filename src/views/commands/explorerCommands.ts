/** Refresh, filter, load more, and the error row's details/retry. */
import * as vscode from 'vscode';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ExplorerView } from '../explorer/explorerView';
import type { CommandRegistrar } from './commandRegistrar';
import { presentError } from './errorPresentation';
import { isExplorerNode } from './targetPicker';

export function registerExplorerCommands(
  r: CommandRegistrar,
  deps: { model: ExplorerModel; view: ExplorerView; log: vscode.LogOutputChannel },
): void {
  const { model, view } = deps;
  r.register('cenFlowLogs.explorer.refresh', 'Refresh', () => model.refresh());
  r.register('cenFlowLogs.explorer.loadMore', 'Load more CEN instances', () => model.loadMore());
  r.register('cenFlowLogs.explorer.filter', 'Filter', async () => {
    const text = await vscode.window.showInputBox({
      title: 'Filter flow logs',
      prompt: 'Show CEN instances and flow logs whose name, ID, region or status contains this text (empty clears the filter)',
      value: model.filterText,
      placeHolder: 'e.g. cn-hangzhou, Inactive, cen-7qth…',
    });
    if (text !== undefined) view.setFilter(text);
  });
  r.register('cenFlowLogs.explorer.clearFilter', 'Clear filter', () => view.setFilter(''));
  r.register('cenFlowLogs.explorer.showError', 'Show error', async (node) => {
    if (!isExplorerNode(node) || node.kind !== 'error') return;
    const p = presentError(node.error);
    deps.log.error(`${node.what}: ${p.message}${p.detail ? ` (${p.detail})` : ''}`);
    const choice = await vscode.window.showErrorMessage(`${node.what}: ${p.message}`, { detail: p.detail }, 'Retry', 'Show Log');
    if (choice === 'Retry') node.retry();
    if (choice === 'Show Log') deps.log.show(true);
  });
  r.register('cenFlowLogs.explorer.retry', 'Retry', (node) => {
    if (isExplorerNode(node) && node.kind === 'error') node.retry();
    else model.refresh();
  });
}
