import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePersistedWorkbenchState, parseWebviewMessage } from '../../../src/protocol/messages';

const range = { kind: 'quick', minutes: 60 };

test('well-formed messages pass and come back without extra properties', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'runQuery', requestId: 'r1', query: '*', range, extra: 'dropped' }), {
    type: 'runQuery',
    requestId: 'r1',
    query: '*',
    range,
  });
  assert.deepEqual(parseWebviewMessage({ type: 'loadMore', requestId: 'r1', all: true }), { type: 'loadMore', requestId: 'r1', all: true });
  assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'csv', query: '*', range: { kind: 'absolute', from: 1, to: 2 } }), {
    type: 'export',
    format: 'csv',
    query: '*',
    range: { kind: 'absolute', from: 1, to: 2 },
  });
});

test('hostile or malformed messages are rejected', () => {
  const hostile: unknown[] = [
    null,
    undefined,
    42,
    'runQuery',
    [],
    [{ type: 'ready' }],
    {},
    { type: 42 },
    { type: 'nope' },
    { type: '__proto__' },
    { type: 'constructor' },
    { type: 'runQuery', requestId: 'r', query: '*' },
    { type: 'runQuery', requestId: 'r', query: 5, range },
    { type: 'runQuery', requestId: 'x'.repeat(101), query: '*', range },
    { type: 'runQuery', requestId: 'r', query: 'x'.repeat(1_000_001), range },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'quick', minutes: -5 } },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'quick', minutes: Number.NaN } },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'quick', minutes: Infinity } },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'relative', amount: 1, unit: 'weeks' } },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'absolute', from: '1', to: 2 } },
    { type: 'runQuery', requestId: 'r', query: '*', range: { kind: 'eval', code: 'alert(1)' } },
    { type: 'runQuery', requestId: { toString: () => 'r' }, query: '*', range },
    { type: 'loadMore', requestId: 'r', all: 'yes' },
    { type: 'export', format: 'xlsx', query: '*', range },
    { type: 'export', format: 'csv', query: '*', range: null },
    { type: 'stateChanged', state: { query: '*' } },
    { type: 'stateChanged', state: [] },
    { type: 'showError', message: 'x'.repeat(10_001) },
    { type: 'saveQuery' },
    { type: 'cancel' },
  ];
  for (const m of hostile) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
});

test('a prototype-polluting payload does not pollute', () => {
  const raw = JSON.parse('{"type":"stateChanged","state":{"query":"*","range":{"kind":"quick","minutes":15},"__proto__":{"polluted":true}}}') as unknown;
  const parsed = parseWebviewMessage(raw);
  assert.ok(parsed && parsed.type === 'stateChanged');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.keys(parsed.state).sort(), ['chart', 'query', 'range', 'scrollTop']);
});

test('a state change drops an unknown chart kind and a non-numeric scroll position', () => {
  const parsed = parseWebviewMessage({ type: 'stateChanged', state: { query: 'x', range, chart: 'script', scrollTop: 'top' } });
  assert.deepEqual(parsed, { type: 'stateChanged', state: { query: 'x', range, chart: undefined, scrollTop: undefined } });
});

const target = {
  title: 'fl',
  regionId: 'cn-hangzhou',
  projectName: 'p',
  logStoreName: 'l',
  flowLogId: 'flowlog-1',
  interval: 600,
  fields: [{ name: 'srcaddr', type: 'text' }],
};

test('the serializer state restores target and view', () => {
  const restored = parsePersistedWorkbenchState({ query: 'dstport:443', range, target });
  // Saved before targets had a kind: a logstore.
  assert.equal(restored?.target.kind, 'logstore');
  assert.equal(restored.target.kind === 'logstore' ? restored.target.projectName : undefined, 'p');
  assert.equal(restored?.target.fields[0].name, 'srcaddr');
  assert.equal(restored?.view?.query, 'dstport:443');
});

test('a serializer state with a broken target is refused', () => {
  for (const bad of [
    undefined,
    { query: '*', range },
    { target: { ...target, interval: 'x' } },
    { target: { ...target, fields: [{ name: 'a', type: 'function' }] } },
    { target: { ...target, projectName: 7 } },
    { target: { ...target, flowLogId: {} } },
  ]) {
    assert.equal(parsePersistedWorkbenchState(bad), undefined, JSON.stringify(bad));
  }
});

test('facet and column messages: well-formed pass, malformed are refused', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'facet', requestId: 'f1', field: 'dstport', query: '*', from: 10, to: 20, extra: 1 }), {
    type: 'facet',
    requestId: 'f1',
    field: 'dstport',
    query: '*',
    from: 10,
    to: 20,
  });
  assert.deepEqual(parseWebviewMessage({ type: 'cancelFacets' }), { type: 'cancelFacets' });
  for (const bad of [
    { type: 'facet', requestId: 'f1', field: '', query: '*', from: 10, to: 20 },
    { type: 'facet', requestId: 'f1', field: 'dstport', query: '*', from: 20, to: 10 },
    { type: 'facet', requestId: 'f1', field: 'dstport', query: 1, from: 10, to: 20 },
    { type: 'columnsChanged', choice: { order: ['a'], hidden: 'b', pinned: [] } },
    { type: 'columnsChanged' },
  ]) {
    assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
  assert.deepEqual(parseWebviewMessage({ type: 'columnsChanged', choice: { order: ['a'], hidden: ['b'], pinned: [], x: 1 } }), {
    type: 'columnsChanged',
    choice: { order: ['a'], hidden: ['b'], pinned: [] },
  });
});

test('a chart image to save is base64 text of bounded size; anything else is refused', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
  assert.deepEqual(parseWebviewMessage({ type: 'saveChartImage', png, extra: 1 }), { type: 'saveChartImage', png });
  for (const bad of [undefined, 42, '', 'not base64!', `${png}<script>`, 'A'.repeat(16 * 1024 * 1024 + 4)]) {
    assert.equal(parseWebviewMessage({ type: 'saveChartImage', png: bad }), undefined, `refused: ${String(bad).slice(0, 20)}`);
  }
});
