/**
 * Histogram geometry: bucket bars from counts, and a dragged pixel span back to a time range.
 * Pure (no DOM) so the zoom-by-drag arithmetic is unit-tested.
 */
import type { HistogramBucketInfo } from '../../src/protocol/messages';

export interface HistogramBar {
  readonly x: number;
  readonly width: number;
  readonly height: number;
  readonly bucket: HistogramBucketInfo;
}

export function histogramBars(buckets: readonly HistogramBucketInfo[], width: number, height: number): HistogramBar[] {
  if (buckets.length === 0 || width <= 0) return [];
  const from = buckets[0].from;
  const to = buckets[buckets.length - 1].to;
  const span = Math.max(1, to - from);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return buckets.map((b) => {
    const x = ((b.from - from) / span) * width;
    const w = Math.max(1, ((b.to - b.from) / span) * width - 1);
    const h = b.count > 0 ? Math.max(1, (b.count / max) * height) : 0;
    return { x, width: w, height: h, bucket: b };
  });
}

/**
 * The time range [from, to) covered by a drag from pixel a to b (either order), widened to whole
 * buckets so the rerun asks for exactly what was highlighted. Undefined for a click (no span).
 */
export function rangeForDrag(
  buckets: readonly HistogramBucketInfo[],
  width: number,
  a: number,
  b: number,
): { from: number; to: number } | undefined {
  if (buckets.length === 0 || width <= 0 || Math.abs(a - b) < 3) return undefined;
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(width, Math.max(a, b));
  const from = buckets[0].from;
  const to = buckets[buckets.length - 1].to;
  const t0 = from + (lo / width) * (to - from);
  const t1 = from + (hi / width) * (to - from);
  const first = buckets.find((bk) => bk.to > t0) ?? buckets[0];
  const last = [...buckets].reverse().find((bk) => bk.from < t1) ?? buckets[buckets.length - 1];
  return first.from < last.to ? { from: first.from, to: last.to } : undefined;
}

/** Index of the bucket under pixel x, for the tooltip. */
export function bucketAt(buckets: readonly HistogramBucketInfo[], width: number, x: number): number {
  if (buckets.length === 0 || width <= 0) return -1;
  const from = buckets[0].from;
  const to = buckets[buckets.length - 1].to;
  const t = from + (x / width) * (to - from);
  return buckets.findIndex((b) => t >= b.from && t < b.to);
}
