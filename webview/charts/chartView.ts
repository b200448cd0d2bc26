/**
 * Renders an SQL result as a chart: uPlot (≈ 50 KB, canvas, fast on large series) for line, area
 * and bar; a pie drawn as SVG here (uPlot has none); 'table' shows nothing (the grid is the table).
 * Colours come from VS Code's chart theme variables; all labels are set as text.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartAxes, ChartKind } from '../../src/protocol/messages';
import { categoryData, pieSlices, stackValues, timeSeriesData } from './chartChoice';
import { formatBytes } from '../grid/valueFormat';
import { displayFormat, t } from '../l10n';

const PALETTE_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
const PALETTE_FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];
const SVG_NS = 'http://www.w3.org/2000/svg';

export class ChartView {
  readonly element: HTMLDivElement;
  private plot: uPlot | undefined;
  private last: { kind: ChartKind; columns: readonly string[]; rows: readonly (readonly string[])[]; axes: ChartAxes } | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.dataset.testid = 'chart';
    new ResizeObserver(() => {
      if (this.plot) this.plot.setSize(this.size());
    }).observe(this.element);
  }

  clear(message = ''): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.last = undefined;
    const note = document.createElement('div');
    note.className = 'chart-empty';
    note.textContent = message;
    this.element.replaceChildren(note);
  }

  render(kind: ChartKind, columns: readonly string[], rows: readonly (readonly string[])[], axes: ChartAxes = {}): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.element.replaceChildren();
    this.last = { kind, columns, rows, axes };
    this.element.dataset.kind = kind;
    delete this.element.dataset.series;
    switch (kind) {
      case 'line':
      case 'area':
        return this.renderTime(kind, columns, rows, axes);
      case 'bar':
        return this.renderBars(columns, rows, axes);
      case 'pie':
        return this.renderPie(columns, rows, axes);
      case 'table':
        return this.clear(t('The table view is the Results tab.'));
    }
  }

  /** Re-reads theme colours (VS Code changes the variables when the theme changes). */
  refreshTheme(): void {
    if (this.last) this.render(this.last.kind, this.last.columns, this.last.rows, this.last.axes);
  }

  /** The chart as a PNG (the canvas uPlot drew, or the pie's SVG drawn onto one); undefined when nothing is drawn. */
  async toPng(): Promise<Blob | undefined> {
    const canvas = this.plot ? this.plot.ctx.canvas : await this.pieCanvas();
    if (!canvas) return undefined;
    return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? undefined), 'image/png'));
  }

  /** The pie drawn again onto a canvas (slices and legend text), from the data it was drawn from. */
  private async pieCanvas(): Promise<HTMLCanvasElement | undefined> {
    const last = this.last;
    if (!last || last.kind !== 'pie') return undefined;
    const data = categoryData(last.columns, last.rows, { ...last.axes, split: '' });
    if (!data) return undefined;
    const slices = pieSlices(data);
    const colors = this.palette();
    const style = getComputedStyle(document.body);
    const size = 220;
    const canvas = document.createElement('canvas');
    canvas.width = size + 320;
    canvas.height = Math.max(size, 20 * slices.length + 20);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.fillStyle = style.backgroundColor;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const c = size / 2;
    const total = slices.reduce((sum, x) => sum + x.value, 0);
    ctx.font = `12px ${style.fontFamily}`;
    ctx.textBaseline = 'middle';
    slices.forEach((sl, i) => {
      ctx.fillStyle = colors[i % colors.length];
      ctx.beginPath();
      ctx.moveTo(c, c);
      // Slices start at 12 o'clock and run clockwise; the canvas counts from 3 o'clock.
      ctx.arc(c, c, c - 4, sl.startAngle - Math.PI / 2, sl.endAngle - Math.PI / 2);
      ctx.closePath();
      ctx.fill();
      ctx.fillRect(size + 16, 14 + i * 20, 10, 10);
      ctx.fillStyle = style.color;
      const pct = percent(sl.value, total);
      ctx.fillText(`${sl.label} — ${compactNumber(sl.value)} (${pct})`, size + 32, 19 + i * 20);
    });
    return canvas;
  }

  /** The drawn series' names, for tests and tools (one per line). */
  private noteSeries(names: readonly string[]): void {
    this.element.dataset.series = names.join('\n');
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.element.clientWidth - 8), height: Math.max(160, this.element.clientHeight - 48) };
  }

  private palette(): string[] {
    const style = getComputedStyle(document.documentElement);
    return PALETTE_VARS.map((v, i) => style.getPropertyValue(v).trim() || PALETTE_FALLBACK[i]);
  }

  private axisColors(): { stroke: string; grid: string; font: string } {
    const style = getComputedStyle(document.documentElement);
    return {
      stroke: style.getPropertyValue('--vscode-descriptionForeground').trim() || '#999',
      grid: style.getPropertyValue('--vscode-editorWidget-border').trim() || 'rgba(128,128,128,0.25)',
      font: `11px ${style.getPropertyValue('--vscode-font-family').trim() || 'sans-serif'}`,
    };
  }

  private axes(valueLabel: (v: number) => string, xValues?: (u: uPlot, splits: number[]) => string[]): uPlot.Axis[] {
    const a = this.axisColors();
    const base = { stroke: a.stroke, font: a.font, grid: { stroke: a.grid, width: 1 }, ticks: { stroke: a.grid, width: 1 } };
    return [
      xValues ? { ...base, values: xValues } : base,
      { ...base, size: 70, values: (_u: uPlot, splits: number[]) => splits.map(valueLabel) },
    ];
  }

  private renderTime(kind: 'line' | 'area', columns: readonly string[], rows: readonly (readonly string[])[], axes: ChartAxes): void {
    const shaped = timeSeriesData(columns, rows, axes);
    if (!shaped) return this.clear(t('This result has no time column and number column to draw over time.'));
    this.noteSeries(shaped.series.map((s) => s.name));
    // Stacked: each series on top of those before it, drawn last-first so the lower ones stay visible.
    const stacked = axes.stacked ? stackValues(shaped.series).reverse() : shaped.series;
    const data = { x: shaped.x, series: stacked.map((s) => ({ ...s, values: axes.log ? s.values.map(positiveOrNull) : s.values })) };
    const colors = this.palette();
    const bytes = data.series.every((s) => /bytes/i.test(s.name));
    const fmt = (v: number) => (bytes ? formatBytes(v) : compactNumber(v));
    const series: uPlot.Series[] = [
      {},
      ...data.series.map((s, i) => ({
        label: s.name,
        stroke: colors[i % colors.length],
        width: 1.5,
        fill: kind === 'area' ? withAlpha(colors[i % colors.length], 0.25) : undefined,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : fmt(v)),
      })),
    ];
    const aligned: uPlot.AlignedData = [data.x as number[], ...data.series.map((s) => s.values as (number | null)[])];
    const scales: uPlot.Scales = axes.log ? { y: { distr: 3 } } : {};
    this.plot = new uPlot({ ...this.size(), series, scales, axes: this.axes(fmt), cursor: { drag: { x: false, y: false } } }, aligned, this.element);
  }

  private renderBars(columns: readonly string[], rows: readonly (readonly string[])[], axes: ChartAxes): void {
    const shaped = categoryData(columns, rows.slice(0, 200), axes);
    if (!shaped) return this.clear(t('This result has no number column to draw as bars.'));
    this.noteSeries(shaped.series.map((s) => s.name));
    // Stacked bars share one slot per label, each drawn as the running total (last-first).
    const data = { labels: shaped.labels, series: axes.stacked ? stackValues(shaped.series).reverse() : shaped.series };
    const stacked = axes.stacked === true;
    const colors = this.palette();
    const labels = data.labels;
    const bytes = data.series.every((s) => /bytes/i.test(s.name));
    const fmt = (v: number) => (bytes ? formatBytes(v) : compactNumber(v));
    const n = stacked ? 1 : data.series.length;
    const bars = uPlot.paths.bars;
    const series: uPlot.Series[] = [
      { label: columns[0], value: (_u: uPlot, v: number | null) => (v == null ? '' : labels[v] ?? '') },
      ...data.series.map((s, i) => ({
        label: s.name,
        stroke: colors[i % colors.length],
        fill: withAlpha(colors[i % colors.length], 0.8),
        width: 0,
        paths: bars ? bars({ size: [0.8 / n, 64], align: 0, disp: { x0: { unit: 2, values: () => labels.map((_, k) => k - 0.4 + (0.8 / n) * ((stacked ? 0 : i) + 0.5)) } } }) : undefined,
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : fmt(v)),
      })),
    ];
    const x = labels.map((_, i) => i);
    const aligned: uPlot.AlignedData = [x, ...data.series.map((s) => (axes.log ? s.values.map(positiveOrNull) : s.values) as (number | null)[])];
    const xValues = (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? truncate(labels[v] ?? '', 16) : ''));
    this.plot = new uPlot(
      {
        ...this.size(),
        series,
        axes: this.axes(fmt, xValues),
        scales: {
          x: { time: false, range: () => [-0.6, labels.length - 0.4] },
          y: axes.log ? { distr: 3 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] },
        },
        cursor: { drag: { x: false, y: false } },
      },
      aligned,
      this.element,
    );
  }

  private renderPie(columns: readonly string[], rows: readonly (readonly string[])[], axes: ChartAxes): void {
    // A pie has one series and no split: x and y are all it takes of the axes.
    const data = categoryData(columns, rows, { ...axes, split: '' });
    if (!data) return this.clear(t('This result has no number column to draw as a pie.'));
    this.noteSeries(data.series.slice(0, 1).map((s) => s.name));
    const slices = pieSlices(data);
    const colors = this.palette();
    const wrap = document.createElement('div');
    wrap.className = 'pie';
    const size = 220;
    const r = size / 2 - 4;
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('role', 'img');
    const total = slices.reduce((s, x) => s + x.value, 0);
    svg.setAttribute('aria-label', t('Pie chart of {0} by {1}', data.series[0]?.name ?? '', columns[0] ?? ''));
    const legend = document.createElement('ul');
    legend.className = 'pie-legend';
    slices.forEach((s, i) => {
      const color = colors[i % colors.length];
      const shape = s.endAngle - s.startAngle >= Math.PI * 2 - 1e-9 ? circle(size / 2, r) : arc(size / 2, r, s.startAngle, s.endAngle);
      shape.setAttribute('fill', color);
      // var() is not valid in SVG presentation attributes; as a style property it is.
      shape.style.stroke = 'var(--vscode-editor-background)';
      const title = document.createElementNS(SVG_NS, 'title');
      const pct = percent(s.value, total);
      title.textContent = `${s.label}: ${displayFormat().decimal(s.value, 2)} (${pct})`;
      shape.append(title);
      svg.append(shape);
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = color;
      const text = document.createElement('span');
      text.textContent = `${s.label} — ${compactNumber(s.value)} (${pct})`;
      li.append(sw, text);
      legend.append(li);
    });
    wrap.append(svg, legend);
    this.element.append(wrap);
  }
}

