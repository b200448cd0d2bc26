/**
 * The grid's filter over stored pages (packedPage.ts): which rows have a cell whose value, lower-
 * cased, contains the needle, or whose hint (the text shown beside it) does. The same answer as
 * testing `value.toLowerCase().includes(needle)` cell by cell, without a string per cell where the
 * page's text allows it: the needle is searched in the page's whole text, lower-cased once.
 */
import { repeatsCellAbove, type StoredPage } from './packedPage';

/** Per column, whether a (non-empty) value's hint contains the needle; undefined: the column has no hints. */
export type HintMatchers = readonly (((value: string) => boolean) | undefined)[];

/**
 * Writes the result-wide index of every row of `page` that matches into `out` from position
 * `count`; returns the new count. `needle` is lower-case and not empty.
 */
export function collectMatchingRows(page: StoredPage, needle: string, hintMatch: HintMatchers, out: Uint32Array, count: number): number {
  const { rowCount, width } = page;
  const valueMatches = valueMatcher(page, needle);
  const hintMatches = hintMatcher(page, hintMatch);
  // Per column, the answer for the cell above: a repeated value gets it without being read again.
  const above = new Uint8Array(width);
  let n = count;
  for (let r = 0, k = 0; r < rowCount; r++) {
    let hit = false;
    // Every cell of the row, even after a hit: the next row's repeats need the answers above them.
    for (let c = 0; c < width; c++, k++) {
      const m = repeatsCellAbove(page, k) ? above[c] === 1 : valueMatches(k);
      above[c] = m ? 1 : 0;
      hit ||= m;
    }
    if (hit || hintMatches(r)) out[n++] = page.firstRow + r;
  }
  return n;
}

/**
 * Whether cell k's lower-cased value contains the needle. Called for the page's own cells in
 * order (not for repeats), so the search in the page's text only ever moves forward.
 */
function valueMatcher(page: StoredPage, needle: string): (k: number) => boolean {
  const { text, starts, lengths } = page;
  const lowered = text.toLowerCase();
  if (!offsetsSurviveLowerCase(text, lowered)) {
    return (k) => text.slice(starts[k], starts[k] + lengths[k]).toLowerCase().includes(needle);
  }
  // The first occurrence at or after the last position searched from (past the end: none).
  let next = -1;
  return (k) => {
    const start = starts[k];
    const end = start + lengths[k];
    if (end - start < needle.length) return false;
    if (next < start) {
      next = lowered.indexOf(needle, start);
      if (next < 0) next = text.length + 1;
    }
    return next + needle.length <= end;
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
 * where its value starts, so a run of repeated values (times, regions, protocols) asks once.
 */
function hintMatcher(page: StoredPage, hintMatch: HintMatchers): (row: number) => boolean {
  const { width, text, starts, lengths } = page;
  const hinted: number[] = [];
  for (let c = 0; c < width; c++) if (hintMatch[c] !== undefined) hinted.push(c);
  const lastStart = new Float64Array(width).fill(-1);
  const lastAnswer = new Uint8Array(width);
  return (row) => {
    for (const c of hinted) {
      const k = row * width + c;
      const n = lengths[k];
      if (n === 0) continue;
      const start = starts[k];
      // Two non-empty cells of a page start at the same offset only when one repeats the other.
      if (lastStart[c] !== start) {
        lastStart[c] = start;
        lastAnswer[c] = hintMatch[c]?.(text.slice(start, start + n)) ? 1 : 0;
      }
      if (lastAnswer[c] === 1) return true;
    }
    return false;
  };
}
