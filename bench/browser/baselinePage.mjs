/* global window, document, performance, requestAnimationFrame*/
// Browser side of the grid baselines: `vscode-data-grid` (@vscode/webview-ui-toolkit) and
// `vscode-table` (@vscode-elements/elements), the two grids VS Code webviews usually reach for.
// Both render every row; the figure is the time from handing them the rows to the first frame
// after every row element exists (layout forced).
import { provideVSCodeDesignSystem, vsCodeDataGrid, vsCodeDataGridRow, vsCodeDataGridCell } from '@vscode/webview-ui-toolkit';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';

provideVSCodeDesignSystem().register(vsCodeDataGrid(), vsCodeDataGridRow(), vsCodeDataGridCell());

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves once `count()` reaches `want` (checked each frame), or rejects at the deadline. */
async function until(count, want, deadline) {
  for (;;) {
    if (count() >= want) return;
    if (performance.now() > deadline) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 0));
    await nextFrame();
  }
}

function freshHost() {
  document.body.replaceChildren();
  const host = document.createElement('div');
  host.style.cssText = 'height: 800px; width: 1200px; overflow: auto;';
  document.body.append(host);
  return host;
}

window.baseline = {
  /** vscode-data-grid with `rowsData` objects (its documented use); time until every row element exists. */
  async dataGrid(columns, rows, timeoutMs) {
    const host = freshHost();
    const t0 = performance.now();
    const grid = document.createElement('vscode-data-grid');
    grid.generateHeader = 'sticky';
    host.append(grid);
    grid.rowsData = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    try {
      await until(() => grid.querySelectorAll('vscode-data-grid-row').length, rows.length + 1, t0 + timeoutMs);
      void grid.getBoundingClientRect().height;
      const ms = performance.now() - t0;
      return { ms, domRows: grid.querySelectorAll('vscode-data-grid-row').length };
    } catch {
      return { ms: undefined, domRows: grid.querySelectorAll('vscode-data-grid-row').length };
    } finally {
      host.remove();
    }
  },

  /** vscode-table built the way its docs show (one element per row and cell). */
  async table(columns, rows, timeoutMs) {
    const host = freshHost();
    const t0 = performance.now();
    const table = document.createElement('vscode-table');
    table.setAttribute('zebra', '');
    table.setAttribute('bordered-rows', '');
    const header = document.createElement('vscode-table-header');
    header.slot = 'header';
    for (const c of columns) {
      const h = document.createElement('vscode-table-header-cell');
      h.textContent = c;
      header.append(h);
    }
    const body = document.createElement('vscode-table-body');
    body.slot = 'body';
    for (const r of rows) {
      const row = document.createElement('vscode-table-row');
      for (const v of r) {
        const cell = document.createElement('vscode-table-cell');
        cell.textContent = v;
        row.append(cell);
      }
      body.append(row);
    }
    table.append(header, body);
    host.append(table);
    try {
      // Rendered when the last row's shadow root has been rendered by the component.
      const rowsEls = body.querySelectorAll('vscode-table-row');
      const last = rowsEls[rowsEls.length - 1];
      await until(() => (last && last.shadowRoot && table.shadowRoot ? 1 : 0), 1, t0 + timeoutMs);
      if (table.updateComplete) await table.updateComplete;
      await nextFrame();
      void table.getBoundingClientRect().height;
      return { ms: performance.now() - t0, domRows: rowsEls.length };
    } catch {
      return { ms: undefined, domRows: body.querySelectorAll('vscode-table-row').length };
    } finally {
      host.remove();
    }
  },
};
