/**
 * Picks a chart for an SQL result from its columns and values, and shapes the data for it.
 * Pure (no DOM): the renderer (uPlot / SVG pie) only draws what this returns.
 */
import type { ChartAxes, ChartKind } from '../../src/protocol/messages';
import type { FieldKind } from '../../src/flowlogs/catalog';
import { columnKind, presentCell } from '../grid/valueFormat';
import { t } from '../l10n';

/** Catalog fields whose numbers are codes, not measures (port 443 is a label, not an amount). */
const CODE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['port', 'protocol', 'account', 'ip', 'region', 'direction', 'logStatus', 'cen', 'attachment']);

type Row = readonly string[];

const TIME_NAMES = /^(t|ts)$|(^|_)(time|timestamp|window|minute|hour|day|date|start|end|bucket)(_|$)|time|_at$/i;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Rows looked at when classifying columns; enough to decide, cheap on large results. */
export const CHART_SAMPLE_ROWS = 500;
/** Slices beyond this make a pie unreadable; a bar chart is the better default. */
export const PIE_MAX_SLICES = 6;

export type ColumnRole = 'time' | 'number' | 'category';

/** Parses a time cell to UNIX seconds (numbers in s or ms, or date text), or undefined. */
export function parseTimeValue(v: string): number | undefined {
  const s = v.trim();
  if (NUMBER.test(s)) {
    const n = Number(s);
    if (n >= 1e11 && n < 1e14) return n / 1000; // milliseconds
    if (n >= 1e8 && n < 1e11) return n;
    return undefined;
  }
  if (DATE_TEXT.test(s)) {
    const t = Date.parse(s.includes('T') ? s : s.replace(' ', 'T'));
    return Number.isFinite(t) ? t / 1000 : undefined;
  }
  return undefined;
}

function sample(rows: readonly Row[]): readonly Row[] {
  return rows.length <= CHART_SAMPLE_ROWS ? rows : rows.slice(0, CHART_SAMPLE_ROWS);
}

export function columnRoles(columns: readonly string[], rows: readonly Row[]): ColumnRole[] {
  const s = sample(rows);
  return columns.map((name, c) => {
    let numeric = true;
    let timeLike = true;
    let seen = 0;
    for (const r of s) {
      const v = r[c] ?? '';
      if (v === '' || v === 'null') continue;
      seen++;
      if (numeric && !NUMBER.test(v.trim())) numeric = false;
      if (timeLike && parseTimeValue(v) === undefined) timeLike = false;
      if (!numeric && !timeLike) break;
    }
    if (seen === 0) return 'category';
    const kind = columnKind(name);
    if (kind && CODE_KINDS.has(kind)) return 'category';
    // Numbers are time only when the column is named like one; date text always is.
    if (timeLike && (!numeric || TIME_NAMES.test(name))) return 'time';
    return numeric ? 'number' : 'category';
  });
}

/**
 * The default chart for a result: time + numbers → line; category + number → pie (few) or bar.
 * `rows` may be the result's first CHART_SAMPLE_ROWS rows only (all that is read), with
 * `rowCount` the result's size.
 */
export function chooseChart(columns: readonly string[], rows: readonly Row[], rowCount = rows.length): ChartKind {
  if (columns.length < 2 || rowCount === 0) return 'table';
  const roles = columnRoles(columns, rows);
  const numbers = roles.filter((r) => r === 'number').length;
  const times = roles.filter((r) => r === 'time').length;
  const categories = roles.filter((r) => r === 'category').length;
  if (numbers === 0) return 'table';
  if (times >= 1) return rowCount >= 2 ? 'line' : 'bar';
  if (categories >= 1) return categories === 1 && numbers === 1 && rowCount <= PIE_MAX_SLICES ? 'pie' : 'bar';
  // Only numbers: the first column acts as a label if it looks like one (e.g. ports).
  return rowCount <= 50 ? 'bar' : 'table';
}

