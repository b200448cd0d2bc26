/**
 * Reads a GetLogsV2 answer straight from its bytes into packed rows (src/results/packedRows.ts):
 * the cells' text concatenated and each cell's length, in column order — without the body as one
 * big string, an object per row or a string per cell (what `JSON.parse` + readLogsV2 cost;
 * measurements in bench/README.md).
 *
 * One pass finds every row's cells (key and value positions); the meta object is then parsed with
 * JSON.parse and checked by readLogsV2Meta, and a second pass copies the values in column order.
 * Plain ASCII string values (the bulk of flow logs) are copied byte for byte; any other value
 * (escapes, non-ASCII text, numbers, null, nested JSON) is decoded by JSON.parse of its own bytes
 * and read by the same `cell` rule as readLogsV2, so the result is the same cell for cell.
 *
 * Anything outside the shape it knows (not an object, no meta or data, a row that is not an
 * object, escaped keys, duplicate top-level keys, array-index field names whose order JSON would
 * change, invalid JSON) returns undefined: the caller then parses the answer as JSON and
 * readLogsV2 says what is wrong.
 */
import { lengthsFor, SAME32, sameMarker, type PackedRows } from '../results/packedRows';
import { cell, readLogsV2Meta, type LogsV2Answer, type LogsV2Meta } from './slsWire';

/**
 * What readLogsV2 reads, with the rows packed. `asciiText`: when every cell is plain ASCII and the
 * reader was asked for bytes, the text as those bytes (one byte a character); `packed.text` is
 * then made only when read, and readers of bytes (the pager, the export) never make it.
 */
export type PackedLogsV2Answer = Omit<LogsV2Answer, 'rows'> & { readonly packed: PackedRows; readonly asciiText?: Uint8Array };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Value kinds: plain ASCII string (bytes copied), a string to decode, any other JSON value. */
const PLAIN = 0;
const STRING = 1;
const OTHER = 2;

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Scratch space reused across answers (touching fresh memory is slow): the copied bytes, and the
 * first pass's cells (key id, value start/end, kind) and rows (index of each row's first cell).
 */
let outScratch = Buffer.allocUnsafe(0);
let cKeyS: Int32Array = new Int32Array(0);
let cStartS: Int32Array = new Int32Array(0);
let cEndS: Int32Array = new Int32Array(0);
let cKindS: Uint8Array = new Uint8Array(0);
let rowFirstS: Int32Array = new Int32Array(0);
let lenScratch = new Uint32Array(0);
/** "Same as the row above" while lengths are collected (see PackedRows.lengths). */
const SAME = SAME32;

function growCells(min: number): void {
  const cap = Math.max(min, cKeyS.length * 2, 1024);
  const g32 = (a: Int32Array): Int32Array => {
    const g = new Int32Array(cap);
    g.set(a);
    return g;
  };
  cKeyS = g32(cKeyS);
  cStartS = g32(cStartS);
  cEndS = g32(cEndS);
  const k = new Uint8Array(cap);
  k.set(cKindS);
  cKindS = k;
}

function growRows(min: number): void {
  const g = new Int32Array(Math.max(min, rowFirstS.length * 2, 1024));
  g.set(rowFirstS);
  rowFirstS = g;
}

class NotMine extends Error {}
/** Thrown inside the reader when the bytes leave the known shape; becomes `undefined`. */
const NOT_MINE = new NotMine('not the shape this reader handles');

export function readLogsV2Bytes(input: Uint8Array): PackedLogsV2Answer | undefined {
  return readLogsV2BytesAs(input, false);
}

/** readLogsV2Bytes for a worker: an all-ASCII text comes as `asciiText` and `packed.text` is '' (the bytes travel, one copy). */
export function readLogsV2BytesForTransfer(input: Uint8Array): PackedLogsV2Answer | undefined {
  return readLogsV2BytesAs(input, true);
}

/** The answer as the receiving thread uses it: an ASCII text stays bytes until something reads `packed.text`. */
export function fromTransfer(a: PackedLogsV2Answer): PackedLogsV2Answer {
  const { asciiText } = a;
  if (!asciiText) return a;
  const { rowCount, width, lengths } = a.packed;
  let text: string | undefined;
  const packed: PackedRows = {
    rowCount,
    width,
    lengths,
    get text(): string {
      return (text ??= Buffer.from(asciiText.buffer, asciiText.byteOffset, asciiText.byteLength).toString('latin1'));
    },
  };
  return { ...a, packed };
}

