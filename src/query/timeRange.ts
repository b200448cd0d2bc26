/**
 * Time ranges for queries: quick and relative ranges, absolute from–to, parsing of what users
 * type, validation with plain messages, snapping outward to the flow log's capture window, and the
 * explanation of why the newest window is not there yet. Pure: the clock is always passed in.
 * All times are UNIX seconds; SLS ranges are [from, to).
 */
import { t } from '@vscode/l10n';
import type { FlowLogInterval } from '../flowlogs/catalog';

/** Units of a relative range. */
export type RelativeUnit = 'minutes' | 'hours' | 'days';

/** A range as the user chose it: relative to now, or fixed. */
export type TimeRangeSpec =
  | { readonly kind: 'relative'; readonly amount: number; readonly unit: RelativeUnit }
  | { readonly kind: 'absolute'; readonly from: number; readonly to: number };

/** Concrete [from, to) in UNIX seconds. */
export interface ResolvedRange {
  readonly from: number;
  readonly to: number;
}

/** One entry of the quick-range picker. */
export interface QuickRange {
  readonly id: string;
  readonly label: string;
  readonly spec: TimeRangeSpec;
}

/** The quick picks: last 15 min, 1 h, 4 h, 24 h, 7 d. Labels are getters: read after the display language is configured. */
export const QUICK_RANGES: readonly QuickRange[] = [
  { id: '15m', get label() { return t('Last 15 minutes'); }, spec: { kind: 'relative', amount: 15, unit: 'minutes' } },
  { id: '1h', get label() { return t('Last hour'); }, spec: { kind: 'relative', amount: 1, unit: 'hours' } },
  { id: '4h', get label() { return t('Last 4 hours'); }, spec: { kind: 'relative', amount: 4, unit: 'hours' } },
  { id: '24h', get label() { return t('Last 24 hours'); }, spec: { kind: 'relative', amount: 24, unit: 'hours' } },
  { id: '7d', get label() { return t('Last 7 days'); }, spec: { kind: 'relative', amount: 7, unit: 'days' } },
];

/** A unit as a word of the display language ("minutes" in English). */
function unitWord(unit: RelativeUnit): string {
  switch (unit) {
    case 'minutes':
      return t('minutes');
    case 'hours':
      return t('hours');
    case 'days':
      return t('days');
  }
}

const UNIT_SECONDS: Readonly<Record<RelativeUnit, number>> = { minutes: 60, hours: 3600, days: 86400 };

/** Longest relative range accepted (SLS keeps data for a logstore's TTL; beyond ten years is a typo). */
const MAX_RELATIVE_SECONDS = 3650 * 86400;

/** A parsed range, or a message saying what to type. */
export type ParseResult = { readonly ok: true; readonly spec: TimeRangeSpec } | { readonly ok: false; readonly message: string };

/** Parses "15m", "last 2 hours", "1 day", or "<ISO date> to <ISO date>" (also "–", "..", "/"). */
export function parseTimeRange(text: string): ParseResult {
  const input = text.trim().slice(0, 200);
  if (input === '') return { ok: false, message: t('Type a time range, e.g. 15m, last 2 hours, or 2024-05-01T10:00Z to 2024-05-01T12:00Z.') };
  const quick = QUICK_RANGES.find((q) => q.id === input.toLowerCase());
  if (quick) return { ok: true, spec: quick.spec };
  const relative = parseRelative(input);
  if (relative) return relative;
  const absolute = parseAbsolute(input);
  if (absolute) return absolute;
  return { ok: false, message: t('"{0}" is not a time range. Try 15m, 4h, 7d, last 30 minutes, or 2024-05-01T10:00Z to 2024-05-01T12:00Z.', input.slice(0, 60)) };
}

const UNIT_WORDS: Readonly<Record<string, RelativeUnit>> = {
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours',
  d: 'days', day: 'days', days: 'days',
};

function parseRelative(input: string): ParseResult | undefined {
  const m = /^(?:last|past)?\s*(\d{1,9}(?:\.\d{1,3})?)?\s*([a-z]{1,7})$/i.exec(input);
  if (!m) return undefined;
  const unit = UNIT_WORDS[m[2].toLowerCase()];
  if (!unit) return undefined;
  const amount = m[1] === undefined ? 1 : Number(m[1]);
  if (!(amount > 0)) return { ok: false, message: t('The range must be longer than zero {0}.', unitWord(unit)) };
  if (amount * UNIT_SECONDS[unit] > MAX_RELATIVE_SECONDS) return { ok: false, message: t('Last {0} {1} reaches back more than ten years; choose a shorter range.', amount, unitWord(unit)) };
  return { ok: true, spec: { kind: 'relative', amount, unit } };
}

