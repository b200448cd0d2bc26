/**
 * Export text for a page of packed rows (src/results/packedRows.ts) written straight into bytes,
 * so exporting stays network-bound (the record path — `recordsOf` + csvLine/jsonRow — costs more
 * per page than a page takes to arrive: bench/README.md). A cell that needs quoting, escaping or
 * formula neutralising goes through the same csvCell / JSON.stringify as the record path, so the
 * bytes are identical (unit tests compare both paths on hostile values).
 *
 * Only pages whose text is ASCII take this path (flow logs are); `fitsFastPath` says when the
 * caller must use the record path instead.
 */
import * as l10n from '@vscode/l10n';
import { SAME16, SAME32, type PackedBatch, type PackedRows } from '../../results/packedRows';
import { csvCell } from './exportFormat';

const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex -- a range, not a control character
/** JSON.stringify lists integer-like keys first; the byte path keeps column order, so it leaves those alone. */
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** True when `columns` and the page's text can be written by the byte path. */
export function fitsFastPath(columns: readonly string[], { packed, asciiText }: PackedBatch): boolean {
  if (!asciiText && NON_ASCII.test(packed.text)) return false;
  if (new Set(columns).size !== columns.length) return false;
  return !columns.some((c) => INTEGER_KEY.test(c) || NON_ASCII.test(c));
}

/**
 * Byte buffers kept by one export and reused page after page (fresh memory is slow to touch):
 * the page's text as bytes, and the output. A page's output stays valid until that export
 * formats its next page.
 */
export interface ExportScratch {
  out: Buffer;
  text: Buffer;
}

export const exportScratch = (): ExportScratch => ({ out: Buffer.allocUnsafe(1 << 20), text: Buffer.allocUnsafe(1 << 20) });

/**
 * The page's ASCII text as bytes: as the SLS client still holds them, or copied into the scratch
 * buffer (one native copy).
 */
function textBytes({ packed, asciiText }: PackedBatch, scratch: ExportScratch): Uint8Array {
  if (asciiText) return asciiText;
  const text = packed.text;
  if (scratch.text.length < text.length) scratch.text = Buffer.allocUnsafe(Math.max(text.length, scratch.text.length * 2));
  scratch.text.write(text, 0, 'latin1');
  return scratch.text.subarray(0, text.length);
}

/** The output bytes: a growable buffer (kept in the scratch) and a DataView on it for word writes. */
class ByteOut {
  buf: Buffer;
  view: DataView;
  pos = 0;

  constructor(private readonly scratch: ExportScratch) {
    this.buf = scratch.out;
    this.view = viewOf(this.buf);
  }

  /** Makes room for n more bytes; `buf` and `view` may be new afterwards (read them again). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.pos + n, this.buf.length * 2));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = this.scratch.out = grown;
    this.view = viewOf(grown);
  }

  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    for (let i = 0; i < s.length; i++) b[this.pos + i] = s.charCodeAt(i);
    this.pos += s.length;
  }

  /** The bytes written so far. */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/**
 * Walks a page row by row: after `next()`, where each cell of the row starts in the text and its
 * length, "same as above" resolved. Holds one row (fresh per-cell arrays for a 10,000-row page
 * were 1.4 MB of new memory a page, and the garbage collector's work grows with it).
 */
class RowSpans {
  readonly start: Uint32Array;
  readonly len: Uint32Array;
  private readonly same: number;
  private pos = 0;
  private k = 0;

  constructor(
    private readonly p: PackedRows,
    private readonly textLength: number,
  ) {
    this.start = new Uint32Array(p.width);
    this.len = new Uint32Array(p.width);
    this.same = p.lengths instanceof Uint16Array ? SAME16 : SAME32;
  }

  next(): void {
    const { lengths, width } = this.p;
    const { start, len, same } = this;
    const first = this.k === 0;
    for (let c = 0; c < width; c++) {
      const l = lengths[this.k++];
      if (l !== same) {
        start[c] = this.pos;
        len[c] = l;
        this.pos += l;
      } else if (first) throw new TypeError(l10n.t('packed rows: "same as above" in the first row'));
    }
    if (this.pos > this.textLength) throw new TypeError(l10n.t("packed rows: lengths add up to more than the text's {0}", this.textLength));
  }

