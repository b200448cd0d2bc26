/* global window, document, performance, requestAnimationFrame */
// Browser side of the grid and results-pipeline benchmarks (bundled by esbuild with the webview's
// own modules). Plain JS because the root tsconfig has no DOM types; the modules it drives are the
// webview's TypeScript, unchanged. Everything arrives through window.postMessage, as in a webview,
// so structured-clone cost is part of every figure. Pages are packed (src/results/packedRows.ts),
// as the host posts them, and stored packed on arrival, as the webview does (cells are cut out of a
// page's text when read).
import { slicePacked, unpackRows } from '../../src/results/packedRows';
import { ResultGrid } from '../../webview/grid/resultGrid';
import { ResultStore } from '../../webview/grid/resultStore';
import { MessageInbox } from '../../webview/results/messageInbox';
import { paintScheduler } from '../../webview/results/paintScheduler';

const noEvents = { onFilterValue() {}, onNearEnd() {}, onScroll() {}, onCopy() {} };
let pool = [];
let columns = [];

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The pages the "host" posts: `total` rows, drawn from the pool of real (packed) pages. */
function* pagesOf(total) {
  let sent = 0;
  for (let i = 0; sent < total; i++) {
    const src = pool[i % pool.length];
    const rows = src.rowCount > total - sent ? slicePacked(src, 0, total - sent) : src;
    sent += rows.rowCount;
    yield { type: 'resultPage', requestId: 'bench', pageIndex: i, columns, rows, last: sent >= total };
  }
}

/** Reads every cell of every row once, as the grid reads a cell; returns the characters read. */
function readEveryCell(store) {
  const width = store.columns.length;
  const rows = store.totalRows;
  let chars = 0;
  for (let i = 0; i < rows; i++) for (let c = 0; c < width; c++) chars += store.cell(i, c).length;
  return chars;
}

/** Throws unless the store's row `index` is the row posted at that position (pages of pagesOf(total)). */
function checkRow(store, index, total) {
  let first = 0;
  for (const msg of pagesOf(total)) {
    if (index < first + msg.rows.rowCount) {
      const want = unpackRows(msg.rows)[index - first];
      const got = store.rowAt(index);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`row ${index}: stored ${JSON.stringify(got)}, posted ${JSON.stringify(want)}`);
      return;
    }
    first += msg.rows.rowCount;
  }
  throw new Error(`row ${index}: not among the ${first} rows posted`);
}

