/**
 * A query document's own panel keeps its tie to the document across a reload: the page's saved
 * state and the host's record of open panels both carry the document, read back by the protocol's
 * one parser, and the record keeps the document's panel apart from its flow log's own panel.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyValueStore } from '../../../src/views/workbench/fileKeyValueStore';
import { OpenPanelRecord } from '../../../src/views/workbench/openPanelRecord';
import { OPEN_PANELS_KEY, panelTitle, recordedPanelTitles } from '../../../src/views/workbench/openPanelsFile';
import { targetKey } from '../../../src/views/workbench/queryHistory';
import { parsePersistedWorkbenchState, parseWorkbenchBoot, type QueryDocumentTie, type WorkbenchTarget } from '../../../src/protocol/messages';
import { startState, ViewStateKeeper, type PageState } from '../../../webview/workbenchState';

const FLOW_LOG: WorkbenchTarget = { kind: 'logstore', title: 'prod-backbone-flowlog', flowLogId: 'flowlog-1', regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'ls', interval: 600, fields: [] };
const DOC: QueryDocumentTie = { uri: 'file:///work/queries/traffic.slsql', title: 'traffic.slsql' };
const OTHER_DOC: QueryDocumentTie = { uri: 'file:///work/other/traffic.slsql', title: 'traffic.slsql' };
const HOUR = { kind: 'quick', minutes: 60 } as const;

function recordIn(dir: string): { file: string; record: OpenPanelRecord; reread: () => OpenPanelRecord } {
  const file = join(dir, 'open-query-panels.json');
  const store = (): FileKeyValueStore => new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p)));
  return { file, record: new OpenPanelRecord(store(), targetKey), reread: () => new OpenPanelRecord(store(), targetKey) };
}

describe("a query document's panel across a reload", () => {
  it('the record keeps the document with the panel, read back from the file by a new record (as after a reload)', async () => {
    const { record, reread } = recordIn(mkdtempSync(join(tmpdir(), 'doc-panels-')));
    await record.put(FLOW_LOG, { query: 'dstport:22', range: HOUR, rev: 3 }, DOC);
    const [entry] = reread().entries();
    assert.deepEqual(entry.document, DOC);
    assert.equal(targetKey(entry.target), targetKey(FLOW_LOG));
    assert.deepEqual([entry.view?.query, entry.view?.range, entry.view?.rev], ['dstport:22', HOUR, 3]);
    assert.deepEqual(reread().get(FLOW_LOG, DOC)?.view?.query, 'dstport:22');
  });

  it("the document's panel and the flow log's own panel on the same flow log are two entries; removing one leaves the other", async () => {
    const { record, reread } = recordIn(mkdtempSync(join(tmpdir(), 'doc-panels-')));
    await record.put(FLOW_LOG, { query: 'from the tree', range: HOUR });
    await record.put(FLOW_LOG, { query: 'from the document', range: HOUR }, DOC);
    await record.put(FLOW_LOG, { query: 'from the other document', range: HOUR }, OTHER_DOC);
    assert.equal(reread().entries().length, 3);
    assert.equal(reread().get(FLOW_LOG)?.view?.query, 'from the tree');
    assert.equal(reread().get(FLOW_LOG, DOC)?.view?.query, 'from the document');
    // A newer state of the document's panel replaces its entry only.
    await record.put(FLOW_LOG, { query: 'run again', range: HOUR }, DOC);
    assert.deepEqual(reread().entries().map((e) => e.view?.query).sort(), ['from the other document', 'from the tree', 'run again']);
    await record.remove(FLOW_LOG, DOC);
    assert.deepEqual(reread().entries().map((e) => e.document?.uri ?? 'flow log'), [OTHER_DOC.uri, 'flow log']);
    await record.remove(FLOW_LOG);
    assert.deepEqual(reread().entries().map((e) => e.document?.uri), [OTHER_DOC.uri]);
  });

  it("activation finds the document panel's tab by its title (document · flow log); without that tab it is reopened with its tie", async () => {
    const { file, record } = recordIn(mkdtempSync(join(tmpdir(), 'doc-panels-')));
    await record.put(FLOW_LOG, { query: '*', range: HOUR }, DOC);
    assert.deepEqual(recordedPanelTitles(file), ['traffic.slsql · prod-backbone-flowlog']);
    assert.equal(panelTitle(FLOW_LOG, DOC), 'traffic.slsql · prod-backbone-flowlog');
    assert.deepEqual(record.withoutTab(new Set(['traffic.slsql · prod-backbone-flowlog']), new Set()), []);
    // The flow log's own tab does not stand for the document's panel.
    const missing = record.withoutTab(new Set([panelTitle(FLOW_LOG)]), new Set());
    assert.deepEqual(missing.map((e) => e.document), [DOC]);
    // Open already (tied to its document): not reopened.
    assert.deepEqual(record.withoutTab(new Set(), new Set([record.keyOfEntry({ target: FLOW_LOG, document: DOC })])), []);
    assert.deepEqual(record.withoutTab(new Set(), new Set([targetKey(FLOW_LOG)])).map((e) => e.document), [DOC], "the flow log's own panel is another panel");
    // The file holds the document beside the target, in the shape the page persists.
    const stored = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>)[OPEN_PANELS_KEY];
    assert.deepEqual(parsePersistedWorkbenchState(stored[0])?.document, DOC);
  });

  it('the page keeps the document from its boot data in every state it saves, and a reloaded page reads it back', () => {
    const boot = parseWorkbenchBoot({ target: FLOW_LOG, view: { query: 'dstport:22', range: HOUR }, document: DOC, run: true });
    assert.deepEqual(boot?.document, DOC);
    const start = startState(undefined, boot);
    assert.deepEqual(start.document, DOC);
    const states: PageState[] = [];
    const keeper = new ViewStateKeeper({ setState: (s) => states.push(s), post: () => undefined }, start.target, start.view, { set: () => 0, clear: () => undefined }, start.document);
    keeper.update({ query: 'dstport:2' });
    assert.equal(states.length, 2);
    for (const s of states) assert.deepEqual(s.document, DOC);
    // What VS Code hands the serializer after a reload: the last saved state.
    const restored = parsePersistedWorkbenchState(JSON.parse(JSON.stringify(states[1])));
    assert.deepEqual(restored?.document, DOC);
    assert.equal(restored?.view?.query, 'dstport:2');
    // A reloaded page whose boot data lacks the document (an older host) keeps the one it saved.
    assert.deepEqual(startState(states[1], { target: FLOW_LOG }).document, DOC);
  });

  it("a flow log's own panel saves no document; a damaged tie is dropped and the panel restores as the flow log's", () => {
    const states: PageState[] = [];
    new ViewStateKeeper({ setState: (s) => states.push(s), post: () => undefined }, FLOW_LOG, { query: '*', range: HOUR }, { set: () => 0, clear: () => undefined });
    assert.equal('document' in states[0], false);
    for (const document of [{ uri: '', title: 'x.slsql' }, { uri: 7, title: 'x.slsql' }, { uri: 'file:///x.slsql' }, 'file:///x.slsql']) {
      const parsed = parsePersistedWorkbenchState({ query: '*', range: HOUR, target: FLOW_LOG, document });
      assert.equal(parsed?.target.title, FLOW_LOG.title);
      assert.equal(parsed?.document, undefined, JSON.stringify(document));
    }
  });
});
