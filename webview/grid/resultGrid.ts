/**
 * The virtualized results grid: only the rows on screen (plus a small overscan) exist in the DOM,
 * row elements are pooled and reused, and every value is written as text. Columns scrolled out of
 * view keep their values but get no box (display: none), so a scroll frame lays out
 * only the cells on screen. Sorting/filtering live in ResultStore; the window arithmetic in viewport.ts.
 */
import type { PackedRows } from '../../src/results/packedRows';
import { columnPresenter, formatCount, type ColumnPresenter } from './valueFormat';
import { t } from '../l10n';
import { ResultStore } from './resultStore';
import { computeViewport, overscanAfter, scrollTopForRow, visibleColumns, type ColumnRange, type ViewportWindow } from './viewport';
import { columnWidthFor, DEFAULT_CHAR_PX, initialColumnWidths, MAX_FITTED_WIDTH, MIN_COLUMN_WIDTH } from './columnWidths';
import { toTsv } from './tsv';
import { fitCell } from './cellFit';
import { arrangeColumns, NO_COLUMN_CHOICE, type ColumnArrangement, type ColumnChoice } from '../../src/results/columnChoice';

export const ROW_HEIGHT = 22;
/**
 * Rows rendered above and below the screen: enough for one wheel notch, few enough to keep each
 * frame's layout small. None right after a jump (see overscanAfter): they follow when scrolling pauses.
 */
const OVERSCAN = 3;
/** Rows of a page that set its columns' initial widths. */
const WIDTH_SAMPLE_ROWS = 200;
/** Rows classified as numeric per idle slice (see ResultStore.scanNumeric). */
const NUMERIC_SCAN_ROWS = 5_000;
/** Pause after a jump before the overscan rows are added. */
const SETTLE_MS = 120;
/** Rows from the top of the view a double-click fit reads (besides those on screen). */
const FIT_SAMPLE_ROWS = 1_000;
/** Columns within this distance of the visible area are laid out too, so a small horizontal scroll shows text at once. */
const COLUMN_OVERSCAN_PX = 160;

export interface ResultGridEvents {
  /** A filterable value (IP, port, region…) was clicked or activated with Enter. */
  onFilterValue(field: string, value: string): void;
  /** The user scrolled near the end of what is loaded. */
  onNearEnd(): void;
  onScroll(scrollTop: number): void;
  /** Text for the clipboard (the host page has no other clipboard route); `copied`: the sentence saying what was copied. */
  onCopy(text: string, copied: string): void;
  /** The active row moved (click or keyboard): the record detail follows it. */
  onActiveRow?(): void;
}

interface CellElement {
  readonly cell: HTMLDivElement;
  readonly value: HTMLSpanElement;
  readonly valueText: Text;
  /** Created on first use and detached while empty: most cells never show a hint. */
  hint: HTMLSpanElement | undefined;
  hintText: Text | undefined;
  filterable: boolean;
  numeric: boolean;
  /** Scrolled out of view horizontally: value kept, layout skipped, no hint. */
  off: boolean;
  /** The text shown is cut (or marked): the whole value is the value element's title and accessible name. */
  differs: boolean;
}

interface RowElement {
  readonly el: HTMLDivElement;
  readonly cells: CellElement[];
  index: number;
  /** The store version the row was filled for (sort/filter/row count, columns in view). */
  version: string;
}

