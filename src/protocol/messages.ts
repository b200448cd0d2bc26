/**
 * The typed message protocol between the extension host and the query workbench webview,
 * declared once and imported by both sides. Every message is a discriminated union member;
 * messages from the webview are validated (parseWebviewMessage) before the host acts on them.
 *
 * Results travel as pages (never one giant postMessage): each page's rows are packed (src/results/packedRows.ts:
 * every cell's text in one string plus the cells' lengths in a Uint32Array, in the order of
 * `columns`), so every hop copies two objects instead of one string per cell; the webview unpacks.
 */
import type { PackedRows } from '../results/packedRows';
import type { LocalProblem } from '../query/localRefusal';
import type { FacetStats, FacetValue } from '../query/fieldFacets';
import { parseColumnChoice, type ColumnChoice } from '../results/columnChoice';
import { parseL10nSetup, type L10nSetup } from '../l10n/l10nSetup';


import type { TimeRangeSpec as QueryRangeSpec, ResolvedRange as QueryResolvedRange } from '../query/timeRange';

/**
 * How the user chose the time range; the host resolves and snaps it to the capture window. The
 * query library's relative/absolute ranges, plus the picker's quick ranges (last N minutes).
 */
export type TimeRangeSpec = { readonly kind: 'quick'; readonly minutes: number } | QueryRangeSpec;

/** The range a panel starts with when nothing chose one. */
export const DEFAULT_TIME_RANGE: TimeRangeSpec = { kind: 'quick', minutes: 60 };

/** A resolved range in UNIX seconds, [from, to), as the webview shows it. */
export interface ResolvedRange extends QueryResolvedRange {
  /** Human text of the snapped range, e.g. "10:20 – 11:20 (snapped to 10-minute windows)". */
  readonly label: string;
  /** Which capture windows of the range are not delivered yet (their records appear after each closes). */
  readonly delayNote?: string;
}

export interface FieldInfo {
  readonly name: string;
  readonly type: 'text' | 'long' | 'double' | 'json';
  readonly description?: string;
}

/** What every target carries, whatever it looks at. */
interface TargetCommon {
  readonly title: string;
  /** Capture window in seconds (600 or 60); for a CEN the coarsest of its flow logs'. */
  readonly interval: number;
  /** The schema: the fields its records carry that the index has (for a CEN: those all its flow logs have). */
  readonly fields: readonly FieldInfo[];
  /** attachment-id → its attachment's name, for the grid's hint beside the raw id. */
  readonly attachmentNames?: Readonly<Record<string, string>>;
}

/** One logstore: a flow log's, or a bare project/logstore. */
export interface LogstoreTarget extends TargetCommon {
  readonly kind: 'logstore';
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly flowLogId?: string;
  readonly cenId?: string;
}

/** One flow log of a CEN target: where its records are. */
export interface CenMember {
  readonly flowLogId: string;
  /** Its name (or id): the value of the `flow_log` column. */
  readonly title: string;
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly interval: number;
  /** Its LogFormatString and whether it is of the 2019 form: its own panel's schema (run per flow log). */
  readonly logFormatString?: string;
  readonly olderForm?: boolean;
  /** Where it captures (a router, or one connection of it): which flow logs hold the same traffic (uniqueTraffic.ts). */
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
}

/** Every flow log of a CEN: their logstores may sit in different projects and regions. */
export interface CenTarget extends TargetCommon {
  readonly kind: 'cen';
  readonly cenId: string;
  readonly members: readonly CenMember[];
}

/** What the panel is looking at. No credentials, ever. */
export type WorkbenchTarget = LogstoreTarget | CenTarget;

/** The column naming the flow log a CEN panel's row came from, and the one naming its region. */
export const FLOW_LOG_COLUMN = 'flow_log';
export const FLOW_LOG_REGION_COLUMN = 'flow_log_region';