function readLogsV2BytesAs(input: Uint8Array, textAsBytes: boolean): PackedLogsV2Answer | undefined {
  try {
    return read(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength), textAsBytes);
  } catch (e) {
    if (e === NOT_MINE || e instanceof SyntaxError) return undefined;
    // readLogsV2Meta's complaints: left to the JSON path, which checks in its own order.
    if (e instanceof Error && (e as { kind?: unknown }).kind === 'unexpectedResponse') return undefined;
    throw e;
  }
}

function skipWs(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
  return i;
}

/** End (exclusive) of the string whose opening quote is at i. */
function stringEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  for (let j = i + 1; j < n; j++) {
    const c = b[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
  }
  throw NOT_MINE;
}

/** End (exclusive) of the JSON value starting at i (validated later by JSON.parse of its bytes). */
function valueEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < n; j++) {
      const d = b[j];
      if (d === QUOTE) j = stringEnd(b, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) return j + 1;
      }
    }
    throw NOT_MINE;
  }
  let j = i;
  for (; j < n; j++) {
    const d = b[j];
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
  }
  if (j === i) throw NOT_MINE;
  return j;
}

interface Keys {
  readonly names: string[];
  readonly bytes: Uint8Array[];
  readonly ids: Map<string, number>;
}

/** The id of the key whose name is b[s, e) (first seen, first numbered). */
function keyId(keys: Keys, b: Buffer, s: number, e: number): number {
  const name = b.toString('utf8', s, e);
  let id = keys.ids.get(name);
  if (id === undefined) {
    if (ARRAY_INDEX.test(name) && Number(name) < 4294967295) throw NOT_MINE; // JSON objects list these first
    id = keys.names.length;
    keys.names.push(name);
    keys.bytes.push(b.subarray(s, e));
    keys.ids.set(name, id);
  }
  return id;
}

/**
 * First pass over the data list whose '[' is at `start` - 1: every cell's key and value position
 * into the scratch arrays. Returns the index after the ']' and the counts.
 */
function scanRows(b: Buffer, start: number, keys: Keys): { end: number; rows: number; cells: number } {
  const n = b.length;
  let cKey = cKeyS;
  let cStart = cStartS;
  let cEnd = cEndS;
  let cKind = cKindS;
  let rowFirst = rowFirstS;
  let cells = 0;
  let rows = 0;
  // The key ids of the previous row by position: rows almost always repeat their keys in order.
  let prev = new Int32Array(64).fill(-1);
  let i = skipWs(b, start);
  if (b[i] === 0x5d) return { end: i + 1, rows, cells };
  for (;;) {
    if (b[i] !== 0x7b) throw NOT_MINE;
    if (rows + 1 >= rowFirst.length) {
      growRows(rows + 2);
      rowFirst = rowFirstS;
    }
    rowFirst[rows] = cells;
    i++;
    let c = b[i];
    if (c <= 0x20) c = b[(i = skipWs(b, i))];
    if (c === 0x7d) i++;
    else {
      for (let position = 0; ; position++) {
        if (b[i] !== QUOTE) throw NOT_MINE;
        // The key: the previous row's key at this position, compared byte for byte, or looked up.
        let key = -1;
        if (position >= prev.length) {
          const g = new Int32Array(prev.length * 2).fill(-1);
          g.set(prev);
          prev = g;
        }
        const guess = prev[position];
        if (guess >= 0) {
          const kb = keys.bytes[guess];
          const len = kb.length;
          const s = i + 1;
          if (b[s + len] === QUOTE) {
            let j = 0;
            while (j < len && b[s + j] === kb[j]) j++;
            if (j === len) {
              key = guess;
              i = s + len + 1;
            }
          }
        }
        if (key < 0) {
          let j = i + 1;
          for (; j < n; j++) {
            const d = b[j];
            if (d === QUOTE) break;
            if (d === BACKSLASH || d < 0x20) throw NOT_MINE;
          }
          if (j >= n) throw NOT_MINE;
          key = keyId(keys, b, i + 1, j);
          i = j + 1;
        }
        prev[position] = key;
        c = b[i];
        if (c <= 0x20) c = b[(i = skipWs(b, i))];
        if (c !== 0x3a) throw NOT_MINE;
        c = b[++i];
        if (c <= 0x20) c = b[(i = skipWs(b, i))];
        if (cells >= cKey.length) {
          growCells(cells + 1);
          cKey = cKeyS;
          cStart = cStartS;
          cEnd = cEndS;
          cKind = cKindS;
        }
        cKey[cells] = key;
        if (c === QUOTE) {
          const s = i + 1;
          let kind = PLAIN;
          let j = s;
          for (; j < n; j++) {
            const d = b[j];
            if (d === QUOTE) break;
            if (d === BACKSLASH) {
              kind = STRING;
              j++;
            } else if (d < 0x20) throw NOT_MINE;
            else if (d >= 0x80) kind = STRING;
          }
          if (j >= n) throw NOT_MINE;
          cStart[cells] = s;
          cEnd[cells] = j;
          cKind[cells] = kind;
          i = j + 1;
        } else {
          const e = valueEnd(b, i);
          cStart[cells] = i;
          cEnd[cells] = e;
          cKind[cells] = OTHER;
          i = e;
        }
        cells++;
        c = b[i];
        if (c <= 0x20) c = b[(i = skipWs(b, i))];
        if (c === 0x2c) {
          i++;
          if (b[i] <= 0x20) i = skipWs(b, i);
          continue;
        }
        if (c === 0x7d) {
          i++;
          break;
        }
        throw NOT_MINE;
      }
    }
    rows++;
    c = b[i];
    if (c <= 0x20) c = b[(i = skipWs(b, i))];
    if (c === 0x2c) {
      i++;
      if (b[i] <= 0x20) i = skipWs(b, i);
      continue;
    }
    if (c === 0x5d) {
      rowFirst[rows] = cells;
      return { end: i + 1, rows, cells };
    }
    throw NOT_MINE;
  }
}

