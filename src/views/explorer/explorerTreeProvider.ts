/** Thin TreeDataProvider: asks the model for nodes and turns each node's presentation into a TreeItem. */
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import { ErrorNode } from './nodes/errorNode';
import type { NodePresentation } from './nodes/explorerNode';
import type { ExplorerNode } from './nodes/index';

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly model: ExplorerModel,
    /** Called after each root load, for context keys (welcome views). */
    private readonly afterRootLoad: () => void,
  ) {
    this.subscription = model.onDidChange((node) => this.changed.fire(node));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node.id, node.present());
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      return await this.model.getChildren(node);
    } catch (e) {
      // The model turns failures into error rows; this is the last guard: never throw into the tree.
      return [new ErrorNode(node?.id ?? 'root', vscode.l10n.t('Could not load'), e, () => this.model.refresh())];
    } finally {
      if (!node) this.afterRootLoad();
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function toTreeItem(id: string, p: NodePresentation): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, collapsibleState(p.collapsible));
  item.id = id;
  item.description = p.description;
  if (p.tooltip) item.tooltip = new vscode.MarkdownString(p.tooltip);
  if (p.icon) item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
  item.contextValue = p.contextValue;
  if (p.command) item.command = { command: p.command.command, title: p.command.title, arguments: p.command.arguments ? [...p.command.arguments] : undefined };
  return item;
}

function collapsibleState(c: NodePresentation['collapsible']): vscode.TreeItemCollapsibleState {
  switch (c) {
    case 'none':
      return vscode.TreeItemCollapsibleState.None;
    case 'collapsed':
      return vscode.TreeItemCollapsibleState.Collapsed;
    case 'expanded':
      return vscode.TreeItemCollapsibleState.Expanded;
  }
}