/** Which flow logs of a CEN answered short: failed, or still Incomplete after the retries. */
export interface FlowLogShortfall {
  readonly flowLog: string;
  readonly kind: 'failed' | 'incomplete';
  readonly message?: string;
}

export interface PresetInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly query: string;
  readonly chart: ChartKind;
}

export type ChartKind = 'line' | 'area' | 'bar' | 'pie' | 'table';

/**
 * What a chart plots, chosen by the person (absent parts: chosen from the result). `split`: a
 * column whose values split the series, '' for none, absent for the automatic choice.
 */
export interface ChartAxes {
  readonly x?: string;
  /** One y column; absent = every number column. */
  readonly y?: string;
  readonly split?: string;
  readonly stacked?: boolean;
  readonly log?: boolean;
}

/** State the webview persists (getState/setState) and the panel serializer restores. */
export interface WorkbenchViewState {
  readonly query: string;
  readonly range: TimeRangeSpec;
  readonly chart?: ChartKind;
  /** The chart's chosen axes, kept with the query. */
  readonly chartAxes?: ChartAxes;
  readonly scrollTop?: number;
  /** The query of the panel's last run (its result is not kept across a reload; the page names it). */
  readonly lastRun?: string;
  /** Counts the panel's changes: of two saved copies (the page's, the host's record), the higher is newer. */
  readonly rev?: number;
}

/**
 * What the webview passes to `vscode.setState`: its view state plus the target it received in
 * `init`, so the host's panel serializer can reopen the same flow log after a window reload.
 * (Targets carry no credentials.)
 */
export interface PersistedWorkbenchState extends WorkbenchViewState {
  readonly target: WorkbenchTarget;
  /** A query document's own panel: which document, so a reload ties the panel to it again. */
  readonly document?: QueryDocumentTie;
}

/** The `.slsql` document a panel belongs to (its runs show there, not in the flow log's panel). */
export interface QueryDocumentTie {
  /** The document's URI, as `Uri.toString()` gives it. */
  readonly uri: string;
  /** Its file name, the first half of the panel's tab title. */
  readonly title: string;
}

/**
 * What the host writes into the page it renders: the target and the state the page starts from.
 * The editor is created with this text, so nothing has to overwrite it once it accepts input.
 */
export interface WorkbenchBoot {
  readonly target: WorkbenchTarget;
  readonly view?: WorkbenchViewState;
  /** The query document whose panel this is; the page keeps it in its state for a reload. */
  readonly document?: QueryDocumentTie;
  /** Run `view.query` once the page is up (a command asked for it); not when the page has state of its own. */
  readonly run?: boolean;
  /** The display language and its strings (issue 22): the page speaks it without loading anything. */
  readonly l10n?: L10nSetup;
}

export interface QueryErrorInfo {
  readonly message: string;
  readonly nextStep?: string;
  readonly code?: string;
  readonly slsRequestId?: string;
  /** Offset range in the query text, when the error has a position. */
  readonly position?: { readonly from: number; readonly to: number };
}

/** An error the local checks found in a query, positioned (offsets and 1-based line/column). */
export type { LocalProblem };

export interface QueryStatus {
  readonly rowCount: number;
  readonly elapsedMs: number;
  readonly progress: 'Complete' | 'Incomplete';
  readonly slsRequestId?: string;
  readonly hasSql: boolean;
  /** More rows exist on the service than were fetched (raw logs beyond the loaded pages). */
  readonly more: boolean;
  /** A CEN panel: the flow logs that failed or answered Incomplete (the rest are shown). */
  readonly shortfalls?: readonly FlowLogShortfall[];
  /** A CEN panel: how the rows count traffic that several flow logs captured. */
  readonly counting?: CountingNote;
}

/** A sentence for the status line, and the per-pair detail behind it (its tooltip). */
export interface CountingNote {
  readonly text: string;
  readonly detail?: string;
}

