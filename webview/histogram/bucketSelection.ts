/**
 * The keyboard selection of histogram buckets: a focused bucket and an anchor, moved and extended
 * with the arrow keys, zoomed with Enter and cleared with Escape. Pure (no DOM) so every key is
 * unit-tested; the view only draws the result and announces it.
 */
import type { HistogramBucketInfo } from '../../src/protocol/messages';

/** Buckets `anchor`..`focus` (either order) are selected; `focus` moves with the arrow keys. */
export interface BucketSelection {
  readonly anchor: number;
  readonly focus: number;
}

export type HistogramKeyOutcome =
  | { readonly kind: 'select'; readonly selection: BucketSelection }
  | { readonly kind: 'zoom'; readonly range: { readonly from: number; readonly to: number } }
  | { readonly kind: 'clear' }
  /** Not a histogram key (or nothing to do): let the page handle it. */
  | { readonly kind: 'ignore' };

export interface HistogramKey {
  readonly key: string;
  readonly shiftKey: boolean;
}

/** Buckets one PageUp/PageDown moves: a tenth of the histogram, at least one. */
function pageSize(count: number): number {
  return Math.max(1, Math.round(count / 10));
}

/** What a key does to the selection of `count` buckets. */
export function histogramKey(
  buckets: readonly HistogramBucketInfo[],
  selection: BucketSelection | undefined,
  key: HistogramKey,
): HistogramKeyOutcome {
  const count = buckets.length;
  if (count === 0) return { kind: 'ignore' };
  const last = count - 1;
  const moveTo = (target: number): HistogramKeyOutcome => {
    const focus = Math.max(0, Math.min(last, target));
    // The first key press selects a bucket to start from (the first one, or the last for ←/End).
    const anchor = key.shiftKey && selection ? selection.anchor : focus;
    return { kind: 'select', selection: { anchor, focus } };
  };
  const from = selection?.focus;
  switch (key.key) {
    case 'ArrowRight':
      return moveTo(from === undefined ? 0 : from + 1);
    case 'ArrowLeft':
      return moveTo(from === undefined ? last : from - 1);
    case 'Home':
      return moveTo(0);
    case 'End':
      return moveTo(last);
    case 'PageDown':
      return moveTo(from === undefined ? 0 : from + pageSize(count));
    case 'PageUp':
      return moveTo(from === undefined ? last : from - pageSize(count));
    case 'Enter':
      return selection ? { kind: 'zoom', range: selectedRange(buckets, selection) } : { kind: 'ignore' };
    case 'Escape':
      return selection ? { kind: 'clear' } : { kind: 'ignore' };
    default:
      return { kind: 'ignore' };
  }
}

/** The selected buckets' indexes, low to high, clamped to the buckets there are. */
export function selectedIndexes(selection: BucketSelection, count: number): { first: number; last: number } {
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  return { first: clamp(Math.min(selection.anchor, selection.focus)), last: clamp(Math.max(selection.anchor, selection.focus)) };
}

/** The time range [from, to) the selected buckets cover: what Enter zooms to. */
export function selectedRange(buckets: readonly HistogramBucketInfo[], selection: BucketSelection): { from: number; to: number } {
  const { first, last } = selectedIndexes(selection, buckets.length);
  return { from: buckets[first].from, to: buckets[last].to };
}

/** Records in the selected buckets (for the announcement). */
export function selectedCount(buckets: readonly HistogramBucketInfo[], selection: BucketSelection): number {
  const { first, last } = selectedIndexes(selection, buckets.length);
  let n = 0;
  for (let i = first; i <= last; i++) n += buckets[i].count;
  return n;
}
