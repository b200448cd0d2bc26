import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_CHROME_PX, fitCell } from '../../../webview/grid/cellFit';
import { columnWidthFor, initialColumnWidths, MAX_INITIAL_WIDTH, MIN_COLUMN_WIDTH } from '../../../webview/grid/columnWidths';

const CH = 7.2;

test('a fitted column shows every sampled value whole, with its hint', () => {
  const values = ['6', '17', '1'];
  const w = columnWidthFor('protocol', values, CH, 800);
  for (const v of values) {
    const fit = fitCell(v, v === '6' ? 'TCP' : v === '17' ? 'UDP' : 'ICMP', w, CH);
    assert.equal(fit.differs, false, `${v} is whole`);
    assert.notEqual(fit.hint, '', `${v} keeps its hint`);
  }
});

test('the header name and its sort arrow always fit', () => {
  const w = columnWidthFor('log-status', ['OK'], CH, 800);
  assert.ok(w >= ('log-status'.length + 2) * CH + CELL_CHROME_PX);
});

test('widths stay within the minimum and the given maximum', () => {
  assert.equal(columnWidthFor('n', [''], CH, 800), MIN_COLUMN_WIDTH);
  assert.equal(columnWidthFor('content', ['x'.repeat(500)], CH, 800), 800);
});

test('wide characters are measured as two columns, so a fitted CJK value is not cut', () => {
  const v = '华东1（杭州）';
  const w = columnWidthFor('region', [v], CH, 800);
  assert.equal(fitCell(v, '', w, CH).differs, false);
});

test('initial widths read a sample and cap long values at the initial maximum', () => {
  const [a, b] = initialColumnWidths(['srcaddr', 'content'], [['10.0.1.23', 'y'.repeat(300)]], CH);
  assert.equal(fitCell('10.0.1.23', '', a, CH).differs, false);
  assert.equal(b, MAX_INITIAL_WIDTH);
});
