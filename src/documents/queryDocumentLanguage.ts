/**
 * The editor features of `.slsql` documents: diagnostics in the Problems panel as you type, quick
 * fixes the query checks offer, a Run / Export CodeLens above each statement, completion and hover.
 * All query-language knowledge comes from src/query/ through the pure models in this folder.
 */
import * as vscode from 'vscode';
import type { CompletionResult, CompletionType } from '../query/completion';
import { DEFAULT_INTERVAL } from '../flowlogs/catalog';
import { presetSnippets } from './presetSnippets';
import { completeInDocument } from './documentCompletion';
import { diagnoseDocument, StatementChecks, type DocumentDiagnostic } from './documentDiagnostics';
import type { FlowLogDirectory } from './flowLogDirectory';
import { hoverAt } from './queryHover';
import { statementAt, statementAtCursor, type Statement } from './queryDocument';
import { QUERY_LANGUAGE_ID, type ParsedDocuments } from './parsedDocuments';
import type { FieldInfo } from '../protocol/messages';
import type { SuggestedValue } from '../query/fieldValues';
import { isCloudError } from '../cloud/cloudError';
import { errorText } from '../errorText';
import { cenChoices, cenHeaderValueAt, flowLogChoices, flowLogHeaderValueAt, type FlowLogChoice } from './flowLogHeader';
import { QUERY_FILE_COMMANDS } from './queryFileCommands';
import type { RecentFieldValues } from './recentFieldValues';
import type { StatementServerErrors } from './statementServerErrors';


const SELECTOR: vscode.DocumentSelector = { language: QUERY_LANGUAGE_ID };

/** Typing pauses shorter than this do not recheck (each check is linear in the file). */
const DIAGNOSE_DELAY_MS = 150;

export interface QueryDocumentLanguageDeps {
  readonly parsed: ParsedDocuments;
  readonly directory: FlowLogDirectory;
  readonly serverErrors: StatementServerErrors;
  readonly fieldValues: RecentFieldValues;
  readonly log: vscode.LogOutputChannel;
}

/** The target's index fields for a statement (under `-- cen:`, those all the CEN's flow logs have), once known and read. */
function statementFields(directory: FlowLogDirectory, s: Statement): readonly FieldInfo[] | undefined {
  switch (s.target.kind) {
    case 'flowLog':
      return directory.fieldsOf(s.target.nameOrId);
    case 'cen':
      return directory.cenFieldsOf(s.target.nameOrId);
    case 'none':
      return undefined;
  }
}

export function registerQueryDocumentLanguage(deps: QueryDocumentLanguageDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(QUERY_LANGUAGE_ID);
  const publisher = new DiagnosticsPublisher(collection, deps);
  const disposables: vscode.Disposable[] = [
    collection,
    publisher,
    vscode.languages.registerCodeLensProvider(SELECTOR, new StatementCodeLenses(deps.parsed)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixes(publisher), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new QueryCompletion(deps), '"', ':', '.'),
    vscode.languages.registerHoverProvider(SELECTOR, new QueryHovers(deps)),
  ];
  // Flow logs or index fields just read may change what is wrong (unknown flow log, unknown field).
  disposables.push(new vscode.Disposable(deps.directory.onChanged(() => publisher.refreshAll()).dispose));
  // A run from a document failed or succeeded: its server error comes or goes.
  disposables.push(new vscode.Disposable(deps.serverErrors.onChanged((key) => publisher.refresh(key)).dispose));
  return vscode.Disposable.from(...disposables);
}

/** Keeps the Problems panel in step with each open query document. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last published problems per document, for quick fixes. */
  private readonly published = new Map<string, { readonly version: number; readonly problems: readonly DocumentDiagnostic[] }>();
  /** Per document, so typing rechecks only the statement being edited. */
  private readonly checks = new Map<string, StatementChecks>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly deps: QueryDocumentLanguageDeps,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DIAGNOSE_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Rechecks every open query document (flow logs or index fields became known). */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Rechecks one document, by URI, when it is open. */
  refresh(documentKey: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentKey);
    if (document) this.schedule(document, 0);
  }

  problemsOf(document: vscode.TextDocument): readonly DocumentDiagnostic[] {
    const p = this.published.get(document.uri.toString());
    return p && p.version === document.version ? p.problems : [];
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.languageId !== QUERY_LANGUAGE_ID) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.publish(document);
    }, delay));
  }

  private publish(document: vscode.TextDocument): void {
    const { parsed, directory } = this.deps;
    const key = document.uri.toString();
    let checks = this.checks.get(key);
    if (!checks) this.checks.set(key, (checks = new StatementChecks()));
    const doc = parsed.get(document);
    const problems = [
      ...diagnoseDocument(doc, {
        cache: checks,
        fieldsFor: (s) => statementFields(directory, s)?.map((f) => f.name),
        flowLogExists: (nameOrId) => directory.exists(nameOrId),
        flowLogMatches: (nameOrId) => directory.closeMatches(nameOrId),
        cenExists: (nameOrId) => directory.cenExists(nameOrId),
        cenMatches: (nameOrId) => directory.closeCenMatches(nameOrId),
      }),
      ...this.deps.serverErrors.diagnostics(key, doc),
    ];
    this.published.set(key, { version: document.version, problems });
    this.collection.set(document.uri, problems.map((p) => toVsDiagnostic(document, p)));
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.published.delete(key);
    this.checks.delete(key);
    this.deps.serverErrors.forget(key);
    this.collection.delete(document.uri);
    this.deps.parsed.forget(document);
  }
}