function read(b: Buffer, textAsBytes: boolean): PackedLogsV2Answer {
  const n = b.length;
  const keys: Keys = { names: [], bytes: [], ids: new Map() };
  // The answer: one object; "data" scanned row by row, every other member parsed whole.
  let i = skipWs(b, 0);
  if (b[i] !== 0x7b) throw NOT_MINE;
  i = skipWs(b, i + 1);
  let metaValue: unknown;
  let haveMeta = false;
  let found: { rows: number; cells: number } | undefined;
  const seen = new Set<string>();
  if (b[i] !== 0x7d) {
    for (;;) {
      if (b[i] !== QUOTE) throw NOT_MINE;
      const keyEnd = stringEnd(b, i);
      const name: unknown = JSON.parse(b.toString('utf8', i, keyEnd));
      if (typeof name !== 'string' || seen.has(name)) throw NOT_MINE;
      seen.add(name);
      i = skipWs(b, keyEnd);
      if (b[i] !== 0x3a) throw NOT_MINE;
      i = skipWs(b, i + 1);
      if (name === 'data') {
        if (b[i] !== 0x5b) throw NOT_MINE;
        const r = scanRows(b, i + 1, keys);
        found = r;
        i = r.end;
      } else {
        const e = valueEnd(b, i);
        const value: unknown = JSON.parse(b.toString('utf8', i, e));
        if (name === 'meta') {
          metaValue = value;
          haveMeta = true;
        }
        i = e;
      }
      i = skipWs(b, i);
      if (b[i] === 0x2c) {
        i = skipWs(b, i + 1);
        continue;
      }
      if (b[i] === 0x7d) break;
      throw NOT_MINE;
    }
  }
  if (skipWs(b, i + 1) !== n || !haveMeta || !found) throw NOT_MINE;
  const meta: LogsV2Meta = readLogsV2Meta(metaValue);
  const rows = found.rows;

  // Columns and where each key goes, as readLogsV2 decides them.
  let columns: string[];
  const colOfKey = new Int32Array(keys.names.length).fill(-1);
  if (meta.hasSql === true && meta.declared.length > 0) {
    // SQL rows carry the selected columns: read by name, in select order; other keys ignored.
    columns = [...meta.declared];
    if (new Set(columns).size !== columns.length) throw NOT_MINE;
    for (let k = 0; k < keys.names.length; k++) colOfKey[k] = columns.indexOf(keys.names[k]);
  } else {
    // Raw logs: declared fields first, then fields in the order they first appear.
    columns = [...meta.declared];
    const index = new Map(columns.map((c, at) => [c, at]));
    for (let k = 0; k < keys.names.length; k++) {
      let at = index.get(keys.names[k]);
      if (at === undefined) {
        at = columns.length;
        index.set(keys.names[k], at);
        columns.push(keys.names[k]);
      }
      colOfKey[k] = at;
    }
  }

  // Second pass: every row's cells in column order (a repeated key keeps its last value, as JSON
  // does). A value equal to the same column's in the row above is marked, not copied again.
  const width = columns.length;
  const cellCount = rows * width;
  if (lenScratch.length < cellCount) lenScratch = new Uint32Array(Math.max(cellCount, Math.ceil(lenScratch.length * 1.5)));
  const lens = lenScratch;
  if (outScratch.length < n) outScratch = Buffer.allocUnsafe(Math.max(n, Math.ceil(outScratch.length * 1.5)));
  const out = outScratch;
  const cKey = cKeyS;
  const cStart = cStartS;
  const cEnd = cEndS;
  const cKind = cKindS;
  const rowFirst = rowFirstS;
  const parts: string[] = [];
  let pos = 0;
  let runStart = 0;
  let max = 0;
  const slot = new Int32Array(width);
  const slotRow = new Int32Array(width).fill(-1);
  // The row above, per column: its value's bytes (plain) or decoded text, or -1/undefined if empty.
  const aboveS = new Int32Array(width).fill(-1);
  const aboveE = new Int32Array(width);
  const aboveText: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
  for (let r = 0; r < rows; r++) {
    for (let k = rowFirst[r], end = rowFirst[r + 1]; k < end; k++) {
      const col = colOfKey[cKey[k]];
      if (col < 0) continue;
      slot[col] = k;
      slotRow[col] = r;
    }
    const base = r * width;
    for (let col = 0; col < width; col++) {
      if (slotRow[col] !== r) {
        lens[base + col] = 0;
        aboveS[col] = -1;
        aboveText[col] = undefined;
        continue;
      }
      const k = slot[col];
      const s = cStart[k];
      const e = cEnd[k];
      const len = e - s;
      if (cKind[k] === PLAIN) {
        if (len === 0) {
          lens[base + col] = 0;
          aboveS[col] = -1;
          aboveText[col] = undefined;
          continue;
        }
        const as = aboveS[col];
        if (as >= 0 && aboveE[col] - as === len) {
          let j = 0;
          while (j < len && b[as + j] === b[s + j]) j++;
          if (j === len) {
            lens[base + col] = SAME;
            continue;
          }
        }
        if (len > 48) b.copy(out, pos, s, e);
        else for (let j = 0; j < len; j++) out[pos + j] = b[s + j];
        pos += len;
        lens[base + col] = len;
        if (len > max) max = len;
        aboveS[col] = s;
        aboveE[col] = e;
        aboveText[col] = undefined;
        continue;
      }
      const v = cKind[k] === STRING ? (JSON.parse(b.toString('utf8', s - 1, e + 1)) as string) : cell(JSON.parse(b.toString('utf8', s, e)));
      aboveS[col] = -1;
      if (v.length === 0) {
        lens[base + col] = 0;
        aboveText[col] = undefined;
        continue;
      }
      if (aboveText[col] === v) {
        lens[base + col] = SAME;
        continue;
      }
      aboveText[col] = v;
      if (pos > runStart) parts.push(out.toString('latin1', runStart, pos));
      runStart = pos;
      parts.push(v);
      lens[base + col] = v.length;
      if (v.length > max) max = v.length;
    }
  }
  let asciiText: Uint8Array | undefined;
  if (textAsBytes && parts.length === 0) asciiText = new Uint8Array(out.subarray(0, pos));
  else if (pos > runStart) parts.push(out.toString('latin1', runStart, pos));
  const text = parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join('');
  const lengths = lengthsFor(cellCount, max);
  const same = sameMarker(lengths);
  for (let k = 0; k < cellCount; k++) {
    const v = lens[k];
    lengths[k] = v === SAME ? same : v;
  }
  return {
    packed: { rowCount: rows, width, text, lengths },
    columns,
    progress: meta.progress,
    count: meta.count,
    hasSql: meta.hasSql,
    elapsedMs: meta.elapsedMs,
    processedRows: meta.processedRows,
    ...(asciiText ? { asciiText } : {}),
  };
}
