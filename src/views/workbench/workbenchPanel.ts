/**
 * One query workbench panel: owns the webview, validates every message it sends, and routes them
 * to the query runner, the exporter and the history. The webview never sees credentials: it gets
 * the target (names of region, project, logstore, fields), presets, history and results.
 */
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import type { SlsApi } from '../../cloud/slsApi';
import { isCloudError } from '../../cloud/cloudError';
import {
  parseWebviewMessage,
  type ChartKind,
  type HostMessage,
  type PresetInfo,
  type TimeRangeSpec,
  type WebviewMessage,
  type WorkbenchTarget,
  type WorkbenchViewState,
} from '../../protocol/messages';
import { QueryRunner, type RangeResolver, type ServerErrorLocator } from './queryRunner';
import { historyKey, type QueryHistoryStore } from './queryHistory';
import { buildWorkbenchHtml, createNonce } from './workbenchHtml';
import { ExportCancelled, exportQueryResult } from './resultExport';
import type { ExportFormat } from './exportFormat';
import { describeRefusal, localRefusal } from './localRefusal';
import { keysForQueryError, offerIndex } from './indexOffer';

export { WORKBENCH_VIEW_TYPE } from '../../activation/contributions';

/** The query-language services the host needs (implemented in src/query). */
export interface WorkbenchLanguage {
  readonly resolveRange: RangeResolver;
  readonly presets: (target: WorkbenchTarget) => readonly PresetInfo[];
  readonly locateServerError?: ServerErrorLocator;
}

export interface WorkbenchPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly sls: () => Promise<SlsApi>;
  readonly history: QueryHistoryStore;
  readonly language: WorkbenchLanguage;
  readonly log: vscode.LogOutputChannel;
}

/** A query to put into the editor once the webview is ready, optionally running it. */
export interface QueryIntent {
  readonly query: string;
  readonly range?: TimeRangeSpec;
  readonly run: boolean;
  readonly chart?: ChartKind;
}

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    // Only the built webview assets; not the extension folder, not the workspace.
    localResourceRoots: [webviewRoot(extensionUri)],
    // A result can be large and costly to fetch again; keep it while the tab is hidden.
    // View state still goes through getState/setState for window reloads.
    retainContextWhenHidden: true,
    enableFindWidget: true,
  };
}

export class WorkbenchPanel implements vscode.Disposable {
  readonly key: string;
  private readonly runner: QueryRunner;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pending: QueryIntent | undefined;
  private viewState: WorkbenchViewState | undefined;
  private exportController: AbortController | undefined;
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<WorkbenchViewState>();
  /** The webview reported new view state (query, range, chart, scroll). */
  readonly onDidChangeViewState = this.stateEmitter.event;

