/**
 * The record-count histogram above the grid, drawn on a canvas in the theme's colours.
 * Dragging across it selects whole buckets and asks to zoom to that range; from the keyboard it
 * is one tab stop where the arrow keys pick buckets, Shift extends, Enter zooms and Escape clears.
 */
import type { HistogramBucketInfo } from '../../src/protocol/messages';
import { bucketAt, histogramBars, rangeForDrag } from './histogramScale';
import { histogramKey, selectedCount, selectedIndexes, selectedRange, type BucketSelection } from './bucketSelection';
import { formatUnixSeconds, formatCount } from '../grid/valueFormat';
import { t } from '../l10n';

// Key names (not text): what aria-keyshortcuts takes.
const KEY_SHORTCUTS = ['ArrowLeft', 'ArrowRight', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', 'Escape'].join(' ');

export class HistogramView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tip: HTMLDivElement;
  private buckets: readonly HistogramBucketInfo[] = [];
  private drag: { start: number; now: number } | undefined;
  /** Buckets chosen with the keyboard (drawn like a drag; Enter zooms to them). */
  private selection: BucketSelection | undefined;
  /** Polite live region: what the keyboard selection covers, read out as it changes. */
  private readonly announcer: HTMLDivElement;

  constructor(private readonly onZoom: (range: { from: number; to: number }) => void) {
    this.element = document.createElement('div');
    this.element.className = 'histogram';
    this.element.dataset.testid = 'histogram';
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-roledescription', t('histogram'));
    this.element.setAttribute('aria-keyshortcuts', KEY_SHORTCUTS);
    this.element.setAttribute(
      'aria-label',
      t('Record counts over the time range. Drag across to zoom in, or use Left and Right to pick a bucket, Shift with the arrows to extend the selection, Enter to zoom to it and Escape to clear it.'),
    );
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', t('Record counts over the time range. Drag across to zoom in.'));
    this.tip = document.createElement('div');
    this.tip.className = 'histogram-tip';
    this.tip.hidden = true;
    this.announcer = document.createElement('div');
    this.announcer.className = 'offscreen';
    this.announcer.setAttribute('aria-live', 'polite');
    this.announcer.dataset.testid = 'histogram-selection';
    this.element.append(this.canvas, this.tip, this.announcer);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.hidden = true;
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      this.drag = { start: e.offsetX, now: e.offsetX };
      this.setSelection(undefined);
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
    this.setSelection(undefined);
    this.element.hidden = true;
  }

  show(buckets: readonly HistogramBucketInfo[]): void {
    this.buckets = buckets;
    this.setSelection(undefined);
    this.element.hidden = buckets.length === 0;
    const total = buckets.reduce((s, b) => s + b.count, 0);
    this.canvas.setAttribute('aria-label', t('Record counts over the time range: {0} records in {1} buckets. Drag across to zoom in.', formatCount(total), formatCount(buckets.length)));
    this.draw();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return; // Ctrl+Enter runs the query, page-wide
    const outcome = histogramKey(this.buckets, this.selection, { key: e.key, shiftKey: e.shiftKey });
    switch (outcome.kind) {
      case 'ignore':
        return;
      case 'select':
        this.setSelection(outcome.selection);
        break;
      case 'clear':
        this.setSelection(undefined);
        this.announcer.textContent = t('Selection cleared.');
        break;
      case 'zoom':
        this.setSelection(undefined);
        this.onZoom(outcome.range);
        break;
    }
    // Handled here: the page's Escape (cancel) and the scroll keys must not act as well.
    e.preventDefault();
    e.stopPropagation();
  }

  private setSelection(selection: BucketSelection | undefined): void {
    this.selection = selection;
    if (selection) {
      const { first, last } = selectedIndexes(selection, this.buckets.length);
      const range = selectedRange(this.buckets, selection);
      const n = last - first + 1;
      const from = formatUnixSeconds(range.from);
      const to = formatUnixSeconds(range.to);
      const records = formatCount(selectedCount(this.buckets, selection));
      this.announcer.textContent =
        n === 1
          ? t('{0} – {1}: {2} records in 1 bucket. Enter zooms, Escape clears.', from, to, records)
          : t('{0} – {1}: {2} records in {3} buckets. Enter zooms, Escape clears.', from, to, records, formatCount(n));
      this.element.dataset.selectionFrom = String(range.from);
      this.element.dataset.selectionTo = String(range.to);
    } else {
      this.announcer.textContent = '';
      delete this.element.dataset.selectionFrom;
      delete this.element.dataset.selectionTo;
    }
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
    if (this.selection) {
      const bars = histogramBars(this.buckets, w, plotH - 2);
      const { first, last } = selectedIndexes(this.selection, bars.length);
      const x0 = bars[first].x;
      const x1 = bars[last].x + bars[last].width;
      ctx.fillStyle = sel;
      ctx.fillRect(x0, 0, x1 - x0, plotH);
      // The focused bucket gets an outline, so a keyboard user sees where the arrows act.
      const f = bars[Math.max(0, Math.min(bars.length - 1, this.selection.focus))];
      ctx.strokeStyle = style.getPropertyValue('--histogram-focus').trim() || axis;
      ctx.lineWidth = 1;
      ctx.strokeRect(f.x + 0.5, 0.5, Math.max(1, f.width - 1), plotH - 1);
    }
  }
}

