/**
 * The record-count histogram above the grid, drawn on a canvas in the theme's colours.
 * Dragging across it selects whole buckets and asks to zoom to that range.
 */
import type { HistogramBucketInfo } from '../../src/protocol/messages';
import { bucketAt, histogramBars, rangeForDrag } from './histogramScale';
import { formatUnixSeconds, formatCount } from '../grid/valueFormat';

export class HistogramView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tip: HTMLDivElement;
  private buckets: readonly HistogramBucketInfo[] = [];
  private drag: { start: number; now: number } | undefined;

  constructor(private readonly onZoom: (range: { from: number; to: number }) => void) {
    this.element = document.createElement('div');
    this.element.className = 'histogram';
    this.element.dataset.testid = 'histogram';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Record counts over the time range. Drag across to zoom in.');
    this.tip = document.createElement('div');
    this.tip.className = 'histogram-tip';
    this.tip.hidden = true;
    this.element.append(this.canvas, this.tip);
    this.element.hidden = true;
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      this.drag = { start: e.offsetX, now: e.offsetX };
      this.draw();
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.drag) {
        this.drag.now = e.offsetX;
        this.draw();
      }
      this.showTip(e.offsetX);
    });
    this.canvas.addEventListener('pointerleave', () => (this.tip.hidden = true));
    this.canvas.addEventListener('pointerup', (e) => {
      const d = this.drag;
      this.drag = undefined;
      this.draw();
      if (!d) return;
      const range = rangeForDrag(this.buckets, this.canvas.clientWidth, d.start, e.offsetX);
      if (range) this.onZoom(range);
    });
    new ResizeObserver(() => this.draw()).observe(this.element);
  }

  clear(): void {
    this.buckets = [];
    this.element.hidden = true;
  }

  show(buckets: readonly HistogramBucketInfo[]): void {
    this.buckets = buckets;
    this.element.hidden = buckets.length === 0;
    const total = buckets.reduce((s, b) => s + b.count, 0);
    this.canvas.setAttribute('aria-label', `Record counts over the time range: ${formatCount(total)} records in ${buckets.length} buckets. Drag across to zoom in.`);
    this.draw();
  }

  private showTip(x: number): void {
    const i = bucketAt(this.buckets, this.canvas.clientWidth, x);
    const b = this.buckets[i];
    if (!b) {
      this.tip.hidden = true;
      return;
    }
    this.tip.textContent = `${formatUnixSeconds(b.from)} – ${formatUnixSeconds(b.to).slice(11)}: ${formatCount(b.count)}`;
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(Math.max(0, x - 80), Math.max(0, this.canvas.clientWidth - 220))}px`;
  }

  /** Redraws with the current theme colours (after a theme switch). */
  redraw(): void {
    this.draw();
  }

  private draw(): void {
    if (this.element.hidden) return;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const style = getComputedStyle(this.element);
    const bar = style.getPropertyValue('--histogram-bar').trim() || '#3794ff';
    const sel = style.getPropertyValue('--histogram-selection').trim() || 'rgba(55,148,255,0.25)';
    const axis = style.getPropertyValue('--histogram-axis').trim() || '#888';
    const plotH = h - 14;
    ctx.fillStyle = bar;
    for (const b of histogramBars(this.buckets, w, plotH - 2)) ctx.fillRect(b.x, plotH - b.height, b.width, b.height);
    ctx.fillStyle = axis;
    ctx.font = `10px ${style.fontFamily}`;
    if (this.buckets.length > 0) {
      const first = formatUnixSeconds(this.buckets[0].from);
      const last = formatUnixSeconds(this.buckets[this.buckets.length - 1].to);
      ctx.textBaseline = 'bottom';
      ctx.textAlign = 'left';
      ctx.fillText(first, 0, h);
      ctx.textAlign = 'right';
      ctx.fillText(last, w, h);
    }
    if (this.drag) {
      ctx.fillStyle = sel;
      const lo = Math.min(this.drag.start, this.drag.now);
      ctx.fillRect(lo, 0, Math.abs(this.drag.now - this.drag.start), plotH);
    }
  }
}