export interface HistogramBucketInfo {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

// ---- host → webview -------------------------------------------------------------------------

export type HostMessage =
  /**
   * `columns`: the flow log's column choice (hidden, order, pinned), kept by the host.
   * `followDelaySeconds`: how long after a window closes Follow mode asks for its records.
   */
  | {
      readonly type: 'init';
      readonly target: WorkbenchTarget;
      readonly presets: readonly PresetInfo[];
      readonly history: readonly string[];
      readonly columns?: ColumnChoice;
      readonly followDelaySeconds?: number;
    }
  /** The panel was hidden or shown (Follow mode pauses while it is hidden). */
  | { readonly type: 'panelVisibility'; readonly visible: boolean }
  | { readonly type: 'setQuery'; readonly query: string; readonly range?: TimeRangeSpec; readonly run: boolean; readonly chart?: ChartKind; readonly chartAxes?: ChartAxes }
  | { readonly type: 'queryStarted'; readonly requestId: string; readonly range: ResolvedRange }
  | { readonly type: 'queryProgress'; readonly requestId: string; readonly incompleteAttempts: number; readonly rowsSoFar: number }
  | { readonly type: 'resultPage'; readonly requestId: string; readonly pageIndex: number; readonly columns: readonly string[]; readonly rows: PackedRows; readonly last: boolean }
  | { readonly type: 'queryDone'; readonly requestId: string; readonly status: QueryStatus }
  | { readonly type: 'queryError'; readonly requestId: string; readonly error: QueryErrorInfo }
  | { readonly type: 'queryCancelled'; readonly requestId: string }
  /** The host refused to send the query: local checks found errors and "Run anyway" was not chosen. */
  | { readonly type: 'queryRefused'; readonly requestId: string; readonly problems: readonly LocalProblem[] }
  | { readonly type: 'histogram'; readonly requestId: string; readonly buckets: readonly HistogramBucketInfo[] }
  | { readonly type: 'exportState'; readonly state: 'started' | 'progress' | 'done' | 'failed' | 'cancelled'; readonly rows: number; readonly file?: string; readonly message?: string }
  | { readonly type: 'history'; readonly history: readonly string[] }
  /** One field's facet over the whole range (not the loaded rows): top values, and stats when numeric. */
  | { readonly type: 'facetResult'; readonly requestId: string; readonly field: string; readonly values: readonly FacetValue[]; readonly stats?: FacetStats }
  | { readonly type: 'facetError'; readonly requestId: string; readonly field: string; readonly message: string };

// ---- webview → host -------------------------------------------------------------------------

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** `runAnyway`: the user chose to send a query the local checks flag as wrong (false positives). */
  | { readonly type: 'runQuery'; readonly requestId: string; readonly query: string; readonly range: TimeRangeSpec; readonly runAnyway?: boolean }
  | { readonly type: 'cancel'; readonly requestId: string }
  /** Fetch more raw-log pages for the current result (scrolling or "load all"). */
  | { readonly type: 'loadMore'; readonly requestId: string; readonly all: boolean }
  | { readonly type: 'export'; readonly format: 'csv' | 'json'; readonly query: string; readonly range: TimeRangeSpec }
  | { readonly type: 'cancelExport' }
  /** The chart and its axes are saved with the query. */
  | { readonly type: 'saveQuery'; readonly query: string; readonly chart?: ChartKind; readonly chartAxes?: ChartAxes }
  | { readonly type: 'pickSavedQuery' }
  | { readonly type: 'stateChanged'; readonly state: WorkbenchViewState }
  | { readonly type: 'showError'; readonly message: string }
  /** A field's facet for `query` over the run's resolved range [from, to); a different query cancels older facet requests. */
  | { readonly type: 'facet'; readonly requestId: string; readonly field: string; readonly query: string; readonly from: number; readonly to: number }
  | { readonly type: 'cancelFacets' }
  /** The person hid, showed, moved or pinned a column: the host keeps the choice for the flow log. */
  | { readonly type: 'columnsChanged'; readonly choice: ColumnChoice }
  /** Open the panel's query and time range on the logstore's search page in the Log Service console. */
  | { readonly type: 'openInConsole' }
  /** The chart drawn as a PNG (base64): the host asks where to save it (webviews cannot reliably put images on the clipboard). */
  | { readonly type: 'saveChartImage'; readonly png: string }
  /** A CEN panel's query cannot be merged: run it on one flow log of the CEN instead (the host asks which). */
  | { readonly type: 'runPerFlowLog'; readonly query: string; readonly range: TimeRangeSpec };

// ---- validation of what the webview sends -----------------------------------------------------

const MAX_QUERY_LENGTH = 1_000_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A chart image is a few hundred KB; 16 MB of base64 is far above any canvas the panel draws. */
const MAX_CHART_PNG_BASE64 = 16 * 1024 * 1024;

function isString(v: unknown, max = MAX_QUERY_LENGTH): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function parseTimeRangeSpec(v: unknown): TimeRangeSpec | undefined {
  if (!isObject(v)) return undefined;
  switch (v.kind) {
    case 'quick':
      return isFiniteNumber(v.minutes) && v.minutes > 0 ? { kind: 'quick', minutes: v.minutes } : undefined;
    case 'relative':
      return isFiniteNumber(v.amount) && v.amount > 0 && (v.unit === 'minutes' || v.unit === 'hours' || v.unit === 'days')
        ? { kind: 'relative', amount: v.amount, unit: v.unit }
        : undefined;
    case 'absolute':
      return isFiniteNumber(v.from) && isFiniteNumber(v.to) ? { kind: 'absolute', from: v.from, to: v.to } : undefined;
    default:
      return undefined;
  }
}

const CHART_KINDS: readonly ChartKind[] = ['line', 'area', 'bar', 'pie', 'table'];
/** Every chart kind, for checking stored values. */
export const CHART_KIND_NAMES = CHART_KINDS;

function parseViewState(v: unknown): WorkbenchViewState | undefined {
  if (!isObject(v) || !isString(v.query)) return undefined;
  const range = parseTimeRangeSpec(v.range);
  if (!range) return undefined;
  const chart = CHART_KINDS.find((c) => c === v.chart);
  const chartAxes = parseChartAxes(v.chartAxes);
  const scrollTop = isFiniteNumber(v.scrollTop) ? v.scrollTop : undefined;
  const lastRun = isString(v.lastRun) ? v.lastRun : undefined;
  const rev = isFiniteNumber(v.rev) && v.rev >= 0 ? v.rev : undefined;
  return { query: v.query, range, chart, ...(chartAxes ? { chartAxes } : {}), scrollTop, ...(lastRun !== undefined ? { lastRun } : {}), ...(rev !== undefined ? { rev } : {}) };
}

/** Chart axes from the page or storage; unknown parts are dropped, a non-object is none. */
export function parseChartAxes(v: unknown): ChartAxes | undefined {
  if (!isObject(v)) return undefined;
  const name = (x: unknown) => (isString(x, 1_000) ? x : undefined);
  const x = name(v.x);
  const y = name(v.y);
  const split = name(v.split);
  return {
    ...(x ? { x } : {}),
    ...(y ? { y } : {}),
    ...(split !== undefined ? { split } : {}),
    ...(v.stacked === true ? { stacked: true } : {}),
    ...(v.log === true ? { log: true } : {}),
  };
}

/** Returns the message if it is well-formed, otherwise undefined (the host ignores and logs it). */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'pickSavedQuery':
    case 'cancelExport':
    case 'cancelFacets':
    case 'openInConsole':
      return { type: v.type };
    case 'facet':
      return isString(v.requestId, 100) && isString(v.field, 1_000) && v.field !== '' && isString(v.query) && isFiniteNumber(v.from) && isFiniteNumber(v.to) && v.from < v.to
        ? { type: 'facet', requestId: v.requestId, field: v.field, query: v.query, from: v.from, to: v.to }
        : undefined;
    case 'runQuery': {
      const range = parseTimeRangeSpec(v.range);
      if (!isString(v.requestId, 100) || !isString(v.query) || !range) return undefined;
      return v.runAnyway === true ? { type: 'runQuery', requestId: v.requestId, query: v.query, range, runAnyway: true } : { type: 'runQuery', requestId: v.requestId, query: v.query, range };
    }
    case 'cancel':
      return isString(v.requestId, 100) ? { type: 'cancel', requestId: v.requestId } : undefined;
    case 'loadMore':
      return isString(v.requestId, 100) && typeof v.all === 'boolean' ? { type: 'loadMore', requestId: v.requestId, all: v.all } : undefined;
    case 'export': {
      const range = parseTimeRangeSpec(v.range);
      return (v.format === 'csv' || v.format === 'json') && isString(v.query) && range
        ? { type: 'export', format: v.format, query: v.query, range }
        : undefined;
    }
    case 'columnsChanged': {
      const choice = parseColumnChoice(v.choice);
      return choice ? { type: 'columnsChanged', choice } : undefined;
    }
    case 'saveQuery': {
      if (!isString(v.query)) return undefined;
      const chart = CHART_KINDS.find((c) => c === v.chart);
      const chartAxes = parseChartAxes(v.chartAxes);
      return { type: 'saveQuery', query: v.query, ...(chart ? { chart } : {}), ...(chartAxes ? { chartAxes } : {}) };
    }
    case 'runPerFlowLog': {
      const range = parseTimeRangeSpec(v.range);
      return isString(v.query) && range ? { type: 'runPerFlowLog', query: v.query, range } : undefined;
    }
    case 'stateChanged': {
      const state = parseViewState(v.state);
      return state ? { type: 'stateChanged', state } : undefined;
    }
    case 'showError':
      return isString(v.message, 10_000) ? { type: 'showError', message: v.message } : undefined;
    case 'saveChartImage':
      return isString(v.png, MAX_CHART_PNG_BASE64) && /^[A-Za-z0-9+/]+={0,2}$/.test(v.png) ? { type: 'saveChartImage', png: v.png } : undefined;
    default:
      return undefined;
  }
}

