/**
 * Composition root. Activation registers only what VS Code needs at once — every contributed
 * command, the explorer's tree view, the panel serializers — each forwarding to the extension's UI
 * (src/activation/hostUi.ts, its own chunk), which is built on first need; the rest starts right
 * after activation returns (src/activation/afterActivation.ts, its own chunk).
 */
// `import … = require` and `export =` keep esbuild's ESM interop out of the activation bundle: with
// `import * as` every API namespace would be copied into a getter object before activate() runs
// (issue #8: that boilerplate was 40% of our activation time).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import vscode = require('vscode');
import { COMPARE_VIEW_TYPE, EXPLORER_VIEW_ID, REGION_MAP_VIEW_TYPE, SHOW_LOG_COMMAND, WORKBENCH_VIEW_TYPE } from './activation/contributions';
import { loadAfterActivation } from './activation/afterActivationLoader';
import { ForwardingTreeProvider } from './activation/forwardingTreeProvider';
import type { HostUi } from './activation/hostUi';
import { loadHostUiModule } from './activation/hostUiLoader';
import { LazyHostUi } from './activation/lazyHostUi';
import { registerContributedCommands } from './activation/lazyCommands';
import type { ExplorerNode } from './views/explorer/nodes/index';

function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('CEN Flow Logs'), { log: true });
  const explorerTree = new ForwardingTreeProvider<ExplorerNode>(new vscode.EventEmitter(), () => ui.get()?.explorerTree);
  // Created here, not lazily, so its title, description and welcome views work from the start.
  const treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: explorerTree, canSelectMany: true, showCollapseAll: true });
  const ui: LazyHostUi = new LazyHostUi((): HostUi => loadHostUiModule().buildHostUi({ context, log, treeView }), log, vscode.window, vscode.l10n);
  context.subscriptions.push(
    log,
    explorerTree,
    treeView,
    ...registerContributedCommands(vscode.commands, { [SHOW_LOG_COMMAND]: () => log.show() }, (id, args) => ui.run(id, args)),
    vscode.window.registerWebviewPanelSerializer(WORKBENCH_VIEW_TYPE, ui),
    vscode.window.registerWebviewPanelSerializer(REGION_MAP_VIEW_TYPE, ui.serializer((built) => built.regionMapSerializer)),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, ui.serializer((built) => built.compareSerializer)),
  );
  setImmediate(() => context.subscriptions.push(...loadAfterActivation().startAfterActivation(context, ui)));
}

function deactivate(): void {}

export = { activate, deactivate };
