import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeViewport, overscanAfter, scrollTopForRow, visibleColumns, MAX_SCROLL_HEIGHT } from '../../../webview/grid/viewport';

const base = { rowHeight: 22, viewportHeight: 440, overscan: 5 };

test('an empty result renders nothing', () => {
  assert.deepEqual(computeViewport({ ...base, scrollTop: 0, rowCount: 0 }), { first: 0, end: 0, offsetY: 0, totalHeight: 0, scaled: false });
});

test('at the top, renders the visible rows plus overscan below only', () => {
  const w = computeViewport({ ...base, scrollTop: 0, rowCount: 1000 });
  assert.equal(w.first, 0);
  assert.equal(w.end, 20 + 1 + 5);
  assert.equal(w.offsetY, 0);
  assert.equal(w.totalHeight, 22_000);
});

test('in the middle, the first visible row is scrollTop / rowHeight', () => {
  const w = computeViewport({ ...base, scrollTop: 22 * 500 + 7, rowCount: 1000 });
  assert.equal(w.first, 495);
  assert.equal(w.end, 500 + 21 + 5);
  assert.equal(w.offsetY, 495 * 22);
});

test('scrollTop past the end is clamped to the last screen', () => {
  const w = computeViewport({ ...base, scrollTop: 1e9, rowCount: 100 });
  assert.equal(w.end, 100);
  assert.ok(w.first <= 80 - 5);
});

test('a million rows keep the DOM small and the scroll height under the browser cap', () => {
  for (const scrollTop of [0, 1234, 5_000_000, MAX_SCROLL_HEIGHT]) {
    const w = computeViewport({ ...base, scrollTop, rowCount: 1_000_000 });
    assert.ok(w.end - w.first <= 200, `window ${w.end - w.first}`);
    assert.ok(w.totalHeight <= MAX_SCROLL_HEIGHT);
    assert.equal(w.scaled, true);
  }
  const bottom = computeViewport({ ...base, scrollTop: MAX_SCROLL_HEIGHT, rowCount: 1_000_000 });
  assert.equal(bottom.end, 1_000_000, 'the last row is reachable');
});

test('scaled mapping is monotonic in scrollTop', () => {
  let prev = -1;
  for (let s = 0; s <= MAX_SCROLL_HEIGHT; s += 250_000) {
    const w = computeViewport({ ...base, scrollTop: s, rowCount: 3_000_000 });
    assert.ok(w.first >= prev);
    prev = w.first;
  }
});

test('scrollTopForRow moves minimally to reveal a row', () => {
  const cur = { ...base, scrollTop: 2200, rowCount: 1000 };
  assert.equal(scrollTopForRow(110, cur), 2200, 'already visible');
  assert.equal(scrollTopForRow(50, cur), 1100, 'above: aligns to top');
  assert.equal(scrollTopForRow(200, cur), 201 * 22 - 440, 'below: aligns to bottom');
});

test('scrollTopForRow in scaled mode lands the row on screen', () => {
  const cur = { ...base, scrollTop: 0, rowCount: 2_000_000 };
  for (const row of [0, 777_777, 1_999_999]) {
    const s = scrollTopForRow(row, cur);
    const w = computeViewport({ ...cur, scrollTop: s });
    assert.ok(row >= w.first && row < w.end, `row ${row} in [${w.first}, ${w.end})`);
  }
});

test('visibleColumns: the columns overlapping the visible width, widened by the overscan', () => {
  const widths = [100, 100, 100, 100, 100, 100];
  assert.deepEqual(visibleColumns(widths, 0, 250, 0), { first: 0, end: 3 });
  assert.deepEqual(visibleColumns(widths, 150, 100, 0), { first: 1, end: 3 });
  assert.deepEqual(visibleColumns(widths, 150, 100, 60), { first: 0, end: 4 });
  assert.deepEqual(visibleColumns(widths, 550, 300, 0), { first: 5, end: 6 }, 'scrolled to the end');
  assert.deepEqual(visibleColumns(widths, 0, 0, 0), { first: 0, end: 6 }, 'not laid out yet: all columns');
  assert.deepEqual(visibleColumns([], 0, 500, 0), { first: 0, end: 0 });
});

test('overscan: none after a jump past the rendered rows, the usual amount when the new screen overlaps them', () => {
  const rendered = { first: 100, end: 143 };
  assert.equal(overscanAfter(rendered, { first: 110, end: 147 }, 3), 3, 'a wheel step overlaps');
  assert.equal(overscanAfter(rendered, { first: 64, end: 101 }, 3), 3, 'one row still shared, scrolling up');
  assert.equal(overscanAfter(rendered, { first: 143, end: 180 }, 3), 0, 'the next screen shares no row');
  assert.equal(overscanAfter(rendered, { first: 5_000, end: 5_037 }, 3), 0, 'a far jump');
  assert.equal(overscanAfter(rendered, { first: 60, end: 100 }, 3), 0, 'a jump upwards');
  assert.equal(overscanAfter({ first: 0, end: 0 }, { first: 0, end: 37 }, 3), 0, 'nothing rendered yet');
});
