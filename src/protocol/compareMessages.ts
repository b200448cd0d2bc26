/**
 * The typed messages between the extension host and the before/after compare webview, declared
 * once and imported by both sides. Messages from the webview are validated
 * (parseCompareWebviewMessage) before the host acts on them. A separate page from the query
 * workbench, so its protocol is its own; range specs are the workbench's.
 */
import type { CompareStatus } from '../query/compare';
import type { CompareDimension } from '../query/compareQuery';
import type { EarlierChoiceKind } from '../query/compareRange';
import type { L10nSetup } from '../l10n/l10nSetup';
import { parseTimeRangeSpec, parseWorkbenchTarget, type CenTarget, type TimeRangeSpec } from './messages';

export interface CompareDimensionOption {
  readonly id: CompareDimension;
  readonly label: string;
  /** Why the source cannot be compared this way (a field its records lack); absent when it can. */
  readonly unavailable?: string;
}

/** A choice of the current range: a label and its spec. */
export interface CompareRangeOption {
  readonly id: string;
  readonly label: string;
  readonly spec: TimeRangeSpec;
}

/** The form's values: what to compare by, which range, compared with what. */
export interface CompareForm {
  readonly dimension: CompareDimension;
  /** Id of one of the boot's range options. */
  readonly rangeId: string;
  readonly earlier: EarlierChoiceKind;
  /** The picked earlier range as typed (e.g. "2024-05-01T10:00Z to 2024-05-01T11:00Z"); used when earlier = picked. */
  readonly pickedText: string;
}

/** What the host writes into the page: the source's title and the form's choices and start values. */
export interface CompareBoot {
  readonly title: string;
  readonly dimensions: readonly CompareDimensionOption[];
  readonly ranges: readonly CompareRangeOption[];
  readonly earlierChoices: readonly { readonly kind: EarlierChoiceKind; readonly label: string }[];
  readonly form: CompareForm;
  /** Compare at once when the page is up (a command asked for it). */
  readonly run: boolean;
  /** What the page keeps in its state so the panel comes back after Reload Window. */
  readonly restore: CompareRestore;
  /** The display language and its strings (issue 22): the page speaks it without loading anything. */
  readonly l10n?: L10nSetup;
}

/** One logstore compared (a flow log from the tree or a flow-log panel's target). */
export interface CompareLogstore {
  readonly title: string;
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly interval: number;
  readonly fields: readonly string[];
  readonly flowLogId?: string;
  readonly cenId?: string;
  /** A flow log's format and transit router, for the workbench its rows open in. */
  readonly format?: { readonly logFormatString: string; readonly olderForm: boolean };
  readonly transitRouterId?: string;
}

/** What a compare panel was opened on, and the range it started from: enough to rebuild it after a reload. */
export interface CompareRestore {
  readonly source: { readonly kind: 'logstore'; readonly logstore: CompareLogstore } | { readonly kind: 'cen'; readonly target: CenTarget };
  readonly range?: TimeRangeSpec;
}

/** The page's saved state: the form as last set, and the restore descriptor from the boot. */
export interface ComparePersistedState {
  readonly form: CompareForm;
  readonly restore: CompareRestore;
}

export interface CompareRowView {
  readonly key: readonly string[];
  /** The key for people ("cn-hangzhou → cn-beijing", "443/TCP"). */
  readonly label: string;
  readonly status: CompareStatus;
  readonly earlierBytes: number;
  readonly currentBytes: number;
  readonly difference: number;
  readonly ratio: number | null;
}

export interface CompareRangeView {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export interface CompareResultView {
  readonly dimension: CompareDimension;
  readonly keyHeading: string;
  readonly current: CompareRangeView;
  readonly earlier: CompareRangeView;
  readonly rows: readonly CompareRowView[];
  readonly totals: { readonly earlierBytes: number; readonly currentBytes: number; readonly difference: number; readonly ratio: number | null; readonly newCount: number; readonly vanishedCount: number };
  readonly truncated: boolean;
  readonly incomplete: readonly string[];
  /** A CEN compare: how its flows were counted, as on the CEN panel's status line. */
  readonly counting?: string;
}

export type CompareHostMessage =
  | { readonly type: 'running'; readonly requestId: number; readonly current: string; readonly earlier: string }
  | { readonly type: 'result'; readonly requestId: number; readonly result: CompareResultView }
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string; readonly field?: 'picked' }
  | { readonly type: 'cancelled'; readonly requestId: number };

export type CompareWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'compare'; readonly requestId: number; readonly form: CompareForm }
  | { readonly type: 'cancel'; readonly requestId: number }
  | { readonly type: 'openRecords'; readonly side: 'current' | 'earlier'; readonly key: readonly string[] }
  | { readonly type: 'formChanged'; readonly form: CompareForm };

