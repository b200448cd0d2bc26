/**
 * The query workbench page: wires the editor, time range, presets, histogram, results grid,
 * charts, export and status line to the host protocol. Holds the per-query state (request id,
 * paging) and persists the view state; every piece of UI lives in its own module.
 */
import type { ChartAxes, ChartKind, HostMessage, LocalProblem, PresetInfo, QueryStatus, TimeRangeSpec, WorkbenchTarget } from '../src/protocol/messages';
import type { HostChannel } from './host/vscodeApi';
import { QueryEditor } from './editor/queryEditor';
import { appendFilter } from '../src/query/addressFilter';
import { TimeRangePicker } from './timeRange/timeRangePicker';
import { HistogramView } from './histogram/histogramView';
import { ResultGrid } from './grid/resultGrid';
import { ChartView } from './charts/chartView';
import { CHART_SAMPLE_ROWS, chooseChart } from './charts/chartChoice';
import { abbreviateQuery, StatusLine } from './results/statusLine';
import { ErrorBanner } from './results/errorBanner';
import { ExportBar } from './export/exportBar';
import { button, codicon, h, optionElement, selectElement } from './dom';
import { formatCount, setAttachmentNames } from './grid/valueFormat';
import { startState, ViewStateKeeper } from './workbenchState';
import { RefusalBanner } from './editor/refusalBanner';
import { RecordDetail } from './detail/recordDetail';
import { describeRefusal, localRefusal } from '../src/query/localRefusal';
import { FacetList } from './facets/facetList';
import { ColumnMenu } from './grid/columnMenu';
import { ChartAxesBar } from './charts/chartAxesBar';
import { DEFAULT_FOLLOW_DELAY_SECONDS, FollowScheduler } from '../src/query/followSchedule';
import { NO_COLUMN_CHOICE, type ColumnChoice } from '../src/results/columnChoice';
import { applyFilter, type FilterMode } from '../src/query/searchFilter';
import { displayFormat, t } from './l10n';

/** A chart kind's name in the chart-type select (read when drawn: the bundle is configured after the modules load). */
function chartLabel(kind: ChartKind): string {
  switch (kind) {
    case 'line':
      return t('Line');
    case 'area':
      return t('Area');
    case 'bar':
      return t('Bar');
    case 'pie':
      return t('Pie');
    case 'table':
      return t('Table only');
  }
}
const CHART_KINDS: readonly ChartKind[] = ['line', 'area', 'bar', 'pie', 'table'];

interface Running {
  readonly requestId: string;
  /** The text this run sent: the status line names it. */
  readonly query: string;
  status?: QueryStatus;
  phase: RunPhase;
  /** A Follow run: the rows of the run before it, to mark what is new. */
  readonly previousRows?: ReadonlySet<string>;
}

/** Where a run is: its first pages coming, more pages asked for, or finished (and whether asking for more brought nothing). */
type RunPhase =
  | { readonly kind: 'running' }
  | { readonly kind: 'loadingMore'; readonly all: boolean; readonly rowsBefore: number }
  | { readonly kind: 'finished'; readonly exhausted: boolean };

export class WorkbenchApp {
  private readonly editor: QueryEditor;
  private readonly picker: TimeRangePicker;
  private readonly histogram: HistogramView;
  private readonly grid: ResultGrid;
  private readonly chart = new ChartView();
  private readonly status = new StatusLine();
  private readonly errors = new ErrorBanner();
  private readonly refusal: RefusalBanner;
  private readonly detail: RecordDetail;
  private readonly facets: FacetList;
  private readonly columnMenu: ColumnMenu;
  private readonly axesBar: ChartAxesBar;
  private readonly followButton;
  private follow: FollowScheduler | undefined;
  private followDelaySeconds = DEFAULT_FOLLOW_DELAY_SECONDS;
  private panelVisible = true;
  /** When the last run was sent (ms): Follow catches up on windows that closed since. */
  private lastRunSentAt: number | undefined;
  /** The chart's chosen axes (kept with the query in the view state). */
  private chartAxes: ChartAxes | undefined;
  /** The target's capture window in seconds (follow-up queries bucket time by it). */
  private windowSeconds = 600;
  /** The logstore index's keys (from init); undefined = the flow-log catalog. */
  private fields: readonly string[] | undefined;
  /** A CEN panel: queries run over every flow log and must merge exactly. */
  private acrossFlowLogs = false;
  private readonly exportBar: ExportBar;
  private readonly title = h('h1', 'target-title');
  private readonly subtitle = h('div', 'target-subtitle');
  private readonly rangeInfo = h('div', 'range-info');
  private readonly presetSelect = selectElement(t('Presets'), 'presets');
  private readonly historySelect = selectElement(t('Recent queries'), 'history');
  private readonly chartSelect = selectElement(t('Chart type'), 'chart-kind');
  private readonly tabs = document.createElement('vscode-tabs') as HTMLElement & { selectedIndex: number };
  private readonly runButton;
  private readonly cancelButton;
  private readonly loadMoreButton;
  private readonly loadAllButton;
  private readonly filterField = document.createElement('vscode-textfield') as HTMLElement & { value: string };
  private presets: readonly PresetInfo[] = [];
  /** The queries the history select offers, by option value (index). */
  private historyQueries: readonly string[] = [];
  private range: TimeRangeSpec;
  private readonly state: ViewStateKeeper;
  /** A command opened this page to run its query: done once the host has sent the target. */
  private autorun: boolean;
  private chartKind: ChartKind | undefined;
  /** A chart asked for by a preset or the host: shown (tab switched) when the result arrives. */
  private requestedChart: ChartKind | undefined;
  private current: Running | undefined;
  private pendingScroll: number | undefined;
  private filterTimer = 0;
  private seq = 0;
  /** Run attempts so far (sent or refused), shown on the page root with how the last one ended. */
  private attempts = 0;

