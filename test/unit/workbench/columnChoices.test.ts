import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnChoiceStore, COLUMN_CHOICES_LIMIT } from '../../../src/views/workbench/columnChoices';
import { FileKeyValueStore } from '../../../src/views/workbench/fileKeyValueStore';
import { NO_COLUMN_CHOICE, setHidden, setPinned } from '../../../src/results/columnChoice';
import { historyKey } from '../../../src/views/workbench/queryHistory';

const FLOW_A = historyKey({ flowLogId: 'flowlog-a', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' });
const FLOW_B = historyKey({ flowLogId: 'flowlog-b', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' });

test('a column choice is kept per flow log and read back by a new store on the same file (a window reload)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'columns-'));
  try {
    const file = join(dir, 'column-choices.json');
    const store = new ColumnChoiceStore(new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p))));
    const hidden = setHidden(NO_COLUMN_CHOICE, 'bytes', true);
    await store.save(FLOW_A, hidden);
    await store.save(FLOW_B, setPinned(NO_COLUMN_CHOICE, 'srcaddr', true));
    const reloaded = new ColumnChoiceStore(new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p))));
    assert.deepEqual(reloaded.get(FLOW_A), hidden);
    assert.deepEqual(reloaded.get(FLOW_B)?.pinned, ['srcaddr']);
    assert.equal(reloaded.get('flowLog:other'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('damaged entries are ignored, not trusted', () => {
  const values = new Map<string, unknown>([['cenFlowLogs.columnChoices.v1', { [FLOW_A]: { choice: { order: 'x' }, at: 1 }, [FLOW_B]: { choice: { order: [], hidden: ['dstport'], pinned: [] }, at: 2 } }]]);
  const store = new ColumnChoiceStore({ get: <T>(k: string) => values.get(k) as T, update: async (k, v) => void values.set(k, v) });
  assert.equal(store.get(FLOW_A), undefined);
  assert.deepEqual(store.get(FLOW_B)?.hidden, ['dstport']);
});

test('the least recently changed flow logs are dropped beyond the limit', async () => {
  const values = new Map<string, unknown>();
  let now = 0;
  const store = new ColumnChoiceStore({ get: <T>(k: string) => values.get(k) as T, update: async (k, v) => void values.set(k, v) }, () => ++now);
  for (let i = 0; i <= COLUMN_CHOICES_LIMIT; i++) await store.save(`flowLog:f${i}`, setHidden(NO_COLUMN_CHOICE, 'bytes', true));
  assert.equal(store.get('flowLog:f0'), undefined);
  assert.ok(store.get('flowLog:f1'));
  assert.ok(store.get(`flowLog:f${COLUMN_CHOICES_LIMIT}`));
});
