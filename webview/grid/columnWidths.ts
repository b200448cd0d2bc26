/**
 * Initial column widths from the header and a sample of values (monospace-ish estimate), so the
 * first paint is readable without measuring text in the DOM. Pure.
 */
import { presentCell } from './valueFormat';

/** Default advance of one monospace character; the grid passes the measured one. */
export const DEFAULT_CHAR_PX = 8;
const PADDING_PX = 20;
export const MIN_COLUMN_WIDTH = 48;
export const MAX_INITIAL_WIDTH = 360;

export function initialColumnWidths(columns: readonly string[], sampleRows: readonly (readonly string[])[], charPx = DEFAULT_CHAR_PX): number[] {
  return columns.map((name, c) => {
    let chars = name.length + 2; // room for the sort arrow
    for (const row of sampleRows) {
      const v = row[c] ?? '';
      const hint = presentCell(name, v).hint;
      chars = Math.max(chars, v.length + (hint ? hint.length + 2 : 0));
    }
    return Math.round(Math.min(MAX_INITIAL_WIDTH, Math.max(MIN_COLUMN_WIDTH, chars * charPx + PADDING_PX)));
  });
}
