/**
 * Turns SLS rows (packed as the client reads them, src/results/packedRows.ts) into bounded
 * `resultPage` payloads in a fixed column order, at most `maxRows` rows per message, so no single
 * postMessage is huge; a result's first page is shorter (FIRST_PAGE_ROWS), so its first screen
 * is quick to unpack and paint. Rows already in the pager's column order are cut, never rebuilt.
 * Pure; the query runner owns one ResultPager per query.
 */

import { t } from '@vscode/l10n';
import type { ResultRow } from '../../cloud/slsApi';
import { ownRowChars, packRows, repeatsAbove, splitAt, unpackRows, type PackedRows } from '../../results/packedRows';

/** Rows per resultPage message: big enough to be few messages, small enough to clone fast. */
export const RESULT_PAGE_ROWS = 2_000;
/**
 * Characters of text per resultPage message at most (a page ends early to stay below, unless it
 * is a single row): keeps each page's text under V8's 128 KB large-object size, which is slow to
 * make on fresh memory; lower delays the first paint. Measurements: bench/README.md.
 */
export const RESULT_PAGE_MAX_CHARS = 120_000;
/**
 * Rows in a result's first page: a screen of rows (and the sample the grid sizes its columns
 * from), so the webview unpacks and paints the first screen before the big pages behind it.
 */
export const FIRST_PAGE_ROWS = 200;

export interface ResultPagePayload {
  readonly pageIndex: number;
  readonly columns: readonly string[];
  /** The page's rows, `columns.length` cells each. */
  readonly rows: PackedRows;
}

/**
 * Keeps the column order stable across pages: the first page fixes the order, later pages may
 * only append columns (raw logs can carry fields the first page did not have). The webview
 * treats a longer `columns` array as "new columns appended".
 */
export class ResultPager {
  private readonly columns: string[] = [];
  private readonly columnSet = new Set<string>();
  private nextPageIndex = 0;
  private total = 0;

  private readonly firstRows: number;

  constructor(
    private readonly maxRows: number = RESULT_PAGE_ROWS,
    firstRows: number = FIRST_PAGE_ROWS,
  ) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(t('maxRows must be a positive integer, got {0}', maxRows));
    if (!Number.isInteger(firstRows) || firstRows < 1) throw new RangeError(t('firstRows must be a positive integer, got {0}', firstRows));
    this.firstRows = Math.min(firstRows, maxRows);
  }

  /**
   * Where pages of a batch of `count` rows start (and the end): the result's first page is short,
   * and a page ends before its text would pass RESULT_PAGE_MAX_CHARS (`chars(row)`: a row's own text).
   */
  private cuts(count: number, chars: (row: number) => number): number[] {
    const cuts = [0];
    let limit = this.total === 0 ? this.firstRows : this.maxRows;
    let rows = 0;
    let size = 0;
    for (let r = 0; r < count; r++) {
      const n = chars(r);
      if (rows === limit || (rows > 0 && size + n > RESULT_PAGE_MAX_CHARS)) {
        cuts.push(r);
        limit = this.maxRows;
        rows = 0;
        size = 0;
      }
      rows++;
      size += n;
    }
    cuts.push(count);
    return cuts;
  }

  get rowCount(): number {
    return this.total;
  }

  get currentColumns(): readonly string[] {
    return this.columns;
  }

  /**
   * Splits one batch of rows (packed, or as arrays; values in `columns` order, as the SLS client
   * reads them) into pages, adding any new columns first. A packed batch already in the pager's
   * order and width is only cut (its text sliced, its lengths copied); a batch whose columns
   * differ (raw logs gaining fields) is re-ordered. `asciiText`: the packed batch's text as the
   * ASCII bytes the client holds (QueryResult.asciiText); pages are cut from those.
   */
  pages(columns: readonly string[], batch: PackedRows | readonly ResultRow[], asciiText?: Uint8Array): ResultPagePayload[] {
    this.addColumns(columns);
    const cols = [...this.columns];
    const width = cols.length;
    const at = columns.map((name) => this.columns.indexOf(name));
    const sameOrder = at.every((to, from) => to === from) && columns.length === width;
    const packedIn = !Array.isArray(batch) ? (batch as PackedRows) : undefined;
    const count = packedIn ? packedIn.rowCount : (batch as readonly ResultRow[]).length;
    let packs: PackedRows[];
    const cuts = this.cuts(count, packedIn ? (r) => ownRowChars(packedIn, r) : arrayRowChars(batch as readonly ResultRow[]));
    if (count === 0) packs = [];
    else if (packedIn && sameOrder && packedIn.width === width) packs = cuts.length === 2 ? [packedIn] : splitAt(packedIn, cuts, asciiText && textOf(asciiText));
    else {
      const rows = packedIn ? unpackRows(packedIn) : (batch as readonly ResultRow[]);
      packs = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const start = cuts[i];
        const end = cuts[i + 1];
        const pageRows: (readonly string[])[] = new Array<readonly string[]>(end - start);
        for (let i = start; i < end; i++) {
          const r = rows[i];
          if (sameOrder) {
            pageRows[i - start] = r;
            continue;
          }
          const cells: string[] = new Array<string>(width).fill('');
          for (let c = 0; c < at.length; c++) cells[at[c]] = r[c] ?? '';
          pageRows[i - start] = cells;
        }
        packs.push(packRows(pageRows, width));
      }
    }
    this.total += count;
    return packs.map((rows) => ({ pageIndex: this.nextPageIndex++, columns: cols, rows }));
  }

  /** The page that ends a result with no rows, so the webview still learns the columns. */
  emptyPage(columns: readonly string[]): ResultPagePayload {
    this.addColumns(columns);
    return { pageIndex: this.nextPageIndex++, columns: [...this.columns], rows: packRows([], this.columns.length) };
  }

  private addColumns(names: readonly string[]): void {
    for (const name of names) {
      if (this.columnSet.has(name)) continue;
      this.columnSet.add(name);
      this.columns.push(name);
    }
  }
}

/** A row's characters as packRows keeps them: a value equal to the one above it takes none. */
function arrayRowChars(rows: readonly ResultRow[]): (row: number) => number {
  return (r) => {
    const row = rows[r];
    const above = r > 0 ? rows[r - 1] : undefined;
    let n = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c] ?? '';
      if (!repeatsAbove(v, above, c)) n += v.length;
    }
    return n;
  };
}

/**
 * Pieces of a pack's text read from its ASCII bytes, so its whole text (one large string: see
 * RESULT_PAGE_MAX_CHARS) is never made.
 */
function textOf(bytes: Uint8Array): (start: number, end: number) => string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (start, end) => b.toString('latin1', start, end);
}
