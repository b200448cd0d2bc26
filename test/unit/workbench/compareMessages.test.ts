/** What the compare page may send: validated before the host acts on it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComparePersistedState, parseCompareWebviewMessage } from '../../../src/protocol/compareMessages';

const form = { dimension: 'regionPair', rangeId: '24h', earlier: 'sameTimeYesterday', pickedText: '' };

describe('compare page messages', () => {
  it('accepts the page\'s messages as sent', () => {
    assert.deepEqual(parseCompareWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseCompareWebviewMessage({ type: 'compare', requestId: 3, form }), { type: 'compare', requestId: 3, form });
    assert.deepEqual(parseCompareWebviewMessage({ type: 'cancel', requestId: 3 }), { type: 'cancel', requestId: 3 });
    assert.deepEqual(parseCompareWebviewMessage({ type: 'openRecords', side: 'earlier', key: ['cn-hangzhou', 'cn-beijing'] }), { type: 'openRecords', side: 'earlier', key: ['cn-hangzhou', 'cn-beijing'] });
    assert.deepEqual(parseCompareWebviewMessage({ type: 'formChanged', form: { ...form, earlier: 'picked', pickedText: '2024-05-01 to 2024-05-02' } })?.type, 'formChanged');
  });

  it('refuses anything else: unknown types, bad ids, unknown dimensions or choices, odd keys, oversized text', () => {
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'run' },
      { type: 'compare', requestId: -1, form },
      { type: 'compare', requestId: 1.5, form },
      { type: 'compare', requestId: 1, form: { ...form, dimension: 'pairs' } },
      { type: 'compare', requestId: 1, form: { ...form, earlier: 'tomorrow' } },
      { type: 'compare', requestId: 1, form: { ...form, pickedText: 'x'.repeat(501) } },
      { type: 'compare', requestId: 1, form: { ...form, rangeId: 7 } },
      { type: 'cancel' },
      { type: 'openRecords', side: 'both', key: ['a'] },
      { type: 'openRecords', side: 'current', key: [] },
      { type: 'openRecords', side: 'current', key: [1] },
      { type: 'openRecords', side: 'current', key: ['a', 'b', 'c', 'd', 'e'] },
      { type: 'formChanged', form: null },
    ];
    for (const m of bad) assert.equal(parseCompareWebviewMessage(m), undefined, JSON.stringify(m));
  });

  it('a saved page state brings back its source, range and form after a reload; anything malformed is refused', () => {
    const logstore = { title: 'hub', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', interval: 600, fields: ['srcaddr', 'bytes'], flowLogId: 'flowlog-1', format: { logFormatString: '', olderForm: false } };
    const saved = { form, restore: { source: { kind: 'logstore', logstore }, range: { kind: 'quick', minutes: 60 } } };
    assert.deepEqual(JSON.parse(JSON.stringify(parseComparePersistedState(saved))), saved);
    const cen = { kind: 'cen', cenId: 'cen-1', title: 'prod', interval: 600, fields: [{ name: 'bytes', type: 'long' }], members: [] };
    assert.equal(parseComparePersistedState({ form, restore: { source: { kind: 'cen', target: cen } } })?.restore.source.kind, 'cen');
    const bad: unknown[] = [
      undefined,
      { form },
      { form, restore: { source: { kind: 'logstore', logstore: { ...logstore, interval: -1 } } } },
      { form, restore: { source: { kind: 'cen', target: { ...cen, kind: 'logstore' } } } },
      { form, restore: { source: { kind: 'logstore', logstore }, range: { kind: 'quick', minutes: 'x' } } },
      { form: { ...form, dimension: 'nope' }, restore: saved.restore },
    ];
    for (const b of bad) assert.equal(parseComparePersistedState(b), undefined, JSON.stringify(b));
  });
});