/** Separators between two dates; each is tried with split, which stays linear. */
const RANGE_SEPARATORS: readonly RegExp[] = [/\s+to\s+/i, /\s*\.\.\s*/, /\s*[–—]\s*/, /\s+-\s+/, /\s*\/\s*/];

function parseAbsolute(input: string): ParseResult | undefined {
  const body = input.replace(/^from\s+/i, '');
  for (const separator of RANGE_SEPARATORS) {
    const halves = body.split(separator);
    if (halves.length !== 2) continue;
    const [first, second] = halves;
    const from = parseInstant(first);
    const to = parseInstant(second);
    if (from === undefined) return { ok: false, message: t('"{0}" is not a date; use ISO form, e.g. 2024-05-01T10:00Z.', first.slice(0, 60)) };
    if (to === undefined) return { ok: false, message: t('"{0}" is not a date; use ISO form, e.g. 2024-05-01T12:00Z.', second.slice(0, 60)) };
    return { ok: true, spec: { kind: 'absolute', from, to } };
  }
  return undefined;
}

/** ISO dates (`2024-05-01`, `2024-05-01 10:00`, `2024-05-01T10:00:00Z`) or UNIX seconds. UTC unless an offset is given. */
export function parseInstant(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{9,10}$/.test(t)) return Number(t);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return Math.floor(ms / 1000) - offsetSeconds(m[7]);
}

function offsetSeconds(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
}

/** The concrete [from, to) of a spec at `nowSeconds`. */
export function resolveTimeRange(spec: TimeRangeSpec, nowSeconds: number): ResolvedRange {
  switch (spec.kind) {
    case 'relative':
      return { from: Math.floor(nowSeconds - spec.amount * UNIT_SECONDS[spec.unit]), to: Math.floor(nowSeconds) };
    case 'absolute':
      return { from: spec.from, to: spec.to };
  }
}

/** Something wrong with a range, blocking (error) or not (warning). */
export interface RangeProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Earliest sensible time: before 2015 a flow log cannot exist; usually milliseconds mistaken for seconds, or a typo. */
const EARLIEST = Date.UTC(2015, 0, 1) / 1000;
/** Beyond this, a value is probably milliseconds. */
const LATEST_PLAUSIBLE_SECONDS = 1e11;

/** Checks a range; errors block the query, warnings are shown beside it. */
export function validateTimeRange(range: ResolvedRange, nowSeconds: number, options: { readonly retentionDays?: number } = {}): RangeProblem[] {
  const { from, to } = range;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [{ severity: 'error', message: t('The time range has an invalid start or end.') }];
  if (from > LATEST_PLAUSIBLE_SECONDS || to > LATEST_PLAUSIBLE_SECONDS) return [{ severity: 'error', message: t('The time range looks like milliseconds; SLS takes UNIX seconds.') }];
  if (from >= to) return [{ severity: 'error', message: t('The start ({0}) must be before the end ({1}).', formatUtc(from), formatUtc(to)) }];
  if (from >= nowSeconds) return [{ severity: 'error', message: t('The range starts in the future ({0}); no records exist yet.', formatUtc(from)) }];
  if (to < EARLIEST) return [{ severity: 'error', message: t('The range ends on {0}, before CEN flow logs existed; check the dates.', formatUtc(to)) }];
  // SLS takes unsigned seconds; a start before 1970 is a typo or an absurd relative range.
  if (from < 0) return [{ severity: 'error', message: t('The range starts before 1970; choose a later start.') }];
  const problems: RangeProblem[] = [];
  const retention = options.retentionDays;
  if (retention !== undefined && from < nowSeconds - retention * 86400) {
    problems.push({ severity: 'warning', message: t('The logstore keeps {0} days of data; records before {1} are gone.', retention, formatUtc(nowSeconds - retention * 86400)) });
  }
  if (to > nowSeconds + 60) problems.push({ severity: 'warning', message: t('The range ends in the future ({0}); it will only contain records up to now.', formatUtc(to)) });
  return problems;
}

