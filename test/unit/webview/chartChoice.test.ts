import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART_SAMPLE_ROWS, chooseChart, columnRoles, timeSeriesData, categoryData, pieSlices, parseTimeValue } from '../../../webview/charts/chartChoice';

const t0 = 1_700_000_000;

test('time + numbers → line', () => {
  const rows = [0, 600, 1200].map((d) => [String(t0 + d), String(d * 3)]);
  assert.equal(chooseChart(['t', 'bytes'], rows), 'line');
});

test('unix seconds in a window_start column (the presets) are time', () => {
  const rows = [[String(t0), '5', '7'], [String(t0 + 600), '6', '8']];
  assert.deepEqual(columnRoles(['window_start', 'bytes_in', 'bytes_out'], rows), ['time', 'number', 'number']);
  assert.equal(chooseChart(['window_start', 'bytes_in', 'bytes_out'], rows), 'line');
});

test('date text columns are time even without a time-like name', () => {
  assert.deepEqual(columnRoles(['w', 'n'], [['2024-05-01 10:00:00', '1'], ['2024-05-01 10:10:00', '2']]), ['time', 'number']);
  assert.equal(chooseChart(['w', 'n'], [['2024-05-01 10:00:00', '1'], ['2024-05-01 10:10:00', '2']]), 'line');
});

test('large numbers in a column not named like time are numbers, not time', () => {
  assert.deepEqual(columnRoles(['srcaddr', 'bytes'], [['10.0.0.1', '1700000000']]), ['category', 'number']);
});

test('a few categories with one number → pie; more → bar', () => {
  const few = [['TCP', '10'], ['UDP', '5'], ['ICMP', '1']];
  assert.equal(chooseChart(['protocol_name', 'n'], few), 'pie');
  const many = Array.from({ length: 10 }, (_, i) => [`10.0.0.${i}`, String(100 - i)]);
  assert.equal(chooseChart(['srcaddr', 'total_bytes'], many), 'bar');
  assert.equal(chooseChart(['srcaddr', 'bytes', 'packets'], few), 'bar', 'two measures do not fit a pie');
});

test('no numbers, single column or no rows → table', () => {
  assert.equal(chooseChart(['a', 'b'], [['x', 'y']]), 'table');
  assert.equal(chooseChart(['n'], [['1']]), 'table');
  assert.equal(chooseChart(['t', 'n'], []), 'table');
});

test('time series pivot by a category column (in/out per window)', () => {
  const rows = [
    [String(t0), 'in', '10'],
    [String(t0), 'out', '20'],
    [String(t0 + 600), 'in', '30'],
  ];
  const d = timeSeriesData(['start', 'direction', 'bytes'], rows);
  assert.ok(d);
  assert.deepEqual(d.x, [t0, t0 + 600]);
  assert.deepEqual(d.series.map((s) => s.name), ['in bytes', 'out bytes']);
  assert.deepEqual(d.series[1].values, [20, null]);
});

test('time series x is sorted even when rows are not', () => {
  const d = timeSeriesData(['time', 'n'], [[String(t0 + 60), '2'], [String(t0), '1']]);
  assert.deepEqual(d?.x, [t0, t0 + 60]);
  assert.deepEqual(d?.series[0].values, [1, 2]);
});

test('category data and pie slices', () => {
  const d = categoryData(['p', 'n'], [['TCP', '30'], ['UDP', '10'], ['X', '0']]);
  assert.ok(d);
  assert.deepEqual(d.labels, ['TCP', 'UDP', 'X']);
  const slices = pieSlices(d);
  assert.equal(slices.length, 2, 'zero slices are dropped');
  assert.equal(slices[0].label, 'TCP');
  assert.ok(Math.abs(slices[0].endAngle - Math.PI * 1.5) < 1e-9);
  assert.ok(Math.abs(slices[1].endAngle - Math.PI * 2) < 1e-9);
});

test('pie folds the tail into "Other"', () => {
  const d = categoryData(['k', 'n'], Array.from({ length: 20 }, (_, i) => [`k${i}`, String(20 - i)]));
  assert.ok(d);
  const slices = pieSlices(d, 5);
  assert.equal(slices.length, 5);
  assert.equal(slices[4].label, 'Other');
});

test('parseTimeValue handles seconds, milliseconds and date text', () => {
  assert.equal(parseTimeValue(String(t0)), t0);
  assert.equal(parseTimeValue(String(t0 * 1000)), t0);
  assert.equal(parseTimeValue('42'), undefined);
  assert.equal(parseTimeValue('2024-01-01T00:00:00Z'), Date.UTC(2024, 0, 1) / 1000);
  assert.equal(parseTimeValue('hello'), undefined);
});

test('ports and protocols are codes: they label the chart instead of being measured', () => {
  const rows = [['443', '6', '900'], ['53', '17', '100']];
  assert.deepEqual(columnRoles(['dstport', 'protocol', 'total_bytes'], rows), ['category', 'category', 'number']);
  assert.equal(chooseChart(['protocol', 'total_bytes'], [['6', '10'], ['17', '5']]), 'pie');
  const d = categoryData(['protocol', 'total_bytes'], [['6', '10'], ['17', '5']]);
  assert.deepEqual(d?.labels, ['6 TCP', '17 UDP']);
});

test('the first CHART_SAMPLE_ROWS rows and the row count choose as all the rows do', () => {
  const shapes: [string[], (i: number) => string[]][] = [
    [['t', 'bytes'], (i) => [String(t0 + i * 60), String(i)]],
    [['srcaddr', 'bytes'], (i) => [`10.0.${i >> 8}.${i & 255}`, String(i)]],
    [['a', 'b'], (i) => [String(i), String(i * 2)]],
    [['name', 'n'], (i) => [`k${i}`, String(i)]],
  ];
  for (const [columns, row] of shapes) {
    for (const n of [1, 2, 6, 7, 50, 51, 499, 500, 501, 2_000]) {
      const rows = Array.from({ length: n }, (_, i) => row(i));
      assert.equal(chooseChart(columns, rows.slice(0, CHART_SAMPLE_ROWS), n), chooseChart(columns, rows), `${columns.join(',')} × ${n}`);
    }
  }
});