export interface TimeSeriesData {
  /** Ascending x values, UNIX seconds. */
  readonly x: readonly number[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

export interface CategoryData {
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/**
 * Time series: x from the first time column; one series per numeric column — and per value of a
 * category column when there is one (e.g. bytes over time split by direction in/out).
 */
export function timeSeriesData(columns: readonly string[], rows: readonly Row[], axes?: ChartAxes): TimeSeriesData | undefined {
  const resolved = resolveAxes(columns, rows, axes, 'time');
  if (!resolved) return undefined;
  const { x: tc, y: numCols, split: catCol } = resolved;
  const xs = new Set<number>();
  const cells = new Map<string, Map<number, number>>();
  const seriesOrder: string[] = [];
  for (const r of rows) {
    const x = parseTimeValue(r[tc] ?? '');
    if (x === undefined) continue;
    xs.add(x);
    for (const nc of numCols) {
      const name = catCol >= 0 ? `${r[catCol] ?? ''} ${columns[nc]}`.trim() : columns[nc];
      let m = cells.get(name);
      if (!m) {
        m = new Map();
        cells.set(name, m);
        seriesOrder.push(name);
      }
      const v = Number(r[nc]);
      if (Number.isFinite(v)) m.set(x, (m.get(x) ?? 0) + v);
    }
  }
  const x = [...xs].sort((a, b) => a - b);
  const series = seriesOrder.map((name) => {
    const m = cells.get(name) ?? new Map<number, number>();
    return { name, values: x.map((t) => m.get(t) ?? null) };
  });
  return { x, series };
}

/** Categories: labels from the first non-number column (or the first column), numbers as series. */
export function categoryData(columns: readonly string[], rows: readonly Row[], axes?: ChartAxes): CategoryData | undefined {
  const resolved = resolveAxes(columns, rows, axes, 'category');
  if (!resolved) return undefined;
  const { x: labelCol, y: numCols, split } = resolved;
  // Codes get their readable name beside them (protocol 6 → "6 TCP", a region id → its name).
  const label = (v: string): string => {
    const hint = presentCell(columns[labelCol], v).hint;
    return hint && columnKind(columns[labelCol]) !== 'bytes' ? `${v} ${hint}` : v;
  };
  if (split < 0) {
    return { labels: rows.map((r) => label(r[labelCol] ?? '')), series: numCols.map((nc) => ({ name: columns[nc], values: rows.map((r) => toNumber(r[nc])) })) };
  }
  // Split: one bar group per x value, one series per split value (and y column), values summed.
  const xs: string[] = [];
  const names: string[] = [];
  const sums = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const xv = r[labelCol] ?? '';
    if (!xs.includes(xv)) xs.push(xv);
    for (const nc of numCols) {
      const name = numCols.length > 1 ? `${r[split] ?? ''} ${columns[nc]}` : r[split] ?? '';
      if (!sums.has(name)) {
        sums.set(name, new Map());
        names.push(name);
      }
      const m = sums.get(name) ?? new Map<string, number>();
      m.set(xv, (m.get(xv) ?? 0) + toNumber(r[nc]));
    }
  }
  return { labels: xs.map(label), series: names.map((name) => ({ name, values: xs.map((xv) => sums.get(name)?.get(xv) ?? 0) })) };
}

/** The column indexes a chart uses: x, the y columns, and the split column (-1: none). */
export interface ResolvedAxes {
  readonly x: number;
  readonly y: readonly number[];
  readonly split: number;
}

/**
 * The person's axes where they name columns of this result, the automatic choice elsewhere: over
 * time, x is the first time column and the series split by the first category; as categories, x
 * is the first non-number column and nothing is split. Undefined when nothing can be drawn.
 */
export function resolveAxes(columns: readonly string[], rows: readonly Row[], axes: ChartAxes | undefined, mode: 'time' | 'category'): ResolvedAxes | undefined {
  const roles = columnRoles(columns, rows);
  const chosen = (name: string | undefined) => (name === undefined ? -1 : columns.indexOf(name));
  let x = chosen(axes?.x);
  if (x < 0 || (mode === 'time' && roles[x] !== 'time')) x = mode === 'time' ? roles.indexOf('time') : roles.findIndex((r) => r !== 'number');
  if (x < 0) {
    if (mode === 'time') return undefined;
    x = 0;
  }
  let split = axes?.split === undefined ? (mode === 'time' ? roles.indexOf('category') : -1) : chosen(axes.split);
  if (split === x) split = -1;
  const y0 = chosen(axes?.y);
  const y = y0 >= 0 && y0 !== x && y0 !== split && roles[y0] === 'number' ? [y0] : roles.flatMap((r, i) => (r === 'number' && i !== x && i !== split ? [i] : []));
  return y.length > 0 ? { x, y, split } : undefined;
}

/** Stacked series: each series' values plus those of the series before it (a missing value counts as 0). */
export function stackValues<S extends { readonly values: readonly (number | null)[] }>(series: readonly S[]): (S & { readonly values: (number | null)[] })[] {
  const running: number[] = [];
  return series.map((s) => {
    const values = s.values.map((v, i) => {
      running[i] = (running[i] ?? 0) + (v ?? 0);
      return v === null && running[i] === 0 ? null : running[i];
    });
    return { ...s, values };
  });
}

function toNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

export interface PieSlice {
  readonly label: string;
  readonly value: number;
  readonly startAngle: number;
  readonly endAngle: number;
}

/** Pie slices (radians from 12 o'clock, clockwise) of the first series; non-positive values skipped. */
export function pieSlices(data: CategoryData, maxSlices = 12): PieSlice[] {
  const values = data.series[0]?.values ?? [];
  const items = data.labels.map((label, i) => ({ label, value: values[i] ?? 0 })).filter((s) => s.value > 0);
  items.sort((a, b) => b.value - a.value);
  if (items.length > maxSlices) {
    const rest = items.splice(maxSlices - 1);
    items.push({ label: t('Other'), value: rest.reduce((s, r) => s + r.value, 0) });
  }
  const total = items.reduce((s, r) => s + r.value, 0);
  let angle = 0;
  return items.map((it) => {
    const start = angle;
    angle += total > 0 ? (it.value / total) * Math.PI * 2 : 0;
    return { label: it.label, value: it.value, startAngle: start, endAngle: angle };
  });
}