window.bench = {
  /**
   * Real result pages produced by the host side, packed (lengths as plain arrays: the trip from
   * the bench process is set-up, not measured); reused to reach large counts.
   */
  setPool(cols, pages) {
    columns = cols;
    pool = pages.map((p) => ({ rowCount: p.rowCount, width: p.width, text: p.text, lengths: (p.lengthBytes === 2 ? Uint16Array : Uint32Array).from(p.lengths) }));
    return pool.reduce((s, p) => s + p.rowCount, 0);
  },

  /** JSON.parse of SLS response bodies in Chromium, for reference. */
  parseBodies(bodies) {
    const t0 = performance.now();
    let n = 0;
    for (const b of bodies) n += JSON.parse(b).data.length;
    return { ms: performance.now() - t0, rows: n };
  },

  /**
   * Webview half of the results pipeline: pages posted (structured clone) and appended to the
   * ResultStore packed (each cell's offset and length resolved, no string per cell); time to the
   * last row stored. Then, untimed in that figure, every cell of every row read once through
   * store.cell (the cost the timed part leaves for later), and a first, a middle and the last row
   * compared with the pages posted.
   */
  async storePages(total) {
    const store = new ResultStore();
    store.reset([]);
    const heapBefore = performance.memory ? performance.memory.usedJSHeapSize : 0;
    let peakHeap = heapBefore;
    const done = new Promise((resolve, reject) => {
      window.onmessage = (e) => {
        try {
          const m = e.data;
          store.append(m.columns, m.rows);
          if (performance.memory) peakHeap = Math.max(peakHeap, performance.memory.usedJSHeapSize);
          if (m.last) resolve(performance.now());
        } catch (err) {
          reject(err); // a broken page fails the benchmark instead of leaving it waiting
        }
      };
    });
    const t0 = performance.now();
    for (const msg of pagesOf(total)) window.postMessage(msg, '*');
    const posted = performance.now(); // every page serialized (the sender's half of the clone)
    const t1 = await done;
    window.onmessage = null;
    const rows = store.totalRows;
    const r0 = performance.now();
    const readChars = readEveryCell(store);
    const readAllMs = performance.now() - r0;
    for (const i of [0, rows >> 1, rows - 1]) checkRow(store, i, total);
    const last = store.rowAt(rows - 1);
    window.__keep = store;
    return { ms: t1 - t0, postMs: posted - t0, readAllMs, readChars, rows, lastCells: last ? last.length : 0, heapDeltaBytes: peakHeap - heapBefore };
  },

  releaseStore() {
    window.__keep = undefined;
  },

  /**
   * First grid paint: time from the first page reaching the webview to the end of the frame that
   * rendered the first screen of rows (layout forced, so only the raster of ~50 rows follows).
   * The other pages are already queued behind it, as when the host streams a big result; they go
   * through the webview's MessageInbox, as in webview/host/vscodeApi.ts.
   */
  async firstPaint(total) {
    document.body.replaceChildren();
    const host = document.createElement('div');
    host.style.cssText = 'height: 800px; width: 1200px; display: flex; flex-direction: column;';
    document.body.append(host);
    const grid = new ResultGrid(noEvents);
    host.append(grid.element);
    grid.reset();
    await nextFrame();
    let firstArrival;
    let painted;
    let lastStored;
    let resolvePaint;
    let resolveAll;
    const paintedP = new Promise((r) => (resolvePaint = r));
    const allStored = new Promise((r) => (resolveAll = r));
    const inbox = new MessageInbox((m) => {
      const first = grid.store.totalRows === 0;
      grid.appendPage(m.columns, m.rows);
      if (first) {
        const check = () => {
          if (grid.renderedRowCount > 0) {
            void grid.element.getBoundingClientRect().height; // style + layout of the new rows, now
            painted = performance.now();
            resolvePaint();
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check); // registered after the grid's own render callback
      }
      if (m.last) {
        lastStored = performance.now();
        resolveAll();
      }
    }, paintScheduler);
    window.onmessage = (e) => {
      // Arrival: the event is dispatched (its data not yet read, which is part of the figure).
      if (firstArrival === undefined) firstArrival = performance.now();
      inbox.receive(e);
    };
    for (const msg of pagesOf(total)) window.postMessage(msg, '*');
    await paintedP;
    await allStored;
    window.onmessage = null;
    await nextFrame();
    window.__grid = grid;
    return { firstPaintMs: painted - firstArrival, allStoredMs: lastStored - firstArrival, rows: grid.store.totalRows, domRows: grid.renderedRowCount };
  },

  /** Scrolls the grid built by firstPaint from top to bottom in `frames` equal steps, one per frame. */
  async scroll(frames) {
    const grid = window.__grid;
    const scroller = grid.element.querySelector('.grid-scroll');
    const range = scroller.scrollHeight - scroller.clientHeight;
    const deltas = [];
    let maxDom = grid.renderedRowCount;
    let maxRenderMs = 0;
    const renders = [];
    let prev = await nextFrame();
    for (let f = 1; f <= frames; f++) {
      scroller.scrollTop = Math.round((range * f) / frames);
      const t = await nextFrame();
      deltas.push(t - prev);
      prev = t;
      maxDom = Math.max(maxDom, grid.renderedRowCount, document.querySelectorAll('.grid-row').length);
      maxRenderMs = Math.max(maxRenderMs, grid.lastRenderMs);
      renders.push(grid.lastRenderMs);
    }
    await nextFrame();
    const lastRow = Number(grid.element.querySelector('.grid-row:last-child')?.dataset.row ?? -1);
    const sorted = [...deltas].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    renders.sort((a, b) => a - b);
    return { medianRenderMs: renders[Math.floor(renders.length / 2)], medianFrameMs: median, p95FrameMs: p95, medianFps: 1000 / median, maxDomRows: maxDom, maxRenderMs, lastRowShown: lastRow, rows: grid.store.totalRows, range };
  },
};
