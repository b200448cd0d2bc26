/**
 * Composition root. Activation registers only what VS Code needs at once — every contributed
 * command, the explorer's tree view, the workbench panel serializer — each forwarding to the
 * extension's UI (src/activation/hostUi.ts, its own chunk), which is built on first need.
 */
// `import … = require` and `export =` keep esbuild's ESM interop out of the activation bundle: with
// `import * as` every API namespace would be copied into a getter object before activate() runs
// (issue #8: that boilerplate was 40% of our activation time).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import vscode = require('vscode');
import { COMPARE_VIEW_TYPE, EXPLORER_VIEW_ID, REGION_MAP_VIEW_TYPE, SHOW_LOG_COMMAND, WORKBENCH_VIEW_TYPE } from './activation/contributions';
import { ForwardingTreeProvider } from './activation/forwardingTreeProvider';
import { ForwardingAddressHovers, ForwardingTerminalLinks } from './activation/forwardingTrafficProviders';
import type { HostUi } from './activation/hostUi';
import { loadHostUiModule } from './activation/hostUiLoader';
import { LazyHostUi } from './activation/lazyHostUi';
import { registerContributedCommands } from './activation/lazyCommands';
import { whenQueryDocumentOpens } from './activation/queryDocumentTrigger';
import type { ExplorerNode } from './views/explorer/nodes/index';
import { ADDRESS_HOVER_SETTING } from './views/traffic/hoverFileKind';
import { reopenPanelsVsCodeWillNotRestore } from './activation/panelsWithoutTab';
import { openPanelsPath, windowSessionPath } from './views/workbench/openPanelsFile';

function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('CEN Flow Logs'), { log: true });
  const explorerTree = new ForwardingTreeProvider<ExplorerNode>(new vscode.EventEmitter(), () => ui.get()?.explorerTree);
  // Created here, not lazily, so its title, description and welcome views work from the start.
  const treeView = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: explorerTree, canSelectMany: true, showCollapseAll: true });
  const ui: LazyHostUi = new LazyHostUi((): HostUi => loadHostUiModule().buildHostUi({ context, log, treeView }), log, vscode.window, vscode.l10n);
  const bridges = async (): Promise<HostUi['trafficBridges'] | undefined> => {
    const built = ui.get();
    await built?.ready;
    return built?.trafficBridges;
  };
  context.subscriptions.push(
    log,
    explorerTree,
    treeView,
    ...registerContributedCommands(vscode.commands, { [SHOW_LOG_COMMAND]: () => log.show() }, (id, args) => ui.run(id, args)),
    vscode.window.registerWebviewPanelSerializer(WORKBENCH_VIEW_TYPE, ui),
    vscode.window.registerWebviewPanelSerializer(REGION_MAP_VIEW_TYPE, ui.serializer((built) => built.regionMapSerializer)),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, ui.serializer((built) => built.compareSerializer)),
    whenQueryDocumentOpens(vscode.workspace, 'slsql', () => void ui.get()),
    // Debugging bridges (issue 23): addresses in terminals and editors lead to their traffic.
    vscode.window.registerTerminalLinkProvider(new ForwardingTerminalLinks(bridges)),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new ForwardingAddressHovers(bridges, () => vscode.workspace.getConfiguration('cenFlowLogs').get<unknown>(ADDRESS_HOVER_SETTING)),
    ),
  );
  reopenPanelsWithoutTab(context, ui);
}

/** A window load revives the panel in front right after activation; a loaded 2-core machine needs seconds. */
const REVIVE_GRACE_MS = 10_000;

/** Query panels VS Code will not restore (see panelsWithoutTab.ts) are reopened from our record. */
function reopenPanelsWithoutTab(context: vscode.ExtensionContext, ui: LazyHostUi): void {
  const recordFile = openPanelsPath(context);
  const sessionFile = windowSessionPath(context);
  if (!recordFile || !sessionFile) return;
  void reopenPanelsVsCodeWillNotRestore({
    tabGroups: vscode.window.tabGroups,
    isWorkbenchTab: (input) => input instanceof vscode.TabInputWebview && input.viewType.endsWith(WORKBENCH_VIEW_TYPE),
    isOwnTab: (input) => input instanceof vscode.TabInputWebview && [WORKBENCH_VIEW_TYPE, REGION_MAP_VIEW_TYPE, COMPARE_VIEW_TYPE].some((t) => input.viewType.endsWith(t)),
    revived: ui.revived,
    reviveGraceMs: REVIVE_GRACE_MS,
    sessionId: vscode.env.sessionId,
    recordFile,
    sessionFile,
    reopen: (labels) => ui.get()?.reopenPanelsWithoutTab(labels),
  });
}

function deactivate(): void {}

export = { activate, deactivate };
