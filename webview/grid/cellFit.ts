/**
 * Fits a cell's value (and its hint) into the column width by counting characters of the grid's
 * monospace font, so cells need no `overflow: hidden`: a clip per cell made every scroll frame paint
 * and rasterize hundreds of clipped text runs (issue #8 scrolling: 30 fps with per-cell clips, 60
 * without). Pure; the grid falls back to CSS clipping when its font is not monospace.
 */

/** Horizontal padding (8 px each side) plus the cell's 1 px right border. */
export const CELL_CHROME_PX = 17;
/** The hint's left margin (workbench.css `.grid-hint`). */
export const HINT_GAP_PX = 6;
export const ELLIPSIS = '…';

export interface FittedCell {
  /** The value's text as shown: whole, or cut with an ellipsis. */
  readonly text: string;
  /** The hint, or '' when it does not fit beside the value. */
  readonly hint: string;
  /** The text shown is not the value (cut, or control characters marked): the grid then offers the
   *  whole value as title and accessible name. */
  readonly differs: boolean;
}

/** Columns a character takes in a monospace font: East Asian wide characters take two. */
function columnsOf(ch: number): number {
  return ch >= 0x1100 && (ch <= 0x115f || (ch >= 0x2e80 && ch <= 0xa4cf) || (ch >= 0xac00 && ch <= 0xd7a3) || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0xfe30 && ch <= 0xfe4f) || (ch >= 0xff00 && ch <= 0xff60) || (ch >= 0xffe0 && ch <= 0xffe6) || ch >= 0x1f300)
    ? 2
    : 1;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** Width of `s` in character columns (code points, wide ones counted twice). */
export function textColumns(s: string): number {
  if (!NOT_PRINTABLE_ASCII.test(s)) return s.length;
  let n = 0;
  for (const c of s) n += columnsOf(c.codePointAt(0) ?? 0);
  return n;
}

/** Control characters would break the row's single line (white-space: pre): shown as visible marks. */
export function singleLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(s) ? s.replace(/\r\n|[\r\n]/g, '↵').replace(/\t/g, '→').replace(/[\u0000-\u001f\u007f]/g, '·') : s;
}

export function fitCell(value: string, hint: string, widthPx: number, charPx: number): FittedCell {
  const shown = singleLine(value);
  const available = Math.max(0, widthPx - CELL_CHROME_PX);
  const valuePx = textColumns(shown) * charPx;
  if (hint !== '' && valuePx + HINT_GAP_PX + textColumns(hint) * charPx <= available) return { text: shown, hint, differs: shown !== value };
  if (valuePx <= available) return { text: shown, hint: '', differs: shown !== value };
  // Keep as many whole code points as fit before the ellipsis.
  const room = Math.floor(available / charPx) - 1;
  let used = 0;
  let cut = '';
  for (const c of shown) {
    const w = columnsOf(c.codePointAt(0) ?? 0);
    if (used + w > room) break;
    used += w;
    cut += c;
  }
  return { text: cut + ELLIPSIS, hint: '', differs: true };
}
