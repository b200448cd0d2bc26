/**
 * Panels VS Code brought back no tab for (its editor layout is flushed to storage every 5 s in a
 * browser window) are found from our own record, the one written on every change.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyValueStore } from '../../../src/views/workbench/fileKeyValueStore';
import { OpenPanelRecord } from '../../../src/views/workbench/openPanelRecord';
import { panelTitle, recordedPanelTitles } from '../../../src/views/workbench/openPanelsFile';
import { historyKey } from '../../../src/views/workbench/queryHistory';
import { someRecordedPanelLacksTab } from '../../../src/activation/panelsWithoutTab';
import type { WorkbenchTarget } from '../../../src/protocol/messages';

const target = (title: string, logStoreName: string): WorkbenchTarget => ({ title, regionId: 'cn-hangzhou', projectName: 'p', logStoreName, interval: 600, fields: [] });
const A = target('prod-backbone-flowlog', 'a');
const B = target('hangzhou-to-beijing', 'b');

function recordIn(dir: string): { file: string; record: OpenPanelRecord } {
  const file = join(dir, 'open-query-panels.json');
  return { file, record: new OpenPanelRecord(new FileKeyValueStore(file, (m) => assert.fail(m)), historyKey) };
}

describe('query panels without a tab', () => {
  it('the record names the panels whose tab is missing, not those with a tab or already open', async () => {
    const { record } = recordIn(mkdtempSync(join(tmpdir(), 'panels-')));
    await record.put(A, { query: 'dstport:443', range: { kind: 'quick', minutes: 60 } });
    await record.put(B, { query: '*', range: { kind: 'quick', minutes: 15 } });
    assert.deepEqual(record.withoutTab(new Set(), new Set()).map((e) => e.target.title).sort(), ['hangzhou-to-beijing', 'prod-backbone-flowlog']);
    assert.deepEqual(record.withoutTab(new Set([panelTitle(A)]), new Set()).map((e) => e.view?.query), ['*']);
    assert.deepEqual(record.withoutTab(new Set([panelTitle(A)]), new Set([historyKey(B)])), []);
  });

  it('activation reads the titles from the file the record writes, without the workbench', async () => {
    const { file, record } = recordIn(mkdtempSync(join(tmpdir(), 'panels-')));
    await record.put(A, { query: 'typed just now', range: { kind: 'quick', minutes: 60 } });
    assert.deepEqual(recordedPanelTitles(file), ['Query: prod-backbone-flowlog']);
    assert.equal(someRecordedPanelLacksTab(file, new Set()), true);
    assert.equal(someRecordedPanelLacksTab(file, new Set(['Query: prod-backbone-flowlog'])), false);
    await record.remove(A);
    assert.equal(someRecordedPanelLacksTab(file, new Set()), false, 'a panel the person closed is not reopened');
  });

  it('no file, a damaged file or entries without a title: nothing to reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'panels-'));
    assert.deepEqual(recordedPanelTitles(join(dir, 'absent.json')), []);
    writeFileSync(join(dir, 'damaged.json'), '{"cenFlowLogs.workbench.openPanels.v1": [');
    assert.deepEqual(recordedPanelTitles(join(dir, 'damaged.json')), []);
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ 'cenFlowLogs.workbench.openPanels.v1': [null, { target: {} }, { target: { title: 7 } }] }));
    assert.deepEqual(recordedPanelTitles(join(dir, 'odd.json')), []);
  });
});
