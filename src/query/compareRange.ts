/**
 * The earlier range a before/after compare looks at: the period just before the current one, the
 * same time yesterday or last week, or a range the user picked. Both ranges are whole capture
 * windows (the current one is already snapped); the earlier one must not overlap the current one,
 * or the compare would count the same records on both sides. Pure; UNIX seconds, [from, to).
 */
import type { FlowLogInterval } from '../flowlogs/catalog';
import { snapToWindow, type ResolvedRange } from './timeRange';

export type EarlierChoice =
  | { readonly kind: 'previousPeriod' }
  | { readonly kind: 'sameTimeYesterday' }
  | { readonly kind: 'sameTimeLastWeek' }
  | { readonly kind: 'picked'; readonly range: ResolvedRange };

export type EarlierChoiceKind = EarlierChoice['kind'];

const DAY = 86_400;

/** The choices in the order a picker lists them, with their labels. */
export const EARLIER_CHOICES: readonly { readonly kind: EarlierChoiceKind; readonly label: string }[] = [
  { kind: 'previousPeriod', label: 'Previous period' },
  { kind: 'sameTimeYesterday', label: 'Same time yesterday' },
  { kind: 'sameTimeLastWeek', label: 'Same time last week' },
  { kind: 'picked', label: 'A range I pick…' },
];

export type EarlierRangeResult = { readonly ok: true; readonly range: ResolvedRange } | { readonly ok: false; readonly message: string };

/** The earlier range for `current` (already snapped to `interval`), or why there is none. */
export function earlierRange(current: ResolvedRange, choice: EarlierChoice, interval: FlowLogInterval): EarlierRangeResult {
  const span = current.to - current.from;
  if (!(span > 0)) return { ok: false, message: 'The current range is empty; choose a longer one.' };
  const shifted = (by: number, name: string): EarlierRangeResult =>
    span > by
      ? { ok: false, message: `The current range (${spanText(span)}) is longer than ${name}, so the two would overlap; compare with the previous period or choose a range of at most ${spanText(by)}.` }
      : { ok: true, range: snapToWindow({ from: current.from - by, to: current.to - by }, interval) };
  switch (choice.kind) {
    case 'previousPeriod':
      return { ok: true, range: snapToWindow({ from: current.from - span, to: current.from }, interval) };
    case 'sameTimeYesterday':
      return shifted(DAY, 'a day');
    case 'sameTimeLastWeek':
      return shifted(7 * DAY, 'a week');
    case 'picked': {
      const picked = snapToWindow(choice.range, interval);
      if (picked.from < current.to && current.from < picked.to) {
        return { ok: false, message: 'The picked range overlaps the current one (after snapping to capture windows); pick one that ends before the current range starts, or compare a later range with an earlier one.' };
      }
      return { ok: true, range: picked };
    }
  }
}

function spanText(seconds: number): string {
  if (seconds % DAY === 0) return seconds === DAY ? '1 day' : `${seconds / DAY} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}
