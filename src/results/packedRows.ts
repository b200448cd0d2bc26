/**
 * Result rows packed for the trip from the extension host to the webview: every cell's text
 * concatenated into one string, plus each cell's length in a Uint32Array. Declared once, used by
 * the host (the SLS client reads answers straight into this form, the pager cuts it into pages)
 * and by the webview (whose ResultStore keeps the pages packed and cuts a cell out when it is read).
 *
 * Why not `string[][]`: a 2,000-row page of flow logs is 40,000 strings and 2,000 arrays, and
 * every hop copies each of them one by one — VS Code JSON-serializes webview messages, the
 * webview's frame structured-clones them again. A page as one string and one typed array is two
 * objects on every hop: the string is copied whole, and VS Code (≥ 1.57) sends the typed array's
 * buffer as binary rather than as JSON. Reading a cell is one `slice`, in the webview.
 */
import { t } from '@vscode/l10n';

export interface PackedRows {
  readonly rowCount: number;
  /** Cells per row; every row has exactly this many ('' where it has no value). */
  readonly width: number;
  /** Every cell's text, row by row and cell by cell, with nothing in between. */
  readonly text: string;
  /**
   * Each cell's length in UTF-16 code units, `rowCount × width` of them, in the order of `text`;
   * or the array type's largest value (SAME_AS_ABOVE), meaning "the same text as this column in the
   * row above" (no text of its own; the webview reads the text of the cell above). Uint16 when
   * every length fits, else Uint32.
   */
  readonly lengths: Uint16Array | Uint32Array;
}

/**
 * Packed rows as the host holds them: with `asciiText` when their text is ASCII and still the
 * bytes it arrived as (one byte a character) — readers of bytes (the pager, the export) use those
 * and `packed.text` is never made. Host-side; only `packed` is ever posted.
 */
export interface PackedBatch {
  readonly packed: PackedRows;
  readonly asciiText?: Uint8Array;
}

/** Rows [start, end) of a batch; the bytes stay only while the pack is the whole batch. */
export function sliceBatch(b: PackedBatch, start: number, end: number): PackedBatch {
  const packed = slicePacked(b.packed, start, end);
  return packed === b.packed ? b : { packed };
}

/** The `lengths` value meaning "same as the row above" for each array type. */
export const SAME16 = 0xffff;
export const SAME32 = 0xffffffff;

export const sameMarker = (lengths: Uint16Array | Uint32Array): number => (lengths instanceof Uint16Array ? SAME16 : SAME32);

/** A lengths array for `count` cells whose real lengths are all below `maxLength` + 1. */
export function lengthsFor(count: number, maxLength: number): Uint16Array | Uint32Array {
  return maxLength < SAME16 ? new Uint16Array(count) : new Uint32Array(count);
}

/** The characters row `row` has of its own in the pack's text (cells "same as above" have none). */
export function ownRowChars(p: PackedRows, row: number): number {
  const { width, lengths } = p;
  const same = sameMarker(lengths);
  let n = 0;
  for (let k = row * width, end = k + width; k < end; k++) if (lengths[k] !== same) n += lengths[k];
  return n;
}

/** Whether packRows marks cell `c` with value `v` "same as above" rather than storing it: a non-empty value equal to the row above's. */
export function repeatsAbove(v: string, above: readonly string[] | undefined, c: number): boolean {
  return v !== '' && above !== undefined && (above[c] ?? '') === v;
}

/** Packs rows of `width` cells (missing cells are ''); a non-empty cell equal to the one above is marked, not repeated. */
export function packRows(rows: readonly (readonly string[])[], width: number): PackedRows {
  const parts: string[] = [];
  const lens: number[] = new Array<number>(rows.length * width);
  let max = 0;
  let k = 0;
  let prev: readonly string[] | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? '';
      if (repeatsAbove(v, prev, c)) {
        lens[k++] = -1;
        continue;
      }
      if (v.length > max) max = v.length;
      parts.push(v);
      lens[k++] = v.length;
    }
    prev = row;
  }
  const lengths = lengthsFor(lens.length, max);
  const same = sameMarker(lengths);
  for (let i = 0; i < lens.length; i++) lengths[i] = lens[i] < 0 ? same : lens[i];
  return { rowCount: rows.length, width, text: parts.join(''), lengths };
}