export class ResultGrid {
  readonly element: HTMLDivElement;
  /** The filter matches the hints the grid shows too ("TCP" finds protocol 6). */
  readonly store = new ResultStore((column) => columnPresenter(column).hint);
  private readonly scroller: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly rowsLayer: HTMLDivElement;
  private readonly empty: HTMLDivElement;
  private pool: RowElement[] = [];
  /** Widths by store column. */
  private widths: number[] = [];
  /** The person's column choice and the current result's columns arranged by it (display → store index). */
  private choice: ColumnChoice = NO_COLUMN_CHOICE;
  private arrangement: ColumnArrangement = { shown: [], pinnedCount: 0 };
  private presenters: ColumnPresenter[] = [];
  private columnsInView: ColumnRange = { first: 0, end: 0 };
  private numeric: boolean[] = [];
  private win: ViewportWindow = { first: 0, end: 0, offsetY: 0, totalHeight: 0, scaled: false };
  private activeRow = 0;
  /** A display position (index into arrangement.shown). */
  private activeCol = 0;
  private anchorRow = 0;
  private frame = 0;
  private settle = 0;
  private idleScan = 0;
  private emptyText = t('Run a query to see results.');
  /** Advance of one character of the grid's font; text is fitted to the columns with it. */
  private charPx = DEFAULT_CHAR_PX;
  /** The grid's font is not monospace: cells clip in CSS instead (slower to paint, still correct). */
  private clipInCss = false;
  /** Bumped when column widths change, so pooled rows refit their text. */
  private widthsVersion = 0;
  /** Rows Follow mode brought that the previous run did not have (marked in the grid). */
  private isNew: ((row: readonly string[]) => boolean) | undefined;
  /** Duration of the last render in ms (read by the benchmark; rendering must stay well under a frame). */
  lastRenderMs = 0;

  constructor(private readonly events: ResultGridEvents) {
    this.element = el('div', 'grid');
    this.element.dataset.testid = 'results-grid';
    // The scroller is the grid: the one tab stop (Chromium makes a scroller focusable anyway), and
    // it owns only rows, so the empty-state text beside it stays outside the grid role.
    this.scroller = el('div', 'grid-scroll');
    this.scroller.setAttribute('role', 'grid');
    this.scroller.setAttribute('aria-label', t('Query results'));
    this.scroller.setAttribute('aria-multiselectable', 'true');
    this.scroller.setAttribute(
      'aria-description',
      t('Arrow keys move, Shift extends the selection, Enter filters the query by the value, S sorts by the column, Alt+Left/Right resizes it, Ctrl+C copies.'),
    );
    this.scroller.tabIndex = 0;
    this.header = el('div', 'grid-header');
    this.spacer = el('div', 'grid-spacer');
    this.rowsLayer = el('div', 'grid-rows');
    this.rowsLayer.setAttribute('role', 'rowgroup');
    this.empty = el('div', 'grid-empty');
    this.spacer.append(this.rowsLayer);
    this.scroller.append(this.header, this.spacer);
    this.element.append(this.scroller, this.empty);

    this.scroller.addEventListener('scroll', () => {
      this.schedule();
      this.events.onScroll(this.scroller.scrollTop);
    }, { passive: true });
    this.rowsLayer.addEventListener('click', (e) => this.onRowsClick(e));
    this.element.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.element.addEventListener('copy', (e) => this.onCopyEvent(e));
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.renderEmpty();
  }

  /** Starts a new result (a new query): clears rows, keeps nothing from the old columns. */
  reset(emptyText = t('Running…')): void {
    this.cancelNumericScan();
    this.isNew = undefined;
    this.store.reset([]);
    this.widths = [];
    this.emptyText = emptyText;
    this.activeRow = this.activeCol = this.anchorRow = 0;
    this.scroller.scrollTop = 0;
    this.arrange();
    this.buildHeader();
    this.clearPool();
    this.render();
  }

  /** Applies a column choice (hidden, order, pinned) to this result and the next ones. */
  setColumnChoice(choice: ColumnChoice): void {
    this.choice = choice;
    this.arrange();
    this.activeCol = Math.min(this.activeCol, Math.max(0, this.arrangement.shown.length - 1));
    this.buildHeader();
    this.clearPool();
    this.render();
  }

  /** Marks rows for which `isNew` holds (Follow mode's new rows); undefined clears the marks. */
  markNewRows(isNew: ((row: readonly string[]) => boolean) | undefined): void {
    this.isNew = isNew;
    for (const r of this.pool) r.version = '';
    this.schedule();
  }

