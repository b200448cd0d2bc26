/**
 * The grid's filter over stored pages (packedPage.ts): which rows have a cell whose value, lower-
 * cased, contains the needle, or whose hint (the text shown beside it) does. The same answer as
 * testing `value.toLowerCase().includes(needle)` cell by cell, without a string per cell where the
 * page's text allows it: the needle is searched in the page's whole text, lower-cased once.
 */
import { isRepeat, ownRowOf, type StoredPage } from './packedPage';

/** Per column, whether a (non-empty) value's hint contains the needle; undefined: the column has no hints. */
export type HintMatchers = readonly (((value: string) => boolean) | undefined)[];

/**
 * Writes the result-wide index of every row of `page` that matches into `out` from position
 * `count`; returns the new count. `needle` is lower-case and not empty.
 */
export function collectMatchingRows(page: StoredPage, needle: string, hintMatch: HintMatchers, out: Uint32Array, count: number): number {
  const { rowCount, width, lengths, rowStarts, cellAt } = page;
  const valueMatches = valueMatcher(page, needle);
  const hintMatches = hintMatcher(page, hintMatch);
  // Per column, the answer for the cell above: a repeat gets it without its text being read.
  const above = new Uint8Array(width);
  let n = count;
  for (let r = 0, k = 0; r < rowCount; r++) {
    let hit = false;
    // Every cell of the row, even after a hit: the next row's repeats need the answers above them.
    for (let c = 0; c < width; c++, k++) {
      const m = isRepeat(page, k) ? above[c] === 1 : valueMatches(rowStarts[r] + cellAt[k], lengths[k]);
      above[c] = m ? 1 : 0;
      hit ||= m;
    }
    if (hit || hintMatches(r)) out[n++] = page.firstRow + r;
  }
  return n;
}

/**
 * Whether the cell whose text is at [start, start + length) of the page's text, lower-cased,
 * contains the needle. Called for the page's own cells in order (never for repeats), so the
 * search in the page's text only ever moves forward.
 */
function valueMatcher(page: StoredPage, needle: string): (start: number, length: number) => boolean {
  const { text } = page;
  const lowered = text.toLowerCase();
  if (!offsetsSurviveLowerCase(text, lowered)) {
    return (start, length) => text.slice(start, start + length).toLowerCase().includes(needle);
  }
  // The first occurrence at or after the last position searched from (past the end: none).
  let next = -1;
  return (start, length) => {
    if (length < needle.length) return false;
    if (next < start) {
      next = lowered.indexOf(needle, start);
      if (next < 0) next = text.length + 1;
    }
    return next + needle.length <= start + length;
  };
}

/**
 * Whether every cell's lower-cased text sits at the same offsets in the lower-cased page text
 * and reads as lower-casing the cell alone would. No character gets shorter when lower-cased, so an
 * unchanged length means none got longer (İ becomes two code units). Two cases still differ:
 * Σ lower-cases by what follows it (σ, or ς at the end of a word, i.e. of a cell), and surrogate
 * halves in neighbouring cells could pair up across the cell boundary. Such pages are read cell
 * by cell.
 */
function offsetsSurviveLowerCase(text: string, lowered: string): boolean {
  return lowered.length === text.length && !CONTEXT_CASED.test(text);
}

const CONTEXT_CASED = /[\u03a3\ud800-\udfff]/;

/**
 * Whether a row has a cell whose hint contains the needle. A column's last answer is kept with
 * the row that holds the value, so a run of repeated values (times, regions, protocols) asks once.
 */
function hintMatcher(page: StoredPage, hintMatch: HintMatchers): (row: number) => boolean {
  const { width, text, lengths, rowStarts, cellAt } = page;
  const hinted: number[] = [];
  for (let c = 0; c < width; c++) if (hintMatch[c] !== undefined) hinted.push(c);
  const lastRow = new Int32Array(width).fill(-1);
  const lastAnswer = new Uint8Array(width);
  return (row) => {
    for (const c of hinted) {
      const own = ownRowOf(page, row, row * width + c);
      const k = own * width + c;
      const n = lengths[k];
      if (n === 0) continue;
      if (lastRow[c] !== own) {
        lastRow[c] = own;
        const start = rowStarts[own] + cellAt[k];
        lastAnswer[c] = hintMatch[c]?.(text.slice(start, start + n)) ? 1 : 0;
      }
      if (lastAnswer[c] === 1) return true;
    }
    return false;
  };
}
