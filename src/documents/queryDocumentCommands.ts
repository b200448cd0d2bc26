/**
 * Commands of `.slsql` documents: run the statement under the cursor (or the selection, or the one
 * a CodeLens stands on) in the workbench panel of its flow log, export its result as CSV, and open
 * a new query file. The document is never rewritten by a run; only the offered header is inserted,
 * and only when the user accepts.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CenApi, FlowLog } from '../cloud/cenApi';
import type { SlsApi } from '../cloud/slsApi';
import { DEFAULT_TIME_RANGE } from '../protocol/messages';
import { cenRefusals } from '../query/cenMerge';
import type { CommandRegistrar } from '../views/commands/commandRegistrar';
import { pickFlowLog } from '../views/workbench/commands';
import { ExportController } from '../views/workbench/exportController';
import { workbenchLanguage } from '../views/workbench/workbenchLanguage';
import type { WorkbenchPanels } from '../views/workbench/workbenchPanels';
import { buildTarget, flowLogTargetInput, schemaFields, targetSchema } from '../views/workbench/workbenchTarget';
import type { FlowLogDirectory } from './flowLogDirectory';
import { QUERY_LANGUAGE_ID, type ParsedDocuments } from './parsedDocuments';
import { runnableText, scopeAt, statementAt, statementOnLines, type Scope, type Statement } from './queryDocument';
import type { StatementServerErrors } from './statementServerErrors';
import type { WorkbenchPanel } from '../views/workbench/workbenchPanel';
import { queryFileAction, QUERY_FILE_COMMANDS } from './queryFileCommands';
import { queryFileTemplate, singleQueryFile } from './queryFileTemplate';
import type { QueryHistoryStore } from '../views/workbench/queryHistory';
import { splitStatements } from './statementSplitter';

export interface QueryDocumentCommandDeps {
  readonly panels: WorkbenchPanels;
  readonly parsed: ParsedDocuments;
  readonly directory: FlowLogDirectory;
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => Promise<SlsApi>;
  readonly history: QueryHistoryStore;
  readonly registrar: Pick<CommandRegistrar, 'register'>;
  readonly log: vscode.LogOutputChannel;
  readonly serverErrors: StatementServerErrors;
}

/** Where a statement runs: one flow log, or every flow log of a CEN (merged, src/query/cenMerge.ts). */
type RunTarget =
  | { readonly kind: 'flowLog'; readonly flowLog: FlowLog }
  | { readonly kind: 'cen'; readonly cenId: string; readonly title: string; readonly flowLogs: readonly FlowLog[] };

/** A statement chosen to run, with the headers in force for it. */
interface Chosen {
  readonly document: vscode.TextDocument;
  readonly query: string;
  readonly scope: Scope;
  /** The document's statement (absent for a selection): where a server error is shown. */
  readonly statement?: Statement;
}

