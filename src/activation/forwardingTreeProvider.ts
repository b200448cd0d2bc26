/**
 * The tree data provider VS Code gets at activation: the tree view exists from the start (so its
 * title, message, description and welcome views work), while the real provider is loaded on the
 * first getChildren and every call is forwarded to it from then on.
 * Only type imports from `vscode` (the emitter is passed in): in the activation bundle each module
 * importing `vscode` at runtime costs an interop copy of the whole API object.
 */
import type * as vscode from 'vscode';

export type TreeChange<T> = T | T[] | undefined | null | void;

export class ForwardingTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  readonly onDidChangeTreeData: vscode.Event<TreeChange<T>>;
  private real: vscode.TreeDataProvider<T> | undefined;
  private subscription: vscode.Disposable | undefined;

  constructor(
    /** Fires the real provider's changes to VS Code, which subscribes when the tree view is created. */
    private readonly changed: vscode.EventEmitter<TreeChange<T>>,
    /** Builds (once) whatever owns the real provider and returns it; undefined if that failed. */
    private readonly load: () => vscode.TreeDataProvider<T> | undefined,
  ) {
    this.onDidChangeTreeData = changed.event;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    const real = this.attach();
    return real ? real.getChildren(element) : [];
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // Elements only come from the real provider, so it is attached by now.
    return this.requireReal().getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    const real = this.requireReal();
    if (!real.getParent) throw new Error('The explorer tree does not implement getParent (needed for reveal).');
    return real.getParent(element);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }

  private attach(): vscode.TreeDataProvider<T> | undefined {
    if (this.real) return this.real;
    const real = this.load();
    if (!real) return undefined;
    this.real = real;
    this.subscription = real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    return real;
  }

  private requireReal(): vscode.TreeDataProvider<T> {
    const real = this.attach();
    if (!real) throw new Error('The explorer tree could not be loaded.');
    return real;
  }
}
