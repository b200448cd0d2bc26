/**
 * Holds a query result for the grid: the pages as they arrive (row arrays are kept by reference,
 * never copied into another structure), plus a view — an index permutation after filter and sort.
 * Pure (no DOM); sorting 1,000,000 rows uses typed arrays of keys, not comparisons of strings.
 */

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  readonly column: number;
  readonly direction: SortDirection;
}

type Row = readonly string[];

/** The text shown beside a raw value (e.g. "TCP" for protocol 6), per column name; see valueFormat. */
export type ColumnHints = (column: string) => ((value: string) => string | undefined) | undefined;

export class ResultStore {
  private columnsValue: readonly string[] = [];
  private readonly rowsValue: Row[] = [];
  /** Indices into rowsValue in display order; undefined means identity (no filter, no sort). */
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

  /** All rows in arrival order (the service's order), by reference. */
  get rows(): readonly Row[] {
    return this.rowsValue;
  }

  /** Rows received so far (before filtering). */
  get totalRows(): number {
    return this.rowsValue.length;
  }

  /** Rows in the current view (after filtering). */
  get viewRows(): number {
    this.ensureView();
    return this.view ? this.view.length : this.rowsValue.length;
  }

  get sort(): SortState | undefined {
    return this.sortValue;
  }

  get filter(): string {
    return this.filterValue;
  }

  reset(columns: readonly string[]): void {
    this.columnsValue = columns;
    this.rowsValue.length = 0;
    this.view = undefined;
    this.sortValue = undefined;
    this.filterValue = '';
    this.numericSeen = [];
    this.numericAll = [];
    this.numericScanned = 0;
    this.viewDirty = false;
  }

  /**
   * Appends a page; if a sort or filter is active the view is recomputed. Cheap on purpose (row
   * references only): pages stream in behind the first one, and classifying numeric columns here
   * (a regex per cell) is what used to delay the grid's first paint. See scanNumeric.
   */
  append(columns: readonly string[], rows: readonly Row[]): void {
    if (this.columnsValue.length === 0 && this.rowsValue.length === 0) this.columnsValue = columns;
    else if (columns.length > this.columnsValue.length) this.columnsValue = columns; // raw logs can gain fields
    for (let i = 0; i < rows.length; i++) this.rowsValue.push(rows[i]);
    if (this.sortValue || this.filterValue) this.viewDirty = true;
  }

  /** True when every stored row has been classified for isNumericColumn. */
  get numericScanComplete(): boolean {
    return this.numericScanned >= this.rowsValue.length;
  }

  /**
   * Classifies up to `maxRows` more stored rows (all when omitted); returns true when no row is
   * left. The grid calls it in idle slices so large results never block a frame.
   */
  scanNumeric(maxRows = Number.POSITIVE_INFINITY): boolean {
    const rows = this.rowsValue;
    const from = this.numericScanned;
    const to = Math.min(rows.length, from + maxRows);
    if (to <= from) return true;
    const cols = this.columnsValue.length;
    for (let c = 0; c < cols; c++) {
      if (this.numericAll[c] === undefined) this.numericAll[c] = true;
      if (!this.numericAll[c]) continue;
      for (let i = from; i < to; i++) {
        const v = rows[i][c];
        if (v === undefined || v === '') continue;
        this.numericSeen[c] = true;
        if (!isNumberText(v)) {
          this.numericAll[c] = false;
          break;
        }
      }
    }
    this.numericScanned = to;
    return to >= rows.length;
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

  /** The row shown at display position `index`. */
  rowAt(index: number): Row | undefined {
    this.ensureView();
    const source = this.view ? this.view[index] : index;
    return source === undefined ? undefined : this.rowsValue[source];
  }

  cell(index: number, column: number): string {
    return this.rowAt(index)?.[column] ?? '';
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
    const rows = this.rowsValue;
    let indices: Uint32Array | undefined;
    const needle = this.filterValue.trim().toLowerCase();
    if (needle) {
      const hintMatch = this.hintMatchers(needle);
      const matched = new Uint32Array(rows.length);
      let n = 0;
      for (let i = 0; i < rows.length; i++) if (rowMatches(rows[i], needle, hintMatch)) matched[n++] = i;
      indices = matched.subarray(0, n);
    }
    const sort = this.sortValue;
    if (sort) {
      if (!indices) {
        indices = new Uint32Array(rows.length);
        for (let i = 0; i < rows.length; i++) indices[i] = i;
      }
      indices = sortIndices(indices, rows, sort, this.isNumericColumn(sort.column));
    }
    this.view = indices;
  }

  /** Per column, whether a value's hint contains the needle (undefined: the column has no hints). */
  private hintMatchers(needle: string): (((value: string) => boolean) | undefined)[] {
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

function rowMatches(row: Row, needle: string, hintMatch: readonly (((value: string) => boolean) | undefined)[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v.toLowerCase().includes(needle)) return true;
    const h = hintMatch[c];
    if (h !== undefined && v !== '' && h(v)) return true;
  }
  return false;
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function isNumberText(v: string): boolean {
  return NUMBER_TEXT.test(v.trim());
}

/** Stable sort of `indices` by the column; empty values always sort last. */
export function sortIndices(indices: Uint32Array, rows: readonly Row[], sort: SortState, numeric: boolean): Uint32Array {
  const col = sort.column;
  // Numbers by value; IPv4 addresses by their 32-bit value (10.0.0.9 before 10.0.0.10); the rest as text.
  const keyOf = numeric ? (v: string) => Number(v) : allIpv4(indices, rows, col) ? ipv4Value : undefined;
  if (keyOf) {
    const keys = new Float64Array(rows.length);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      const v = rows[i][col];
      keys[i] = v === undefined || v === '' ? NaN : keyOf(v);
    }
    return sortByKeys(indices, keys, sort.direction === 'asc' ? 1 : -1);
  }
  return sortByText(indices, rows, col, sort.direction === 'asc' ? 1 : -1);
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
function sortByText(indices: Uint32Array, rows: readonly Row[], col: number, sign: number): Uint32Array {
  const keys: string[] = new Array(rows.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    keys[i] = (rows[i][col] ?? '').toLowerCase();
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

function allIpv4(indices: Uint32Array, rows: readonly Row[], col: number): boolean {
  let seen = false;
  for (let k = 0; k < indices.length; k++) {
    const v = rows[indices[k]][col];
    if (v === undefined || v === '') continue;
    if (!IPV4.test(v)) return false;
    seen = true;
  }
  return seen;
}

function ipv4Value(v: string): number {
  const m = IPV4.exec(v);
  return m ? ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]) : NaN;
}
