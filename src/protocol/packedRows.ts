/**
 * Result rows packed for the trip from the extension host to the webview: every cell's text
 * concatenated into one string, plus each cell's length in a Uint32Array. Declared once, used by
 * the host (the SLS client reads answers straight into this form, the pager cuts it into pages)
 * and by the webview (which unpacks each page into the `string[]` rows the grid reads).
 *
 * Why not `string[][]`: a 2,000-row page of flow logs is 40,000 strings and 2,000 arrays, and
 * every hop copies each of them one by one — VS Code JSON-serializes webview messages, the
 * webview's frame structured-clones them again. A page as one string and one typed array is two
 * objects on every hop: the string is copied whole, and VS Code (≥ 1.57) sends the typed array's
 * buffer as binary rather than as JSON. Unpacking is one `slice` per cell, in the webview.
 */

export interface PackedRows {
  readonly rowCount: number;
  /** Cells per row; every row has exactly this many ('' where it has no value). */
  readonly width: number;
  /** Every cell's text, row by row and cell by cell, with nothing in between. */
  readonly text: string;
  /** Each cell's length in UTF-16 code units, `rowCount × width` of them, in the order of `text`. */
  readonly lengths: Uint32Array;
}

export const EMPTY_PACKED: PackedRows = { rowCount: 0, width: 0, text: '', lengths: new Uint32Array(0) };

/** Packs rows of `width` cells (missing cells are ''). */
export function packRows(rows: readonly (readonly string[])[], width: number): PackedRows {
  const lengths = new Uint32Array(rows.length * width);
  const parts: string[] = new Array<string>(rows.length * width);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? '';
      parts[k] = v;
      lengths[k++] = v.length;
    }
  }
  return { rowCount: rows.length, width, text: parts.join(''), lengths };
}

/**
 * The rows as arrays of strings. Throws on a malformed pack (lengths that do not add up to the
 * text), so a broken message is an error rather than shifted cells.
 */
export function unpackRows(p: PackedRows): string[][] {
  const { rowCount, width, text, lengths } = p;
  if (!Number.isInteger(rowCount) || !Number.isInteger(width) || rowCount < 0 || width < 0 || !(lengths instanceof Uint32Array) || typeof text !== 'string') {
    throw new TypeError('packed rows: malformed');
  }
  if (lengths.length !== rowCount * width) throw new TypeError(`packed rows: ${lengths.length} lengths for ${rowCount} × ${width} cells`);
  const rows = new Array<string[]>(rowCount);
  let pos = 0;
  let k = 0;
  for (let r = 0; r < rowCount; r++) {
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const n = lengths[k++];
      cells[c] = n === 0 ? '' : text.slice(pos, (pos += n));
    }
    rows[r] = cells;
  }
  if (pos !== text.length) throw new TypeError(`packed rows: lengths add up to ${pos}, the text has ${text.length}`);
  return rows;
}

/** Text offset where row `row` starts (sum of the lengths before it). */
function offsetOf(p: PackedRows, row: number, from = 0, fromOffset = 0): number {
  let pos = fromOffset;
  const end = row * p.width;
  for (let k = from * p.width; k < end; k++) pos += p.lengths[k];
  return pos;
}

/**
 * Rows [start, end) as their own pack. The lengths are copied (a view would carry the whole
 * buffer across postMessage); the text is a substring.
 */
export function slicePacked(p: PackedRows, start: number, end: number): PackedRows {
  const s = Math.max(0, Math.min(start, p.rowCount));
  const e = Math.max(s, Math.min(end, p.rowCount));
  if (s === 0 && e === p.rowCount) return p;
  const a = offsetOf(p, s);
  const b = offsetOf(p, e, s, a);
  return { rowCount: e - s, width: p.width, text: p.text.slice(a, b), lengths: p.lengths.slice(s * p.width, e * p.width) };
}

/** Cuts a pack into consecutive packs of at most `maxRows` rows (one pass over the lengths). */
export function splitPacked(p: PackedRows, maxRows: number): PackedRows[] {
  if (p.rowCount <= maxRows) return [p];
  const out: PackedRows[] = [];
  let offset = 0;
  for (let s = 0; s < p.rowCount; s += maxRows) {
    const e = Math.min(p.rowCount, s + maxRows);
    const next = offsetOf(p, e, s, offset);
    out.push({ rowCount: e - s, width: p.width, text: p.text.slice(offset, next), lengths: p.lengths.slice(s * p.width, e * p.width) });
    offset = next;
  }
  return out;
}
