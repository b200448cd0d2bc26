/**
 * One result page as the webview keeps it: the packed text as it arrived (src/protocol/packedRows.ts)
 * plus, per cell, where its text is. A cell becomes a string only when it is read, so a
 * million-row result is a few hundred strings and typed arrays rather than a million arrays and
 * millions of strings (whose allocation and collection were half of the results pipeline's time).
 * Pure (no DOM).
 */
import { checkPackedShape, sameMarker, type PackedRows } from '../../src/protocol/packedRows';

export interface StoredPage {
  /** The page's first row among all rows of the result (arrival order). */
  readonly firstRow: number;
  readonly rowCount: number;
  /** Cells per row; cells past it read '' (raw logs gain fields, so early pages can be narrower). */
  readonly width: number;
  readonly text: string;
  /** Per cell (row × width + column): where its text starts in `text`; a "same as above" cell points at the text it repeats. */
  readonly starts: Uint32Array;
  /** Per cell: its length in UTF-16 code units ("same as above" replaced by the repeated cell's). */
  readonly lengths: Uint16Array | Uint32Array;
}

/**
 * Resolves a packed page once: every cell's start and length, with no string per cell. Throws on
 * a malformed pack, as unpackRows does ("same as above" in the first row: a page never refers to
 * the page before it; lengths that do not add up to the text), so a broken message is an error
 * rather than shifted cells.
 */
export function storePage(packed: PackedRows, firstRow: number): StoredPage {
  checkPackedShape(packed);
  const { rowCount, width, text, lengths } = packed;
  const same = sameMarker(lengths);
  const starts = new Uint32Array(lengths.length);
  // A copy: the marker is replaced here, and the caller's pack stays as it was.
  const resolved = lengths.slice();
  let pos = 0;
  for (let k = 0; k < lengths.length; k++) {
    const n = lengths[k];
    if (n === same) {
      if (k < width) throw new TypeError('packed rows: "same as above" in the first row');
      starts[k] = starts[k - width];
      resolved[k] = resolved[k - width];
    } else {
      starts[k] = pos;
      pos += n;
    }
  }
  if (pos !== text.length) throw new TypeError(`packed rows: lengths add up to ${pos}, the text has ${text.length}`);
  return { firstRow, rowCount, width, text, starts, lengths: resolved };
}

/** The text of a cell (`row` counted within the page). */
export function pageCell(page: StoredPage, row: number, column: number): string {
  if (!(column >= 0 && column < page.width)) return ''; // NaN too
  const k = row * page.width + column;
  const n = page.lengths[k];
  if (n === 0) return '';
  const start = page.starts[k];
  return page.text.slice(start, start + n);
}

/** A row's cells as a new array, `width` of them (`row` counted within the page). */
export function pageRow(page: StoredPage, row: number): string[] {
  const cells = new Array<string>(page.width);
  for (let c = 0; c < page.width; c++) cells[c] = pageCell(page, row, c);
  return cells;
}

/**
 * Whether cell `k` is a non-empty repeat of the cell above (the pack's "same as above"): two
 * non-empty cells start at the same offset only then, since a cell's own text always follows the
 * text before it. Lets a scan reuse the answer it gave for the cell above.
 */
export function repeatsCellAbove(page: StoredPage, k: number): boolean {
  const w = page.width;
  return k >= w && page.lengths[k] !== 0 && page.starts[k] === page.starts[k - w] && page.lengths[k] === page.lengths[k - w];
}