function rangeOf(document: vscode.TextDocument, from: number, to: number): vscode.Range {
  return new vscode.Range(document.positionAt(from), document.positionAt(Math.max(from, to)));
}

function toVsDiagnostic(document: vscode.TextDocument, p: DocumentDiagnostic): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(document, p.from, p.to), p.message, severityOf(p.severity));
  d.source = 'SLS query';
  d.code = p.code;
  return d;
}

function severityOf(severity: DocumentDiagnostic['severity']): vscode.DiagnosticSeverity {
  const s = vscode.DiagnosticSeverity;
  return ({ error: s.Error, warning: s.Warning, info: s.Information } as const)[severity];
}

/** *Run*, *Run in New Panel* and *Export CSV…* above each statement. */
class StatementCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly parsed: ParsedDocuments) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const s of this.parsed.get(document).statements) {
      const range = rangeOf(document, s.from, s.from);
      const args = [document.uri, s.from];
      lenses.push(
        new vscode.CodeLens(range, { title: `$(play) ${vscode.l10n.t('Run')}`, command: QUERY_FILE_COMMANDS.run, arguments: args, tooltip: vscode.l10n.t('Run this statement in the query workbench (Ctrl/Cmd+Enter)') }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Run in New Panel'), command: QUERY_FILE_COMMANDS.runInNewPanel, arguments: args, tooltip: vscode.l10n.t('Run this statement in another workbench panel, keeping the results already shown') }),
        new vscode.CodeLens(range, { title: `$(export) ${vscode.l10n.t('Export CSV…')}`, command: QUERY_FILE_COMMANDS.exportCsv, arguments: args, tooltip: vscode.l10n.t('Export the whole result of this statement to a CSV file') }),
      );
    }
    return lenses;
  }
}

/** The query checks' one-click fixes (quote a hyphenated field, add a LIMIT…) as quick fixes. */
class QuickFixes implements vscode.CodeActionProvider {
  constructor(private readonly publisher: DiagnosticsPublisher) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    for (const p of this.publisher.problemsOf(document)) {
      if (p.to < from || p.from > to) continue;
      const fixes = [...(p.fix ? [p.fix] : []), ...(p.alternatives ?? [])];
      fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, rangeOf(document, fix.from, fix.to), fix.insert);
        action.diagnostics = [toVsDiagnostic(document, p)];
        // Only a single, certain fix is preferred (applied by Auto Fix); a choice is left to the user.
        action.isPreferred = i === 0 && fixes.length === 1;
        actions.push(action);
      });
    }
    return actions;
  }
}