export function registerQueryDocumentCommands(deps: QueryDocumentCommandDeps): void {
  // The flow log picked for a document without a header, so only its first run asks.
  const picked = new Map<string, FlowLog>();

  /** What a statement runs on: a flow log, or (under `-- cen:`) every flow log of a CEN. */
  const targetFor = async (chosen: Chosen): Promise<RunTarget | undefined> => {
    const { target } = chosen.scope;
    switch (target.kind) {
      case 'cen': {
        const found = await deps.directory.findCen(target.nameOrId);
        if (!found) throw new Error(vscode.l10n.t('No CEN named or with id "{0}" in this account. Fix the "-- cen:" header (the CEN Flow Logs view lists them), then run again.', target.nameOrId));
        const refusal = cenRefusals(chosen.query)[0];
        if (refusal) throw new Error(vscode.l10n.t('This statement cannot run across every flow log of {0}: {1}', found.cen.name || found.cen.cenId, refusal.message));
        return { kind: 'cen', cenId: found.cen.cenId, title: found.cen.name || found.cen.cenId, flowLogs: found.flowLogs };
      }
      case 'flowLog': {
        const found = await deps.directory.find(target.nameOrId);
        if (!found) throw new Error(vscode.l10n.t('No flow log named or with id "{0}" in this account. Fix the "-- flowlog:" header (the CEN Flow Logs view lists them), then run again.', target.nameOrId));
        return { kind: 'flowLog', flowLog: found };
      }
      case 'none': {
        const key = chosen.document.uri.toString();
        const remembered = picked.get(key);
        if (remembered) return { kind: 'flowLog', flowLog: remembered };
        const flowLog = await pickFlowLog(deps.cen, vscode.l10n.t('Run this statement on which flow log? (the file has no "-- flowlog:" header)'));
        if (!flowLog) return undefined;
        picked.set(key, flowLog);
        void offerHeader(chosen.document, flowLog);
        return { kind: 'flowLog', flowLog };
      }
    }
  };

  /** A single flow log to export from; a CEN's merged answer is not exported from a file. */
  const flowLogFor = async (chosen: Chosen): Promise<FlowLog | undefined> => {
    const target = await targetFor(chosen);
    if (target?.kind === 'cen') throw new Error(vscode.l10n.t("Export CSV… runs on one flow log; for every flow log of {0}, run the statement and export from the CEN panel's result.", target.title));
    return target?.flowLog;
  };

  const run = async (where: 'panel' | 'newPanel', uri: unknown, offset: unknown): Promise<void> => {
    const chosen = await chooseStatement(deps.parsed, uri, offset);
    if (!chosen) return;
    const target = await targetFor(chosen);
    if (!target) return;
    const intent = { query: chosen.query, ...(chosen.scope.range ? { range: chosen.scope.range } : {}), run: true };
    if (target.kind === 'cen') {
      deps.log.info(`query file: running a statement of ${basename(chosen.document.uri.path)} on every flow log of ${target.title} (${target.flowLogs.length})`);
      // One panel per CEN: Run and Run in New Panel both hand the statement to it.
      watchRun(await deps.panels.openCen({ cenId: target.cenId, title: target.title, flowLogs: target.flowLogs }, intent, true), chosen);
      return;
    }
    const { flowLog } = target;
    deps.log.info(`query file: running a statement of ${basename(chosen.document.uri.path)} on ${flowLog.name || flowLog.flowLogId}`);
    switch (where) {
      case 'panel':
        watchRun(await deps.panels.openForDocument({ uri: chosen.document.uri.toString(), title: basename(chosen.document.uri.path) }, flowLogTargetInput(flowLog), intent), chosen);
        return;
      case 'newPanel':
        watchRun(await deps.panels.openAnother(flowLogTargetInput(flowLog), intent), chosen);
        return;
    }
  };

  // The run a panel has been handed from a document, until it ends: its error goes to Problems.
  const watching = new Map<WorkbenchPanel, vscode.Disposable>();
  const watchRun = (panel: WorkbenchPanel, chosen: Chosen): void => {
    const { statement } = chosen;
    watching.get(panel)?.dispose();
    if (!statement) return;
    const key = chosen.document.uri.toString();
    const stop = (): void => {
      ended.dispose();
      closed.dispose();
      if (watching.get(panel) === watcher) watching.delete(panel);
    };
    const ended = panel.onDidEndQuery((e) => {
      if (e.query !== chosen.query) return;
      stop();
      // Only errors Log Service positions go to Problems; others are the panel's to show.
      if (e.error?.position) deps.serverErrors.failed(key, statement, e.error.message, e.error.position);
      else if (!e.error) deps.serverErrors.succeeded(key, statement.text);
    });
    const closed = panel.onDidDispose(stop);
    const watcher = new vscode.Disposable(stop);
    watching.set(panel, watcher);
  };
  deps.registrar.register(QUERY_FILE_COMMANDS.run, queryFileAction('run'), (uri?: unknown, offset?: unknown) => run('panel', uri, offset));
  deps.registrar.register(QUERY_FILE_COMMANDS.runInNewPanel, queryFileAction('runInNewPanel'), (uri?: unknown, offset?: unknown) => run('newPanel', uri, offset));

  deps.registrar.register(QUERY_FILE_COMMANDS.exportCsv, queryFileAction('exportCsv'), async (uri?: unknown, offset?: unknown) => {
    const chosen = await chooseStatement(deps.parsed, uri, offset);
    if (!chosen) return;
    const flowLog = await flowLogFor(chosen);
    if (!flowLog) return;
    const input = flowLogTargetInput(flowLog);
    const target = buildTarget(input, schemaFields(targetSchema(input, 'unknown')));
    const exporter = new ExportController({ target, sls: deps.sls, resolveRange: workbenchLanguage.resolveRange, post: async () => true, log: deps.log });
    await exporter.start('csv', chosen.query, chosen.scope.range ?? DEFAULT_TIME_RANGE);
  });

  deps.registrar.register(QUERY_FILE_COMMANDS.newFile, queryFileAction('newFile'), async () => {
    const flowLog = await pickFlowLog(deps.cen, vscode.l10n.t('New query file on which flow log?'));
    if (!flowLog) return;
    const document = await vscode.workspace.openTextDocument({ language: QUERY_LANGUAGE_ID, content: queryFileTemplate(flowLog.name || flowLog.flowLogId, flowLog.interval) });
    await vscode.window.showTextDocument(document);
  });

  deps.registrar.register(QUERY_FILE_COMMANDS.saveFromWorkbench, queryFileAction('saveFromWorkbench'), async () => {
    const panel = deps.panels.openPanels.find((p) => p.panel.active);
    const query = panel?.currentViewState?.query.trim();
    if (!panel || !query) {
      void vscode.window.showInformationMessage(panel ? vscode.l10n.t('The query editor is empty; type a query first.') : vscode.l10n.t('Open a query workbench panel (and type a query) first; this saves its query as a .slsql file.'));
      return;
    }
    const { target } = panel;
    // A CEN panel's file names no flow log: it runs on whichever flow log the file is opened against.
    const text = singleQueryFile(query, { flowLog: target.kind === 'logstore' && target.flowLogId ? target.title : undefined, range: panel.currentViewState?.range });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${(target.title || (target.kind === 'logstore' ? target.logStoreName : target.cenId)).replace(/[^\w.-]+/g, '-')}.slsql`;
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the query as a query file'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: { [vscode.l10n.t('SLS query files')]: ['slsql'] },
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  deps.registrar.register(QUERY_FILE_COMMANDS.openFromHistory, queryFileAction('openFromHistory'), async () => {
    const saved = deps.history.saved().map((s) => ({
      label: `$(star) ${s.name}`,
      description: s.target?.title ?? s.targetKey,
      detail: oneLine(s.query),
      text: singleQueryFile(s.query, { flowLog: s.target?.flowLogId ? (s.target.title ?? s.target.flowLogId) : undefined, title: s.name }),
    }));
    const recent = deps.history.allHistory().map((h) => ({
      label: `$(history) ${oneLine(h.query)}`,
      description: h.key,
      detail: undefined,
      text: singleQueryFile(h.query, { flowLog: h.key.startsWith('flowLog:') ? h.key.slice('flowLog:'.length) : undefined }),
    }));
    if (saved.length + recent.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No saved or recent queries yet. Run a query in the query workbench first.'));
      return;
    }
    const pick = await vscode.window.showQuickPick([...saved, ...recent], { title: vscode.l10n.t('Open a saved or recent query as a .slsql file'), matchOnDescription: true, matchOnDetail: true });
    if (!pick) return;
    const document = await vscode.workspace.openTextDocument({ language: QUERY_LANGUAGE_ID, content: pick.text });
    await vscode.window.showTextDocument(document);
  });
}

function oneLine(query: string): string {
  return query.replace(/\s*[\r\n]+\s*/g, ' ⏎ ');
}

/** The statement a CodeLens names (uri + offset), else the active editor's selection or cursor line. */
async function chooseStatement(parsed: ParsedDocuments, uri: unknown, offset: unknown): Promise<Chosen | undefined> {
  if (uri instanceof vscode.Uri && typeof offset === 'number') {
    const document = await vscode.workspace.openTextDocument(uri);
    const doc = parsed.get(document);
    const s = statementAt(doc, offset);
    if (!s) throw new Error(vscode.l10n.t('That statement is no longer in the file; run it again from its CodeLens.'));
    return { document, query: runnableText(s.text), scope: s, statement: s };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== QUERY_LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .slsql query file and put the cursor in a statement to run it.'));
    return undefined;
  }
  const { document, selection } = editor;
  const doc = parsed.get(document);
  if (!selection.isEmpty) {
    const start = document.offsetAt(selection.start);
    const statements = splitStatements(document.getText(selection)).statements;
    if (statements.length !== 1) {
      void vscode.window.showInformationMessage(statements.length === 0 ? vscode.l10n.t('The selection holds no query; select a statement, or clear the selection to run the one under the cursor.') : vscode.l10n.t('The selection holds {0} statements; select one to run it.', statements.length));
      return undefined;
    }
    return { document, query: runnableText(statements[0].text), scope: scopeAt(doc, start, Date.now() / 1000) };
  }
  const line = document.lineAt(selection.active.line);
  const s = statementOnLines(doc, document.offsetAt(line.range.start), document.offsetAt(line.range.end));
  if (!s) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a statement (a query between blank lines or ";") to run it.'));
    return undefined;
  }
  return { document, query: runnableText(s.text), scope: s, statement: s };
}

/** After a run without a header: offers to write the picked flow log into the file. */
async function offerHeader(document: vscode.TextDocument, flowLog: FlowLog): Promise<void> {
  const name = flowLog.name || flowLog.flowLogId;
  const insert = vscode.l10n.t('Insert Header');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Add "-- flowlog: {0}" at the top of {1}, so its statements run on {0} without asking?', name, basename(document.uri.path)), insert);
  if (choice !== insert || document.isClosed) return;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), `-- flowlog: ${name}\n`);
  await vscode.workspace.applyEdit(edit);
}