const FIELD_TYPES: readonly FieldInfo['type'][] = ['text', 'long', 'double', 'json'];

function parseFieldInfo(v: unknown): FieldInfo | undefined {
  if (!isObject(v) || !isString(v.name, 1_000)) return undefined;
  const type = FIELD_TYPES.find((t) => t === v.type);
  if (!type) return undefined;
  return { name: v.name, type, description: isString(v.description, 10_000) ? v.description : undefined };
}

/** A target as the webview or a saved state holds it; one saved before targets had a kind is a logstore. */
export function parseWorkbenchTarget(v: unknown): WorkbenchTarget | undefined {
  if (!isObject(v)) return undefined;
  const { title, interval, fields, attachmentNames } = v;
  if (!isString(title, 1_000) || !isFiniteNumber(interval) || interval <= 0 || !Array.isArray(fields)) return undefined;
  const parsedFields = fields.map(parseFieldInfo);
  if (parsedFields.some((f) => f === undefined)) return undefined;
  const names = parseAttachmentNames(attachmentNames);
  if (names === null) return undefined;
  const common = { title, interval, fields: parsedFields.filter((f): f is FieldInfo => f !== undefined), ...(names ? { attachmentNames: names } : {}) };
  const kind = v.kind ?? 'logstore';
  switch (kind) {
    case 'logstore': {
      const { regionId, projectName, logStoreName, flowLogId, cenId } = v;
      if (!isString(regionId, 100) || !isString(projectName, 200) || !isString(logStoreName, 200)) return undefined;
      if (flowLogId !== undefined && !isString(flowLogId, 200)) return undefined;
      if (cenId !== undefined && !isString(cenId, 200)) return undefined;
      return { kind: 'logstore', regionId, projectName, logStoreName, flowLogId, cenId, ...common };
    }
    case 'cen': {
      const { cenId, members } = v;
      if (!isString(cenId, 200) || !Array.isArray(members) || members.length > 1_000) return undefined;
      const parsed = members.map(parseCenMember);
      if (parsed.some((m) => m === undefined)) return undefined;
      return { kind: 'cen', cenId, members: parsed.filter((m): m is CenMember => m !== undefined), ...common };
    }
    default:
      return undefined;
  }
}

