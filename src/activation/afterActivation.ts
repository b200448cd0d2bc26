/**
 * What activation starts right after it returns (dist/after-activation.js, its own chunk): nothing here
 * has to exist before VS Code continues — no contribution waits on it — so its code is not parsed while
 * VS Code waits on activate() (parsing is most of a small extension's activation; bench/README.md).
 * The query-document trigger, the debugging bridges' hover and terminal-link providers, and the reopening
 * of query panels VS Code will not restore.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see src/extension.ts
import vscode = require('vscode');
import { COMPARE_VIEW_TYPE, REGION_MAP_VIEW_TYPE, WORKBENCH_VIEW_TYPE } from './contributions';
import { type BridgesWhenReady, ForwardingAddressHovers, ForwardingTerminalLinks } from './forwardingTrafficProviders';
import type { LazyHostUi } from './lazyHostUi';
import { reopenPanelsVsCodeWillNotRestore } from './panelsWithoutTab';
import { whenQueryDocumentOpens } from './queryDocumentTrigger';
import { ADDRESS_HOVER_SETTING } from '../views/traffic/hoverFileKind';
import { openPanelsPath, windowSessionPath } from '../views/workbench/openPanelsFile';

/** A window load revives the panel in front right after activation; a loaded 2-core machine needs seconds. */
const REVIVE_GRACE_MS = 10_000;

export function startAfterActivation(context: vscode.ExtensionContext, ui: LazyHostUi): vscode.Disposable[] {
  const bridges: BridgesWhenReady = async () => {
    const built = ui.get();
    await built?.ready;
    return built?.trafficBridges;
  };
  const disposables = [
    whenQueryDocumentOpens(vscode.workspace, 'slsql', () => void ui.get()),
    // Debugging bridges (issue 23): addresses in terminals and editors lead to their traffic.
    vscode.window.registerTerminalLinkProvider(new ForwardingTerminalLinks(bridges)),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new ForwardingAddressHovers(bridges, () => vscode.workspace.getConfiguration('cenFlowLogs').get<unknown>(ADDRESS_HOVER_SETTING)),
    ),
  ];
  reopenPanelsWithoutTab(context, ui);
  return disposables;
}

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
