/**
 * The tree provider given to VS Code at activation loads the real one on the first getChildren,
 * not before, and from then on forwards calls and change events to and from it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { ForwardingTreeProvider, type TreeChange } from '../../../src/activation/forwardingTreeProvider';

/** What vscode.EventEmitter does, for a process without VS Code. */
class Emitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown): vscode.Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

interface Row {
  readonly id: string;
}

function realProvider(): vscode.TreeDataProvider<Row> & { readonly changed: Emitter<TreeChange<Row>> } {
  const changed = new Emitter<TreeChange<Row>>();
  return {
    changed,
    onDidChangeTreeData: changed.event,
    getChildren: (row?: Row) => (row ? [{ id: `${row.id}/child` }] : [{ id: 'a' }, { id: 'b' }]),
    getTreeItem: (row: Row) => ({ label: row.id }),
  };
}

describe('forwarding tree provider', () => {
  it('loads the real provider on the first getChildren only, then forwards items and changes', async () => {
    const real = realProvider();
    let loads = 0;
    const tree = new ForwardingTreeProvider<Row>(new Emitter<TreeChange<Row>>() as unknown as vscode.EventEmitter<TreeChange<Row>>, () => {
      loads += 1;
      return real;
    });
    const seen: TreeChange<Row>[] = [];
    tree.onDidChangeTreeData((e) => seen.push(e)); // VS Code subscribes when the view is created
    assert.equal(loads, 0, 'nothing loaded before the tree asks');

    const roots = (await tree.getChildren()) ?? [];
    assert.deepEqual(roots, [{ id: 'a' }, { id: 'b' }]);
    assert.deepEqual(await tree.getChildren(roots[0]), [{ id: 'a/child' }]);
    assert.deepEqual(await tree.getTreeItem(roots[1]), { label: 'b' });
    assert.equal(loads, 1, 'loaded once');

    real.changed.fire(roots[0]);
    real.changed.fire(undefined);
    assert.deepEqual(seen, [roots[0], undefined], 'the real provider’s changes reach VS Code');
    assert.throws(() => tree.getParent(roots[0]), /getParent/, 'reveal is refused as VS Code refuses it without getParent');
  });

  it('shows an empty tree when the real provider could not be loaded', async () => {
    const tree = new ForwardingTreeProvider<Row>(new Emitter<TreeChange<Row>>() as unknown as vscode.EventEmitter<TreeChange<Row>>, () => undefined);
    assert.deepEqual(await tree.getChildren(), []);
  });
});
