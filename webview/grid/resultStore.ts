/**
 * Holds a query result for the grid: the pages as they arrive, still packed (packedPage.ts: a
 * cell is cut out of its page's text when it is read), plus a view — an index permutation after
 * filter and sort. Pure (no DOM); sorting 1,000,000 rows uses typed arrays of keys, not
 * comparisons of strings.
 */
import type { PackedRows } from '../../src/results/packedRows';
import { isRepeat, pageCell, pageRow, storePage, type StoredPage } from './packedPage';
import { collectMatchingRows, type HintMatchers } from './pageFilter';

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  readonly column: number;
  readonly direction: SortDirection;
}

type Row = readonly string[];

/** A column's value for a row (arrival order): what sorting reads. */
export type ColumnCells = (row: number) => string;

/** The text shown beside a raw value (e.g. "TCP" for protocol 6), per column name; see valueFormat. */
export type ColumnHints = (column: string) => ((value: string) => string | undefined) | undefined;

export class ResultStore {
  private columnsValue: readonly string[] = [];
  /** In arrival order; pages without rows are not kept. */
  private pages: StoredPage[] = [];
  private rowCount = 0;
  /** The page the last lookup found: reads come in runs (a screen of rows, a sort), mostly from one page. */
  private lastPage = 0;
  /** allRows() decoded, until the next append or reset. */
  private decodedRows: Row[] | undefined;
  /** Indices into the rows (arrival order) in display order; undefined means identity (no filter, no sort). */
  private view: Uint32Array | undefined;
  private sortValue: SortState | undefined;
  private filterValue = '';
  /** Per column: has a non-empty value been seen, and were all of them numbers (updated per page). */
  private numericSeen: boolean[] = [];
  private numericAll: boolean[] = [];
  /** Rows [0, numericScanned) have been classified; the rest is scanned lazily (see scanNumeric). */
  private numericScanned = 0;
  /** Rows arrived since the view was computed: rebuild lazily, at most once per read burst. */
  private viewDirty = false;

  /** `hints`: the filter matches what the grid shows, the raw value and the text beside it. */
  constructor(private readonly hints?: ColumnHints) {}

  get columns(): readonly string[] {
    return this.columnsValue;
  }

  /** Rows received so far (before filtering). */
  get totalRows(): number {
    return this.rowCount;
  }

  /** Rows in the current view (after filtering). */
  get viewRows(): number {
    this.ensureView();
    return this.view ? this.view.length : this.rowCount;
  }

  get sort(): SortState | undefined {
    return this.sortValue;
  }

  get filter(): string {
    return this.filterValue;
  }

  reset(columns: readonly string[]): void {
    this.columnsValue = columns;
    this.pages = [];
    this.rowCount = 0;
    this.lastPage = 0;
    this.decodedRows = undefined;
    this.view = undefined;
    this.sortValue = undefined;
    this.filterValue = '';
    this.numericSeen = [];
    this.numericAll = [];
    this.numericScanned = 0;
    this.viewDirty = false;
  }

  /**
   * Appends a page, kept packed (and not to be changed by the caller afterwards); if a sort or
   * filter is active the view is recomputed when next read. Cheap on purpose (one pass over the
   * page's lengths, no string per cell): pages stream in behind the first one, and per-cell work
   * here (numeric classification, a regex per cell) is what used to delay the grid's first
   * paint. See scanNumeric. A malformed page throws and changes nothing.
   */
  append(columns: readonly string[], packed: PackedRows): void {
    const page = storePage(packed, this.rowCount);
    if (this.columnsValue.length === 0 && this.rowCount === 0) this.columnsValue = columns;
    else if (columns.length > this.columnsValue.length) this.columnsValue = columns; // raw logs can gain fields
    if (page.rowCount === 0) return;
    this.pages.push(page);
    this.rowCount += page.rowCount;
    this.decodedRows = undefined;
    if (this.sortValue || this.filterValue) this.viewDirty = true;
  }

  /** Rows [start, end) in arrival order, decoded (new arrays): a sample for column widths or charts. */
  rowsInArrivalOrder(start: number, end: number): Row[] {
    const from = Math.max(0, start);
    const to = Math.min(this.rowCount, end);
    const rows: Row[] = [];
    for (let i = from; i < to; i++) rows.push(this.sourceRow(i));
    return rows;
  }