/**
 * Throws unless `p` has the shape of a pack (it arrives in a message, so its types are not a
 * given): whole non-negative counts, a string, a Uint16/Uint32 array of rowCount × width lengths.
 * Whether the lengths add up to the text is for the reader to check as it walks them.
 */
export function checkPackedShape(p: PackedRows): void {
  const { rowCount, width, text, lengths } = p;
  if (!Number.isInteger(rowCount) || !Number.isInteger(width) || rowCount < 0 || width < 0 || !(lengths instanceof Uint32Array || lengths instanceof Uint16Array) || typeof text !== 'string') {
    throw new TypeError(t('packed rows: malformed'));
  }
  if (lengths.length !== rowCount * width) throw new TypeError(t('packed rows: {0} lengths for {1} × {2} cells', lengths.length, rowCount, width));
}

/**
 * The rows as arrays of strings (a cell marked "same as above" is the same string as the row
 * above's). Throws on a malformed pack (lengths that do not add up to the text, a "same as
 * above" in the first row), so a broken message is an error rather than shifted cells.
 */
export function unpackRows(p: PackedRows): string[][] {
  checkPackedShape(p);
  const { rowCount, width, text, lengths } = p;
  const same = sameMarker(lengths);
  const rows = new Array<string[]>(rowCount);
  let pos = 0;
  let k = 0;
  let prev: string[] | undefined;
  for (let r = 0; r < rowCount; r++) {
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const n = lengths[k++];
      if (n === 0) cells[c] = '';
      else if (n === same) {
        if (prev === undefined) throw new TypeError(t('packed rows: "same as above" in the first row'));
        cells[c] = prev[c];
      } else cells[c] = text.slice(pos, (pos += n));
    }
    rows[r] = cells;
    prev = cells;
  }
  if (pos !== text.length) throw new TypeError(t('packed rows: lengths add up to {0}, the text has {1}', pos, text.length));
  return rows;
}

/**
 * Rows [start, end) as their own pack: the text is a substring, the lengths are copied (a view
 * would carry the whole buffer across postMessage), and cells of the first row that refer to the
 * row above get their text back.
 */
export function slicePacked(p: PackedRows, start: number, end: number): PackedRows {
  const s = Math.max(0, Math.min(start, p.rowCount));
  const e = Math.max(s, Math.min(end, p.rowCount));
  if (s === 0 && e === p.rowCount) return p;
  return splitAt(p, [s, e])[0];
}

/**
 * Packs of rows [cuts[i], cuts[i + 1]) for each i (cuts ascending, within [0, rowCount]).
 * `textOf` gives the text between two offsets of `p.text`; the host passes one that reads the
 * bytes the text came as, so the whole text is never made (p.text is not read then).
 */
export function splitAt(p: PackedRows, cuts: readonly number[], textOf: (start: number, end: number) => string = (s, e) => p.text.slice(s, e)): PackedRows[] {
  const { width, lengths } = p;
  const same = sameMarker(lengths);
  // Per column: where the text of its latest value is (for "same as above" at a cut).
  const lastAt = new Array<number>(width).fill(0);
  const lastLen = new Array<number>(width).fill(0);
  const out: PackedRows[] = [];
  let pos = 0;
  let k = 0;
  const walk = (toRow: number): void => {
    for (const end = toRow * width; k < end; k++) {
      const n = lengths[k];
      if (n === same) continue;
      const c = k % width;
      lastAt[c] = pos;
      lastLen[c] = n;
      pos += n;
    }
  };
  walk(cuts[0]);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i];
    const e = cuts[i + 1];
    const piece = lengths.slice(s * width, e * width);
    let head = '';
    if (s > 0 && e > s) {
      // The first row's own cells, with "same as above" replaced by the text it refers to.
      const first: string[] = [];
      let own = pos;
      for (let c = 0; c < width; c++) {
        const n = lengths[s * width + c];
        if (n === same) {
          piece[c] = lastLen[c];
          first.push(textOf(lastAt[c], lastAt[c] + lastLen[c]));
        } else {
          first.push(textOf(own, own + n));
          own += n;
        }
      }
      head = first.join('');
      walk(s + 1);
    }
    const restStart = pos;
    walk(e);
    out.push({ rowCount: e - s, width, text: s > 0 && e > s ? head + textOf(restStart, pos) : textOf(restStart, pos), lengths: piece });
  }
  return out;
}