function parseCenMember(v: unknown): CenMember | undefined {
  if (!isObject(v)) return undefined;
  const { flowLogId, title, regionId, projectName, logStoreName, interval } = v;
  if (!isString(flowLogId, 200) || !isString(title, 1_000) || !isString(regionId, 100) || !isString(projectName, 200) || !isString(logStoreName, 200)) return undefined;
  if (!isFiniteNumber(interval) || interval <= 0) return undefined;
  const format = isString(v.logFormatString, 10_000) ? { logFormatString: v.logFormatString } : {};
  const router = isString(v.transitRouterId, 200) ? { transitRouterId: v.transitRouterId } : {};
  const attachment = isString(v.transitRouterAttachmentId, 200) ? { transitRouterAttachmentId: v.transitRouterAttachmentId } : {};
  return { flowLogId, title, regionId, projectName, logStoreName, interval, ...format, ...(v.olderForm === true ? { olderForm: true } : {}), ...router, ...attachment };
}

/** undefined when absent, null when malformed. */
function parseAttachmentNames(v: unknown): Readonly<Record<string, string>> | undefined | null {
  if (v === undefined) return undefined;
  if (!isObject(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > 1_000 || !entries.every(([k, name]) => isString(k, 200) && isString(name, 1_000))) return null;
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Validates what VS Code hands the panel serializer (the webview's last setState). */
export function parsePersistedWorkbenchState(v: unknown): { target: WorkbenchTarget; view?: WorkbenchViewState; document?: QueryDocumentTie } | undefined {
  if (!isObject(v)) return undefined;
  const target = parseWorkbenchTarget(v.target);
  if (!target) return undefined;
  const document = parseQueryDocumentTie(v.document);
  return { target, view: parseViewState(v), ...(document ? { document } : {}) };
}

/** A document tie, or undefined when absent or malformed (the panel then restores as the flow log's). */
export function parseQueryDocumentTie(v: unknown): QueryDocumentTie | undefined {
  if (!isObject(v)) return undefined;
  const { uri, title } = v;
  return isString(uri, 10_000) && uri.length > 0 && isString(title, 1_000) ? { uri, title } : undefined;
}

/** Validates the boot data a page reads from its own document (written by the host's render). */
export function parseWorkbenchBoot(v: unknown): WorkbenchBoot | undefined {
  if (!isObject(v)) return undefined;
  const target = parseWorkbenchTarget(v.target);
  if (!target) return undefined;
  const view = v.view === undefined ? undefined : parseViewState(v.view);
  const l10n = parseL10nSetup(v.l10n);
  const document = parseQueryDocumentTie(v.document);
  return { target, ...(view ? { view } : {}), ...(document ? { document } : {}), ...(v.run === true && view ? { run: true } : {}), ...(l10n ? { l10n } : {}) };
}

/** The newer of two saved copies of a panel's view state (by `rev`; `a` on a tie). */
export function newerViewState(a: WorkbenchViewState | undefined, b: WorkbenchViewState | undefined): WorkbenchViewState | undefined {
  if (!a || !b) return a ?? b;
  return (b.rev ?? 0) > (a.rev ?? 0) ? b : a;
}
