import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramKey, selectedCount, selectedRange, type BucketSelection, type HistogramKeyOutcome } from '../../../webview/histogram/bucketSelection';

const buckets = Array.from({ length: 20 }, (_, i) => ({ from: 1000 + i * 60, to: 1060 + i * 60, count: i }));

function press(selection: BucketSelection | undefined, key: string, shiftKey = false): HistogramKeyOutcome {
  return histogramKey(buckets, selection, { key, shiftKey });
}

function selectionAfter(keys: readonly (string | [string, 'shift'])[]): BucketSelection | undefined {
  let sel: BucketSelection | undefined;
  for (const k of keys) {
    const [key, shift] = typeof k === 'string' ? [k, false] : [k[0], true];
    const out = press(sel, key, shift);
    if (out.kind === 'select') sel = out.selection;
    else if (out.kind === 'clear') sel = undefined;
  }
  return sel;
}

test('the first arrow picks an edge bucket: → the first, ← the last', () => {
  assert.deepEqual(press(undefined, 'ArrowRight'), { kind: 'select', selection: { anchor: 0, focus: 0 } });
  assert.deepEqual(press(undefined, 'ArrowLeft'), { kind: 'select', selection: { anchor: 19, focus: 19 } });
});

test('arrows move a single-bucket selection and stop at the ends', () => {
  assert.deepEqual(selectionAfter(['ArrowRight', 'ArrowRight', 'ArrowRight']), { anchor: 2, focus: 2 });
  assert.deepEqual(selectionAfter(['ArrowRight', 'ArrowLeft', 'ArrowLeft']), { anchor: 0, focus: 0 });
  assert.deepEqual(selectionAfter(['End', 'ArrowRight']), { anchor: 19, focus: 19 });
});

test('Shift+arrows extend from the anchor, in both directions; a plain arrow collapses again', () => {
  const extended = selectionAfter(['ArrowRight', 'ArrowRight', ['ArrowRight', 'shift'], ['ArrowRight', 'shift']]);
  assert.deepEqual(extended, { anchor: 1, focus: 3 });
  assert.deepEqual(selectionAfter(['End', ['ArrowLeft', 'shift'], ['ArrowLeft', 'shift']]), { anchor: 19, focus: 17 });
  assert.deepEqual(selectionAfter(['ArrowRight', ['ArrowRight', 'shift'], 'ArrowRight']), { anchor: 2, focus: 2 });
  assert.deepEqual(selectionAfter(['Home', ['End', 'shift']]), { anchor: 0, focus: 19 });
});

test('PageUp/PageDown move by a tenth of the buckets', () => {
  assert.deepEqual(selectionAfter(['Home', 'PageDown']), { anchor: 2, focus: 2 });
  assert.deepEqual(selectionAfter(['End', ['PageUp', 'shift']]), { anchor: 19, focus: 17 });
});

test('Enter zooms to exactly the selected buckets, whichever way they were selected', () => {
  assert.deepEqual(press({ anchor: 3, focus: 1 }, 'Enter'), { kind: 'zoom', range: { from: 1060, to: 1240 } });
  assert.deepEqual(press({ anchor: 1, focus: 3 }, 'Enter'), { kind: 'zoom', range: { from: 1060, to: 1240 } });
  assert.deepEqual(press({ anchor: 5, focus: 5 }, 'Enter'), { kind: 'zoom', range: { from: 1300, to: 1360 } });
});

test('Escape clears a selection; Enter and Escape without one are left to the page', () => {
  assert.deepEqual(press({ anchor: 1, focus: 2 }, 'Escape'), { kind: 'clear' });
  assert.deepEqual(press(undefined, 'Escape'), { kind: 'ignore' });
  assert.deepEqual(press(undefined, 'Enter'), { kind: 'ignore' });
});

test('other keys and an empty histogram are ignored', () => {
  assert.deepEqual(press({ anchor: 1, focus: 1 }, 'a'), { kind: 'ignore' });
  assert.deepEqual(press({ anchor: 1, focus: 1 }, 'Tab'), { kind: 'ignore' });
  assert.deepEqual(histogramKey([], undefined, { key: 'ArrowRight', shiftKey: false }), { kind: 'ignore' });
});

test('range and record count of a selection (what is announced)', () => {
  assert.deepEqual(selectedRange(buckets, { anchor: 19, focus: 18 }), { from: 2080, to: 2200 });
  assert.equal(selectedCount(buckets, { anchor: 2, focus: 4 }), 2 + 3 + 4);
  // A selection left over from a longer histogram is clamped, never out of bounds.
  assert.deepEqual(selectedRange(buckets.slice(0, 3), { anchor: 1, focus: 9 }), { from: 1060, to: 1180 });
});
