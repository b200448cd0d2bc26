/**
 * Virtualization math for the results grid: which rows are on screen for a scroll position.
 * Pure (no DOM) so it is unit-tested and benchmarked on its own.
 *
 * Browsers cap an element's height (≈ 33.5 M px in Chromium), so for very large results the
 * scrollable height is clamped and scroll positions are mapped proportionally onto rows.
 */

/** Stay well under Chromium's maximum element height so the spacer never gets truncated. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

export interface ViewportInput {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly rowCount: number;
  /** Extra rows rendered above and below the visible ones to hide paint gaps while scrolling. */
  readonly overscan: number;
  readonly maxScrollHeight?: number;
}

export interface ViewportWindow {
  /** First row index to render (inclusive). */
  readonly first: number;
  /** Last row index to render (exclusive). */
  readonly end: number;
  /** Pixel offset (inside the scroll content) of row `first`. */
  readonly offsetY: number;
  /** Height of the scroll content (spacer). */
  readonly totalHeight: number;
  /** True when rows are mapped proportionally because the real height would be too large. */
  readonly scaled: boolean;
}

export function computeViewport(input: ViewportInput): ViewportWindow {
  const rowHeight = Math.max(1, input.rowHeight);
  const rowCount = Math.max(0, Math.floor(input.rowCount));
  const viewportHeight = Math.max(0, input.viewportHeight);
  const overscan = Math.max(0, Math.floor(input.overscan));
  const cap = input.maxScrollHeight ?? MAX_SCROLL_HEIGHT;
  const naturalHeight = rowCount * rowHeight;
  const visibleRows = Math.ceil(viewportHeight / rowHeight) + 1;
  if (rowCount === 0) return { first: 0, end: 0, offsetY: 0, totalHeight: 0, scaled: false };

  if (naturalHeight <= cap) {
    const scrollTop = clamp(input.scrollTop, 0, Math.max(0, naturalHeight - viewportHeight));
    const top = Math.floor(scrollTop / rowHeight);
    const first = Math.max(0, top - overscan);
    const end = Math.min(rowCount, top + visibleRows + overscan);
    return { first, end, offsetY: first * rowHeight, totalHeight: naturalHeight, scaled: false };
  }

  // Scaled: scrollTop ∈ [0, cap - viewport] maps linearly onto the top row ∈ [0, rowCount - fit].
  const totalHeight = cap;
  const maxScroll = Math.max(1, totalHeight - viewportHeight);
  const scrollTop = clamp(input.scrollTop, 0, maxScroll);
  const fit = Math.floor(viewportHeight / rowHeight);
  const maxTop = Math.max(0, rowCount - fit);
  const exactTop = (scrollTop / maxScroll) * maxTop;
  const top = Math.min(maxTop, Math.floor(exactTop + 1e-9));
  const first = Math.max(0, top - overscan);
  const end = Math.min(rowCount, top + visibleRows + overscan);
  // Rows are laid out from the current scroll position so the visible ones sit in the viewport.
  const offsetY = scrollTop - (top - first) * rowHeight;
  return { first, end, offsetY, totalHeight, scaled: true };
}

/** The scrollTop that brings `row` into view (minimal movement), for keyboard navigation. */
export function scrollTopForRow(
  row: number,
  current: ViewportInput,
): number {
  const rowHeight = Math.max(1, current.rowHeight);
  const cap = current.maxScrollHeight ?? MAX_SCROLL_HEIGHT;
  const naturalHeight = current.rowCount * rowHeight;
  const viewportHeight = current.viewportHeight;
  if (naturalHeight <= cap) {
    const rowTop = row * rowHeight;
    if (rowTop < current.scrollTop) return rowTop;
    if (rowTop + rowHeight > current.scrollTop + viewportHeight) return rowTop + rowHeight - viewportHeight;
    return current.scrollTop;
  }
  const fit = Math.floor(viewportHeight / rowHeight);
  const maxTop = Math.max(1, current.rowCount - fit);
  const maxScroll = Math.max(1, cap - viewportHeight);
  const top = Math.floor((clamp(current.scrollTop, 0, maxScroll) / maxScroll) * maxTop + 1e-9);
  let targetTop = top;
  if (row < top) targetTop = row;
  else if (row >= top + fit) targetTop = row - fit + 1;
  else return current.scrollTop;
  return Math.ceil((clamp(targetTop, 0, maxTop) / maxTop) * maxScroll);
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}

/** Columns [first, end) by index. */
export interface ColumnRange {
  readonly first: number;
  readonly end: number;
}

/**
 * The columns that overlap the horizontally visible area [scrollLeft, scrollLeft + width], widened
 * by `overscanPx` on both sides. With no width known yet (not laid out), every column.
 */
export function visibleColumns(widths: readonly number[], scrollLeft: number, width: number, overscanPx: number): ColumnRange {
  if (!(width > 0)) return { first: 0, end: widths.length };
  const from = scrollLeft - overscanPx;
  const to = scrollLeft + width + overscanPx;
  let first = widths.length;
  let end = 0;
  let x = 0;
  for (let c = 0; c < widths.length; c++) {
    const right = x + widths[c];
    if (right > from && x < to) {
      first = Math.min(first, c);
      end = c + 1;
    }
    x = right;
  }
  return first < end ? { first, end } : { first: 0, end: 0 };
}

/**
 * Overscan for the next render: none when the visible rows jump past everything rendered now (a
 * scrollbar drag or a far jump, where rows beyond the screen would be laid out for nothing), the
 * usual `overscan` when the new screen overlaps the rendered rows (wheel and keyboard scrolling,
 * whose next small step the overscan covers). `next` is the window computed without overscan.
 */
export function overscanAfter(previous: Pick<ViewportWindow, 'first' | 'end'>, next: Pick<ViewportWindow, 'first' | 'end'>, overscan: number): number {
  const jumped = previous.end <= previous.first || next.first >= previous.end || next.end <= previous.first;
  return jumped ? 0 : overscan;
}
