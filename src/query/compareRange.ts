/**
 * The earlier range a before/after compare looks at: the period just before the current one, the
 * same time yesterday or last week, or a range the user picked. Both ranges are whole capture
 * windows (the current one is already snapped); the earlier one must not overlap the current one,
 * or the compare would count the same records on both sides. Pure; UNIX seconds, [from, to).
 */
import { t } from '@vscode/l10n';
import type { FlowLogInterval } from '../flowlogs/catalog';
import { snapToWindow, type ResolvedRange } from './timeRange';

export type EarlierChoice =
  | { readonly kind: 'previousPeriod' }
  | { readonly kind: 'sameTimeYesterday' }
  | { readonly kind: 'sameTimeLastWeek' }
  | { readonly kind: 'picked'; readonly range: ResolvedRange };

export type EarlierChoiceKind = EarlierChoice['kind'];

const DAY = 86_400;

/** The choices in the order a picker lists them, with their labels (getters: read in the display language, not at import). */
export const EARLIER_CHOICES: readonly { readonly kind: EarlierChoiceKind; readonly label: string }[] = [
  { kind: 'previousPeriod', get label() { return t('Previous period'); } },
  { kind: 'sameTimeYesterday', get label() { return t('Same time yesterday'); } },
  { kind: 'sameTimeLastWeek', get label() { return t('Same time last week'); } },
  { kind: 'picked', get label() { return t('A range I pick…'); } },
];

export type EarlierRangeResult = { readonly ok: true; readonly range: ResolvedRange } | { readonly ok: false; readonly message: string };

/** The earlier range for `current` (already snapped to `interval`), or why there is none. */
export function earlierRange(current: ResolvedRange, choice: EarlierChoice, interval: FlowLogInterval): EarlierRangeResult {
  const span = current.to - current.from;
  if (!(span > 0)) return { ok: false, message: t('The current range is empty; choose a longer one.') };
  const shifted = (by: number, name: string): EarlierRangeResult =>
    span > by
      ? { ok: false, message: t('The current range ({0}) is longer than {1}, so the two would overlap; compare with the previous period or choose a range of at most {2}.', spanText(span), name, spanText(by)) }
      : { ok: true, range: snapToWindow({ from: current.from - by, to: current.to - by }, interval) };
  switch (choice.kind) {
    case 'previousPeriod':
      return { ok: true, range: snapToWindow({ from: current.from - span, to: current.from }, interval) };
    case 'sameTimeYesterday':
      return shifted(DAY, t('a day'));
    case 'sameTimeLastWeek':
      return shifted(7 * DAY, t('a week'));
    case 'picked': {
      const picked = snapToWindow(choice.range, interval);
      if (picked.from < current.to && current.from < picked.to) {
        return { ok: false, message: t('The picked range overlaps the current one (after snapping to capture windows); pick one that ends before the current range starts, or compare a later range with an earlier one.') };
      }
      return { ok: true, range: picked };
    }
  }
}

function spanText(seconds: number): string {
  if (seconds % DAY === 0) return seconds === DAY ? t('1 day') : t('{0} days', seconds / DAY);
  if (seconds % 3600 === 0) return seconds === 3600 ? t('1 hour') : t('{0} hours', seconds / 3600);
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? t('1 minute') : t('{0} minutes', minutes);
}
