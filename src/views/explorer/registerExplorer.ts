/**
 * Builds the explorer's part of the object graph — credentials, clients, tree, lifecycle commands,
 * details view — so the composition root stays a list of calls. Returns the shared clients for
 * the query workbench and the view whose provider feeds the tree view made at activation.
 */
import * as vscode from 'vscode';
import { createCenClient } from '../../cloud/cenClient';
import { createSlsClient } from '../../cloud/slsClient';
import { FlowLogLifecycle } from '../../flowlogs/lifecycle';
import type { ContributedCommand } from '../../activation/contributions';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { registerCreateFlowLogCommand } from '../commands/createFlowLogWizard';
import { registerExplorerCommands } from '../commands/explorerCommands';
import { registerFlowLogCommands } from '../commands/flowLogCommands';
import { AccessKeyStore } from '../credentials/accessKeyStore';
import { ActiveCredentials } from '../credentials/activeCredentials';
import { CloudClients, type CloudClientFactories } from '../credentials/cloudClients';
import { cloudCredentialSources } from '../credentials/cloudCredentialSources';
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
}

export function registerExplorer(
  context: vscode.ExtensionContext,
  { log, treeView, registrar: r }: ExplorerDeps,
  factories: Partial<CloudClientFactories> = {},
): { clients: CloudClients; credentials: ActiveCredentials; model: ExplorerModel; view: ExplorerView; restored: Promise<void> } {
  const subs = context.subscriptions;
  const credentials = new ActiveCredentials(context.globalState, new AccessKeyStore(context.secrets), cloudCredentialSources);
  const clients = new CloudClients(
    credentials,
    {
      createCen: (s, c, l) => createCenClient({ endpoint: s.cenEndpoint, credentials: c, log: l }),
      createSls: (s, c, l) => createSlsClient({ endpoint: s.slsEndpoint, protocol: s.slsProtocol, credentials: c, log: l }),
      ...factories,
    },
    log,
  );
  const pollSeconds = vscode.workspace.getConfiguration('cenFlowLogs').get<number>('explorer.pollIntervalSeconds') ?? 3;
  const restored = credentials.restore();
  const model = new ExplorerModel({ cen: () => clients.cen, pollIntervalMs: Math.max(1, pollSeconds) * 1000, ready: restored });
  const view = new ExplorerView(model, treeView, clients.onDidChange, () => credentials.expectsSource);
  const details = new FlowLogDetails(model);
  const lifecycle = new FlowLogLifecycle(() => clients.requireCen());
  subs.push(credentials, clients, { dispose: () => model.dispose() }, view, details, new CredentialStatusBar(credentials));

  registerExplorerCommands(r, { model, view, log });
  registerFlowLogCommands(r, { model, lifecycle, details });
  registerCreateFlowLogCommand(r, { model, lifecycle, cen: () => clients.cen, sls: () => clients.sls });
  registerCredentialCommands(r, credentials);
  r.register('cenFlowLogs.flowLogDetails.openQuery', 'Open query', async (uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || target.scheme !== DETAILS_SCHEME) return;
    const flowLog = await details.flowLogFor(target);
    if (flowLog) await vscode.commands.executeCommand(OPEN_QUERY_COMMAND, { flowLog });
  });

  return { clients, credentials, model, view, restored };
}

/** "Open Query" is offered only once the query workbench registered its command. */
export async function updateOpenQueryAvailability(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  await vscode.commands.executeCommand('setContext', 'cenFlowLogs.openQueryAvailable', commands.includes(OPEN_QUERY_COMMAND));
}
