import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramBars, rangeForDrag, bucketAt } from '../../../webview/histogram/histogramScale';

const buckets = Array.from({ length: 10 }, (_, i) => ({ from: 1000 + i * 60, to: 1060 + i * 60, count: i * 10 }));

test('bars span the width, tallest bar is the full height, empty buckets have no bar', () => {
  const bars = histogramBars(buckets, 500, 40);
  assert.equal(bars.length, 10);
  assert.equal(bars[0].height, 0);
  assert.equal(bars[9].height, 40);
  assert.equal(bars[5].x, 250);
});

test('dragging selects whole buckets, in either direction', () => {
  assert.deepEqual(rangeForDrag(buckets, 500, 120, 260), { from: 1120, to: 1360 });
  assert.deepEqual(rangeForDrag(buckets, 500, 260, 120), { from: 1120, to: 1360 });
});

test('a click (tiny drag) is not a zoom', () => {
  assert.equal(rangeForDrag(buckets, 500, 100, 101), undefined);
});

test('drags beyond the edges clamp to the range', () => {
  assert.deepEqual(rangeForDrag(buckets, 500, -50, 900), { from: 1000, to: 1600 });
});

test('bucketAt', () => {
  assert.equal(bucketAt(buckets, 500, 0), 0);
  assert.equal(bucketAt(buckets, 500, 499), 9);
  assert.equal(bucketAt([], 500, 10), -1);
});
