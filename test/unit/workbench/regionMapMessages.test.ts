/** What the region map webview may send: every message validated before the host acts on it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRegionMapMessage, parseRegionMapPersistedState } from '../../../src/protocol/regionMapMessages';

describe('region map messages from the webview', () => {
  it('accepts the well-formed ones', () => {
    assert.deepEqual(parseRegionMapMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseRegionMapMessage({ type: 'load', requestId: 'map-1', range: { kind: 'relative', amount: 7, unit: 'days' }, byAttachment: true }), {
      type: 'load',
      requestId: 'map-1',
      range: { kind: 'relative', amount: 7, unit: 'days' },
      byAttachment: true,
    });
    assert.deepEqual(parseRegionMapMessage({ type: 'cancel', requestId: 'map-1' }), { type: 'cancel', requestId: 'map-1' });
    assert.deepEqual(parseRegionMapMessage({ type: 'openPair', src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 'tr-attach-1' }), {
      type: 'openPair',
      src: 'cn-hangzhou',
      dst: 'cn-shanghai',
      attachmentId: 'tr-attach-1',
    });
    assert.deepEqual(parseRegionMapMessage({ type: 'createMissing', from: 'cn-shanghai', to: 'cn-hangzhou' }), { type: 'createMissing', from: 'cn-shanghai', to: 'cn-hangzhou' });
    assert.deepEqual(parseRegionMapMessage({ type: 'openPriceSetting', extra: 1 }), { type: 'openPriceSetting' });
  });

  it('refuses anything else: unknown types, bad ranges, region ids that are not ids, missing fields', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'runQuery' },
      { type: 'load', requestId: 'x', range: { kind: 'quick', minutes: -1 }, byAttachment: false },
      { type: 'load', requestId: 'x', range: { kind: 'quick', minutes: 60 } },
      { type: 'openPair', src: 'cn-hangzhou', dst: '"; drop' },
      { type: 'openPair', src: 'cn-hangzhou' },
      { type: 'openPair', src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 5 },
      { type: 'createMissing', from: 'CN HANGZHOU', to: 'cn-shanghai' },
      { type: 'cancel' },
    ]) {
      assert.equal(parseRegionMapMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('a saved panel state (subject, range, mode) comes back as saved; a malformed one is refused', () => {
    const saved = { cenId: 'cen-1', flowLogId: 'flowlog-2', title: 'hub', range: { kind: 'relative', amount: 24, unit: 'hours' }, byAttachment: true, metric: 'packets' };
    assert.deepEqual(parseRegionMapPersistedState(saved), saved);
    const { flowLogId: _f, ...wholeCen } = saved;
    assert.deepEqual(parseRegionMapPersistedState(wholeCen), wholeCen);
    for (const bad of [undefined, { ...saved, cenId: '' }, { ...saved, range: { kind: 'relative', amount: 0, unit: 'days' } }, { ...saved, byAttachment: 'yes' }, { ...saved, flowLogId: 3 }]) {
      assert.equal(parseRegionMapPersistedState(bad), undefined, JSON.stringify(bad));
    }
  });
});
