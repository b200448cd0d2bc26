/**
 * The host records a panel's view state before the step that follows it: a query is in the record
 * before it is sent to Log Service, a command's query before it reaches the page.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intentView, PanelViewState } from '../../../src/views/workbench/panelViewState';
import { OpenPanelRecord } from '../../../src/views/workbench/openPanelRecord';
import { targetKey, type KeyValueStore } from '../../../src/views/workbench/queryHistory';
import { newerViewState, type WorkbenchTarget, type WorkbenchViewState } from '../../../src/protocol/messages';

const TARGET: WorkbenchTarget = { kind: 'logstore', title: 'prod-flowlog', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'ls', flowLogId: 'flowlog-1', interval: 600, fields: [] };
const HOUR = { kind: 'quick', minutes: 60 } as const;

/** A workspaceState whose writes land only when released, like one whose flush is slow. */
function slowStore(): KeyValueStore & { release(): void; readonly pending: number } {
  const data = new Map<string, unknown>();
  let waiting: Array<() => void> = [];
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: (key, value) => {
      data.set(key, value);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      for (const r of waiting.splice(0)) r();
      waiting = [];
    },
    get pending() {
      return waiting.length;
    },
  };
}

describe('panel view state on the host', () => {
  it('a run is acknowledged only once the record holds its query and range', async () => {
    const store = slowStore();
    const record = new OpenPanelRecord(store, targetKey);
    const state = new PanelViewState({ query: '*', range: HOUR }, (v) => record.put(TARGET, v));
    let acknowledged = false;
    const ran = state.ran('dstport:443', { kind: 'quick', minutes: 240 }).then(() => (acknowledged = true));
    await Promise.resolve();
    assert.equal(acknowledged, false, 'not before the write has landed');
    assert.equal(store.pending, 1);
    const entry = record.entries()[0];
    assert.equal(entry?.view?.query, 'dstport:443');
    assert.equal(entry?.view?.lastRun, 'dstport:443');
    assert.deepEqual(entry?.view?.range, { kind: 'quick', minutes: 240 });
    store.release();
    await ran;
    assert.equal(acknowledged, true);
  });

  it("a command's query is recorded before it goes to the page, keeping the range when the command has none", async () => {
    const views: WorkbenchViewState[] = [];
    const state = new PanelViewState({ query: 'old', range: { kind: 'quick', minutes: 15 }, scrollTop: 40 }, async (v) => void views.push(v));
    await state.adopt({ query: 'srcaddr:10.0.0.1', run: true, chart: 'bar' });
    assert.deepEqual(views, [{ query: 'srcaddr:10.0.0.1', range: { kind: 'quick', minutes: 15 }, scrollTop: 40, chart: 'bar', rev: 1 }]);
    assert.deepEqual(state.current, views[0]);
  });

  it('a page-reported change is kept and recorded; listeners hear it first', async () => {
    const order: string[] = [];
    const state = new PanelViewState(undefined, async (v) => void order.push(`persist ${v.query}`), (v) => order.push(`change ${v.query}`));
    await state.changed({ query: 'typed', range: HOUR });
    assert.deepEqual(order, ['change typed', 'persist typed']);
  });

  it('an intent on a fresh panel gets the default range', () => {
    assert.deepEqual(intentView({ query: 'x', run: false }), { query: 'x', range: HOUR });
  });

  it('the newer of two saved copies is the one with the higher rev', () => {
    const a = { query: 'a', range: HOUR, rev: 3 };
    const b = { query: 'b', range: HOUR, rev: 5 };
    assert.equal(newerViewState(a, b), b);
    assert.equal(newerViewState(b, a), b);
    assert.equal(newerViewState(a, { query: 'c', range: HOUR, rev: 3 }), a, 'the first on a tie');
    assert.equal(newerViewState(undefined, a), a);
    assert.equal(newerViewState(a, undefined), a);
  });
});