  constructor(private readonly root: HTMLElement, private readonly host: HostChannel, nonce: string | undefined) {
    // The text the editor starts with is final: host messages never overwrite what is typed after.
    const start = startState(host.getState(), parseBoot(root.dataset.boot));
    this.range = start.view.range;
    this.chartKind = start.view.chart;
    this.chartAxes = start.view.chartAxes;
    this.pendingScroll = start.view.scrollTop;
    this.autorun = start.autorun;
    this.state = new ViewStateKeeper(host, start.target, start.view, { set: (fn, ms) => window.setTimeout(fn, ms), clear: (t) => window.clearTimeout(t) }, start.document);

    // Header and toolbar
    const header = h('header', 'wb-header');
    const titles = h('div', 'titles');
    titles.append(this.title, this.subtitle);
    this.title.textContent = t('Query workbench');
    this.runButton = button({ label: t('Run'), icon: 'play', title: t('Run query (Ctrl+Enter)'), testid: 'run' }, () => this.run());
    this.cancelButton = button({ label: t('Cancel'), icon: 'debug-stop', secondary: true, title: t('Cancel (Esc)'), testid: 'cancel' }, () => this.cancel());
    this.cancelButton.disabled = true;
    this.followButton = button({ label: t('Follow'), icon: 'broadcast', secondary: true, title: t('Follow: rerun as each capture window closes'), testid: 'follow' }, () => this.toggleFollow());
    this.followButton.setAttribute('aria-pressed', 'false');
    this.picker = new TimeRangePicker(this.range, (spec) => {
      this.range = spec;
      this.state.update({ range: spec });
    });
    this.presetSelect.append(optionElement('', t('Presets…')));
    this.historySelect.append(optionElement('', t('Recent…')));
    this.presetSelect.addEventListener('change', () => this.onPreset());
    this.historySelect.addEventListener('change', () => this.onHistory());
    const save = button({ label: t('Save query'), icon: 'save', secondary: true, iconOnly: true, testid: 'save-query' }, () =>
      this.host.post({ type: 'saveQuery', query: this.editor.text, ...(this.chartKind ? { chart: this.chartKind } : {}), ...(this.chartAxes ? { chartAxes: this.chartAxes } : {}) }),
    );
    const open = button({ label: t('Open saved query'), icon: 'folder-opened', secondary: true, iconOnly: true, testid: 'open-saved' }, () => this.host.post({ type: 'pickSavedQuery' }));
    const openInConsole = button({ label: t('Open in Log Service Console (query and time range)'), icon: 'link-external', secondary: true, iconOnly: true, testid: 'open-in-console' }, () => this.host.post({ type: 'openInConsole' }));
    const toolbar = h('div', 'toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', t('Query'));
    toolbar.append(this.runButton, this.cancelButton, this.followButton, this.picker.element, h('div', 'spacer'), this.presetSelect, this.historySelect, save, open, openInConsole);
    header.append(titles, toolbar);

    // Editor
    const editorHost = h('div', 'editor');
    editorHost.dataset.testid = 'query-editor';
    this.editor = new QueryEditor(editorHost, start.view.query, {
      onRun: () => this.run(),
      onCancel: () => this.cancel(),
      onChange: (text) => {
        this.state.update({ query: text });
        this.recheckRefusal();
      },
    }, nonce);
    this.refusal = new RefusalBanner({
      onRunAnyway: () => this.run(true),
      onRunPerFlowLog: () => this.host.post({ type: 'runPerFlowLog', query: this.editor.text, range: this.range }),
      onReveal: (p) => this.editor.reveal(p.from, p.to),
    });
    this.rangeInfo.dataset.testid = 'range-info';
    this.rangeInfo.setAttribute('aria-live', 'polite');

    // Histogram
    this.histogram = new HistogramView((r) => this.zoom(r));

    // Results
    this.grid = new ResultGrid({
      onFilterValue: (field, value) => this.addFilter(field, value),
      onNearEnd: () => this.autoLoadMore(),
      onScroll: () => this.state.update({ scrollTop: Math.round(this.grid.scrollTop) }, 'scroll'),
      onCopy: (text, copied) => this.copy(text, copied),
      onActiveRow: () => {
        if (this.detail.visible) this.detail.show(this.grid.activeRecord(), this.windowSeconds);
      },
    });
    this.detail = new RecordDetail({
      onFollowUp: (query, label) => {
        this.editor.setText(query);
        this.status.idle(`${label}…`);
        this.run();
      },
      onCopy: (text, copied) => this.copy(text, copied),
      onClose: () => this.detail.hide(),
    });
    this.facets = new FacetList({
      onRequest: (requestId, field, scope) => this.host.post({ type: 'facet', requestId, field, query: scope.query, from: scope.from, to: scope.to }),
      onFilter: (field, value, mode, numeric) => this.filterByFacet(field, value, mode, numeric),
    });
    this.filterField.setAttribute('placeholder', t('Filter rows'));
    this.filterField.setAttribute('aria-label', t('Filter loaded rows'));
    this.filterField.dataset.testid = 'grid-filter';
    this.filterField.className = 'grid-filter';
    this.filterField.addEventListener('input', () => {
      clearTimeout(this.filterTimer);
      this.filterTimer = window.setTimeout(() => this.applyFilter(), 150);
    });
    this.loadMoreButton = button({ label: t('Load more'), icon: 'fold-down', secondary: true, testid: 'load-more' }, () => this.loadMore(false));
    this.loadAllButton = button({ label: t('Load all'), icon: 'cloud-download', secondary: true, testid: 'load-all' }, () => this.loadMore(true));
    this.loadMoreButton.hidden = this.loadAllButton.hidden = true;
    const copyCell = button({ label: t('Copy cell'), icon: 'copy', secondary: true, iconOnly: true, testid: 'copy-cell' }, () => this.grid.copyActiveCell());
    const showDetail = button({ label: t('Record details'), icon: 'list-flat', secondary: true, iconOnly: true, testid: 'show-detail' }, () =>
      this.detail.visible ? this.detail.hide() : this.detail.show(this.grid.activeRecord(), this.windowSeconds),
    );
    const copyRows = button({ label: t('Copy selected rows as TSV (with header)'), icon: 'clippy', secondary: true, iconOnly: true, testid: 'copy-rows' }, () => this.grid.copySelectedRows(true));
    this.exportBar = new ExportBar(
      (format) => this.host.post({ type: 'export', format, query: this.editor.text, range: this.range }),
      () => this.host.post({ type: 'cancelExport' }),
    );
    this.columnMenu = new ColumnMenu(NO_COLUMN_CHOICE, (choice) => this.chooseColumns(choice));
    const addons = h('div', 'results-tools');
    addons.slot = 'addons';
    // vscode-tabs takes Enter (selects a tab) and the arrows (moves between tabs) from its whole
    // header, addons included: the tools' own controls (filter field, buttons, column menu) keep them.
    addons.addEventListener('keydown', (e) => {
      if (!e.ctrlKey && !e.metaKey && (e.key === 'Enter' || e.key.startsWith('Arrow'))) e.stopPropagation();
    });
    addons.append(this.filterField, this.loadMoreButton, this.loadAllButton, copyCell, copyRows, showDetail, this.columnMenu.element, this.exportBar.element);

    for (const k of CHART_KINDS) this.chartSelect.append(optionElement(k, chartLabel(k)));
    this.chartSelect.addEventListener('change', () => {
      this.chartKind = this.chartSelect.value as ChartKind;
      this.renderChart();
      this.state.update({ chart: this.chartKind });
    });
    this.axesBar = new ChartAxesBar(this.chartAxes, (axes) => {
      this.chartAxes = axes;
      this.renderChart();
      this.state.update({ chartAxes: axes });
    }, () => void this.copyChart(), () => void this.saveChart());
    const chartPanelBody = h('div', 'chart-panel');
    const chartTools = h('div', 'chart-tools');
    chartTools.append(h('span', 'label', t('Chart')), this.chartSelect, this.axesBar.element);
    chartPanelBody.append(chartTools, this.chart.element);
    this.chart.clear(t('Charts are drawn for SQL results (queries with | SELECT …).'));

    this.tabs.setAttribute('panel', '');
    this.tabs.className = 'results-tabs';
    const resultsHeader = tabHeader(t('Results'), 'tab-results');
    const chartHeader = tabHeader(t('Chart'), 'tab-chart');
    const resultsPanel = tabPanel(this.grid.element);
    const chartPanel = tabPanel(chartPanelBody);
    this.tabs.append(resultsHeader, chartHeader, addons, resultsPanel, chartPanel);
    this.tabs.addEventListener('vsc-tabs-select', () => {
      if (this.tabs.selectedIndex === 1) this.renderChart();
    });

    const main = h('main', 'wb-main');
    main.append(editorHost, this.rangeInfo, this.refusal.element, this.errors.element, this.histogram.element, this.tabs, this.detail.element, this.status.element);
    const body = h('div', 'wb-body');
    body.append(this.facets.element, main);
    this.root.replaceChildren(header, body);
    if (start.target) this.showTarget(start.target);
    if (start.view.chart) this.chartSelect.value = start.view.chart;
    const lastRun = start.restored ? start.view.lastRun : undefined;
    this.status.idle(
      lastRun !== undefined
        ? t('Restored. The last run was: {0} — press Ctrl+Enter to run the query shown.', abbreviateQuery(lastRun, 80))
        : t('Ready. Write a query and press Ctrl+Enter.'),
    );
    this.updateRangeInfo();

    // Theme switches change the CSS variables; canvases must be redrawn with the new colours.
    new MutationObserver(() => {
      this.chart.refreshTheme();
      this.histogram.redraw();
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    // Ctrl/Cmd+Enter and Esc work from anywhere in the page, not only in the editor (which
    // handles them itself and marks the event handled).
    document.addEventListener('keydown', (e) => {
      if (e.defaultPrevented) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        this.run();
      } else if (e.key === 'Escape' && this.current && this.current.phase.kind !== 'finished') {
        e.preventDefault();
        this.cancel();
      }
    });
    document.addEventListener('visibilitychange', () => this.follow?.setVisible(this.isShown()));
    host.onMessage((m) => this.onMessage(m));
    host.post({ type: 'ready' });
  }

  private onMessage(m: HostMessage): void {
    switch (m.type) {
      case 'init': {
        this.showTarget(m.target);
        this.state.setTarget(m.target);
        this.setPresets(m.presets);
        this.setHistory(m.history);
        if (m.followDelaySeconds !== undefined) this.followDelaySeconds = m.followDelaySeconds;
        if (m.columns) {
          this.grid.setColumnChoice(m.columns);
          this.columnMenu.setChoice(m.columns);
        }
        if (this.autorun) {
          this.autorun = false;
          this.run();
        }
        return;
      }
      case 'setQuery':
        this.editor.setText(m.query);
        if (m.range) this.setRange(m.range);
        if (m.chart) this.requestChart(m.chart);
        if (m.chartAxes) this.setChartAxes(m.chartAxes);
        if (m.run) this.run();
        return;
      case 'history':
        this.setHistory(m.history);
        return;
      case 'exportState':
        this.exportBar.update(m);
        return;
      case 'queryStarted':
        if (!this.isCurrent(m.requestId)) return;
        this.rangeInfo.replaceChildren(codicon('calendar'), document.createTextNode(` ${m.range.label}`));
        // The resolved range in UNIX seconds, for tests and tools that must not parse the label.
        this.rangeInfo.dataset.from = String(m.range.from);
        this.rangeInfo.dataset.to = String(m.range.to);
        this.facets.setScope({ query: this.current?.query ?? '', from: m.range.from, to: m.range.to });
        if (m.range.delayNote) {
          const note = h('span', 'delay-note', m.range.delayNote);
          note.prepend(codicon('info'), document.createTextNode(' '));
          this.rangeInfo.append(note);
        }
        return;
      case 'queryProgress': {
        if (!this.isCurrent(m.requestId)) return;
        const rows = formatCount(this.grid.store.totalRows);
        const phase = this.current?.phase;
        const progress = phase?.kind === 'loadingMore' && phase.all ? t('Loading all… {0} rows', rows) : t('Running… {0} rows', rows);
        this.status.running(m.incompleteAttempts > 0 ? t('{0} — the service reports Incomplete, retry {1}', progress, formatCount(m.incompleteAttempts)) : progress);
        return;
      }
      case 'resultPage': {
        if (!this.isCurrent(m.requestId)) return;
        // Pages arrive packed (one string + lengths, cheap to post) and stay so: the grid reads cells from them.
        this.grid.appendPage(m.columns, m.rows);
        this.columnMenu.setColumns(this.grid.store.columns);
        const phase = this.current?.phase;
        if (phase?.kind === 'running') this.status.running(t('Running… {0} rows', formatCount(this.grid.store.totalRows)));
        else if (phase?.kind === 'loadingMore') this.status.running(loadingText(phase.all, this.grid.store.totalRows));
        return;
      }
      case 'queryDone':
        if (!this.isCurrent(m.requestId)) return;
        this.onDone(m.status);
        this.markRun('done');
        return;
      case 'queryError':
        if (!this.isCurrent(m.requestId)) return;
        this.endRun();
        this.markRun('failed');
        this.errors.show(m.error);
        this.editor.showServerError(m.error.message, m.error.position);
        this.status.idle(this.grid.store.totalRows > 0 ? t('Failed after {0} rows', formatCount(this.grid.store.totalRows)) : t('Query failed'));
        if (this.grid.store.totalRows === 0) this.grid.setEmptyText(t('The query failed — see the message above.'));
        return;
      case 'queryCancelled':
        if (!this.isCurrent(m.requestId)) return;
        this.endRun();
        this.markRun('cancelled');
        this.status.idle(t('Cancelled — {0} rows kept', formatCount(this.grid.store.totalRows)));
        if (this.grid.store.totalRows === 0) this.grid.setEmptyText(t('Cancelled.'));
        return;
      case 'queryRefused':
        if (!this.isCurrent(m.requestId)) return;
        this.endRun();
        this.markRun('refused');
        this.showRefusal(m.problems);
        if (this.grid.store.totalRows === 0) this.grid.setEmptyText(t('Not run — see the message above.'));
        return;
      case 'histogram':
        if (!this.isCurrent(m.requestId)) return;
        this.histogram.show(m.buckets);
        return;
      case 'facetResult':
      case 'facetError':
        this.facets.receive(m);
        return;
      case 'panelVisibility':
        this.panelVisible = m.visible;
        this.follow?.setVisible(this.isShown());
        return;
    }
  }

  private showTarget(target: WorkbenchTarget): void {
    this.title.textContent = target.title;
    this.subtitle.textContent = targetSubtitle(target);
    this.fields = target.fields.length > 0 ? target.fields.map((f) => f.name) : undefined;
    this.acrossFlowLogs = target.kind === 'cen';
    this.windowSeconds = target.interval;
    setAttachmentNames(target.attachmentNames);
    this.editor.setFields(this.fields, this.acrossFlowLogs);
    this.facets.setFields(target.fields);
  }

  private isCurrent(requestId: string): boolean {
    return this.current?.requestId === requestId;
  }

  /**
   * Runs the editor's query. Error-severity local diagnostics refuse the run (nothing is sent, the
   * previous result stays) until fixed or until the user picks "Run anyway": the checks can be
   * wrong, and the service has the last word. Warnings never refuse.
   */
  private run(runAnyway = false, previousRows?: ReadonlySet<string>): void {
    const query = this.editor.text;
    const all = localRefusal(query, this.fields, { acrossFlowLogs: this.acrossFlowLogs });
    // "Run anyway" overrides the checks, never the CEN merge rule (the host holds it too).
    const problems = runAnyway ? all.filter((p) => p.code === 'not-mergeable') : all;
    if (problems.length > 0) {
      this.markRun('refused', true);
      this.showRefusal(problems);
      return;
    }
    this.refusal.hide();
    if (this.current && this.current.phase.kind !== 'finished') this.host.post({ type: 'cancel', requestId: this.current.requestId });
    const requestId = `q${Date.now().toString(36)}-${++this.seq}`;
    this.lastRunSentAt = Date.now();
    this.current = { requestId, query, phase: { kind: 'running' }, ...(previousRows ? { previousRows } : {}) };
    // Recorded before the run is sent: a reload from here on still knows what ran.
    this.state.update({ query, range: this.range, lastRun: query });
    this.errors.hide();
    this.editor.clearServerError();
    this.grid.reset(t('Running…'));
    this.filterField.value = '';
    this.histogram.clear();
    this.chart.clear(t('Waiting for results…'));
    this.rangeInfo.textContent = '';
    delete this.rangeInfo.dataset.from;
    delete this.rangeInfo.dataset.to;
    this.markRun('running', true);
    this.loadMoreButton.hidden = this.loadAllButton.hidden = true;
    this.runButton.disabled = false;
    this.cancelButton.disabled = false;
    this.status.running(t('Running…'));
    this.host.post(runAnyway ? { type: 'runQuery', requestId, query, range: this.range, runAnyway } : { type: 'runQuery', requestId, query, range: this.range });
  }

  /** data-run-attempt / data-run-state on the page root: lets tests wait for "this run ended" without timing. */
  private markRun(state: 'running' | 'done' | 'failed' | 'cancelled' | 'refused', newAttempt = false): void {
    if (newAttempt) this.root.dataset.runAttempt = String(++this.attempts);
    this.root.dataset.runState = state;
  }

  private showRefusal(problems: readonly LocalProblem[]): void {
    this.refusal.show(problems);
    this.editor.showLocalProblems();
    this.status.idle(t('Not run — {0}', describeRefusal(problems)));
  }

  /** While a refusal is shown, keep it true to the text: gone once the errors are fixed. */
  private recheckRefusal(): void {
    if (!this.refusal.visible) return;
    const problems = localRefusal(this.editor.text, this.fields, { acrossFlowLogs: this.acrossFlowLogs });
    if (problems.length === 0) {
      this.refusal.hide();
      this.status.idle(t('The errors are fixed — press Ctrl+Enter to run.'));
    } else this.refusal.show(problems);
  }

  private cancel(): void {
    const cur = this.current;
    if (!cur || cur.phase.kind === 'finished') return;
    this.host.post({ type: 'cancel', requestId: cur.requestId });
    this.status.running(t('Cancelling…'));
  }

  /** `exhausted`: the run asked for more rows and none came; automatic loading stops. */
  private endRun(exhausted = false): void {
    const cur = this.current;
    if (cur) cur.phase = { kind: 'finished', exhausted };
    this.cancelButton.disabled = true;
    this.updateLoadButtons();
  }

  private onDone(status: QueryStatus): void {
    const cur = this.current;
    if (!cur) return;
    cur.status = status;
    this.endRun(cur.phase.kind === 'loadingMore' && this.grid.store.totalRows === cur.phase.rowsBefore);
    this.status.done(status, this.grid.store.totalRows, cur.query);
    if (this.grid.store.totalRows === 0) this.grid.setEmptyText(t('No records in this time range match the query.'));
    if (this.pendingScroll !== undefined) {
      this.grid.restoreScroll(this.pendingScroll);
      this.pendingScroll = undefined;
    }
    if (cur.previousRows) this.markNewRows(cur.previousRows);
    if (status.hasSql) {
      const kind = this.requestedChart ?? this.chartKind ?? this.defaultChart();
      this.chartKind = kind;
      this.chartSelect.value = kind;
      if (this.requestedChart && this.requestedChart !== 'table') this.tabs.selectedIndex = 1;
      this.requestedChart = undefined;
      this.axesBar.setResult(this.grid.store.columns, this.grid.store.rowsInArrivalOrder(0, CHART_SAMPLE_ROWS));
      this.renderChart();
    } else {
      this.chart.clear(t('Charts are drawn for SQL results (queries with | SELECT …).'));
    }
  }

  private renderChart(): void {
    const status = this.current?.status;
    if (!status?.hasSql || this.tabs.selectedIndex !== 1) return;
    const kind = this.chartKind ?? this.defaultChart();
    this.chart.render(kind, this.grid.store.columns, this.grid.store.allRows(), this.chartAxes);
  }

  /** The chart the result's values suggest: from the first rows, so a big result is not decoded whole for it. */
  private defaultChart(): ChartKind {
    const store = this.grid.store;
    return chooseChart(store.columns, store.rowsInArrivalOrder(0, CHART_SAMPLE_ROWS), store.totalRows);
  }

  private updateLoadButtons(): void {
    const cur = this.current;
    const more = cur?.status?.more === true && !(cur.phase.kind === 'finished' && cur.phase.exhausted);
    const busy = cur?.phase.kind === 'loadingMore';
    this.loadMoreButton.hidden = !more && !busy;
    this.loadAllButton.hidden = !more && !busy;
    this.loadMoreButton.disabled = busy;
    this.loadAllButton.disabled = busy;
  }

  private loadMore(all: boolean): void {
    const cur = this.current;
    if (!cur || cur.phase.kind !== 'finished' || !cur.status?.more) return;
    cur.phase = { kind: 'loadingMore', all, rowsBefore: this.grid.store.totalRows };
    this.cancelButton.disabled = false;
    this.updateLoadButtons();
    this.status.running(loadingText(all, this.grid.store.totalRows));
    this.host.post({ type: 'loadMore', requestId: cur.requestId, all });
  }

  private autoLoadMore(): void {
    const cur = this.current;
    if (cur && cur.phase.kind === 'finished' && !cur.phase.exhausted && cur.status?.more && !cur.status.hasSql) this.loadMore(false);
  }

  private applyFilter(): void {
    this.grid.setFilter(this.filterField.value);
    const status = this.current?.status;
    if (status && this.current) this.status.done(status, this.grid.store.viewRows, this.current.query);
  }

  private addFilter(field: string, value: string): void {
    this.editor.setText(appendFilter(this.editor.text, field, value));
    this.status.idle(t('Added {0}:{1} to the query — press Ctrl+Enter to run it.', field, value));
    this.editor.focus();
  }

  /** Follow on or off: reruns the query as each capture window closes (relative ranges only). */
  private toggleFollow(): void {
    if (this.follow?.following) {
      this.follow.stop();
      this.follow = undefined;
      this.followButton.setAttribute('aria-pressed', 'false');
      this.status.idle(t('Stopped following.'));
      return;
    }
    if (this.range.kind === 'absolute') {
      this.status.idle(t('Follow needs a range that moves with the clock (such as the last hour): a fixed range gets no new windows.'));
      return;
    }
    this.follow = new FollowScheduler({
      interval: this.windowSeconds,
      delaySeconds: this.followDelaySeconds,
      clock: { now: () => Date.now(), setTimer: (fn, ms) => window.setTimeout(fn, ms), clearTimer: (t) => window.clearTimeout(t as number) },
      run: (windowEnd) => this.followRun(windowEnd),
    });
    this.follow.setVisible(this.isShown());
    // A window that closed since the run on screen was sent is asked for at once.
    this.follow.start(this.current ? this.lastRunSentAt : undefined);
    this.followButton.setAttribute('aria-pressed', 'true');
    this.root.dataset.following = 'true';
    this.status.idle(t('Following: the query reruns {0} s after each {1}-minute window closes.', displayFormat().count(this.followDelaySeconds), displayFormat().decimal(this.windowSeconds / 60, 1)));
    if (!this.current) this.run();
  }

  /** The panel is on screen: VS Code says so (hidden tabs keep their page running) and so does the page. */
  private isShown(): boolean {
    return this.panelVisible && document.visibilityState !== 'hidden';
  }

  /** A window closed (and its delivery delay passed): rerun, remembering what was there to mark what is new. */
  private followRun(windowEnd: number): void {
    if (this.current && this.current.phase.kind !== 'finished') return; // a run is on its way; it covers the window
    const previous = new Set(this.grid.store.allRows().map(rowKey));
    this.status.idle(t('Following: the window ending {0} UTC has closed, running…', new Date(windowEnd * 1000).toISOString().slice(11, 16)));
    this.run(false, previous);
  }

  private markNewRows(previous: ReadonlySet<string>): void {
    const isNew = (row: readonly string[]) => !previous.has(rowKey(row));
    const count = this.grid.store.allRows().filter(isNew).length;
    this.grid.markNewRows(count > 0 ? isNew : undefined);
    this.root.dataset.newRows = String(count);
    const total = formatCount(this.grid.store.totalRows);
    this.status.idle(
      count === 1
        ? t('Following: 1 new row since the previous run (marked), {0} in all.', total)
        : t('Following: {0} new rows since the previous run (marked), {1} in all.', formatCount(count), total),
    );
  }

  /** Hid, showed, moved or pinned a column: applied at once, kept by the host for this flow log. */
  private chooseColumns(choice: ColumnChoice): void {
    this.grid.setColumnChoice(choice);
    this.host.post({ type: 'columnsChanged', choice });
  }

  /** A facet's + or −: the filter goes into the search part of the editor's query, which runs at once. */
  private filterByFacet(field: string, value: string, mode: FilterMode, numeric: boolean): void {
    this.editor.setText(applyFilter(this.editor.text, field, value, mode, numeric));
    this.status.idle(mode === 'include' ? t('Filtering for {0} {1}…', field, value) : t('Filtering out {0} {1}…', field, value));
    this.run();
  }

  private zoom(r: { from: number; to: number }): void {
    this.setRange({ kind: 'absolute', from: r.from, to: r.to });
    this.run();
  }

  private setRange(spec: TimeRangeSpec): void {
    this.range = spec;
    this.picker.set(spec);
    this.state.update({ range: spec });
  }

  private requestChart(kind: ChartKind): void {
    this.requestedChart = kind;
    this.chartKind = kind;
    this.chartSelect.value = kind;
    this.state.update({ chart: kind });
  }

  private setChartAxes(axes: ChartAxes): void {
    this.chartAxes = axes;
    this.axesBar.setAxes(axes);
    this.state.update({ chartAxes: axes });
  }

  /** The chart onto the clipboard as a PNG; a webview that refuses images gets a message naming the reliable way. */
  private async copyChart(): Promise<void> {
    const png = await this.chart.toPng().catch(() => undefined);
    if (!png) {
      this.status.idle(t('There is no chart to copy or save: run an SQL query and show it in the Chart tab.'));
      return;
    }
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      this.status.idle(t('Copied the chart as an image.'));
      this.root.dataset.chartCopy = 'copied';
    } catch {
      this.status.idle(t('This VS Code does not let its webviews put images on the clipboard. Use "Save chart as PNG…" (next to Copy) to keep the chart as a file.'));
      this.root.dataset.chartCopy = 'refused';
    }
  }