  /** Throws unless the lengths covered the whole text. */
  end(): void {
    if (this.pos !== this.textLength) throw new TypeError(l10n.t('packed rows: lengths add up to {0}, the text has {1}', this.pos, this.textLength));
  }
}

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** A first byte that makes csvCell change the cell: = + - @ # (formula or comment) or whitespace. */
const csvCareFirst = (c: number): boolean => c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x23 || isSpace(c);
/** A byte anywhere that makes csvCell quote the cell: `"` `,` CR LF. */
const csvCareAny = (c: number): boolean => c === 0x22 || c === 0x2c || c === 0x0d || c === 0x0a;

/**
 * Where a byte of the four ASCII bytes in `w` equals the byte repeated in `pattern`, its high bit
 * is set (the "has a zero byte" word trick on w XOR pattern; exact for bytes below 0x80 once masked
 * with 0x80808080 by the caller).
 */
function byteIs(w: number, pattern: number): number {
  const x = w ^ pattern;
  return (x - 0x01010101) & ~x;
}

/** Non-zero when one of the four ASCII bytes in `w` is `"` `,` CR or LF. */
function wordNeedsCsvCare(w: number): number {
  return (byteIs(w, 0x22222222) | byteIs(w, 0x2c2c2c2c) | byteIs(w, 0x0d0d0d0d) | byteIs(w, 0x0a0a0a0a)) & 0x80808080;
}

/**
 * Copies the cell t[a, e) to out at o as it stands, four bytes at a time, and returns where it
 * ends; or -1 (having written garbage past o) when csvCell would change it.
 */
function copyCsvCell(t: Uint8Array, tv: DataView, a: number, e: number, b: Buffer, bv: DataView, o: number): number {
  if (e === a) return o;
  if (csvCareFirst(t[a]) || isSpace(t[e - 1])) return -1;
  let i = a;
  for (; i + 4 <= e; i += 4, o += 4) {
    const w = tv.getUint32(i, true);
    if (wordNeedsCsvCare(w) !== 0) return -1;
    bv.setUint32(o, w, true);
  }
  for (; i < e; i++) {
    const c = t[i];
    if (csvCareAny(c)) return -1;
    b[o++] = c;
  }
  return o;
}

/**
 * CSV lines of the page under `header` (a header column the page lacks is empty). Page columns
 * outside the header are counted into `dropped`, one per row, as the record path counts them.
 */
export function csvBytes(header: readonly string[], columns: readonly string[], batch: PackedBatch, dropped: Map<string, number>, scratch: ExportScratch): Buffer {
  const p = batch.packed;
  const t = textBytes(batch, scratch);
  const tv = viewOf(t);
  const spans = new RowSpans(p, t.length);
  const { start, len } = spans;
  const { width, rowCount } = p;
  const at = header.map((h) => columns.indexOf(h)).map((c) => (c < width ? c : -1));
  for (const c of columns) if (!header.includes(c) && rowCount > 0) dropped.set(c, (dropped.get(c) ?? 0) + rowCount);
  const out = new ByteOut(scratch);
  for (let r = 0; r < rowCount; r++) {
    spans.next();
    let need = at.length + 2;
    for (let h = 0; h < at.length; h++) if (at[h] >= 0) need += len[at[h]];
    out.room(need);
    let b = out.buf;
    let bv = out.view;
    let o = out.pos;
    for (let h = 0; h < at.length; h++) {
      if (h > 0) b[o++] = 0x2c;
      const c = at[h];
      if (c < 0) continue;
      const a = start[c];
      const e = a + len[c];
      const copied = copyCsvCell(t, tv, a, e, b, bv, o);
      if (copied >= 0) {
        o = copied;
        continue;
      }
      out.pos = o;
      out.ascii(csvCell(p.text.slice(a, e)));
      // The rest of the row still fits: room was made for every cell unquoted.
      out.room(need);
      b = out.buf;
      bv = out.view;
      o = out.pos;
    }
    b[o++] = 0x0d;
    b[o++] = 0x0a;
    out.pos = o;
  }
  spans.end();
  return out.bytes();
}

/** Bytes JSON.stringify escapes inside a string (ASCII): control characters, quote, backslash. */
const JSON_ESCAPED = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) JSON_ESCAPED[c] = 1;
JSON_ESCAPED[0x22] = 1;
JSON_ESCAPED[0x5c] = 1;

/**
 * Non-zero when one of the four ASCII bytes in `w` is one JSON escapes (below 0x20, `"` or `\`):
 * the usual "has a byte below n" and "has a zero byte" word tricks, exact for bytes below 0x80.
 */
