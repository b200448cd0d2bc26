import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HISTORY_LIMIT, QueryHistoryStore, historyKey, withQuery, type KeyValueStore } from '../../../src/views/workbench/queryHistory';

/** An in-memory Memento: the real globalState's contract (get/update), nothing more. */
class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    // Like globalState, keep a JSON copy, not the caller's object.
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

test('history is most recent first, without duplicates, capped at 50', () => {
  let h: string[] = [];
  for (let i = 0; i < 60; i++) h = withQuery(h, `q${i}`);
  assert.equal(h.length, HISTORY_LIMIT);
  assert.equal(h[0], 'q59');
  h = withQuery(h, 'q30');
  assert.equal(h[0], 'q30');
  assert.equal(h.filter((q) => q === 'q30').length, 1);
  assert.deepEqual(withQuery(['a'], '   '), ['a']);
});

test('each flow log has its own history', async () => {
  const store = new QueryHistoryStore(new MemoryStore());
  const a = historyKey({ flowLogId: 'flowlog-a', regionId: 'r', projectName: 'p', logStoreName: 'l' });
  const b = historyKey({ regionId: 'r', projectName: 'p', logStoreName: 'l' });
  await store.remember(a, 'dstport:443');
  await store.remember(b, '* | select 1');
  assert.deepEqual(store.history(a), ['dstport:443']);
  assert.deepEqual(store.history(b), ['* | select 1']);
  assert.equal(store.allHistory().length, 2);
});

test('saved queries are named; saving a name again replaces it', async () => {
  const store = new QueryHistoryStore(new MemoryStore());
  await store.save({ name: 'web', query: 'dstport:443', targetKey: 'k', savedAt: 1 });
  await store.save({ name: 'dns', query: 'dstport:53', targetKey: 'k', savedAt: 2 });
  await store.save({ name: 'web', query: 'dstport:80', targetKey: 'k', savedAt: 3 });
  assert.deepEqual(store.saved().map((s) => [s.name, s.query]), [['web', 'dstport:80'], ['dns', 'dstport:53']]);
  await store.deleteSaved('dns');
  assert.deepEqual(store.saved().map((s) => s.name), ['web']);
});

test('corrupt stored values are ignored rather than crashing', async () => {
  const memory = new MemoryStore();
  await memory.update('cenFlowLogs.queryHistory.v1', { k: 'not a list', j: [1, 2] });
  await memory.update('cenFlowLogs.savedQueries.v1', [{ name: 1 }, null, { name: 'ok', query: 'q', targetKey: 'k', savedAt: 0 }]);
  const store = new QueryHistoryStore(memory);
  assert.deepEqual(store.history('k'), []);
  assert.deepEqual(store.history('j'), []);
  assert.deepEqual(store.saved().map((s) => s.name), ['ok']);
});
