import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryData, resolveAxes, stackValues, timeSeriesData } from '../../../webview/charts/chartChoice';
import { parseChartAxes, parseWebviewMessage } from '../../../src/protocol/messages';

const t0 = 1_700_000_000;
const COLUMNS = ['t', 'direction', 'protocol', 'bytes', 'n'];
// Two windows × in/out × TCP/UDP.
const ROWS = [
  [t0, 'in', '6', 100, 1],
  [t0, 'out', '6', 200, 2],
  [t0, 'in', '17', 10, 3],
  [t0 + 600, 'in', '6', 400, 4],
  [t0 + 600, 'out', '17', 50, 5],
].map((r) => r.map(String));

test('without a choice, over time: x is the time column, every number a series, split by the first category', () => {
  const d = timeSeriesData(COLUMNS, ROWS);
  assert.deepEqual(d?.x, [t0, t0 + 600]);
  assert.deepEqual(d?.series.map((s) => s.name), ['in bytes', 'in n', 'out bytes', 'out n']);
  assert.deepEqual(d?.series[0].values, [110, 400]);
});

test('a chosen y and split: one series per protocol, summed over the other columns', () => {
  const d = timeSeriesData(COLUMNS, ROWS, { y: 'n', split: 'protocol' });
  assert.deepEqual(d?.series.map((s) => s.name), ['6 n', '17 n']);
  assert.deepEqual(d?.series.map((s) => s.values), [[3, 4], [3, 5]]);
});

test('split "" means none: one series per y column over all rows', () => {
  const d = timeSeriesData(COLUMNS, ROWS, { split: '', y: 'bytes' });
  assert.deepEqual(d?.series, [{ name: 'bytes', values: [310, 450] }]);
});

test('categories: a chosen x with a split pivots into one series per split value', () => {
  const d = categoryData(COLUMNS, ROWS, { x: 'direction', y: 'bytes', split: 'protocol' });
  assert.deepEqual(d?.labels, ['in', 'out']);
  assert.deepEqual(d?.series, [
    { name: '6', values: [500, 200] },
    { name: '17', values: [10, 50] },
  ]);
});

test('axes naming columns the result lacks fall back to the automatic choice; a time x must be a time column', () => {
  assert.deepEqual(resolveAxes(COLUMNS, ROWS, { x: 'gone', y: 'gone', split: 'gone' }, 'category'), { x: 0, y: [3, 4], split: -1 }, 'x: the first column that is not a number (here the time)');
  assert.deepEqual(resolveAxes(COLUMNS, ROWS, { x: 'direction' }, 'time')?.x, 0);
  assert.equal(resolveAxes(['a', 'b'], [['x', 'y']], undefined, 'category'), undefined, 'no number column: nothing to draw');
  assert.deepEqual(resolveAxes(COLUMNS, ROWS, { y: 'direction' }, 'time')?.y, [3, 4], 'a y that is not a number column is ignored');
});

test('stacking adds each series to those before it; gaps count as zero', () => {
  const stacked = stackValues([
    { name: 'a', values: [1, null, 3] },
    { name: 'b', values: [10, 20, null] },
  ]);
  assert.deepEqual(stacked.map((s) => s.values), [[1, null, 3], [11, 20, 3]]);
});

test('axes travel through the protocol: parsed from view state and saved queries, junk dropped', () => {
  assert.deepEqual(parseChartAxes({ x: 't', y: 'n', split: '', stacked: true, log: true, extra: 1 }), { x: 't', y: 'n', split: '', stacked: true, log: true });
  assert.deepEqual(parseChartAxes({ x: 3, stacked: 'yes' }), {});
  assert.equal(parseChartAxes('x'), undefined);
  const msg = parseWebviewMessage({ type: 'stateChanged', state: { query: '*', range: { kind: 'quick', minutes: 60 }, chartAxes: { y: 'bytes', log: true } } });
  assert.deepEqual(msg?.type === 'stateChanged' ? msg.state.chartAxes : undefined, { y: 'bytes', log: true });
  assert.deepEqual(parseWebviewMessage({ type: 'saveQuery', query: '*', chart: 'bar', chartAxes: { split: 'direction' } }), { type: 'saveQuery', query: '*', chart: 'bar', chartAxes: { split: 'direction' } });
});
