/**
 * Export text for a page of packed rows (src/protocol/packedRows.ts) written straight into bytes.
 *
 * Why: exporting 1,000,000 rows through `recordsOf` + csvLine/jsonRow makes an object per row and
 * a string per cell, and the extension host's one thread spent as long formatting a 10,000-row
 * page as the network took to deliver it. Here the page's text is copied into a reused byte
 * buffer cell by cell; a cell that needs quoting, escaping or formula neutralising goes through
 * the same csvCell / JSON.stringify as the record path, so the bytes are identical (unit tests
 * compare both paths on hostile values).
 *
 * Only pages whose text is ASCII take this path (flow logs are); `fitsFastPath` says when the
 * caller must use the record path instead.
 */
import { SAME16, SAME32, type PackedRows } from '../../protocol/packedRows';
import { csvCell } from './exportFormat';

const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex -- a range, not a control character
/** JSON.stringify lists integer-like keys first; the byte path keeps column order, so it leaves those alone. */
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** True when `columns` and the page's text can be written by the byte path. */
export function fitsFastPath(columns: readonly string[], packed: PackedRows): boolean {
  if (NON_ASCII.test(packed.text)) return false;
  if (new Set(columns).size !== columns.length) return false;
  return !columns.some((c) => INTEGER_KEY.test(c) || NON_ASCII.test(c));
}

/**
 * A byte buffer kept by one export and reused page after page (fresh memory is slow to touch);
 * a page's bytes stay valid until that export formats its next page.
 */
export interface ExportScratch {
  buf: Buffer;
}

export const exportScratch = (): ExportScratch => ({ buf: Buffer.allocUnsafe(1 << 20) });

class ByteOut {
  buf: Buffer;
  pos = 0;

  constructor(private readonly scratch: ExportScratch) {
    this.buf = scratch.buf;
  }

  room(n: number): Buffer {
    if (this.pos + n > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.pos + n, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.pos);
      this.buf = this.scratch.buf = grown;
    }
    return this.buf;
  }

  ascii(s: string): void {
    const b = this.room(s.length);
    for (let i = 0; i < s.length; i++) b[this.pos + i] = s.charCodeAt(i);
    this.pos += s.length;
  }

  /** text[a, b) as bytes (ASCII text only). */
  copy(text: string, a: number, e: number): void {
    const b = this.room(e - a);
    let p = this.pos;
    for (let i = a; i < e; i++) b[p++] = text.charCodeAt(i);
    this.pos = p;
  }

  /** The bytes written so far; valid until the next page is formatted. */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Per cell of the page: where its text starts and its length, "same as above" resolved. */
function cellSpans(p: PackedRows): { start: Uint32Array; len: Uint32Array } {
  const { rowCount, width, text, lengths } = p;
  const same = lengths instanceof Uint16Array ? SAME16 : SAME32;
  const n = rowCount * width;
  const start = new Uint32Array(n);
  const len = new Uint32Array(n);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const l = lengths[k];
    if (l === same) {
      if (k < width) throw new TypeError('packed rows: "same as above" in the first row');
      start[k] = start[k - width];
      len[k] = len[k - width];
    } else {
      start[k] = pos;
      len[k] = l;
      pos += l;
    }
  }
  if (pos !== text.length) throw new TypeError(`packed rows: lengths add up to ${pos}, the text has ${text.length}`);
  return { start, len };
}

/** A CSV cell of ASCII text that csvCell would change (quote, neutralise a formula or a leading #). */
function csvNeedsCare(text: string, a: number, e: number): boolean {
  if (e === a) return false;
  const first = text.charCodeAt(a);
  const last = text.charCodeAt(e - 1);
  // = + - @ # and whitespace at either end (\t \n \v \f \r and space) → csvCell decides.
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x23) return true;
  if (first === 0x20 || (first >= 0x09 && first <= 0x0d) || last === 0x20 || (last >= 0x09 && last <= 0x0d)) return true;
  for (let i = a; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x2c || c === 0x0d || c === 0x0a) return true;
  }
  return false;
}

/** A JSON string body of ASCII text that JSON.stringify would escape. */
function jsonNeedsEscape(text: string, a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return true;
  }
  return false;
}

/**
 * CSV lines of the page under `header` (a header column the page lacks is empty). Page columns
 * outside the header are counted into `dropped`, one per row, as the record path counts them.
 */
export function csvBytes(header: readonly string[], columns: readonly string[], p: PackedRows, dropped: Map<string, number>, scratch: ExportScratch): Buffer {
  const { start, len } = cellSpans(p);
  const { text, width, rowCount } = p;
  const at = header.map((h) => columns.indexOf(h)).map((c) => (c < width ? c : -1));
  for (const c of columns) if (!header.includes(c) && rowCount > 0) dropped.set(c, (dropped.get(c) ?? 0) + rowCount);
  const out = new ByteOut(scratch);
  for (let r = 0; r < rowCount; r++) {
    const base = r * width;
    for (let h = 0; h < at.length; h++) {
      if (h > 0) out.ascii(',');
      const c = at[h];
      if (c < 0) continue;
      const a = start[base + c];
      const e = a + len[base + c];
      if (csvNeedsCare(text, a, e)) out.ascii(csvCell(text.slice(a, e)));
      else out.copy(text, a, e);
    }
    out.ascii('\r\n');
  }
  return out.bytes();
}

/** JSON rows of the page (`{"column":"value",…}` per row, every page column), as jsonRow writes them. */
export function jsonBytes(columns: readonly string[], p: PackedRows, firstOfExport: boolean, scratch: ExportScratch): Buffer {
  const { start, len } = cellSpans(p);
  const { text, width, rowCount } = p;
  const keys = columns.map((c, i) => (i === 0 ? '{' : ',') + JSON.stringify(c) + ':');
  const out = new ByteOut(scratch);
  for (let r = 0; r < rowCount; r++) {
    out.ascii(firstOfExport && r === 0 ? '\n    ' : ',\n    ');
    const base = r * width;
    for (let c = 0; c < columns.length; c++) {
      out.ascii(keys[c]);
      if (c >= width) {
        out.ascii('""');
        continue;
      }
      const a = start[base + c];
      const e = a + len[base + c];
      if (jsonNeedsEscape(text, a, e)) out.ascii(JSON.stringify(text.slice(a, e)));
      else {
        out.ascii('"');
        out.copy(text, a, e);
        out.ascii('"');
      }
    }
    out.ascii(columns.length === 0 ? '{}' : '}');
  }
  return out.bytes();
}