  /** The chart as a PNG file: the host asks where (works whatever the clipboard allows). */
  private async saveChart(): Promise<void> {
    const png = await this.chart.toPng().catch(() => undefined);
    if (!png) {
      this.status.idle(t('There is no chart to copy or save: run an SQL query and show it in the Chart tab.'));
      return;
    }
    const bytes = new Uint8Array(await png.arrayBuffer());
    let binary = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    this.host.post({ type: 'saveChartImage', png: btoa(binary) });
    this.status.idle(t('Choose where to save the chart…'));
  }

  private setPresets(presets: readonly PresetInfo[]): void {
    this.presets = presets;
    this.presetSelect.replaceChildren(optionElement('', t('Presets…')), ...presets.map((p) => optionElement(p.id, p.title, p.description)));
    this.presetSelect.value = '';
  }

  private setHistory(history: readonly string[]): void {
    this.historySelect.replaceChildren(optionElement('', t('Recent…')), ...history.slice(0, 50).map((q, i) => optionElement(String(i), q.length > 80 ? `${q.slice(0, 79)}…` : q)));
    this.historyQueries = history.slice(0, 50);
    this.historySelect.value = '';
  }

  private onPreset(): void {
    const preset = this.presets.find((p) => p.id === this.presetSelect.value);
    if (!preset) return;
    this.editor.setText(preset.query);
    this.requestChart(preset.chart);
    this.status.idle(t('Preset "{0}" — press Ctrl+Enter to run it.', preset.title));
    this.presetSelect.value = '';
    this.editor.focus();
  }