  /**
   * Every row in arrival order, decoded: for charts, which draw aggregated (small) results but
   * must work on any. Kept until the next append or reset, since a chart redraws from them.
   */
  allRows(): readonly Row[] {
    this.decodedRows ??= this.rowsInArrivalOrder(0, this.rowCount);
    return this.decodedRows;
  }

  /** True when every stored row has been classified for isNumericColumn. */
  get numericScanComplete(): boolean {
    return this.numericScanned >= this.rowCount;
  }

  /**
   * Classifies up to `maxRows` more stored rows (all when omitted); returns true when no row is
   * left. The grid calls it in idle slices so large results never block a frame.
   */
  scanNumeric(maxRows = Number.POSITIVE_INFINITY): boolean {
    const from = this.numericScanned;
    const to = Math.min(this.rowCount, from + maxRows);
    if (to <= from) return true;
    const cols = this.columnsValue.length;
    for (let c = 0; c < cols; c++) {
      if (this.numericAll[c] === undefined) this.numericAll[c] = true;
      if (!this.numericAll[c]) continue;
      for (let p = this.pageIndexOf(from); p < this.pages.length && this.pages[p].firstRow < to; p++) {
        const page = this.pages[p];
        if (!this.scanColumn(page, c, Math.max(from, page.firstRow) - page.firstRow, Math.min(to, page.firstRow + page.rowCount) - page.firstRow)) break;
      }
    }
    this.numericScanned = to;
    return to >= this.rowCount;
  }

  /**
   * Classifies column `c` of the page's rows [from, to) (counted within the page); false once a
   * value is not a number. A repeat of the value above, classified in this same pass, is skipped.
   */
  private scanColumn(page: StoredPage, c: number, from: number, to: number): boolean {
    if (c >= page.width) return true;
    for (let r = from; r < to; r++) {
      if (r > from && isRepeat(page, r * page.width + c)) continue;
      const v = pageCell(page, r, c);
      if (v === '') continue;
      this.numericSeen[c] = true;
      if (!isNumberText(v)) {
        this.numericAll[c] = false;
        return false;
      }
    }
    return true;
  }

  /** isNumericColumn over the rows scanned so far (no scan): for display while rows stream in. */
  isNumericSoFar(column: number): boolean {
    return this.numericSeen[column] === true && this.numericAll[column] === true;
  }

  private ensureView(): void {
    if (this.viewDirty) {
      this.viewDirty = false;
      this.rebuildView();
    }
  }

  /** The row (arrival order) shown at display position `index`, or -1 when there is none. */
  private sourceIndex(index: number): number {
    this.ensureView();
    const source = this.view ? this.view[index] : index;
    return source === undefined || !(source >= 0 && source < this.rowCount) ? -1 : source;
  }

  /** The row shown at display position `index`: a new array each call. */
  rowAt(index: number): Row | undefined {
    const source = this.sourceIndex(index);
    return source < 0 ? undefined : this.sourceRow(source);
  }

  cell(index: number, column: number): string {
    const source = this.sourceIndex(index);
    return source < 0 ? '' : this.sourceCell(source, column);
  }

  private sourceRow(source: number): Row {
    const page = this.pageOf(source);
    return pageRow(page, source - page.firstRow);
  }

  private sourceCell(source: number, column: number): string {
    const page = this.pageOf(source);
    return pageCell(page, source - page.firstRow, column);
  }

  private pageOf(source: number): StoredPage {
    return this.pages[this.pageIndexOf(source)];
  }

