/**
 * The explorer view: the tree's data, context keys for the welcome views, filter display, and
 * reloads when credentials or endpoint settings change. The tree view itself is created at
 * activation (src/extension.ts) and hands its calls to `provider` once this is built.
 */
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { ExplorerNode } from './nodes/index';

export class ExplorerView implements vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: ExplorerModel,
    private readonly treeView: vscode.TreeView<ExplorerNode>,
    onCloudChange: vscode.Event<void>,
    /** Until the first root load: whether to expect credentials (avoids flashing the sign-in view). */
    private readonly expectSignedIn: () => boolean,
  ) {
    this.provider = new ExplorerTreeProvider(model, () => this.updateContext());
    // The context keys follow the credentials even while the view is closed (the walkthrough's
    // sign-in step completes on cenFlowLogs.signedIn), not only when the tree loads.
    this.disposables.push(
      this.provider,
      onCloudChange(() => {
        model.refresh();
        this.updateContext();
      }),
    );
    void vscode.commands.executeCommand('setContext', 'cenFlowLogs.signedIn', this.expectSignedIn());
  }

  setFilter(text: string): void {
    this.model.setFilter(text);
    const f = this.model.filterText;
    this.treeView.description = f ? vscode.l10n.t('filter: {0}', f) : undefined;
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
