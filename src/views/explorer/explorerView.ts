/**
 * The explorer view: tree view, context keys for the welcome views, filter display, and reloads
 * when credentials or endpoint settings change.
 */
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { ExplorerNode } from './nodes/index';

export const EXPLORER_VIEW_ID = 'cenFlowLogs.explorer';

export class ExplorerView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<ExplorerNode>;
  private readonly provider: ExplorerTreeProvider;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: ExplorerModel,
    onCloudChange: vscode.Event<void>,
    /** Until the first root load: whether to expect credentials (avoids flashing the sign-in view). */
    private readonly expectSignedIn: () => boolean,
  ) {
    this.provider = new ExplorerTreeProvider(model, () => this.updateContext());
    this.treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      showCollapseAll: true,
    });
    this.disposables.push(this.provider, this.treeView, onCloudChange(() => model.refresh()));
    void vscode.commands.executeCommand('setContext', 'cenFlowLogs.signedIn', this.expectSignedIn());
  }

  setFilter(text: string): void {
    this.model.setFilter(text);
    const f = this.model.filterText;
    this.treeView.description = f ? `filter: ${f}` : undefined;
    void vscode.commands.executeCommand('setContext', 'cenFlowLogs.filterActive', f.length > 0);
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'cenFlowLogs.signedIn', this.model.signedIn);
    void vscode.commands.executeCommand('setContext', 'cenFlowLogs.noCens', this.model.signedIn && this.model.noCens === true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