  /** Which page holds row `source` (arrival order, within [0, totalRows)). */
  private pageIndexOf(source: number): number {
    const pages = this.pages;
    const last = pages[this.lastPage];
    if (last !== undefined && source >= last.firstRow && source < last.firstRow + last.rowCount) return this.lastPage;
    let lo = 0;
    let hi = pages.length - 1;
    // The last page whose first row is at or before `source`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pages[mid].firstRow <= source) lo = mid;
      else hi = mid - 1;
    }
    this.lastPage = lo;
    return lo;
  }

  setSort(sort: SortState | undefined): void {
    this.sortValue = sort;
    this.rebuildView();
  }

  /** Cycles a column's sort: none → ascending → descending → none. */
  toggleSort(column: number): void {
    const cur = this.sortValue;
    if (!cur || cur.column !== column) this.setSort({ column, direction: 'asc' });
    else if (cur.direction === 'asc') this.setSort({ column, direction: 'desc' });
    else this.setSort(undefined);
  }

  setFilter(text: string): void {
    this.filterValue = text;
    this.rebuildView();
  }

  /** A column is numeric when every non-empty value parses as a finite number. */
  isNumericColumn(column: number): boolean {
    this.scanNumeric();
    return this.numericSeen[column] === true && this.numericAll[column] === true;
  }

  private rebuildView(): void {
    this.viewDirty = false;
    const total = this.rowCount;
    let indices: Uint32Array | undefined;
    const needle = this.filterValue.trim().toLowerCase();
    if (needle) {
      const hintMatch = this.hintMatchers(needle);
      const matched = new Uint32Array(total);
      let n = 0;
      for (const page of this.pages) n = collectMatchingRows(page, needle, hintMatch, matched, n);
      indices = matched.subarray(0, n);
    }
    const sort = this.sortValue;
    if (sort) {
      if (!indices) {
        indices = new Uint32Array(total);
        for (let i = 0; i < total; i++) indices[i] = i;
      }
      const column = sort.column;
      indices = sortIndices(indices, (row) => this.sourceCell(row, column), total, sort, this.isNumericColumn(column));
    }
    this.view = indices;
  }

  /** Per column, whether a value's hint contains the needle (undefined: the column has no hints). */
  private hintMatchers(needle: string): HintMatchers {
    return this.columnsValue.map((name) => {
      const hint = this.hints?.(name);
      if (!hint) return undefined;
      // One answer per distinct value: hinted columns (times, regions, protocols) repeat a lot.
      const seen = new Map<string, boolean>();
      return (value: string) => {
        let m = seen.get(value);
        if (m === undefined) {
          m = hint(value)?.toLowerCase().includes(needle) ?? false;
          if (seen.size < MATCH_CACHE_LIMIT) seen.set(value, m);
        }
        return m;
      };
    });
  }
}

const MATCH_CACHE_LIMIT = 100_000;

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function isNumberText(v: string): boolean {
  return NUMBER_TEXT.test(v.trim());
}

/**
 * Stable sort of `indices` (rows in arrival order, each below `rowCount`) by the column whose
 * values `cells` reads; empty values always sort last.
 */
export function sortIndices(indices: Uint32Array, cells: ColumnCells, rowCount: number, sort: SortState, numeric: boolean): Uint32Array {
  // Numbers by value; IPv4 addresses by their 32-bit value (10.0.0.9 before 10.0.0.10); the rest as text.
  const keyOf = numeric ? (v: string) => Number(v) : allIpv4(indices, cells) ? ipv4Value : undefined;
  if (keyOf) {
    const keys = new Float64Array(rowCount);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      const v = cells(i);
      keys[i] = v === '' ? NaN : keyOf(v);
    }
    return sortByKeys(indices, keys, sort.direction === 'asc' ? 1 : -1);
  }
  return sortByText(indices, cells, rowCount, sort.direction === 'asc' ? 1 : -1);
}

function sortByKeys(indices: Uint32Array, keys: Float64Array, sign: number): Uint32Array {
  const out = Uint32Array.from(indices);
  out.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const na = Number.isNaN(ka);
    const nb = Number.isNaN(kb);
    if (na || nb) return na === nb ? a - b : na ? 1 : -1;
    return ka === kb ? a - b : (ka - kb) * sign;
  });
  return out;
}

/** Case-insensitive code-unit order on pre-lowered keys: much faster than a collator on 10⁶ rows. */
function sortByText(indices: Uint32Array, cells: ColumnCells, rowCount: number, sign: number): Uint32Array {
  const keys: string[] = new Array(rowCount);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    keys[i] = cells(i).toLowerCase();
  }
  const out = Uint32Array.from(indices);
  out.sort((a, b) => {
    const va = keys[a];
    const vb = keys[b];
    if (va === '' || vb === '') return va === vb ? a - b : va === '' ? 1 : -1;
    return va === vb ? a - b : va < vb ? -sign : sign;
  });
  return out;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function allIpv4(indices: Uint32Array, cells: ColumnCells): boolean {
  let seen = false;
  for (let k = 0; k < indices.length; k++) {
    const v = cells(indices[k]);
    if (v === '') continue;
    if (!IPV4.test(v)) return false;
    seen = true;
  }
  return seen;
}

function ipv4Value(v: string): number {
  const m = IPV4.exec(v);
  return m ? ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]) : NaN;
}
