import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restoreViewState } from '../../../webview/workbenchState';

test('a saved view state comes back as it was stored', () => {
  const state = { query: 'dstport:443', range: { kind: 'relative', amount: 3, unit: 'hours' }, chart: 'bar', scrollTop: 220 };
  assert.deepEqual(restoreViewState(state), state);
});

test('state from an older or damaged page is ignored rather than trusted', () => {
  assert.equal(restoreViewState(undefined), undefined);
  assert.equal(restoreViewState({ query: 42 }), undefined);
  assert.equal(restoreViewState({ query: '*', range: { kind: 'quick', minutes: -5 } }), undefined);
  const noChart = restoreViewState({ query: '*', range: { kind: 'quick', minutes: 15 }, chart: 'radar' });
  assert.equal(noChart?.chart, undefined, 'an unknown chart kind is dropped, the rest kept');
});