function wordNeedsEscape(w: number): number {
  return (((w - 0x20202020) & ~w) | byteIs(w, 0x22222222) | byteIs(w, 0x5c5c5c5c)) & 0x80808080;
}

/**
 * The fixed bytes of a JSON row as little-endian 32-bit words, so they are written four at a time:
 * piece c is what goes before column c's value (`{"name":"` for the first, `","name":"` after),
 * the last piece ends the row (`"}`, or `}` for no columns). `at[c]`: piece c's first word;
 * `size[c]`: its length in bytes (the last word may hold bytes past it, overwritten next).
 */
interface RowPieces {
  readonly words: Uint32Array;
  readonly at: Uint32Array;
  readonly size: Uint32Array;
  /** Every piece's bytes together (what one row writes besides its values). */
  readonly total: number;
}

function rowPieces(columns: readonly string[]): RowPieces {
  const pieces = columns.map((c, i) => (i === 0 ? '{' : '",') + JSON.stringify(c) + ':"');
  pieces.push(columns.length === 0 ? '{}' : '"}');
  const at = new Uint32Array(pieces.length);
  const size = new Uint32Array(pieces.length);
  const wordCount = pieces.reduce((n, piece) => n + Math.ceil(piece.length / 4), 0);
  const words = new Uint32Array(wordCount);
  const bytes = new Uint8Array(words.buffer);
  let w = 0;
  pieces.forEach((piece, i) => {
    at[i] = w;
    size[i] = piece.length;
    for (let j = 0; j < piece.length; j++) bytes[w * 4 + j] = piece.charCodeAt(j);
    w += Math.ceil(piece.length / 4);
  });
  return { words, at, size, total: pieces.reduce((n, piece) => n + piece.length, 0) };
}

/** Writes `size` bytes from words[w…] at o, a word at a time; returns o + size. */
function piece(bv: DataView, o: number, words: Uint32Array, w: number, size: number): number {
  const end = o + size;
  for (let q = o; q < end; q += 4) bv.setUint32(q, words[w++], true);
  return end;
}

/** JSON rows of the page (`{"column":"value",…}` per row, every page column), as jsonRow writes them. */
export function jsonBytes(columns: readonly string[], batch: PackedBatch, firstOfExport: boolean, scratch: ExportScratch): Buffer {
  const p = batch.packed;
  const t = textBytes(batch, scratch);
  const tv = viewOf(t);
  const spans = new RowSpans(p, t.length);
  const { start, len } = spans;
  const { width, rowCount } = p;
  const { words, at, size, total } = rowPieces(columns);
  const lead = asciiBytes(',\n    ');
  const firstLead = asciiBytes('\n    ');
  const cols = columns.length;
  const shown = Math.min(width, cols);
  // + 4: a piece's last word, and a value's, may be written up to 3 bytes past its end.
  const fixed = lead.length + total + 4;
  const out = new ByteOut(scratch);
  for (let r = 0; r < rowCount; r++) {
    spans.next();
    let need = fixed;
    for (let c = 0; c < shown; c++) need += len[c];
    out.room(need);
    let b = out.buf;
    let bv = out.view;
    let o = out.pos;
    const l = firstOfExport && r === 0 ? firstLead : lead; // the export's first row has no comma before it
    for (let i = 0; i < l.length; i++) b[o++] = l[i];
    for (let c = 0; c < cols; c++) {
      o = piece(bv, o, words, at[c], size[c]);
      if (c >= width) continue;
      const a = start[c];
      const e = a + len[c];
      let i = a;
      for (; i + 4 <= e; i += 4, o += 4) {
        const w = tv.getUint32(i, true);
        if (wordNeedsEscape(w) !== 0) break;
        bv.setUint32(o, w, true);
      }
      while (i < e && JSON_ESCAPED[t[i]] === 0) b[o++] = t[i++];
      if (i < e) {
        // Needs escaping: JSON.stringify decides, as for the record path (its quotes dropped:
        // the pieces around the value write them).
        out.pos = o - (i - a);
        const quoted = JSON.stringify(p.text.slice(a, e));
        out.ascii(quoted.slice(1, -1));
        out.room(need);
        b = out.buf;
        bv = out.view;
        o = out.pos;
      }
    }
    out.pos = piece(bv, o, words, at[cols], size[cols]);
  }
  spans.end();
  return out.bytes();
}
