/**
 * Turns SLS rows (flat string maps) into bounded `resultPage` payloads: arrays of strings in a
 * fixed column order, at most `maxRows` rows per message, so no single postMessage is huge.
 * Pure; the query runner owns one ResultPager per query.
 */

/** Rows per resultPage message: big enough to be few messages, small enough to clone fast. */
export const RESULT_PAGE_ROWS = 2_000;

export interface ResultPagePayload {
  readonly pageIndex: number;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
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

  constructor(private readonly maxRows: number = RESULT_PAGE_ROWS) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
  }

  get rowCount(): number {
    return this.total;
  }

  get currentColumns(): readonly string[] {
    return this.columns;
  }

  /** Splits one batch of rows into pages, adding any new columns first. */
  pages(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): ResultPagePayload[] {
    this.addColumns(columns);
    // for…in rather than Object.keys: no array per row (this runs once per row of every result).
    for (const row of rows) {
      for (const name in row) if (!this.columnSet.has(name)) this.addColumns([name]);
    }
    const out: ResultPagePayload[] = [];
    const cols = [...this.columns];
    const width = cols.length;
    for (let start = 0; start < rows.length; start += this.maxRows) {
      const end = Math.min(rows.length, start + this.maxRows);
      const pageRows: string[][] = new Array<string[]>(end - start);
      for (let i = start; i < end; i++) {
        const r = rows[i];
        const cells: string[] = new Array<string>(width);
        for (let c = 0; c < width; c++) cells[c] = r[cols[c]] ?? '';
        pageRows[i - start] = cells;
      }
      out.push({ pageIndex: this.nextPageIndex++, columns: cols, rows: pageRows });
    }
    this.total += rows.length;
    return out;
  }

  /** The page that ends a result with no rows, so the webview still learns the columns. */
  emptyPage(columns: readonly string[]): ResultPagePayload {
    this.addColumns(columns);
    return { pageIndex: this.nextPageIndex++, columns: [...this.columns], rows: [] };
  }

  private addColumns(names: readonly string[]): void {
    for (const name of names) {
      if (this.columnSet.has(name)) continue;
      this.columnSet.add(name);
      this.columns.push(name);
    }
  }
}
