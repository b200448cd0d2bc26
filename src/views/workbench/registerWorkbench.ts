/**
 * Wires the query workbench into the extension: panel registry (also the panel serializer, which
 * activation registers with VS Code and forwards to) and commands. Called once, with the shared
 * cloud clients, when the extension's UI is built (src/activation/hostUi.ts).
 */
import * as vscode from 'vscode';
import type { CenApi, TransitRouterAttachment, TransitRouterRef } from '../../cloud/cenApi';
import { attachmentNames } from '../../flowlogs/attachmentLabel';
import { CloudError } from '../../cloud/cloudError';
import type { SlsApi } from '../../cloud/slsApi';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { registerWorkbenchCommands } from './commands';
import { QueryHistoryStore } from './queryHistory';
import { targetPresets, workbenchLanguage } from './workbenchLanguage';
import { presetSettingValues } from './presetSettings';
import { WorkbenchPanels } from './workbenchPanels';
import { FileKeyValueStore, type StoreProblem } from './fileKeyValueStore';
import { openPanelsPath } from './openPanelsFile';
import { ColumnChoiceStore } from './columnChoices';
import { DEFAULT_FOLLOW_DELAY_SECONDS } from '../../query/followSchedule';
import { registerQueryDocumentsLazily } from '../../documents/lazyQueryDocuments';

export interface WorkbenchDeps {
  /** The shared clients; undefined while not signed in. Read on every use (they are rebuilt on sign-in). */
  readonly cen: () => CenApi | undefined;
  readonly sls: () => SlsApi | undefined;
  readonly log: vscode.LogOutputChannel;
  readonly registrar: CommandRegistrar;
  /** Every attachment of a transit router (the explorer's cached lists), to name attachment ids in the grid. */
  readonly routerAttachments?: (router: TransitRouterRef) => Promise<readonly TransitRouterAttachment[]>;
}

function notSignedIn(): CloudError {
  return new CloudError({
    kind: 'credentials',
    message: vscode.l10n.t('Not signed in to Alibaba Cloud.'),
    nextStep: vscode.l10n.t('Sign in from the CEN Flow Logs view (AccessKey, aliyun CLI profile or environment), then try again.'),
  });
}

export function registerWorkbench(context: vscode.ExtensionContext, deps: WorkbenchDeps): WorkbenchPanels {
  const history = new QueryHistoryStore(context.globalState);
  const sls = async (): Promise<SlsApi> => deps.sls() ?? Promise.reject(notSignedIn());
  const cen = async (): Promise<CenApi> => deps.cen() ?? Promise.reject(notSignedIn());
  // The open panels' record, on disk: VS Code's own storage may not be flushed when a reload comes.
  const recordFile = openPanelsPath(context);
  const warnStore = (p: StoreProblem): void =>
    deps.log.warn(p.kind === 'unwritable' ? `workbench: could not write ${p.file}: ${p.reason}` : `workbench: ignored ${p.file}: not a JSON object`);
  const record = recordFile ? new FileKeyValueStore(recordFile, warnStore) : context.workspaceState;
  const routerAttachments = deps.routerAttachments;
  const names = routerAttachments ? async (router: TransitRouterRef) => attachmentNames(await routerAttachments(router)) : undefined;
  // The *Cost by region pair* preset is written with the user's prices as they are when a panel opens.
  const language = { ...workbenchLanguage, presets: (t: Parameters<typeof targetPresets>[0]) => targetPresets(t, presetSettingValues()) };
  // Column choices are per flow log, not per workspace; on disk for the same reason as the record.
  const global = context.globalStorageUri;
  const columnStore = global.scheme === 'file'
    ? new FileKeyValueStore(vscode.Uri.joinPath(global, 'column-choices.json').fsPath, warnStore)
    : context.globalState;
  const columns = new ColumnChoiceStore(columnStore);
  const followDelaySeconds = (): number => {
    const v = vscode.workspace.getConfiguration('cenFlowLogs').get<number>('query.followDelaySeconds');
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(3600, v) : DEFAULT_FOLLOW_DELAY_SECONDS;
  };
  const panels = new WorkbenchPanels({ extensionUri: context.extensionUri, sls, history, language, log: deps.log, attachmentNames: names, columns, followDelaySeconds }, record);
  context.subscriptions.push(panels);
  registerWorkbenchCommands({ panels, history, cen, registrar: deps.registrar });
  // .slsql query documents run in these panels, over the same clients.
  registerQueryDocumentsLazily(context, { panels, cen, sls, history, registrar: deps.registrar, log: deps.log });
  return panels;
}
