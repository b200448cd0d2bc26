/**
 * The extension's UI behind activation — credentials, cloud clients, explorer, lifecycle and query
 * commands, the query workbench — built once on first need (first tree load, first command, first
 * restored panel). Lives in its own chunk (dist/host-ui.js); src/extension.ts only wires the
 * lazy registrations that lead here.
 */
import * as vscode from 'vscode';
import { MAX_CONCURRENT_REQUESTS_SETTING, RequestLimiter } from '../cloud/requestLimiter';
import { AccessKeyStore } from '../credentials/accessKeyStore';
import { ActiveCredentials } from '../credentials/activeCredentials';
import { CloudClients, cloudClientFactories } from '../credentials/cloudClients';
import { cloudCredentialSources } from '../credentials/cloudCredentialSources';
import { CommandRegistrar } from '../views/commands/commandRegistrar';
import type { ExplorerNode } from '../views/explorer/nodes/index';
import { registerExplorer, updateOpenQueryAvailability } from '../views/explorer/registerExplorer';
import { registerTrafficBridges, type TrafficBridges } from '../views/traffic/registerTrafficBridges';
import { registerWorkbench } from '../views/workbench/registerWorkbench';
import { registerCompare } from '../views/compare/registerCompare';
import { registerRegionMap } from '../views/regionMap/registerRegionMap';
import { CommandTable } from './commandTable';
import { CONTRIBUTED_COMMANDS, SHOW_LOG_COMMAND } from './contributions';
import { configurePureModuleL10n } from './hostL10n';

export interface HostUiDeps {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Created at activation; the explorer shows its tree in it. */
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

export interface HostUi {
  /**
   * Settles once the saved credential choice is restored. Built on a first command, the UI must
   * not run it before then: the shared clients would still read "not signed in".
   */
  readonly ready: Promise<void>;
  readonly commands: CommandTable;
  readonly explorerTree: vscode.TreeDataProvider<ExplorerNode>;
  readonly panelSerializer: vscode.WebviewPanelSerializer;
  /** Bring region maps and compare panels back after Reload Window. */
  readonly regionMapSerializer: vscode.WebviewPanelSerializer;
  readonly compareSerializer: vscode.WebviewPanelSerializer;
  /** Reopens recorded query panels VS Code has no tab for (see WorkbenchPanels.reopenWithoutTab). */
  readonly reopenPanelsWithoutTab: (tabLabels: ReadonlySet<string>) => number;
  /** Hovers and terminal links on addresses, forwarded to from activation (issue 23). */
  readonly trafficBridges: TrafficBridges;
}

export function buildHostUi({ context, log, treeView }: HostUiDeps): HostUi {
  configurePureModuleL10n();
  const commands = new CommandTable();
  const registrar = new CommandRegistrar(log, context.subscriptions, commands);
  // One session, built once: credentials → the shared CenApi/SlsApi (rebuilt when credentials or
  // settings change), handed to the explorer and the query workbench.
  const credentials = new ActiveCredentials(context.globalState, new AccessKeyStore(context.secrets), cloudCredentialSources);
  const clients = new CloudClients(credentials, cloudClientFactories(requestLimiterFromSettings(context)), log);
  context.subscriptions.push(credentials, clients);
  const restored = credentials.restore();
  const explorer = registerExplorer(context, { log, treeView, registrar, credentials, clients, restored });
  const panels = registerWorkbench(context, { cen: () => clients.cen, sls: () => clients.sls, log, registrar, routerAttachments: (router) => explorer.model.routerAttachments(router) });
  // Region map, coverage and cost (issue 20): a CEN's traffic by region pair; pairs open in those panels.
  const regionMapSerializer = registerRegionMap(context, { extensionUri: context.extensionUri, sls: async () => clients.requireSls(), model: explorer.model, panels, log, registrar });
  // Debugging bridges: debugger menus, terminal links and hovers open an address's traffic in those panels.
  // Before / after: compares a flow log's traffic with an earlier range; rows open in those panels.
  const compare = registerCompare(context, { extensionUri: context.extensionUri, panels, cen: async () => clients.requireCen(), sls: () => clients.sls, registrar, log });
  const trafficBridges = registerTrafficBridges(context, { panels, cen: async () => clients.requireCen(), sls: () => clients.sls, registrar, log });
  const missing = commands.missing(CONTRIBUTED_COMMANDS.filter((id) => id !== SHOW_LOG_COMMAND));
  if (missing.length > 0) log.error(`contributed commands without a handler: ${missing.join(', ')}`);
  void updateOpenQueryAvailability();
  // A failed restore is the explorer's to show (the model gets the same promise); commands run regardless.
  const ready = restored.catch(() => undefined);
  return {
    ready,
    commands,
    explorerTree: explorer.view.provider,
    panelSerializer: panels,
    regionMapSerializer,
    compareSerializer: compare.serializer,
    reopenPanelsWithoutTab: (labels) => panels.reopenWithoutTab(labels),
    trafficBridges,
  };
}

/** One limit for every panel's queries, histograms and export pages, following the setting; the tree's calls never wait for it. */
function requestLimiterFromSettings(context: vscode.ExtensionContext): RequestLimiter {
  const readLimit = (): number => vscode.workspace.getConfiguration('cenFlowLogs').get<number>(MAX_CONCURRENT_REQUESTS_SETTING, Number.NaN);
  const limiter = new RequestLimiter(readLimit());
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`cenFlowLogs.${MAX_CONCURRENT_REQUESTS_SETTING}`)) limiter.setLimit(readLimit());
    }),
  );
  return limiter;
}