  /** The columns shown, in display order (names). */
  get shownColumns(): string[] {
    return this.arrangement.shown.map((c) => this.store.columns[c]);
  }

  private arrange(): void {
    this.arrangement = arrangeColumns(this.store.columns, this.choice);
  }

  /** The store column at a display position. */
  private storeCol(display: number): number {
    return this.arrangement.shown[display] ?? -1;
  }

  setEmptyText(text: string): void {
    this.emptyText = text;
    this.renderEmpty();
  }

  /**
   * Adds a page, as it arrived (packed). The first page paints synchronously (its screen of rows
   * is in the DOM when this returns); later pages are only stored (cells are read when shown) and
   * schedule a frame, and the per-cell work (numeric classification) runs in idle slices, so
   * pages queued behind the first never delay it.
   */
  appendPage(columns: readonly string[], rows: PackedRows): void {
    const firstPage = this.store.totalRows === 0;
    const grew = columns.length !== this.store.columns.length;
    const before = this.store.totalRows;
    this.store.append(columns, rows);
    if (firstPage || grew) {
      const old = this.widths;
      this.measureFont();
      const sample = this.store.rowsInArrivalOrder(before, before + WIDTH_SAMPLE_ROWS);
      this.widths = initialColumnWidths(this.store.columns, sample, this.charPx).map((w, i) => old[i] ?? w);
      this.presenters = this.store.columns.map((c) => columnPresenter(c));
      this.arrange();
      this.buildHeader();
      this.clearPool();
    }
    if (firstPage && rows.rowCount > 0) {
      this.store.scanNumeric(rows.rowCount);
      this.updateNumeric();
      if (this.frame) {
        cancelAnimationFrame(this.frame);
        this.frame = 0;
      }
      this.render();
    } else {
      if (grew) this.updateNumeric();
      this.schedule();
    }
    this.scheduleNumericScan();
  }

  private updateNumeric(): boolean {
    const next = this.store.columns.map((_, i) => this.store.isNumericSoFar(i));
    const changed = next.length !== this.numeric.length || next.some((v, i) => v !== this.numeric[i]);
    this.numeric = next;
    return changed;
  }

  /** Classifies the rest of the rows a slice at a time when the page is idle; repaints if a column stopped being numeric. */
  private scheduleNumericScan(): void {
    if (this.idleScan || this.store.numericScanComplete) return;
    const step = (deadline?: IdleDeadline): void => {
      this.idleScan = 0;
      let done = false;
      do done = this.store.scanNumeric(NUMERIC_SCAN_ROWS);
      while (!done && deadline !== undefined && deadline.timeRemaining() > 2);
      if (this.updateNumeric()) {
        // Pooled rows refill only when their index/version change: force it for the new alignment.
        for (const r of this.pool) r.version = '';
        this.schedule();
      }
      if (!done) this.scheduleNumericScan();
    };
    this.idleScan = typeof requestIdleCallback === 'function' ? requestIdleCallback(step, { timeout: 500 }) : window.setTimeout(step, 16);
  }

