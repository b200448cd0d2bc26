/**
 * The time-range choices offered in the toolbar and how a TimeRangeSpec is described and
 * round-tripped through the picker's controls. Pure; the host does the resolving and snapping.
 */
import { DEFAULT_TIME_RANGE, type TimeRangeSpec } from '../../src/protocol/messages';
import { displayFormat, t } from '../l10n';

export interface QuickRange {
  readonly minutes: number;
  readonly label: string;
}

// Labels are getters: the bundle is configured after the modules load.
export const QUICK_RANGES: readonly QuickRange[] = [
  { minutes: 15, get label() { return t('Last 15 minutes'); } },
  { minutes: 60, get label() { return t('Last 1 hour'); } },
  { minutes: 240, get label() { return t('Last 4 hours'); } },
  { minutes: 1440, get label() { return t('Last 24 hours'); } },
  { minutes: 10080, get label() { return t('Last 7 days'); } },
];

export const DEFAULT_RANGE: TimeRangeSpec = DEFAULT_TIME_RANGE;

/** The select's value for a spec: "q:60", "relative", "absolute". */
export function pickerValue(spec: TimeRangeSpec): string {
  switch (spec.kind) {
    case 'quick':
      return QUICK_RANGES.some((q) => q.minutes === spec.minutes) ? `q:${spec.minutes}` : 'relative';
    case 'relative':
      return 'relative';
    case 'absolute':
      return 'absolute';
  }
}

/** Short human description of what the user chose (before the host snaps it). */
export function describeRange(spec: TimeRangeSpec): string {
  switch (spec.kind) {
    case 'quick': {
      const q = QUICK_RANGES.find((r) => r.minutes === spec.minutes);
      return q ? q.label : lastAmount(spec.minutes, 'minutes');
    }
    case 'relative':
      return lastAmount(spec.amount, spec.unit);
    case 'absolute':
      return `${toLocalInput(spec.from).replace('T', ' ')} – ${toLocalInput(spec.to).replace('T', ' ')}`;
  }
}

/** "Last 1 hour", "Last 30 minutes": one sentence per unit and number form, so a translation can word each. */
function lastAmount(amount: number, unit: 'minutes' | 'hours' | 'days'): string {
  const n = displayFormat().count(amount);
  switch (unit) {
    case 'minutes':
      return amount === 1 ? t('Last 1 minute') : t('Last {0} minutes', n);
    case 'hours':
      return amount === 1 ? t('Last 1 hour') : t('Last {0} hours', n);
    case 'days':
      return amount === 1 ? t('Last 1 day') : t('Last {0} days', n);
  }
}

/** The most a "last N" range may reach back, as a sentence in the unit chosen. */
function atMost(max: number, unit: 'minutes' | 'hours' | 'days'): string {
  const n = displayFormat().count(max);
  switch (unit) {
    case 'minutes':
      return t('At most {0} minutes.', n);
    case 'hours':
      return t('At most {0} hours.', n);
    case 'days':
      return t('At most {0} days.', n);
  }
}

/** UNIX seconds → the value format of <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** <input type="datetime-local"> value → UNIX seconds, or undefined if empty/invalid. */
export function fromLocalInput(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const t = d.getTime();
  return Number.isFinite(t) ? Math.floor(t / 1000) : undefined;
}

export type RangeCheck = { readonly ok: true; readonly spec: TimeRangeSpec } | { readonly ok: false; readonly message: string };

/** Validates the relative inputs ("last N unit"). */
export function relativeSpec(amountText: string, unit: 'minutes' | 'hours' | 'days'): RangeCheck {
  const amount = Number(amountText);
  if (!Number.isInteger(amount) || amount <= 0) return { ok: false, message: t('"{0}" is not a positive whole number.', amountText) };
  const maxByUnit = { minutes: 60 * 24 * 365, hours: 24 * 365, days: 365 } as const;
  if (amount > maxByUnit[unit]) return { ok: false, message: atMost(maxByUnit[unit], unit) };
  return { ok: true, spec: { kind: 'relative', amount, unit } };
}

/** Validates the absolute inputs (from before to). */
export function absoluteSpec(fromText: string, toText: string): RangeCheck {
  const from = fromLocalInput(fromText);
  const to = fromLocalInput(toText);
  if (from === undefined) return { ok: false, message: t('Enter a start date and time.') };
  if (to === undefined) return { ok: false, message: t('Enter an end date and time.') };
  if (from >= to) return { ok: false, message: t('The start must be before the end.') };
  return { ok: true, spec: { kind: 'absolute', from, to } };
}
