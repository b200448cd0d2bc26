/**
 * One query workbench panel: owns the webview, validates every message it sends, and routes them
 * to the query runner, the exporter and the history. The webview never sees credentials: it gets
 * the target (names of region, project, logstore, fields), presets, history and results.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import type { SlsApi } from '../../cloud/slsApi';
import type { TransitRouterRef } from '../../cloud/cenApi';
import {
  parseChartAxes,
  parseWebviewMessage,
  CHART_KIND_NAMES,
  type ChartAxes,
  type ChartKind,
  type CenTarget,
  type HostMessage,
  type PresetInfo,
  type QueryErrorInfo,
  type WebviewMessage,
  type QueryDocumentTie,
  type WorkbenchBoot,
  type WorkbenchTarget,
  type TimeRangeSpec,
  type WorkbenchViewState,
} from '../../protocol/messages';
import { targetQueries } from './targetQueries';
import { QueryRunner, type RangeResolver, type ServerErrorLocator } from './queryRunner';
import { targetKey, type QueryHistoryStore } from './queryHistory';
import { buildWorkbenchHtml, createNonce } from './workbenchHtml';
import type { ExportController } from './exportController';
import { loadExportControllerModule } from './exportControllerLoader';
import { panelTitle } from './openPanelsFile';
import { describeRefusal, localRefusal } from '../../query/localRefusal';
import { PanelViewState, type QueryIntent } from './panelViewState';
import { keysForQueryError, offerIndex } from './indexOffer';
import { FacetRunner } from './facetRunner';
import type { ColumnChoiceStore } from './columnChoices';
import { workbenchConsoleUrl } from './consoleHandOff';
import { consoleSite } from '../consoleSite';
import { hostL10nSetup } from '../../activation/hostL10n';
import { saveChartImage } from './chartImageFile';


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
  /** attachment-id → readable name of every attachment of a transit router (the explorer's lists). */
  readonly attachmentNames?: (router: TransitRouterRef) => Promise<Readonly<Record<string, string>>>;
  /** Column choices per flow log (absent: the grid shows every column as it comes). */
  readonly columns?: ColumnChoiceStore;
  /** The Follow delay setting, read when a page starts. */
  readonly followDelaySeconds?: () => number;
  /** A CEN panel's statement that cannot be merged: run it on one of the CEN's flow logs (asks which). */
  readonly runPerFlowLog?: (target: CenTarget, query: string, range: TimeRangeSpec) => Promise<void>;
}

/** How a panel starts: its view state (restored or from a command) and whether to run it at once. */
export interface PanelStart {
  readonly view?: WorkbenchViewState;
  readonly run?: boolean;
  /** Records the panel's view state where a window reload finds it (resolves once recorded). */
  readonly persist?: (view: WorkbenchViewState) => Promise<void>;
  /** The query document whose own panel this is (its tab names the document; a reload ties it again). */
  readonly document?: QueryDocumentTie;
}

/** How a query the panel ran ended: done, or failed with the error the page shows. */
export interface QueryEnded {
  readonly query: string;
  readonly error?: QueryErrorInfo;
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
  private readonly viewState: PanelViewState;
  /** Built on the first export (its module loads then). */
  private exporter: ExportController | undefined;
  private readonly facets: FacetRunner;
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<WorkbenchViewState>();
  /** The webview reported new view state (query, range, chart, scroll). */
  readonly onDidChangeViewState = this.stateEmitter.event;
  private readonly endedEmitter = new vscode.EventEmitter<QueryEnded>();
  /** A query run in this panel ended with its rows or an error (not when cancelled). */
  readonly onDidEndQuery = this.endedEmitter.event;
  /** The query running now, so its end can be told with its text. */
  private running: { readonly requestId: string; readonly query: string } | undefined;

