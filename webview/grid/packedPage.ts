/**
 * One result page as the webview keeps it: the pack as it arrived (src/results/packedRows.ts)
 * plus where each cell's text is. A cell becomes a string only when it is read, so a
 * million-row result is a few hundred strings and typed arrays rather than a million arrays and
 * millions of strings (whose allocation and collection were half of the results pipeline's time).
 * Pure (no DOM).
 *
 * The index is two bytes a cell (four when a page is huge) plus four a row: appending is mostly
 * touching fresh memory, which is slow, so the index stays smaller than the pack's own lengths.
 */
import { checkPackedShape, sameMarker, type PackedRows } from '../../src/results/packedRows';
import { t } from '../l10n';

export interface StoredPage {
  /** The page's first row among all rows of the result (arrival order). */
  readonly firstRow: number;
  readonly rowCount: number;
  /** Cells per row; cells past it read '' (raw logs gain fields, so early pages can be narrower). */
  readonly width: number;
  readonly text: string;
  /** The pack's lengths as they arrived (kept, not copied), `same` meaning "same as above". */
  readonly lengths: Uint16Array | Uint32Array;
  readonly same: number;
  /** Per row: where the row's own text starts in `text`. */
  readonly rowStarts: Uint32Array;
  /**
   * Per cell (row × width + column): where its text starts, counted from its row's start; for a
   * "same as above" cell, how many rows up the cell with that text (its own) is.
   */
  readonly cellAt: Uint16Array | Uint32Array;
}

/**
 * Indexes a packed page once, with no string per cell. The pack is kept as it is and must not
 * change afterwards (in the webview it is the message's own copy). Throws on a malformed pack,
 * as unpackRows does ("same as above" in the first row: a page never refers to the page before
 * it; lengths that do not add up to the text), so a broken message is an error rather than
 * shifted cells.
 */
export function storePage(packed: PackedRows, firstRow: number): StoredPage {
  checkPackedShape(packed);
  const { rowCount, width, text, lengths } = packed;
  const same = sameMarker(lengths);
  const rowStarts = new Uint32Array(rowCount);
  // Two bytes a cell unless a row's text or a run of repeats is longer than they count.
  const cellAt = locateCells(packed, same, rowStarts, new Uint16Array(lengths.length)) ?? locateCells(packed, same, rowStarts, new Uint32Array(lengths.length));
  // Four bytes hold any offset within a real text and any row count: the lengths overshoot.
  if (cellAt === undefined) throw new TypeError(t("packed rows: lengths add up to more than the text's {0}", text.length));
  return { firstRow, rowCount, width, text, lengths, same, rowStarts, cellAt };
}

/** Fills `rowStarts` and `cellAt` (see StoredPage); undefined when a value does not fit `cellAt`. */
function locateCells<T extends Uint16Array | Uint32Array>(packed: PackedRows, same: number, rowStarts: Uint32Array, cellAt: T): T | undefined {
  const { rowCount, width, text, lengths } = packed;
  const limit = cellAt instanceof Uint16Array ? 0xffff : 0xffffffff;
  // Per column: the last row whose cell in it has text of its own.
  const ownRow = new Int32Array(width).fill(-1);
  let pos = 0;
  for (let r = 0, k = 0; r < rowCount; r++) {
    rowStarts[r] = pos;
    let offset = 0;
    for (let c = 0; c < width; c++, k++) {
      const n = lengths[k];
      if (n === same) {
        if (r === 0) throw new TypeError(t('packed rows: "same as above" in the first row'));
        const up = r - ownRow[c];
        if (up > limit) return undefined;
        cellAt[k] = up;
      } else {
        if (offset > limit) return undefined;
        cellAt[k] = offset;
        offset += n;
        ownRow[c] = r;
      }
    }
    pos += offset;
  }
  if (pos !== text.length) throw new TypeError(t('packed rows: lengths add up to {0}, the text has {1}', pos, text.length));
  return cellAt;
}

/** Whether cell k is "same as above": the text of the cell above it, whatever that text is. */
export function isRepeat(page: StoredPage, k: number): boolean {
  return page.lengths[k] === page.same;
}

/** The row (within the page) whose cell in the same column holds cell k's text; k is in row `row`. */
export function ownRowOf(page: StoredPage, row: number, k: number): number {
  return page.lengths[k] === page.same ? row - page.cellAt[k] : row;
}

/** The text of a cell (`row` counted within the page). */
export function pageCell(page: StoredPage, row: number, column: number): string {
  const w = page.width;
  if (!(column >= 0 && column < w)) return ''; // NaN too
  const r = ownRowOf(page, row, row * w + column);
  const k = r * w + column;
  const n = page.lengths[k];
  if (n === 0) return '';
  const start = page.rowStarts[r] + page.cellAt[k];
  return page.text.slice(start, start + n);
}

/** A row's cells as a new array, `width` of them (`row` counted within the page). */
export function pageRow(page: StoredPage, row: number): string[] {
  const cells = new Array<string>(page.width);
  for (let c = 0; c < page.width; c++) cells[c] = pageCell(page, row, c);
  return cells;
}
