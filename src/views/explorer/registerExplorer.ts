/**
 * Builds the explorer's part of the object graph — tree, lifecycle and credential commands,
 * details view — over the session the composition root built, so the root stays a list of calls.
 * Returns the view whose provider feeds the tree view made at activation.
 */
import * as vscode from 'vscode';
import type { ContributedCommand } from '../../activation/contributions';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { registerCreateFlowLogCommand } from '../commands/createWizardLoader';
import { registerExplorerCommands } from '../commands/explorerCommands';
import { registerFlowLogCommands } from '../commands/flowLogCommandsLoader';
import type { ActiveCredentials } from '../../credentials/activeCredentials';
import type { CloudClients } from '../../credentials/cloudClients';
import { registerCredentialCommands } from '../credentials/credentialCommands';
import { CredentialStatusBar } from '../credentials/credentialStatusBar';
import { DETAILS_SCHEME, FlowLogDetails } from '../flowLogDetails';
import { ExplorerModel } from './explorerModel';
import { ExplorerView } from './explorerView';
import type { ExplorerNode } from './nodes/index';

export const OPEN_QUERY_COMMAND = 'cenFlowLogs.flowLog.openQuery' satisfies ContributedCommand;

export interface ExplorerDeps {
  readonly log: vscode.LogOutputChannel;
  /** Created at activation (src/extension.ts). */
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly registrar: CommandRegistrar;
  /** The session (src/activation/hostUi.ts): the active credentials, the shared clients, and the restore of the saved choice. */
  readonly credentials: ActiveCredentials;
  readonly clients: CloudClients;
  readonly restored: Promise<void>;
}

export function registerExplorer(
  context: vscode.ExtensionContext,
  { log, treeView, registrar: r, credentials, clients, restored }: ExplorerDeps,
): { model: ExplorerModel; view: ExplorerView } {
  const subs = context.subscriptions;
  const pollSeconds = vscode.workspace.getConfiguration('cenFlowLogs').get<number>('explorer.pollIntervalSeconds') ?? 3;
  const model = new ExplorerModel({ cen: () => clients.cen, pollIntervalMs: Math.max(1, pollSeconds) * 1000, ready: restored });
  const view = new ExplorerView(model, treeView, clients.onDidChange, () => credentials.expectsSource);
  const details = new FlowLogDetails(model);
  subs.push({ dispose: () => model.dispose() }, view, details, new CredentialStatusBar(credentials));

  registerExplorerCommands(r, { model, view, log });
  const lifecycle = registerFlowLogCommands(r, { model, details, cen: () => clients.requireCen() });
  registerCreateFlowLogCommand(r, { model, lifecycle, cen: () => clients.cen, sls: () => clients.sls });
  registerCredentialCommands(r, credentials);
  r.register('cenFlowLogs.flowLogDetails.openQuery', vscode.l10n.t('Open query'), async (uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || target.scheme !== DETAILS_SCHEME) return;
    const flowLog = await details.flowLogFor(target);
    if (flowLog) await vscode.commands.executeCommand(OPEN_QUERY_COMMAND, { flowLog });
  });

  return { model, view };
}

/** "Open Query" is offered only once the query workbench registered its command. */
export async function updateOpenQueryAvailability(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  await vscode.commands.executeCommand('setContext', 'cenFlowLogs.openQueryAvailable', commands.includes(OPEN_QUERY_COMMAND));
}