  private currentTarget: WorkbenchTarget;
  /** The Create Index offer after a query error is made once per panel, not after every query. */
  private indexOffered = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    target: WorkbenchTarget,
    private readonly deps: WorkbenchPanelDeps,
    private readonly start: PanelStart = {},
  ) {
    this.currentTarget = target;
    this.key = targetKey(target);
    this.viewState = new PanelViewState(start.view, (v) => start.persist?.(v) ?? Promise.resolve(), (v) => this.stateEmitter.fire(v));
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.title = panelTitle(target, start.document);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    this.runner = new QueryRunner({
      queries: targetQueries(deps.sls, target),
      interval: target.interval,
      post: (m) => this.post(m),
      resolveRange: deps.language.resolveRange,
      locateServerError: deps.language.locateServerError,
      log: (line) => deps.log.info(line),
    });
    this.facets = new FacetRunner({
      queries: targetQueries(deps.sls, target),
      percentiles: target.kind === 'logstore',
      fields: () => this.currentTarget.fields,
      post: (m) => this.post(m),
      log: (line) => deps.log.info(line),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      // Follow mode pauses while the panel is hidden (its page keeps running: retainContextWhenHidden).
      panel.onDidChangeViewState((e) => void this.post({ type: 'panelVisibility', visible: e.webviewPanel.visible })),
    );
    this.render();
  }

  /**
   * Puts a query into the editor (and runs it), now if the webview is up, else after `ready`. The
   * new query is recorded first, so a reload from here on reopens the panel with it.
   */
  async show(intent?: QueryIntent, fromDocument = this.start.document !== undefined): Promise<void> {
    // Run from a document: the panel shows the new result while the cursor stays in the document.
    this.panel.reveal(undefined, fromDocument);
    if (!intent) return;
    await this.viewState.adopt(intent);
    if (this.ready) await this.post({ type: 'setQuery', ...intent });
    else this.pending = intent;
  }

  get target(): WorkbenchTarget {
    return this.currentTarget;
  }

  /** The query document this panel belongs to, if it is a document's own panel. */
  get document(): QueryDocumentTie | undefined {
    return this.start.document;
  }

  /** New fields (after Create Index): the webview reloads and gets them in a fresh init, its view state kept. */
  retarget(target: WorkbenchTarget): void {
    if (this.disposed || targetKey(target) !== this.key) return;
    this.currentTarget = target;
    this.render();
  }

  get currentViewState(): WorkbenchViewState | undefined {
    return this.viewState.current;
  }

  /**
   * Stops queries and exports but leaves the panel open: on deactivation (window reload) the
   * panel must survive so the serializer can restore it.
   */
  stop(): void {
    this.facets.cancelAll();
    this.runner.dispose();
    this.exporter?.cancel();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.facets.cancelAll();
    this.runner.dispose();
    this.exporter?.cancel();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.stateEmitter.dispose();
    this.endedEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private render(): void {
    const webview = this.panel.webview;
    const root = webviewRoot(this.deps.extensionUri);
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
    this.ready = false;
    const view = this.viewState.current;
    const tie = this.start.document ? { document: this.start.document } : {};
    const boot: WorkbenchBoot = { target: this.target, ...(view ? { view } : {}), ...tie, ...(this.start.run ? { run: true } : {}), l10n: hostL10nSetup() };
    webview.html = buildWorkbenchHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('workbench.js'),
      styleUris: [asset('codicons', 'codicon.css'), asset('workbench.css')],
      title: this.panel.title,
      boot: JSON.stringify(boot),
    });
  }

  private post(message: HostMessage): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    if (message.type === 'queryError') this.maybeOfferIndex(message.error.code, message.error.message);
    if ((message.type === 'queryError' || message.type === 'queryDone') && this.running?.requestId === message.requestId) {
      this.endedEmitter.fire({ query: this.running.query, ...(message.type === 'queryError' ? { error: message.error } : {}) });
      this.running = undefined;
    }
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
    this.handle(message).catch((e: unknown) => this.deps.log.error(`workbench: ${message.type} failed: ${errorText(e)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.post({
          type: 'init',
          target: this.target,
          presets: this.deps.language.presets(this.target),
          history: this.deps.history.history(this.key),
          ...(this.deps.columns?.get(this.key) ? { columns: this.deps.columns.get(this.key) } : {}),
          ...(this.deps.followDelaySeconds ? { followDelaySeconds: this.deps.followDelaySeconds() } : {}),
        });
        if (this.pending) {
          const intent = this.pending;
          this.pending = undefined;
          await this.post({ type: 'setQuery', ...intent });
        }
        if (this.viewState.current) void this.runner.prepare(this.viewState.current.query, this.viewState.current.range);
        return;
      case 'runQuery': {
        // The webview refuses these itself; this is the guard at the last step before the API.
        // "Run anyway" overrides the checks, never the CEN merge rule: an inexact merge is never shown.
        const acrossFlowLogs = this.target.kind === 'cen';
        const all = localRefusal(message.query, this.fieldNames(), { acrossFlowLogs });
        const problems = message.runAnyway ? all.filter((p) => p.code === 'not-mergeable') : all;
        if (problems.length > 0) {
          this.deps.log.info(`workbench: query not sent, local checks found ${problems.length} error(s): ${describeRefusal(problems)}`);
          await this.post({ type: 'queryRefused', requestId: message.requestId, problems });
          return;
        }
        // The query changed: facets of the previous one are not wanted any more.
        this.facets.cancelAll();
        if (message.runAnyway) this.deps.log.info('workbench: running a query the local checks flag as wrong, as the user chose ("Run anyway")');
        // Recorded before anything is sent: what ran survives a reload that comes next.
        await this.viewState.ran(message.query, message.range);
        const history = await this.deps.history.remember(this.key, message.query);
        await this.post({ type: 'history', history });
        this.running = { requestId: message.requestId, query: message.query };
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
        this.exporter ??= new (loadExportControllerModule().ExportController)({ target: this.target, sls: this.deps.sls, resolveRange: this.deps.language.resolveRange, post: (m) => this.post(m), log: this.deps.log });
        await this.exporter.start(message.format, message.query, message.range);
        return;
      case 'cancelExport':
        this.exporter?.cancel();
        return;
      case 'saveQuery':
        await this.saveQuery(message.query, message.chart, message.chartAxes);
        return;
      case 'runPerFlowLog':
        if (this.target.kind === 'cen') await this.deps.runPerFlowLog?.(this.target, message.query, message.range);
        return;
      case 'pickSavedQuery':
        await this.pickSavedQuery();
        return;
      case 'stateChanged':
        await this.viewState.changed(message.state);
        // The statement being typed: a CEN panel decides now how each flow is counted, so the Run pays one round trip.
        void this.runner.prepare(message.state.query, message.state.range);
        return;
      case 'showError':
        void vscode.window.showErrorMessage(message.message);
        return;
      case 'facet':
        await this.facets.run(message);
        return;
      case 'cancelFacets':
        this.facets.cancelAll();
        return;
      case 'columnsChanged':
        await this.deps.columns?.save(this.key, message.choice);
        return;
      case 'openInConsole': {
        const url = workbenchConsoleUrl(this, consoleSite(), new Date(), this.deps.language.resolveRange);
        this.deps.log.info(`workbench: opening the query in the Log Service console: ${url}`);
        await vscode.env.openExternal(vscode.Uri.parse(url));
        return;
      }
      case 'saveChartImage':
        await saveChartImage(message.png, this.target.title, this.deps.log);
        return;
    }
  }

  /** A query failed on the index (none, or a field missing): offer to add what it needs, once. */
  private maybeOfferIndex(code: string | undefined, errorMessage: string): void {
    const t = this.currentTarget;
    // A CEN panel's logstores are offered an index from their own panels.
    if (this.indexOffered || t.kind !== 'logstore') return;
    const keys = keysForQueryError(code, errorMessage, t.fields.map((f) => f.name));
    if (!keys) return;
    this.indexOffered = true;
    const ref = { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName };
    const names = Object.keys(keys).join(', ');
    const message =
      code === 'IndexConfigNotExist'
        ? vscode.l10n.t('The logstore {0}/{1} has no index. Create one for {2}?', t.projectName, t.logStoreName, names)
        : vscode.l10n.t('The index of {0}/{1} lacks {2}. Add it?', t.projectName, t.logStoreName, names);
    void offerIndex(this.deps.sls, ref, message, keys, this.deps.log).then((added) => {
      if (!added) return;
      const known = new Set(t.fields.map((f) => f.name));
      const extra = Object.entries(keys).filter(([name]) => !known.has(name)).map(([name, k]) => ({ name, type: k.type }));
      if (extra.length > 0) this.retarget({ ...t, fields: [...t.fields, ...extra] });
    });
  }

  /** The index's keys the webview checks against (it falls back to the catalog when there are none). */
  private fieldNames(): readonly string[] | undefined {
    return this.target.fields.length > 0 ? this.target.fields.map((f) => f.name) : undefined;
  }

  private async saveQuery(query: string, chart?: ChartKind, chartAxes?: ChartAxes): Promise<void> {
    if (!query.trim()) return;
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Save query'),
      prompt: vscode.l10n.t('A name for this query on {0}', this.target.title),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name')),
    });
    if (!name) return;
    const t = this.target;
    const where =
      t.kind === 'logstore'
        ? { target: { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName, flowLogId: t.flowLogId, cenId: t.cenId, interval: t.interval, title: t.title } }
        : { cen: { cenId: t.cenId, title: t.title } };
    await this.deps.history.save({
      name: name.trim(),
      query,
      targetKey: this.key,
      savedAt: Date.now(),
      ...where,
      ...(chart ? { chart } : {}),
      ...(chartAxes ? { chartAxes: parseChartAxes(chartAxes) } : {}),
    });
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved query "{0}".', name.trim()));
  }

  private async pickSavedQuery(): Promise<void> {
    const saved = [...this.deps.history.saved()].sort((a, b) => Number(b.targetKey === this.key) - Number(a.targetKey === this.key));
    if (saved.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No saved queries yet. Use "Save query" in the workbench to add one.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      saved.map((s) => ({ label: s.name, detail: s.query, description: s.targetKey === this.key ? (this.target.kind === 'cen' ? vscode.l10n.t('this CEN') : vscode.l10n.t('this flow log')) : undefined, saved: s })),
      { title: vscode.l10n.t('Open saved query'), matchOnDetail: true },
    );
    if (!pick) return;
    // Stored by an older version or by hand: the chart parts are checked again.
    const chart = CHART_KIND_NAMES.find((c) => c === pick.saved.chart);
    const chartAxes = parseChartAxes(pick.saved.chartAxes);
    await this.post({ type: 'setQuery', query: pick.saved.query, run: false, ...(chart ? { chart } : {}), ...(chartAxes ? { chartAxes } : {}) });
  }
}