  private cancelNumericScan(): void {
    if (!this.idleScan) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleScan);
    else clearTimeout(this.idleScan);
    this.idleScan = 0;
  }

  /** Width of one character in the grid's (monospace) font, and whether it is monospace; once per result. */
  private measureFont(): void {
    const ctx = document.createElement('canvas').getContext('2d');
    const style = getComputedStyle(this.element);
    if (ctx) ctx.font = `${style.fontSize} ${style.fontFamily}`;
    const w = ctx ? ctx.measureText('0123456789abcdef').width / 16 : 0;
    const narrow = ctx ? ctx.measureText('iiiiiiiiiiiiiiii').width / 16 : 0;
    const wide = ctx ? ctx.measureText('WWWWWWWWWWWWWWWW').width / 16 : 0;
    this.charPx = w > 3 && w < 30 ? w : DEFAULT_CHAR_PX;
    this.clipInCss = !ctx || Math.abs(wide - narrow) > 0.05 * this.charPx || Math.abs(w - narrow) > 0.05 * this.charPx;
    this.element.classList.toggle('grid-clip', this.clipInCss);
  }

  restoreScroll(scrollTop: number): void {
    this.scroller.scrollTop = scrollTop;
    this.schedule();
  }

  get scrollTop(): number {
    return this.scroller.scrollTop;
  }

  setFilter(text: string): void {
    this.store.setFilter(text);
    this.activeRow = this.anchorRow = 0;
    this.render();
  }

  sortBy(column: number): void {
    this.store.toggleSort(column);
    this.buildHeader();
    this.render();
  }

  /** Rows currently in the DOM (for tests and the benchmark: must stay small). */
  get renderedRowCount(): number {
    return this.rowsLayer.childElementCount;
  }

  /** The active row as field → raw value, or undefined when there are no rows. */
  activeRecord(): Record<string, string> | undefined {
    if (this.activeRow >= this.store.viewRows) return undefined;
    const out: Record<string, string> = {};
    this.store.columns.forEach((name, c) => (out[name] = this.store.cell(this.activeRow, c)));
    return out;
  }

  copyActiveCell(): void {
    const v = this.store.cell(this.activeRow, this.storeCol(this.activeCol));
    this.events.onCopy(v, t('Copied cell.'));
  }

  copySelectedRows(withHeader: boolean): void {
    const [lo, hi] = this.selection();
    const rows: (readonly string[])[] = [];
    const shown = this.arrangement.shown;
    for (let i = lo; i <= hi; i++) {
      const r = this.store.rowAt(i);
      if (r) rows.push(shown.map((c) => r[c] ?? ''));
    }
    this.events.onCopy(toTsv(withHeader ? this.shownColumns : undefined, rows), rows.length === 1 ? t('Copied row.') : t('Copied {0} rows.', formatCount(rows.length)));
  }

  private selection(): [number, number] {
    return [Math.min(this.anchorRow, this.activeRow), Math.max(this.anchorRow, this.activeRow)];
  }

  /** Renders again (with overscan) when no scroll has rendered for a moment. */
  private scheduleSettle(): void {
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => {
      this.settle = 0;
      this.schedule();
    }, SETTLE_MS);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private buildHeader(): void {
    this.header.replaceChildren();
    const cols = this.store.columns;
    const { shown, pinnedCount } = this.arrangement;
    this.scroller.setAttribute('aria-colcount', String(shown.length));
    // A header row without cells is no row at all to assistive technology.
    if (shown.length > 0) {
      this.header.setAttribute('role', 'row');
      this.header.setAttribute('aria-rowindex', '1');
    } else {
      this.header.removeAttribute('role');
      this.header.removeAttribute('aria-rowindex');
    }
    this.applyWidths();
    const sort = this.store.sort;
    shown.forEach((c, d) => {
      const name = cols[c];
      const cell = el('div', 'grid-hcell');
      cell.setAttribute('role', 'columnheader');
      cell.setAttribute('aria-colindex', String(d + 1));
      cell.dataset.column = name;
      if (d < pinnedCount) pin(cell, d);
      const sorted = sort?.column === c ? sort.direction : undefined;
      cell.setAttribute('aria-sort', sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none');
      const button = el('button', 'grid-hlabel');
      button.type = 'button';
      button.tabIndex = -1;
      button.title = t('Sort by {0}', name);
      const label = el('span', 'grid-hname');
      label.textContent = name;
      const arrow = el('span', `codicon ${sorted === 'asc' ? 'codicon-arrow-up' : sorted === 'desc' ? 'codicon-arrow-down' : ''} grid-sort`);
      button.append(label, arrow);
      button.addEventListener('click', () => this.sortBy(c));
      const handle = el('div', 'grid-resize');
      handle.setAttribute('aria-hidden', 'true');
      handle.title = t('Drag to resize; double-click to fit the values');
      handle.addEventListener('pointerdown', (e) => this.startResize(e, c, handle));
      handle.addEventListener('dblclick', (e) => {
        e.stopPropagation();
        this.fitColumn(c);
      });
      cell.append(button, handle);
      this.header.append(cell);
    });
  }

  private startResize(e: PointerEvent, column: number, handle: HTMLElement): void {
    e.preventDefault();
    e.stopPropagation();
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = this.widths[column];
    const move = (ev: PointerEvent) => {
      this.widths[column] = Math.max(MIN_COLUMN_WIDTH, startW + ev.clientX - startX);
      this.applyWidths();
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  }

  /** Widens (or narrows) a column to its values: the first rows of the view and those on screen. */
  fitColumn(column: number): void {
    const name = this.store.columns[column];
    if (name === undefined) return;
    const sampled = new Set<number>();
    for (let i = 0; i < Math.min(this.store.viewRows, FIT_SAMPLE_ROWS); i++) sampled.add(i);
    for (let i = this.win.first; i < this.win.end; i++) sampled.add(i);
    const values = [...sampled].map((i) => this.store.cell(i, column));
    this.widths[column] = columnWidthFor(name, values, this.charPx, MAX_FITTED_WIDTH);
    this.applyWidths();
  }

  private resizeColumn(display: number, delta: number): void {
    const column = this.storeCol(display);
    if (this.widths[column] === undefined) return;
    this.widths[column] = Math.max(MIN_COLUMN_WIDTH, this.widths[column] + delta);
    this.applyWidths();
  }

  /** Column widths live in one CSS variable on the grid, so resizing touches no row elements. */
  private applyWidths(): void {
    const shownWidths = this.shownWidths();
    this.element.style.setProperty('--grid-columns', shownWidths.map((w) => `${w}px`).join(' ') || '1fr');
    // Pinned columns stick at the sum of the pinned widths before them.
    let left = 0;
    for (let d = 0; d < this.arrangement.pinnedCount; d++) {
      this.element.style.setProperty(`--pin-left-${d}`, `${left}px`);
      left += shownWidths[d] ?? 0;
    }
    const total = shownWidths.reduce((s, w) => s + w, 0);
    this.spacer.style.width = `${total}px`;
    this.header.style.width = `${total}px`;
    this.widthsVersion++;
    // Wider or narrower columns can bring others into view.
    this.schedule();
  }

  /** Widths in display order. */
  private shownWidths(): number[] {
    return this.arrangement.shown.map((c) => this.widths[c] ?? MIN_COLUMN_WIDTH);
  }

  private clearPool(): void {
    this.pool = [];
    this.rowsLayer.replaceChildren();
  }

  private makeRow(): RowElement {
    const rowEl = el('div', 'grid-row');
    rowEl.setAttribute('role', 'row');
    rowEl.setAttribute('aria-selected', 'false');
    const cells = this.arrangement.shown.map((_, c) => {
      const cell = el('div', 'grid-cell');
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('aria-colindex', String(c + 1));
      cell.dataset.col = String(c);
      cell.style.gridColumn = String(c + 1);
      if (c < this.arrangement.pinnedCount) pin(cell, c);
      const value = el('span', 'grid-value');
      // Text nodes are kept and their data replaced: cheaper than textContent, and still text.
      const valueText = document.createTextNode('');
      value.append(valueText);
      cell.append(value);
      rowEl.append(cell);
      const ce: CellElement = { cell, value, valueText, hint: undefined, hintText: undefined, filterable: false, numeric: false, off: false, differs: false };
      return ce;
    });
    return { el: rowEl, cells, index: -1, version: '' };
  }

  private render(): void {
    const t0 = performance.now();
    this.renderWindow();
    this.lastRenderMs = performance.now() - t0;
    this.element.dataset.renderMs = this.lastRenderMs.toFixed(1);
  }

  private renderWindow(): void {
    const store = this.store;
    // Every layout read comes before the first write, so the render forces no layout of its own.
    const headerHeight = this.header.offsetHeight || ROW_HEIGHT;
    const viewportHeight = Math.max(ROW_HEIGHT, this.scroller.clientHeight - headerHeight);
    this.columnsInView = visibleColumns(this.shownWidths(), this.scroller.scrollLeft, this.scroller.clientWidth, COLUMN_OVERSCAN_PX);
    const count = store.viewRows;
    this.scroller.setAttribute('aria-rowcount', String(count + 1));
    const at = { scrollTop: this.scroller.scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, rowCount: count };
    const overscan = overscanAfter(this.win, computeViewport({ ...at, overscan: 0 }), OVERSCAN);
    this.win = computeViewport({ ...at, overscan });
    // After a jump, the overscan rows follow once scrolling pauses.
    if (overscan === 0 && OVERSCAN > 0) this.scheduleSettle();
    this.spacer.style.height = `${this.win.totalHeight}px`;
    this.rowsLayer.style.transform = `translateY(${this.win.offsetY}px)`;
    const needed = this.win.end - this.win.first;
    while (this.pool.length < needed) {
      const r = this.makeRow();
      this.pool.push(r);
      this.rowsLayer.append(r.el);
    }
    while (this.pool.length > needed) this.pool.pop()?.el.remove();
    const [selLo, selHi] = this.selection();
    const version = this.versionKey();
    const focused = this.element.contains(document.activeElement);
    for (let k = 0; k < needed; k++) {
      const index = this.win.first + k;
      const r = this.pool[k];
      // Only a row being refilled is read: the store decodes its cells on every read.
      if (r.index !== index || r.version !== version) this.fillRow(r, index, store.rowAt(index), version);
      const selected = index >= selLo && index <= selHi;
      if (r.el.classList.contains('selected') !== selected) {
        r.el.classList.toggle('selected', selected);
        r.el.setAttribute('aria-selected', String(selected));
      }
      for (let ci = 0; ci < r.cells.length; ci++) {
        const c = r.cells[ci];
        const active = index === this.activeRow && ci === this.activeCol;
        if (active) {
          c.cell.classList.add('active');
          c.cell.id = 'grid-active-cell';
        } else if (c.cell.id) {
          c.cell.classList.remove('active');
          c.cell.removeAttribute('id');
        }
      }
    }
    if (focused && this.activeRow >= this.win.first && this.activeRow < this.win.end) this.scroller.setAttribute('aria-activedescendant', 'grid-active-cell');
    else this.scroller.removeAttribute('aria-activedescendant');
    this.renderEmpty();
    if (count > 0 && this.win.end >= count - 50 && !store.filter) this.events.onNearEnd();
  }

  /** Changes whenever sort/filter/columns in view/widths change, so pooled rows showing the same index refill. */
  private versionKey(): string {
    const s = this.store.sort;
    const v = this.columnsInView;
    return `${s ? `${s.column}${s.direction}` : ''}|${this.store.filter}|${this.store.totalRows}|${v.first}-${v.end}|${this.widthsVersion}`;
  }

  private fillRow(r: RowElement, index: number, row: readonly string[] | undefined, version: string): void {
    r.index = index;
    r.version = version;
    r.el.dataset.row = String(index);
    r.el.setAttribute('aria-rowindex', String(index + 2));
    r.el.classList.toggle('odd', index % 2 === 1);
    const fresh = row !== undefined && this.isNew?.(row) === true;
    if (r.el.classList.contains('new') !== fresh) {
      r.el.classList.toggle('new', fresh);
      if (fresh) r.el.setAttribute('aria-description', t('New since the previous run'));
      else r.el.removeAttribute('aria-description');
    }
    const cols = this.store.columns;
    const inView = this.columnsInView;
    const { shown, pinnedCount } = this.arrangement;
    for (let d = 0; d < r.cells.length; d++) {
      const c = shown[d];
      const v = row?.[c] ?? '';
      const p = this.presenters[c];
      const cell = r.cells[d];
      const off = d >= pinnedCount && (d < inView.first || d >= inView.end);
      if (cell.off !== off) {
        cell.off = off;
        cell.cell.classList.toggle('off', off);
      }
      // Hints only where they can be seen: a time hint costs a Date, and a hidden one is stale text.
      const hint = off || v === '' ? '' : (p?.hint?.(v) ?? '');
      const fit = off || this.clipInCss ? { text: v, hint, differs: false } : fitCell(v, hint, this.widths[c] ?? 0, this.charPx);
      if (cell.valueText.data !== fit.text) cell.valueText.data = fit.text;
      setHint(cell, fit.hint);
      const filterable = p?.filterField !== undefined && v !== '';
      if (cell.filterable !== filterable || cell.differs !== fit.differs || fit.differs) {
        cell.filterable = filterable;
        cell.differs = fit.differs;
        cell.value.classList.toggle('filterable', filterable);
        setValueTitle(cell, fit.differs ? v : undefined, filterable ? t('Add {0}:… to the query (click or Enter)', cols[c] ?? '') : undefined);
      }
      const numeric = this.numeric[c] === true;
      if (cell.numeric !== numeric) {
        cell.numeric = numeric;
        cell.cell.classList.toggle('num', numeric);
      }
    }
  }

  private renderEmpty(): void {
    const none = this.store.viewRows === 0;
    this.empty.hidden = !none;
    if (none) this.empty.textContent = this.store.totalRows > 0 ? t('No rows match the filter.') : this.emptyText;
  }

  private onRowsClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const cell = target.closest<HTMLElement>('.grid-cell');
    const rowEl = target.closest<HTMLElement>('.grid-row');
    if (!cell || !rowEl) return;
    const index = Number(rowEl.dataset.row);
    const col = Number(cell.dataset.col);
    this.moveTo(index, col, e.shiftKey);
    this.scroller.focus({ preventScroll: true });
    if (target.classList.contains('filterable')) this.filterActive();
  }

  private filterActive(): void {
    const column = this.storeCol(this.activeCol);
    const v = this.store.cell(this.activeRow, column);
    const field = this.presenters[column]?.filterField;
    if (field !== undefined && v !== '') this.events.onFilterValue(field, v);
  }

  private moveTo(row: number, col: number, extend: boolean): void {
    const count = this.store.viewRows;
    if (count === 0) return;
    this.activeRow = Math.max(0, Math.min(count - 1, row));
    this.activeCol = Math.max(0, Math.min(this.arrangement.shown.length - 1, col));
    if (!extend) this.anchorRow = this.activeRow;
    const headerHeight = this.header.offsetHeight || ROW_HEIGHT;
    const viewportHeight = Math.max(ROW_HEIGHT, this.scroller.clientHeight - headerHeight);
    const target = scrollTopForRow(this.activeRow, { scrollTop: this.scroller.scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, rowCount: count, overscan: OVERSCAN });
    if (target !== this.scroller.scrollTop) this.scroller.scrollTop = target;
    this.revealColumn(this.activeCol);
    this.render();
    this.events.onActiveRow?.();
  }

  private revealColumn(col: number): void {
    const widths = this.shownWidths();
    if (col < this.arrangement.pinnedCount) return; // always in view
    const pinned = widths.slice(0, this.arrangement.pinnedCount).reduce((s, w) => s + w, 0);
    const left = widths.slice(0, col).reduce((s, w) => s + w, 0);
    const right = left + (widths[col] ?? 0);
    if (left - pinned < this.scroller.scrollLeft) this.scroller.scrollLeft = left - pinned;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  private onKeyDown(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor((this.scroller.clientHeight - ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const mod = e.ctrlKey || e.metaKey;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown': this.moveTo(this.activeRow + 1, this.activeCol, e.shiftKey); break;
      case 'ArrowUp': this.moveTo(this.activeRow - 1, this.activeCol, e.shiftKey); break;
      // Alt+Left/Right resizes the active column: the keyboard route to what the drag handle does.
      case 'ArrowRight': if (e.altKey) this.resizeColumn(this.activeCol, 16); else this.moveTo(this.activeRow, this.activeCol + 1, false); break;
      case 'ArrowLeft': if (e.altKey) this.resizeColumn(this.activeCol, -16); else this.moveTo(this.activeRow, this.activeCol - 1, false); break;
      case 'PageDown': this.moveTo(this.activeRow + page, this.activeCol, e.shiftKey); break;
      case 'PageUp': this.moveTo(this.activeRow - page, this.activeCol, e.shiftKey); break;
      case 'Home': if (mod) this.moveTo(0, this.activeCol, e.shiftKey); else this.moveTo(this.activeRow, 0, false); break;
      case 'End': if (mod) this.moveTo(this.store.viewRows - 1, this.activeCol, e.shiftKey); else this.moveTo(this.activeRow, this.arrangement.shown.length - 1, false); break;
      case 'Enter': if (!mod) this.filterActive(); else handled = false; break;
      case 's': case 'S': if (!mod) this.sortBy(this.storeCol(this.activeCol)); else handled = false; break;
      case 'a': case 'A': if (mod) { this.anchorRow = 0; this.moveTo(this.store.viewRows - 1, this.activeCol, true); } else handled = false; break;
      case 'c': case 'C':
        if (mod) {
          // Ctrl+C: the cell, or the selected rows when several are selected; Ctrl+Shift+C: rows with header.
          if (e.shiftKey) this.copySelectedRows(true);
          else if (this.anchorRow !== this.activeRow) this.copySelectedRows(false);
          else this.copyActiveCell();
        } else handled = false;
        break;
      default: handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /** VS Code routes its Copy command to the webview as a DOM copy event. */
  private onCopyEvent(e: ClipboardEvent): void {
    if (!e.clipboardData || this.store.viewRows === 0) return;
    const [lo, hi] = this.selection();
    const rows: (readonly string[])[] = [];
    const shown = this.arrangement.shown;
    for (let i = lo; i <= hi; i++) {
      const r = this.store.rowAt(i) ?? [];
      rows.push(shown.map((c) => r[c] ?? ''));
    }
    const text = lo === hi ? this.store.cell(this.activeRow, this.storeCol(this.activeCol)) : toTsv(undefined, rows);
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  }
}

/** The value element's title (and, when the text is cut, its accessible name: the whole value). */
function setValueTitle(cell: CellElement, whole: string | undefined, action: string | undefined): void {
  const title = [whole, action].filter((t) => t !== undefined).join('\n');
  if (title) cell.value.title = title;
  else cell.value.removeAttribute('title');
  if (whole !== undefined) cell.value.setAttribute('aria-label', whole);
  else cell.value.removeAttribute('aria-label');
}

/** Shows a hint beside the value; an empty hint takes its element out of the cell (less to lay out). */
function setHint(cell: CellElement, hint: string): void {
  if (hint === '') {
    if (cell.hint?.isConnected) cell.hint.remove();
    return;
  }
  if (!cell.hint || !cell.hintText) {
    cell.hint = el('span', 'grid-hint');
    cell.hintText = document.createTextNode('');
    cell.hint.append(cell.hintText);
  }
  if (cell.hintText.data !== hint) cell.hintText.data = hint;
  if (!cell.hint.isConnected) cell.cell.append(cell.hint);
}

/** A pinned cell sticks at the left edge while the grid scrolls sideways. */
function pin(cell: HTMLElement, display: number): void {
  cell.classList.add('pinned');
  cell.style.left = `var(--pin-left-${display})`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}