  private currentTarget: WorkbenchTarget;
  /** The Create Index offer after a query error is made once per panel, not after every query. */
  private indexOffered = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    target: WorkbenchTarget,
    private readonly deps: WorkbenchPanelDeps,
    restoredState?: WorkbenchViewState,
  ) {
    this.currentTarget = target;
    this.key = historyKey(target);
    this.viewState = restoredState;
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.title = `Query: ${target.title}`;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    this.runner = new QueryRunner({
      sls: deps.sls,
      target: { regionId: target.regionId, projectName: target.projectName, logStoreName: target.logStoreName, interval: target.interval },
      post: (m) => this.post(m),
      resolveRange: deps.language.resolveRange,
      locateServerError: deps.language.locateServerError,
      log: (line) => deps.log.info(line),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render();
  }

  /** Puts a query into the editor (and runs it), now if the webview is up, else after `ready`. */
  show(intent?: QueryIntent): void {
    this.panel.reveal(undefined, false);
    if (!intent) return;
    if (this.ready) void this.post({ type: 'setQuery', ...intent });
    else this.pending = intent;
  }

  get target(): WorkbenchTarget {
    return this.currentTarget;
  }

  /** New fields (after Create Index): the webview reloads and gets them in a fresh init, its view state kept. */
  retarget(target: WorkbenchTarget): void {
    if (this.disposed || historyKey(target) !== this.key) return;
    this.currentTarget = target;
    this.render();
  }

  get currentViewState(): WorkbenchViewState | undefined {
    return this.viewState;
  }

  /**
   * Stops queries and exports but leaves the panel open: on deactivation (window reload) the
   * panel must survive so the serializer can restore it.
   */
  stop(): void {
    this.runner.dispose();
    this.exportController?.abort();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runner.dispose();
    this.exportController?.abort();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.stateEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private render(): void {
    const webview = this.panel.webview;
    const root = webviewRoot(this.deps.extensionUri);
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
    this.ready = false;
    webview.html = buildWorkbenchHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('workbench.js'),
      styleUris: [asset('codicons', 'codicon.css'), asset('workbench.css')],
      title: this.panel.title,
    });
  }

  private post(message: HostMessage): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    if (message.type === 'queryError') this.maybeOfferIndex(message.error.code, message.error.message);
    return Promise.resolve(this.panel.webview.postMessage(message)).catch(() => false);
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      // Never echo the payload: it may be large or hostile. Its type (if a short string) is enough.
      const type = typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string' ? raw.type.slice(0, 40) : typeof raw;
      this.deps.log.warn(`workbench: ignored a malformed message from the webview (type ${JSON.stringify(type)})`);
      return;
    }
    this.handle(message).catch((e: unknown) => this.deps.log.error(`workbench: ${message.type} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.post({
          type: 'init',
          target: this.target,
          presets: this.deps.language.presets(this.target),
          state: this.viewState,
          history: this.deps.history.history(this.key),
        });
        if (this.pending) {
          const intent = this.pending;
          this.pending = undefined;
          await this.post({ type: 'setQuery', ...intent });
        }
        return;
      case 'runQuery': {
        // The webview refuses these itself; this is the guard at the last step before the API.
        const problems = message.runAnyway ? [] : localRefusal(message.query, this.fieldNames());
        if (problems.length > 0) {
          this.deps.log.info(`workbench: query not sent, local checks found ${problems.length} error(s): ${describeRefusal(problems)}`);
          await this.post({ type: 'queryRefused', requestId: message.requestId, problems });
          return;
        }
        if (message.runAnyway) this.deps.log.info('workbench: running a query the local checks flag as wrong, as the user chose ("Run anyway")');
        const history = await this.deps.history.remember(this.key, message.query);
        await this.post({ type: 'history', history });
        await this.runner.run(message.requestId, message.query, message.range);
        return;
      }
      case 'cancel':
        this.runner.cancel(message.requestId);
        return;
      case 'loadMore':
        await this.runner.loadMore(message.requestId, message.all);
        return;
      case 'export':
        await this.exportResult(message.format, message.query, message.range);
        return;
      case 'cancelExport':
        this.exportController?.abort();
        return;
      case 'saveQuery':
        await this.saveQuery(message.query);
        return;
      case 'pickSavedQuery':
        await this.pickSavedQuery();
        return;
      case 'stateChanged':
        this.viewState = message.state;
        this.stateEmitter.fire(message.state);
        return;
      case 'showError':
        void vscode.window.showErrorMessage(message.message);
        return;
    }
  }

  /** A query failed on the index (none, or a field missing): offer to add what it needs, once. */
  private maybeOfferIndex(code: string | undefined, errorMessage: string): void {
    if (this.indexOffered) return;
    const keys = keysForQueryError(code, errorMessage, this.currentTarget.fields.map((f) => f.name));
    if (!keys) return;
    this.indexOffered = true;
    const t = this.currentTarget;
    const ref = { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName };
    const names = Object.keys(keys).join(', ');
    const message = code === 'IndexConfigNotExist' ? `The logstore ${t.projectName}/${t.logStoreName} has no index. Create one for ${names}?` : `The index of ${t.projectName}/${t.logStoreName} lacks ${names}. Add it?`;
    void offerIndex(this.deps.sls, ref, message, keys, this.deps.log).then((added) => {
      if (!added) return;
      const known = new Set(t.fields.map((f) => f.name));
      const extra = Object.entries(keys).filter(([name]) => !known.has(name)).map(([name, k]) => ({ name, type: k.type }));
      if (extra.length > 0) this.retarget({ ...this.currentTarget, fields: [...this.currentTarget.fields, ...extra] });
    });
  }

  /** The index's keys the webview checks against (it falls back to the catalog when there are none). */
  private fieldNames(): readonly string[] | undefined {
    return this.target.fields.length > 0 ? this.target.fields.map((f) => f.name) : undefined;
  }

  private async saveQuery(query: string): Promise<void> {
    if (!query.trim()) return;
    const name = await vscode.window.showInputBox({
      title: 'Save query',
      prompt: `A name for this query on ${this.target.title}`,
      validateInput: (v) => (v.trim() ? undefined : 'Enter a name'),
    });
    if (!name) return;
    const t = this.target;
    await this.deps.history.save({
      name: name.trim(),
      query,
      targetKey: this.key,
      savedAt: Date.now(),
      target: { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName, flowLogId: t.flowLogId, cenId: t.cenId, interval: t.interval, title: t.title },
    });
    void vscode.window.showInformationMessage(`Saved query "${name.trim()}".`);
  }

  private async pickSavedQuery(): Promise<void> {
    const saved = [...this.deps.history.saved()].sort((a, b) => Number(b.targetKey === this.key) - Number(a.targetKey === this.key));
    if (saved.length === 0) {
      void vscode.window.showInformationMessage('No saved queries yet. Use "Save query" in the workbench to add one.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      saved.map((s) => ({ label: s.name, detail: s.query, description: s.targetKey === this.key ? 'this flow log' : undefined, saved: s })),
      { title: 'Open saved query', matchOnDetail: true },
    );
    if (pick) await this.post({ type: 'setQuery', query: pick.saved.query, run: false });
  }

  private async exportResult(format: ExportFormat, query: string, spec: TimeRangeSpec): Promise<void> {
    if (this.exportController) {
      void vscode.window.showInformationMessage('An export is already running for this panel.');
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const defaultName = `${this.target.logStoreName}-${stamp}.${format}`;
    const uri = await vscode.window.showSaveDialog({
      title: `Export result as ${format.toUpperCase()}`,
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), defaultName),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (!uri) return;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('Export writes to local files only; choose a file on this machine.');
      return;
    }
    const controller = new AbortController();
    this.exportController = controller;
    let range;
    try {
      range = this.deps.language.resolveRange(spec, this.target.interval, new Date());
    } catch (e) {
      this.exportController = undefined;
      void vscode.window.showErrorMessage(`Export: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    await this.post({ type: 'exportState', state: 'started', rows: 0, file: uri.fsPath });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${format.toUpperCase()}`, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        let lastReport = 0;
        try {
          const sls = await this.deps.sls();
          const outcome = await exportQueryResult(
            sls,
            { regionId: this.target.regionId, projectName: this.target.projectName, logStoreName: this.target.logStoreName, query, from: range.from, to: range.to },
            uri.fsPath,
            format,
            {
              query,
              from: range.from,
              to: range.to,
              rangeLabel: range.label,
              target: { regionId: this.target.regionId, projectName: this.target.projectName, logStoreName: this.target.logStoreName, flowLogId: this.target.flowLogId },
              exportedAt: new Date(),
            },
            {
              signal: controller.signal,
              onRows: (rows) => {
                progress.report({ message: `${rows.toLocaleString('en-US')} rows` });
                // Throttled: one message per 5,000 rows is plenty for a counter.
                if (rows - lastReport >= 5_000) {
                  lastReport = rows;
                  void this.post({ type: 'exportState', state: 'progress', rows });
                }
              },
            },
          );
          await this.post({ type: 'exportState', state: 'done', rows: outcome.rows, file: uri.fsPath });
          const note = outcome.complete ? '' : ' The service reported the result as Incomplete.';
          void vscode.window
            .showInformationMessage(`Exported ${outcome.rows.toLocaleString('en-US')} rows to ${uri.fsPath}.${note}`, 'Open File')
            .then((choice) => (choice ? vscode.commands.executeCommand('vscode.open', uri) : undefined));
        } catch (e) {
          if (e instanceof ExportCancelled || controller.signal.aborted || (isCloudError(e) && e.kind === 'cancelled')) {
            await this.post({ type: 'exportState', state: 'cancelled', rows: 0 });
            return;
          }
          const message = isCloudError(e) ? e.userMessage : e instanceof Error ? e.message : String(e);
          this.deps.log.error(`export failed: ${message}`);
          await this.post({ type: 'exportState', state: 'failed', rows: 0, message });
          void vscode.window.showErrorMessage(`Export failed: ${message}`);
        } finally {
          this.exportController = undefined;
        }
      },
    );
  }
}
