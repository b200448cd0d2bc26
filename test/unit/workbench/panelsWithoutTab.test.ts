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
import { targetKey } from '../../../src/views/workbench/queryHistory';
import { isRestartInSameWindow, NO_SESSION_ID, notRevived, reopenPanelsVsCodeWillNotRestore, someRecordedPanelLacksTab } from '../../../src/activation/panelsWithoutTab';
import type * as vscode from 'vscode';
import type { WorkbenchTarget } from '../../../src/protocol/messages';

const target = (title: string, logStoreName: string): WorkbenchTarget => ({ kind: 'logstore', title, regionId: 'cn-hangzhou', projectName: 'p', logStoreName, interval: 600, fields: [] });
const A = target('prod-backbone-flowlog', 'a');
const B = target('hangzhou-to-beijing', 'b');

function recordIn(dir: string): { file: string; record: OpenPanelRecord } {
  const file = join(dir, 'open-query-panels.json');
  return { file, record: new OpenPanelRecord(new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p))), targetKey) };
}

describe('query panels without a tab', () => {
  it('the record names the panels whose tab is missing, not those with a tab or already open', async () => {
    const { record } = recordIn(mkdtempSync(join(tmpdir(), 'panels-')));
    await record.put(A, { query: 'dstport:443', range: { kind: 'quick', minutes: 60 } });
    await record.put(B, { query: '*', range: { kind: 'quick', minutes: 15 } });
    assert.deepEqual(record.withoutTab(new Set(), new Set()).map((e) => e.target.title).sort(), ['hangzhou-to-beijing', 'prod-backbone-flowlog']);
    assert.deepEqual(record.withoutTab(new Set([panelTitle(A)]), new Set()).map((e) => e.view?.query), ['*']);
    assert.deepEqual(record.withoutTab(new Set([panelTitle(A)]), new Set([targetKey(B)])), []);
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

  it('an activation in the same window session as the last one is an extension-host restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'panels-')), 'deeper', 'window-session.txt');
    assert.equal(await isRestartInSameWindow(file, 'window-1'), false, 'first activation');
    assert.equal(await isRestartInSameWindow(file, 'window-1'), true, 'same window: the host restarted');
    assert.equal(await isRestartInSameWindow(file, 'window-2'), false, 'a reloaded window has a new session');
  });

  const viewTypeOf = (input: unknown): string => (input as { viewType?: string }).viewType ?? '';
  const isQueryTab = (input: unknown): boolean => viewTypeOf(input).endsWith('cenFlowLogs.workbench');
  const isOwnTab = (input: unknown): boolean => /cenFlowLogs\.(workbench|regionMap|compare)$/.test(viewTypeOf(input));
  const MAP_IN_FRONT = { label: 'Region Map: prod-backbone', viewType: 'mainThreadWebview-cenFlowLogs.regionMap' };

  /** VS Code's tab model as the API shows it: tabs with a label and an input; close removes them. */
  function tabModel(labels: string[], front: { label: string; viewType: string } = { label: 'a file', viewType: 'text' }): { groups: vscode.TabGroups; closed: string[] } {
    const closed: string[] = [];
    const queryTabs = labels.map((label) => ({ label, isActive: false, input: { viewType: 'mainThreadWebview-cenFlowLogs.workbench' } }));
    const tabs = [...queryTabs, { label: front.label, isActive: true, input: { viewType: front.viewType } }];
    const groups = {
      all: [{ tabs }],
      close: async (t: readonly { label: string }[]) => {
        closed.push(...t.map((x) => x.label));
        return true;
      },
    } as unknown as vscode.TabGroups;
    return { groups, closed };
  }

  it('after a restart the orphaned tabs are closed and every recorded panel reopened; after a window load only those without a tab', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panels-'));
    const { file, record } = recordIn(dir);
    await record.put(A, { query: 'a', range: { kind: 'quick', minutes: 60 } });
    await record.put(B, { query: 'b', range: { kind: 'quick', minutes: 60 } });
    const sessionFile = join(dir, 'window-session.txt');
    const run = async (sessionId: string, labels: string[]): Promise<{ closed: string[]; reopened: (ReadonlySet<string> | undefined)[] }> => {
      const { groups, closed } = tabModel(labels);
      const reopened: ReadonlySet<string>[] = [];
      const deps = { tabGroups: groups, isWorkbenchTab: isQueryTab, isOwnTab, revived: new Promise<void>(() => undefined), reviveGraceMs: 1 };
      await reopenPanelsVsCodeWillNotRestore({ ...deps, sessionId, recordFile: file, sessionFile, reopen: (l) => reopened.push(l) });
      return { closed, reopened };
    };
    // A window load: both tabs are there, waiting for the serializer.
    assert.deepEqual(await run('window-1', [panelTitle(A), panelTitle(B)]), { closed: [], reopened: [] });
    // The host restarts in that window: VS Code keeps the tabs but will not revive them.
    const restart = await run('window-1', [panelTitle(A), panelTitle(B)]);
    assert.deepEqual(restart.closed, [panelTitle(A), panelTitle(B)]);
    assert.deepEqual(restart.reopened.map((l) => [...(l ?? [])]), [[]]);
    // A new window whose layout lost one tab: only that one is reopened.
    const lost = await run('window-2', [panelTitle(A)]);
    assert.deepEqual(lost.closed, []);
    assert.deepEqual(lost.reopened.map((l) => [...(l ?? [])]), [[panelTitle(A)]]);
  });

  it('telemetry off (one session id for every window): a same-session activation is a restart only when the panel in front is not revived', async () => {
    const never = new Promise<void>(() => undefined);
    const base = { isOwnTab, reviveGraceMs: 20 };
    const mapInFront = tabModel([panelTitle(A)], MAP_IN_FRONT).groups;
    assert.equal(await notRevived({ ...base, sessionId: 'window-1', tabGroups: mapInFront, revived: never }), true, 'a real session id already tells');
    assert.equal(await notRevived({ ...base, sessionId: NO_SESSION_ID, tabGroups: mapInFront, revived: Promise.resolve() }), false, 'the map in front was revived: a window load');
    assert.equal(await notRevived({ ...base, sessionId: NO_SESSION_ID, tabGroups: mapInFront, revived: never }), true, 'nothing revived within the grace time: a restart');
    assert.equal(await notRevived({ ...base, sessionId: NO_SESSION_ID, tabGroups: tabModel([panelTitle(A)]).groups, revived: never }), false, 'none of ours in front: left to VS Code');
  });

  it('Reload Window with telemetry off, the region map in front and a pair’s query panel behind it: nothing closed, nothing reopened over the map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panels-'));
    const { file, record } = recordIn(dir);
    await record.put(A, { query: 'src-region-id:"cn-hangzhou" and dst-region-id:"cn-shanghai"', range: { kind: 'quick', minutes: 60 } });
    const sessionFile = join(dir, 'window-session.txt');
    const activate = async (revived: Promise<void>): Promise<{ closed: string[]; reopened: number }> => {
      const { groups, closed } = tabModel([panelTitle(A)], MAP_IN_FRONT);
      let reopened = 0;
      const deps = { tabGroups: groups, isWorkbenchTab: isQueryTab, isOwnTab, revived, reviveGraceMs: 20, sessionId: NO_SESSION_ID, recordFile: file, sessionFile };
      await reopenPanelsVsCodeWillNotRestore({ ...deps, reopen: () => (reopened += 1) });
      return { closed, reopened };
    };
    assert.deepEqual(await activate(Promise.resolve()), { closed: [], reopened: 0 }, 'first window');
    assert.deepEqual(await activate(Promise.resolve()), { closed: [], reopened: 0 }, 'reloaded: same session id, the map revived');
    assert.deepEqual(await activate(new Promise<void>(() => undefined)), { closed: [panelTitle(A)], reopened: 1 }, 'host restart: the dead tab closed and reopened');
  });
});
