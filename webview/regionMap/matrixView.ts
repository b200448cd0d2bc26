/**
 * The heat-map matrix: source regions as rows, destination regions as columns, each cell tinted by
 * its share of the busiest pair (d3-scale) with theme colours only. Every cell with traffic is
 * focusable; Enter or Space (or a click) opens its records. Arrow keys move between cells.
 */
import { scaleSqrt } from 'd3-scale';
import { regionName } from '../../src/flowlogs/regions';
import { h } from '../dom';
import { t } from '../l10n';
import { formatMetric, metricWord, type Matrix, type MatrixCell, type Metric } from './mapData';

export interface MatrixEvents {
  onOpen(cell: MatrixCell): void;
}

export interface CellNotes {
  /** Extra text for a cell (its cost estimate), keyed "src>dst". */
  readonly cost: ReadonlyMap<string, string>;
  /** Directions the CEN does not log, keyed "src>dst", with the sentence that says so. */
  readonly notLogged: ReadonlyMap<string, string>;
}

export function renderMatrix(matrix: Matrix, metric: Metric, notes: CellNotes, events: MatrixEvents): HTMLElement {
  const wrap = h('div', 'matrix-wrap');
  if (matrix.rows.length === 0) {
    wrap.append(h('p', 'empty-note', t('No cross-region traffic in this range.')));
    return wrap;
  }
  // Square root: a few busy pairs would otherwise leave every other cell looking empty.
  const tint = scaleSqrt().domain([0, matrix.max || 1]).range([6, 70]).clamp(true);
  const table = h('table', 'matrix');
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-label', t('Traffic by region pair ({0}): rows are source regions, columns destination regions', metricWord(metric)));
  table.dataset.testid = 'region-matrix';
  const head = h('tr');
  const corner = h('th', 'corner', t('from \\ to'));
  corner.setAttribute('scope', 'col');
  head.append(corner);
  for (const dst of matrix.columns) {
    const th = h('th', 'col-head', regionName(dst));
    th.setAttribute('scope', 'col');
    th.title = dst;
    head.append(th);
  }
  const thead = h('thead');
  thead.append(head);
  const tbody = h('tbody');
  matrix.rows.forEach((src, r) => {
    const tr = h('tr');
    const th = h('th', 'row-head', regionName(src));
    th.setAttribute('scope', 'row');
    th.title = src;
    tr.append(th);
    matrix.columns.forEach((dst, c) => {
      const cell = matrix.cells[r][c];
      const td = h('td', 'cell');
      td.setAttribute('role', 'gridcell');
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      if (!cell) {
        td.classList.add('no-traffic');
        td.setAttribute('aria-label', t('{0} to {1}: no traffic', regionName(src), regionName(dst)));
        tr.append(td);
        return;
      }
      const key = `${src}>${dst}`;
      const value = formatMetric(cell.value, metric);
      // data-src / data-dst name the pair (tests and the e2e find cells by them).
      td.setAttribute('data-src', src);
      td.setAttribute('data-dst', dst);
      td.dataset.testid = `cell-${key}`;
      td.tabIndex = 0;
      td.style.setProperty('--tint', `${tint(cell.value).toFixed(1)}%`);
      td.append(h('span', 'cell-value', value));
      const cost = notes.cost.get(key);
      if (cost) td.append(h('span', 'cell-cost', cost));
      const warning = notes.notLogged.get(key);
      if (warning) {
        td.classList.add('not-logged');
        const w = h('span', 'codicon codicon-warning cell-warning');
        w.setAttribute('aria-hidden', 'true');
        td.append(w);
      }
      const withCost = cost ? t('{0}, {1}', value, cost) : value;
      const what = warning ? t('{0}. {1}', withCost, warning) : withCost;
      const label = t('{0} to {1}: {2}. Press Enter to open the records.', regionName(src), regionName(dst), what);
      td.setAttribute('aria-label', label);
      td.title = label;
      td.addEventListener('click', () => events.onOpen(cell));
      td.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          events.onOpen(cell);
        }
      });
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(thead, tbody);
  table.addEventListener('keydown', (e) => moveFocus(table, e));
  wrap.append(table);
  return wrap;
}

/** Arrow keys go to the nearest cell with traffic in that direction. */
function moveFocus(table: HTMLTableElement, e: KeyboardEvent): void {
  const from = e.target instanceof HTMLElement ? e.target.closest('td.cell') : null;
  if (!(from instanceof HTMLElement)) return;
  const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const d = step[e.key];
  if (!d) return;
  e.preventDefault();
  let r = Number(from.dataset.row) + d[0];
  let c = Number(from.dataset.col) + d[1];
  for (;;) {
    const next = table.querySelector<HTMLElement>(`td.cell[data-row="${r}"][data-col="${c}"]`);
    if (!next) return;
    if (next.tabIndex === 0) {
      next.focus();
      return;
    }
    r += d[0];
    c += d[1];
  }
}