  private onHistory(): void {
    const q = this.historySelect.value === '' ? undefined : this.historyQueries[Number(this.historySelect.value)];
    if (q === undefined) return;
    this.editor.setText(q);
    this.historySelect.value = '';
    this.editor.focus();
  }

  private updateRangeInfo(): void {
    this.rangeInfo.replaceChildren(codicon('calendar'), document.createTextNode(` ${t('The range is snapped to the flow log\u2019s capture windows when the query runs.')}`));
  }

  /** `copied`: the sentence the status line shows once the text is on the clipboard. */
  private copy(text: string, copied: string): void {
    const done = () => this.status.idle(copied);
    navigator.clipboard.writeText(text).then(done, () => {
      // Older webviews refuse the async clipboard: fall back to a copy command on a hidden field.
      const ta = h('textarea', 'offscreen');
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
      done();
    });
  }
}

/** The status while more pages come (Load more / Load all). */
function loadingText(all: boolean, rows: number): string {
  return all ? t('Loading all… {0} rows', formatCount(rows)) : t('Loading more… {0} rows', formatCount(rows));
}

/** A row's identity for Follow mode's "new rows": all of its values. */
function rowKey(row: readonly string[]): string {
  return row.join('\u0001');
}

/** The boot data the host rendered into the page (data-boot); a page without it starts empty. */
function parseBoot(json: string | undefined): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function tabHeader(text: string, testid: string): HTMLElement {
  const t = document.createElement('vscode-tab-header');
  t.slot = 'header';
  t.textContent = text;
  t.dataset.testid = testid;
  return t;
}

function tabPanel(content: HTMLElement): HTMLElement {
  const p = document.createElement('vscode-tab-panel');
  p.className = 'results-panel';
  p.append(content);
  return p;
}

/** The line under a panel's title: where its records are and how ranges snap. */
function targetSubtitle(target: WorkbenchTarget): string {
  const windows = t('{0}-minute windows', displayFormat().decimal(target.interval / 60, 1));
  switch (target.kind) {
    case 'logstore':
      return `${target.regionId} · ${target.projectName} / ${target.logStoreName} · ${windows}`;
    case 'cen': {
      const regions = [...new Set(target.members.map((m) => m.regionId))];
      const count = target.members.length === 1 ? t('1 flow log') : t('{0} flow logs', formatCount(target.members.length));
      return t('{0} · {1} in {2} · {3} (the coarsest among them)', target.cenId, count, regions.join(', '), windows);
    }
  }
}
