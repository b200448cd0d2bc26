/**
 * Initial column widths from the header and a sample of values (monospace-ish estimate), so the
 * first paint is readable without measuring text in the DOM. Pure.
 */
import { textColumns } from './cellFit';
import { presentCell } from './valueFormat';

/** Default advance of one monospace character; the grid passes the measured one. */
export const DEFAULT_CHAR_PX = 8;
const PADDING_PX = 20;
export const MIN_COLUMN_WIDTH = 48;
export const MAX_INITIAL_WIDTH = 360;

/** Widest fitted column (double-click on a column's edge): wide enough for long values, not for a whole log line. */
export const MAX_FITTED_WIDTH = 800;

export function initialColumnWidths(columns: readonly string[], sampleRows: readonly (readonly string[])[], charPx = DEFAULT_CHAR_PX): number[] {
  return columns.map((name, c) => columnWidthFor(name, sampleRows.map((row) => row[c] ?? ''), charPx, MAX_INITIAL_WIDTH));
}

/** The width that shows `name` (with its sort arrow) and every value with its hint, within [MIN_COLUMN_WIDTH, maxPx]. */
export function columnWidthFor(name: string, values: Iterable<string>, charPx: number, maxPx: number): number {
  let chars = name.length + 2; // room for the sort arrow
  for (const v of values) {
    const hint = presentCell(name, v).hint;
    chars = Math.max(chars, textColumns(v) + (hint ? hint.length + 2 : 0));
  }
  return Math.round(Math.min(maxPx, Math.max(MIN_COLUMN_WIDTH, chars * charPx + PADDING_PX)));
}
