/**
 * Wires `.slsql` query documents into the extension: the flow-log directory they resolve headers
 * with, their editor features and their commands. Called once from the workbench's wiring, with
 * the same clients and panels the workbench uses.
 */
import * as vscode from 'vscode';
import type { CenApi } from '../cloud/cenApi';
import type { SlsApi } from '../cloud/slsApi';
import { createDisplayFormat } from '../l10n/displayFormat';
import type { CommandRegistrar } from '../views/commands/commandRegistrar';
import type { QueryHistoryStore } from '../views/workbench/queryHistory';
import type { WorkbenchPanels } from '../views/workbench/workbenchPanels';
import { FlowLogDirectory } from './flowLogDirectory';
import { ParsedDocuments } from './parsedDocuments';
import { registerQueryDocumentCommands } from './queryDocumentCommands';
import { registerQueryDocumentLanguage } from './queryDocumentLanguage';
import { RecentFieldValues } from './recentFieldValues';
import { StatementServerErrors } from './statementServerErrors';

export interface QueryDocumentsDeps {
  readonly panels: WorkbenchPanels;
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => Promise<SlsApi>;
  readonly history: QueryHistoryStore;
  readonly registrar: Pick<CommandRegistrar, 'register'>;
  readonly log: vscode.LogOutputChannel;
}

export function registerQueryDocuments(context: vscode.ExtensionContext, deps: QueryDocumentsDeps): void {
  const parsed = new ParsedDocuments();
  const directory = new FlowLogDirectory({ cen: deps.cen, sls: deps.sls, log: deps.log });
  const serverErrors = new StatementServerErrors();
  const fieldValues = new RecentFieldValues({ sls: deps.sls, format: createDisplayFormat(vscode.env.language) });
  context.subscriptions.push(registerQueryDocumentLanguage({ parsed, directory, serverErrors, fieldValues, log: deps.log }));
  registerQueryDocumentCommands({ ...deps, parsed, directory, serverErrors });
}