/** Widens a range outward to whole capture windows, so no window is cut in half. */
export function snapToWindow(range: ResolvedRange, interval: FlowLogInterval): ResolvedRange {
  const from = Math.floor(range.from / interval) * interval;
  const to = Math.ceil(range.to / interval) * interval;
  return { from, to: to > from ? to : from + interval };
}

/** The newest capture window and why it is not in the results yet. */
export interface NewestWindow {
  /** End of the newest capture window that has closed (its records can be there). */
  readonly closedUntil: number;
  /** When the currently open window closes and its records start to appear. */
  readonly nextCloseAt: number;
  readonly message: string;
}

/** Explains the delay of the newest data: a window's records appear only after it closes. */
export function newestWindow(nowSeconds: number, interval: FlowLogInterval): NewestWindow {
  const closedUntil = Math.floor(nowSeconds / interval) * interval;
  const nextCloseAt = closedUntil + interval;
  const minutes = interval / 60;
  const [from, to] = [formatClock(closedUntil), formatClock(nextCloseAt)];
  const message =
    minutes === 1
      ? t("Flow logs aggregate traffic in {0}-minute capture windows and write a window's records only after it closes, so the newest data is up to {0} minute old: the window {1}–{2} UTC appears after {2} UTC.", minutes, from, to)
      : t("Flow logs aggregate traffic in {0}-minute capture windows and write a window's records only after it closes, so the newest data is up to {0} minutes old: the window {1}–{2} UTC appears after {2} UTC.", minutes, from, to);
  return { closedUntil, nextCloseAt, message };
}

/**
 * The capture windows of a snapped range that have not closed at `nowSeconds`, oldest first: their
 * records cannot be in Log Service yet (flow logs write a window only after it closes).
 */
export function undeliveredWindows(range: ResolvedRange, nowSeconds: number, interval: FlowLogInterval): ResolvedRange[] {
  const { closedUntil } = newestWindow(nowSeconds, interval);
  const windows: ResolvedRange[] = [];
  for (let start = Math.max(range.from, closedUntil); start < range.to; start += interval) windows.push({ from: start, to: Math.min(start + interval, range.to) });
  return windows;
}

/** One sentence naming the windows not delivered yet (the panel's range note); undefined when there are none. */
export function undeliveredNote(windows: readonly ResolvedRange[], nowSeconds: number, interval: FlowLogInterval): string | undefined {
  if (windows.length === 0) return undefined;
  const first = windows[0];
  const last = windows[windows.length - 1];
  const [from, to] = [formatClock(first.from), formatClock(last.to)];
  // Whole sentences, one per case, so that a translation can order its parts.
  if (first.to > nowSeconds) {
    const closes = formatClock(newestWindow(nowSeconds, interval).nextCloseAt);
    return windows.length === 1
      ? t("The capture window {0}–{1} UTC is not delivered yet: flow logs write a window's records only after it closes (the current one closes at {2} UTC). Run the query again later to see them.", from, to, closes)
      : t("{0} capture windows, {1}–{2} UTC, are not delivered yet: flow logs write a window's records only after it closes (the current one closes at {3} UTC). Run the query again later to see them.", windows.length, from, to, closes);
  }
  return windows.length === 1
    ? t("The capture window {0}–{1} UTC is not delivered yet: flow logs write a window's records only after it closes. Run the query again later to see them.", from, to)
    : t("{0} capture windows, {1}–{2} UTC, are not delivered yet: flow logs write a window's records only after it closes. Run the query again later to see them.", windows.length, from, to);
}

/** A short description of a range, e.g. "2024-05-01 10:00 – 12:00 UTC (2 h)". */
export function describeRange(range: ResolvedRange): string {
  const from = formatUtc(range.from);
  const to = formatUtc(range.to);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from} – ${sameDay ? to.slice(11) : to} UTC (${formatDuration(range.to - range.from)})`;
}

/** "2024-05-01 10:00" (UTC); seconds shown only when not zero. */
export function formatUtc(seconds: number): string {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 8.64e12) return String(seconds);
  const iso = new Date(seconds * 1000).toISOString();
  const secs = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${secs === '00' ? '' : `:${secs}`}`;
}

function formatClock(seconds: number): string {
  return formatUtc(seconds).slice(11);
}

/** "15 min", "2 h", "1 d 6 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) {
    const m = Math.floor((s % 3600) / 60);
    return m === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${m} min`;
  }
  const h = Math.floor((s % 86400) / 3600);
  return h === 0 ? `${Math.floor(s / 86400)} d` : `${Math.floor(s / 86400)} d ${h} h`;
}
