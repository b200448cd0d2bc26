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
  r.register('cenFlowLogs.explorer.refresh', vscode.l10n.t('Refresh'), () => model.refresh());
  r.register('cenFlowLogs.explorer.loadMore', vscode.l10n.t('Load more CEN instances'), () => model.loadMore());
  r.register('cenFlowLogs.explorer.filter', vscode.l10n.t('Filter'), async () => {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter flow logs'),
      prompt: vscode.l10n.t('Show CEN instances and flow logs whose name, ID, region or status contains this text (empty clears the filter)'),
      value: model.filterText,
      placeHolder: vscode.l10n.t('e.g. cn-hangzhou, Inactive, cen-7qth…'),
    });
    if (text !== undefined) view.setFilter(text);
  });
  r.register('cenFlowLogs.explorer.clearFilter', vscode.l10n.t('Clear filter'), () => view.setFilter(''));
  r.register('cenFlowLogs.explorer.showError', vscode.l10n.t('Show error'), async (node) => {
    if (!isExplorerNode(node) || node.kind !== 'error') return;
    const p = presentError(node.error);
    deps.log.error(`${node.what}: ${p.message}${p.detail ? ` (${p.detail})` : ''}`);
    const retry = vscode.l10n.t('Retry');
    const showLog = vscode.l10n.t('Show Log');
    const choice = await vscode.window.showErrorMessage(`${node.what}: ${p.message}`, { detail: p.detail }, retry, showLog);
    if (choice === retry) node.retry();
    if (choice === showLog) deps.log.show(true);
  });
  r.register('cenFlowLogs.explorer.retry', vscode.l10n.t('Retry'), (node) => {
    if (isExplorerNode(node) && node.kind === 'error') node.retry();
    else model.refresh();
  });
}