/** Fields (of the statement's target), SQL keywords, functions and values, from src/query/completion. */
class QueryCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly deps: QueryDocumentLanguageDeps) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    const header = flowLogHeaderValueAt(document.lineAt(position.line).text, position.character);
    if (header) return this.flowLogNames(document, position.line, header, token);
    const cenHeader = cenHeaderValueAt(document.lineAt(position.line).text, position.character);
    if (cenHeader) return this.cenNames(position.line, cenHeader, token);
    if (isInLineComment(document, position)) return undefined;
    const doc = this.deps.parsed.get(document);
    const offset = document.offsetAt(position);
    const documentText = document.getText();
    const statement = statementAtCursor(doc, documentText, offset)?.statement;
    const fieldInfos = statement ? statementFields(this.deps.directory, statement) : undefined;
    const fieldsFor = (): readonly string[] | undefined => fieldInfos?.map((f) => f.name);
    const fieldTypes = fieldInfos ? Object.fromEntries(fieldInfos.map((f) => [f.name, f.type])) : undefined;
    let result = completeInDocument(doc, offset, fieldsFor, { documentText, ...(fieldTypes ? { fieldTypes } : {}) });
    if (result.valueField !== undefined && statement) {
      const values = await this.recentValues(statement, result.valueField, token);
      if (token.isCancellationRequested) return undefined;
      if (values && values.length > 0) {
        const byField = new Map([[result.valueField, values]]);
        result = completeInDocument(doc, offset, fieldsFor, { documentText, values: (f) => byField.get(f), ...(fieldTypes ? { fieldTypes } : {}) });
      }
    }
    const replace = rangeOf(document, result.from, result.to);
    // Where a statement begins, a preset can be the whole statement.
    const presets = !statement || result.from === statement.from ? this.presets(statement, replace) : [];
    return [...this.options(result, replace), ...presets];
  }

  /** The field's top values on the statement's flow log of late; undefined when there is none to ask or the asking failed. */
  private async recentValues(statement: Statement, field: string, token: vscode.CancellationToken): Promise<readonly SuggestedValue[] | undefined> {
    if (statement.target.kind !== 'flowLog') return undefined;
    const flowLog = this.deps.directory.known(statement.target.nameOrId);
    if (!flowLog) return undefined;
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      return await this.deps.fieldValues.values(flowLog, field, controller.signal);
    } catch (e) {
      // Completion goes on with the catalog's values; a cancel is the editor's own doing.
      if (!(isCloudError(e) && e.kind === 'cancelled')) this.deps.log.warn(`query file: could not read recent values of ${field} on ${flowLog.name || flowLog.flowLogId} (${errorText(e)})`);
      return undefined;
    } finally {
      cancelled.dispose();
    }
  }

  /** After `-- flowlog:`: the account's flow logs by name (id when the name is not unique), CEN and region as detail. */
  private async flowLogNames(document: vscode.TextDocument, line: number, at: { from: number; to: number }, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    let flowLogs: Awaited<ReturnType<FlowLogDirectory['all']>>;
    try {
      flowLogs = await this.deps.directory.all();
    } catch (e) {
      this.deps.log.warn(`query file: could not list the flow logs for the header (${errorText(e)})`);
      return undefined;
    }
    if (token.isCancellationRequested) return undefined;
    return headerItems(flowLogChoices(flowLogs), new vscode.Range(line, at.from, line, at.to));
  }

  /** After `-- cen:`: the account's CENs by name (id when the name is not unique), with how many flow logs each has. */
  private async cenNames(line: number, at: { from: number; to: number }, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    let known: Awaited<ReturnType<FlowLogDirectory['allCens']>>;
    try {
      known = await this.deps.directory.allCens();
    } catch (e) {
      this.deps.log.warn(`query file: could not list the CENs for the header (${errorText(e)})`);
      return undefined;
    }
    if (token.isCancellationRequested) return undefined;
    return headerItems(cenChoices(known.cens, known.flowLogs), new vscode.Range(line, at.from, line, at.to));
  }

  private presets(statement: Statement | undefined, replace: vscode.Range): vscode.CompletionItem[] {
    const flowLog = statement?.target.kind === 'flowLog' ? this.deps.directory.known(statement.target.nameOrId) : undefined;
    return presetSnippets(flowLog?.interval ?? DEFAULT_INTERVAL).map((p) => {
      const item = new vscode.CompletionItem({ label: p.label, description: 'preset' }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(p.snippet);
      item.range = replace;
      item.documentation = new vscode.MarkdownString().appendText(p.description).appendCodeblock(p.query, 'slsql');
      item.sortText = `~${p.label}`;
      return item;
    });
  }

  private options(result: CompletionResult, replace: vscode.Range): vscode.CompletionItem[] {
    return result.options.map((o, i) => {
      const item = new vscode.CompletionItem({ label: o.label, description: o.detail }, completionKind(o.type));
      item.insertText = o.apply;
      item.range = replace;
      item.filterText = o.label;
      item.documentation = new vscode.MarkdownString(o.info);
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }
}

function headerItems(choices: readonly FlowLogChoice[], range: vscode.Range): vscode.CompletionItem[] {
  return choices.map((c) => {
    const item = new vscode.CompletionItem({ label: c.label, description: c.description, detail: ` ${c.detail}` }, vscode.CompletionItemKind.Reference);
    item.insertText = c.insert;
    item.filterText = c.filterText;
    item.range = range;
    item.detail = c.detail;
    return item;
  });
}

function isInLineComment(document: vscode.TextDocument, position: vscode.Position): boolean {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  return /^\s*--/.test(before);
}

function completionKind(type: CompletionType): vscode.CompletionItemKind {
  const k = vscode.CompletionItemKind;
  return ({ field: k.Field, keyword: k.Keyword, function: k.Function, value: k.Value, operator: k.Operator } as const)[type];
}

class QueryHovers implements vscode.HoverProvider {
  constructor(private readonly deps: QueryDocumentLanguageDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const s = statementAt(this.deps.parsed.get(document), offset);
    if (!s) return undefined;
    const hover = hoverAt(s.text, offset - s.from, statementFields(this.deps.directory, s));
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), rangeOf(document, s.from + hover.from, s.from + hover.to)) : undefined;
  }
}
