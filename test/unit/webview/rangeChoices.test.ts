import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteSpec, describeRange, fromLocalInput, pickerValue, relativeSpec, toLocalInput } from '../../../webview/timeRange/rangeChoices';

test('quick ranges map to select values; unknown minutes fall back to relative', () => {
  assert.equal(pickerValue({ kind: 'quick', minutes: 15 }), 'q:15');
  assert.equal(pickerValue({ kind: 'quick', minutes: 7 }), 'relative');
  assert.equal(pickerValue({ kind: 'absolute', from: 1, to: 2 }), 'absolute');
});

test('describeRange', () => {
  assert.equal(describeRange({ kind: 'quick', minutes: 10080 }), 'Last 7 days');
  assert.equal(describeRange({ kind: 'relative', amount: 1, unit: 'hours' }), 'Last 1 hour');
  assert.equal(describeRange({ kind: 'relative', amount: 3, unit: 'days' }), 'Last 3 days');
});

test('datetime-local round trip', () => {
  const t = fromLocalInput('2024-03-05T07:08');
  assert.ok(t !== undefined);
  assert.equal(toLocalInput(t), '2024-03-05T07:08');
  assert.equal(fromLocalInput(''), undefined);
  assert.equal(fromLocalInput('yesterday'), undefined);
});

test('relative and absolute validation give clear messages', () => {
  assert.deepEqual(relativeSpec('3', 'hours'), { ok: true, spec: { kind: 'relative', amount: 3, unit: 'hours' } });
  const bad = relativeSpec('-2', 'hours');
  assert.equal(bad.ok, false);
  assert.equal(relativeSpec('1.5', 'days').ok, false);
  assert.equal(relativeSpec('9999', 'days').ok, false);
  const rev = absoluteSpec('2024-03-05T08:00', '2024-03-05T07:00');
  assert.deepEqual(rev, { ok: false, message: 'The start must be before the end.' });
  assert.equal(absoluteSpec('2024-03-05T07:00', '2024-03-05T08:00').ok, true);
});
