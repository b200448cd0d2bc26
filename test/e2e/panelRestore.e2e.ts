/**
 * A query workbench panel survives a window reload: VS Code restores it through the panel
 * serializer registered at activation, which builds the extension's UI on that first need (no
 * view or command was used after the reload) and hands the panel its saved query.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode } from './harness';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const QUERY = '* | select dstport, count(*) as n group by dstport order by n desc limit 5';

describe('query panel restore', () => {
  const vs = useVsCode();

  it('reopens an open query panel with its query after "Reload Window"', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Query Flow Log…');
    await vs.answerQuickPick(FLOW_LOG);
    await vs.answerInputBox(QUERY);
    const before = await vs.webviewFrame(TAB);
    await before.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    const reloaded = vs.page.waitForEvent('framenavigated', { predicate: (f) => f === vs.page.mainFrame(), timeout: UI_TIMEOUT_MS });
    await vs.runCommand('Developer: Reload Window');
    await reloaded;
    await vs.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const after = await vs.webviewFrame(TAB);
    const editor = after.locator('[data-testid=query-editor] .cm-content');
    await editor.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await editor.textContent()) ?? '', /count\(\*\) as n group by dstport/);
  });
});
