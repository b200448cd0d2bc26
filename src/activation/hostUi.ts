/**
 * The extension's UI behind activation — credentials, cloud clients, explorer, lifecycle and query
 * commands, the query workbench — built once on first need (first tree load, first command, first
 * restored panel). Lives in its own chunk (dist/host-ui.js); src/extension.ts only wires the
 * lazy registrations that lead here.
 */
import * as vscode from 'vscode';
import { createSlsClient } from '../cloud/slsClient';
import { CommandRegistrar } from '../views/commands/commandRegistrar';
import type { ExplorerNode } from '../views/explorer/nodes/index';
import { registerExplorer, updateOpenQueryAvailability } from '../views/explorer/registerExplorer';
import { registerTrafficBridges, type TrafficBridges } from '../views/traffic/registerTrafficBridges';
import { registerWorkbench } from '../views/workbench/registerWorkbench';
import { CommandTable } from './commandTable';
import { CONTRIBUTED_COMMANDS, SHOW_LOG_COMMAND } from './contributions';

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
  /** Hovers and terminal links on addresses, forwarded to from activation (issue 23). */
  readonly trafficBridges: TrafficBridges;
}

export function buildHostUi({ context, log, treeView }: HostUiDeps): HostUi {
  const commands = new CommandTable();
  const registrar = new CommandRegistrar(log, context.subscriptions, commands);
  // Explorer: credentials → shared CenApi/SlsApi (clients.cen / clients.sls, rebuilt on change) → tree → commands.
  const explorer = registerExplorer(context, { log, treeView, registrar }, {
    createSls: (s, credentials, logCall) =>
      createSlsClient({
        endpoint: s.slsEndpoint,
        protocol: s.slsProtocol,
        credentials,
        log: (e) => logCall({ action: e.action, requestId: e.requestId, durationMs: e.durationMs, ok: e.ok, code: e.code }),
      }),
  });
  // Query workbench: panels (the serializer) and query commands over the same shared clients.
  const panels = registerWorkbench(context, { cen: () => explorer.clients.cen, sls: () => explorer.clients.sls, log, registrar });
  // Debugging bridges: debugger menus, terminal links and hovers open an address's traffic in those panels.
  const trafficBridges = registerTrafficBridges(context, {
    panels,
    cen: async () => explorer.clients.requireCen(),
    sls: () => explorer.clients.sls,
    registrar,
    log,
  });
  const missing = commands.missing(CONTRIBUTED_COMMANDS.filter((id) => id !== SHOW_LOG_COMMAND));
  if (missing.length > 0) log.error(`contributed commands without a handler: ${missing.join(', ')}`);
  void updateOpenQueryAvailability();
  // A failed restore is the explorer's to show (the model gets the same promise); commands run regardless.
  const ready = explorer.restored.catch(() => undefined);
  return { ready, commands, explorerTree: explorer.view.provider, panelSerializer: panels, trafficBridges };
}