const DIMENSIONS: readonly string[] = ['source', 'destination', 'regionPair', 'port'] satisfies readonly CompareDimension[];
const EARLIER: readonly string[] = ['previousPeriod', 'sameTimeYesterday', 'sameTimeLastWeek', 'picked'] satisfies readonly EarlierChoiceKind[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function parseCompareForm(v: unknown): CompareForm | undefined {
  if (!isRecord(v)) return undefined;
  const { dimension, rangeId, earlier, pickedText } = v;
  if (typeof dimension !== 'string' || !DIMENSIONS.includes(dimension)) return undefined;
  if (typeof earlier !== 'string' || !EARLIER.includes(earlier)) return undefined;
  if (typeof rangeId !== 'string' || rangeId.length > 100) return undefined;
  if (typeof pickedText !== 'string' || pickedText.length > 500) return undefined;
  return { dimension: dimension as CompareDimension, rangeId, earlier: earlier as EarlierChoiceKind, pickedText };
}

/** A message from the compare page, or undefined when it is not one of ours. */
export function parseCompareWebviewMessage(v: unknown): CompareWebviewMessage | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'compare': {
      const form = parseCompareForm(v.form);
      return isRequestId(v.requestId) && form ? { type: 'compare', requestId: v.requestId, form } : undefined;
    }
    case 'cancel':
      return isRequestId(v.requestId) ? { type: 'cancel', requestId: v.requestId } : undefined;
    case 'openRecords': {
      const { side, key } = v;
      if (side !== 'current' && side !== 'earlier') return undefined;
      if (!Array.isArray(key) || key.length === 0 || key.length > 4 || !key.every((k) => typeof k === 'string' && k.length <= 500)) return undefined;
      return { type: 'openRecords', side, key: key as string[] };
    }
    case 'formChanged': {
      const form = parseCompareForm(v.form);
      return form ? { type: 'formChanged', form } : undefined;
    }
    default:
      return undefined;
  }
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

function parseCompareLogstore(v: unknown): CompareLogstore | undefined {
  if (!isRecord(v)) return undefined;
  const { title, regionId, projectName, logStoreName, interval, fields, flowLogId, cenId, format, transitRouterId } = v;
  if (!isText(title, 1_000) || !isText(regionId, 100) || !isText(projectName, 200) || !isText(logStoreName, 200)) return undefined;
  if (typeof interval !== 'number' || !Number.isFinite(interval) || interval <= 0) return undefined;
  if (!Array.isArray(fields) || fields.length > 500 || !fields.every((f) => isText(f, 200))) return undefined;
  if ((flowLogId !== undefined && !isText(flowLogId, 200)) || (cenId !== undefined && !isText(cenId, 200))) return undefined;
  if (transitRouterId !== undefined && !isText(transitRouterId, 200)) return undefined;
  const parsedFormat = isRecord(format) && typeof format.logFormatString === 'string' && format.logFormatString.length <= 4_000 && typeof format.olderForm === 'boolean'
    ? { logFormatString: format.logFormatString, olderForm: format.olderForm }
    : undefined;
  if (format !== undefined && !parsedFormat) return undefined;
  return {
    title,
    regionId,
    projectName,
    logStoreName,
    interval,
    fields: fields as string[],
    ...(flowLogId ? { flowLogId } : {}),
    ...(cenId ? { cenId } : {}),
    ...(parsedFormat ? { format: parsedFormat } : {}),
    ...(transitRouterId ? { transitRouterId } : {}),
  };
}

/** A compare page's saved state, if well-formed (the serializer rebuilds the panel from it). */
export function parseComparePersistedState(v: unknown): ComparePersistedState | undefined {
  if (!isRecord(v) || !isRecord(v.restore)) return undefined;
  const form = parseCompareForm(v.form);
  const { source, range } = v.restore;
  if (!form || !isRecord(source)) return undefined;
  const parsedRange = range === undefined ? undefined : parseTimeRangeSpec(range);
  if (range !== undefined && !parsedRange) return undefined;
  const withRange = parsedRange ? { range: parsedRange } : {};
  if (source.kind === 'logstore') {
    const logstore = parseCompareLogstore(source.logstore);
    return logstore ? { form, restore: { source: { kind: 'logstore', logstore }, ...withRange } } : undefined;
  }
  if (source.kind === 'cen') {
    const target = parseWorkbenchTarget(source.target);
    return target?.kind === 'cen' ? { form, restore: { source: { kind: 'cen', target }, ...withRange } } : undefined;
  }
  return undefined;
}