function arc(c: number, r: number, a0: number, a1: number): SVGPathElement {
  const p = document.createElementNS(SVG_NS, 'path');
  const x0 = c + r * Math.sin(a0);
  const y0 = c - r * Math.cos(a0);
  const x1 = c + r * Math.sin(a1);
  const y1 = c - r * Math.cos(a1);
  const large = a1 - a0 > Math.PI ? 1 : 0;
  p.setAttribute('d', `M ${c} ${c} L ${x0} ${y0} A ${r} ${r} 0 ${large} 1 ${x1} ${y1} Z`);
  return p;
}

function circle(c: number, r: number): SVGCircleElement {
  const e = document.createElementNS(SVG_NS, 'circle');
  e.setAttribute('cx', String(c));
  e.setAttribute('cy', String(c));
  e.setAttribute('r', String(r));
  return e;
}

/** A log scale has no place for zero or less. */
function positiveOrNull(v: number | null): number | null {
  return v !== null && v > 0 ? v : null;
}

// Axis and legend labels keep plain digits (the same in en and zh-cn): an Intl-formatted version
// left the copied chart image a different size from the settled canvas (workbenchExploring e2e).
function compactNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** A slice's share as "12.5%" in the display language. */
function percent(value: number, total: number): string {
  return `${total > 0 ? displayFormat().decimal((value / total) * 100, 1, true) : displayFormat().count(0)}%`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Adds transparency to a #rrggbb colour (theme values are hex); other formats pass unchanged. */
function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  return `#${m[1]}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
}
