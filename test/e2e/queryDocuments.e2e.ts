/**
 * A .slsql query file in a real VS Code: one Run CodeLens per statement; Ctrl+Enter with the cursor
 * in the second statement sends exactly that statement to Log Service, over the header's range,
 * and the flow log's workbench panel shows its rows; an error in the third statement is listed in
 * the Problems panel at its line and column. Completion offers the target's fields, and a query
 * run from a file and saved back from the workbench (Save as Query File…) reads back the same.
 * The `-- flowlog:` header completes the account's flow-log names; an error Log Service gives a
 * run is listed in Problems at its place in the file; every Run of a file shows in that file's
 * own panel, which stays open when the file is closed. Under `-- cen:` a statement runs over every
 * flow log of the CEN in its panel, and one that cannot be merged is a problem at its place.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode } from './harness';
import { gridText, QUERY_TIMEOUT_MS, shownRange, waitRunEnded } from './harness/queryWorkbench';
import { goToLine, openFile } from './harness/queryDocumentSteps';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import type { AnsweredQuery } from '../../emulator/context';
import { parseQueryDocument, runnableText } from '../../src/documents/queryDocument';
import { eachFlowOnce } from '../support/eachFlowOnce';

const FLOW_LOG = 'prod-backbone-flowlog';
const FILE = 'traffic.slsql';
const SECOND = '* | select dstport, count(*) as n group by dstport order by dstport';
const THIRD = 'dstport:22 | select count(*) as n from log group by nosuchfield';
const LINES = [
  `-- flowlog: ${FLOW_LOG}`,
  '-- range: last 4h',
  '',
  '-- SSH',
  'dstport:22',
  '',
  '-- records per destination port; a ";" in a comment does not split',
  SECOND,
  '',
  THIRD,
  '',
];

function oneSpaced(query: string): string {
  return query.replace(/\s+limit\s+0\s*,\s*\d+\s*$/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

describe('.slsql query documents', () => {
  const vs = useVsCode();

  it('three statements, three Run lenses; Ctrl+Enter runs the one under the cursor; the third one\'s error is in Problems', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    writeFileSync(join(vs.workspaceFolder, FILE), LINES.join('\n'));
    await openFile(vs, FILE);

    const runLenses = vs.page.locator('.monaco-editor .codelens-decoration a', { hasText: /^\s*Run\s*$/ });
    await runLenses.nth(2).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await runLenses.count(), 3, 'one Run lens per statement');
    assert.equal(await vs.page.locator('.monaco-editor .codelens-decoration a', { hasText: /Export CSV/ }).count(), 3, 'one Export lens per statement');

    // The demo's first Active flow log in cn-hangzhou is FLOW_LOG (as in workbench.e2e.ts).
    const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
    assert.ok(f, `the demo has ${FLOW_LOG}`);
    const answered = vs.emulator.context.answeredQueries;
    const before = answered.length;

    await goToLine(vs, LINES.indexOf(SECOND) + 1);
    await vs.page.keyboard.press('Control+Enter');
    // The file's own panel, named after it.
    const frame = await vs.webviewFrame(`${FILE} · ${FLOW_LOG}`);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');

    const queries = answered.slice(before).filter((q: AnsweredQuery) => q.api !== 'GetHistograms' && q.project === f.projectName && q.logstore === f.logStoreName);
    assert.deepEqual(queries.map((q) => oneSpaced(q.query)), [oneSpaced(SECOND)], 'exactly one Log Service query, the second statement');
    const span = queries[0].to - queries[0].from;
    // The header's 4 hours, widened outward to whole 10-minute capture windows.
    assert.ok(span >= 4 * 3600 && span <= 4 * 3600 + 2 * 600, `the header's range (${span} s)`);
    const grid = await gridText(frame);
    assert.deepEqual(grid.columns, ['dstport', 'n']);
    assert.ok(grid.rows.length > 0, 'the grid shows the rows');

    await vs.page.keyboard.press('Control+Shift+M');
    const marker = vs.page.locator('.markers-panel .monaco-list-row', { hasText: /Unknown column "nosuchfield"/ });
    await marker.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const line = LINES.indexOf(THIRD) + 1;
    const column = THIRD.indexOf('nosuchfield') + 1;
    assert.match((await marker.textContent()) ?? '', new RegExp(`\\[Ln ${line}, Col ${column}\\]`), 'at its place in the file');
  });

  it('completion offers the target fields; a Run lens runs its statement; Save as Query File… writes back the query, flow log and range', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    // A hyphenated field of today's flow logs (log-status is the 2019 form's, absent here).
    const query = '* | select "src-region-id", count(*) as n group by "src-region-id"';
    const lines = [`-- flowlog: ${FLOW_LOG}`, '-- range: last 2h', '', query, '', 'dstport:22 and * | select src', ''];
    writeFileSync(join(vs.workspaceFolder, 'status.slsql'), lines.join('\n'));
    await openFile(vs, 'status.slsql');

    await goToLine(vs, lines.length - 1);
    await vs.page.keyboard.press('End');
    await vs.page.keyboard.press('Control+Space');
    const suggestions = vs.page.locator('.suggest-widget .monaco-list-row');
    await suggestions.filter({ hasText: 'src-region-id' }).first().waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await vs.page.keyboard.press('Escape');

    // This time from the statement's Run lens (the first statement's).
    await vs.page.locator('.monaco-editor .codelens-decoration a', { hasText: /^\s*Run\s*$/ }).first().click();
    const frame = await vs.webviewFrame(`status.slsql · ${FLOW_LOG}`);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');

    await vs.runCommand('CEN Flow Logs: Save as Query File…');
    // VS Code's own save dialog (a path input in the browser): accept the name it proposes.
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(await input.inputValue()).endsWith('.slsql')) {
      if (Date.now() > deadline) throw new Error(`the save dialog proposes ${await input.inputValue()}`);
      await vs.page.waitForTimeout(200);
    }
    await input.press('Enter');
    const saved = join(vs.workspaceFolder, `${FLOW_LOG}.slsql`);
    while (!existsSync(saved)) {
      if (Date.now() > deadline) throw new Error(`${saved} was not written`);
      await vs.page.waitForTimeout(200);
    }
    const doc = parseQueryDocument(readFileSync(saved, 'utf8'), Date.now() / 1000);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.statements.length, 1);
    const [statement] = doc.statements;
    assert.equal(runnableText(statement.text), query);
    assert.deepEqual(statement.target.kind === 'flowLog' ? statement.target.nameOrId : statement.target.kind, FLOW_LOG);
    assert.deepEqual(statement.range, { kind: 'relative', amount: 2, unit: 'hours' });
  });

  it('the header completes flow-log names; a Log Service error of a run is in Problems; Run reuses the file\'s panel, which outlives the file', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const name = 'errors.slsql';
    // Local checks know no function list: only the service says nosuchfn does not exist.
    const failing = '* | select nosuchfn(dstport) as n';
    const lines = ['-- flowlog: prod-b', '-- range: last 1h', '', failing, '', '* | select count(*) as n', ''];
    const file = join(vs.workspaceFolder, name);
    writeFileSync(file, lines.join('\n'));
    await openFile(vs, name);

    // Flow-log names after "-- flowlog:", with the CEN and region beside each.
    await goToLine(vs, 1);
    await vs.page.keyboard.press('End');
    await vs.page.keyboard.press('Control+Space');
    const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
    assert.ok(f);
    const suggestion = vs.page.locator('.suggest-widget .monaco-list-row', { hasText: FLOW_LOG }).first();
    await suggestion.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.match((await suggestion.textContent()) ?? '', new RegExp(`${f.cenId}.*cn-hangzhou`), 'the CEN and region as detail');
    await suggestion.click();
    await vs.page.locator('.monaco-editor .view-line', { hasText: `-- flowlog: ${FLOW_LOG}` }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // The failing statement: the service's error lands in Problems at its place in the file.
    await goToLine(vs, lines.indexOf(failing) + 1);
    await vs.page.keyboard.press('Control+Enter');
    const title = `${name} · ${FLOW_LOG}`;
    let frame = await vs.webviewFrame(title);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'failed');
    await vs.page.keyboard.press('Control+Shift+M');
    const marker = vs.page.locator('.markers-panel .monaco-list-row', { hasText: /nosuchfn/ }).filter({ hasText: /not registered/ });
    await marker.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const column = failing.indexOf('nosuchfn') + 1;
    assert.match((await marker.textContent()) ?? '', new RegExp(`\\[Ln ${lines.indexOf(failing) + 1}, Col ${column}\\]`), 'at its place in the file');

    // The next statement runs in the same panel: still one panel for the file.
    await openFile(vs, name);
    await goToLine(vs, lines.indexOf('* | select count(*) as n') + 1);
    await vs.page.keyboard.press('Control+Enter');
    frame = await vs.webviewFrame(title);
    assert.equal(await waitRunEnded(frame, 1, QUERY_TIMEOUT_MS), 'done');
    const panelTabs = vs.page.locator('.tabs-container .tab', { hasText: title });
    assert.equal(await panelTabs.count(), 1, 'Run reuses the file\'s panel');
    const grid = await gridText(frame);
    assert.deepEqual(grid.columns, ['n']);

    // Running never rewrote the file: saved, it holds what was typed (the completed header) and nothing else.
    await openFile(vs, name);
    await vs.page.keyboard.press('Control+S');
    const expected = [`-- flowlog: ${FLOW_LOG}`, ...lines.slice(1)].join('\n');
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (readFileSync(file, 'utf8') !== expected) {
      if (Date.now() > deadline) throw new Error(`the saved file reads ${JSON.stringify(readFileSync(file, 'utf8'))}`);
      await vs.page.waitForTimeout(200);
    }

    // Closing the file leaves its panel open.
    await vs.page.keyboard.press('Control+W');
    await vs.page.locator(`.tabs-container .tab[data-resource-name="${name}"]`).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    assert.equal(await panelTabs.count(), 1, 'the panel outlives the file');
  });

  it('under -- cen: top talkers run over every flow log of the CEN in its panel; approx_percentile is a problem at its place', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const cenName = 'prod-backbone';
    const name = 'cen.slsql';
    const talkers = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 10';
    const percentile = '* | select approx_percentile(bytes, 0.9) as p90';
    const lines = [`-- cen: ${cenName}`, '-- range: last 1h', '', talkers, '', percentile, ''];
    writeFileSync(join(vs.workspaceFolder, name), lines.join('\n'));
    await openFile(vs, name);

    // The statement that cannot be merged is marked in Problems before anything runs.
    await vs.page.keyboard.press('Control+Shift+M');
    const marker = vs.page.locator('.markers-panel .monaco-list-row', { hasText: /Cannot merge across the CEN's flow logs: approx_percentile/ });
    await marker.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.match((await marker.textContent()) ?? '', new RegExp(`\\[Ln ${lines.indexOf(percentile) + 1}, Col ${percentile.indexOf('approx_percentile') + 1}\\]`), 'at its place in the file');

    await goToLine(vs, lines.indexOf(talkers) + 1);
    await vs.page.keyboard.press('Control+Enter');
    const frame = await vs.webviewFrame(`Query: ${cenName}`);
    assert.equal(await waitRunEnded(frame, 0, QUERY_TIMEOUT_MS), 'done');

    // The merged top talkers equal the sums over the generator's records of every Active flow log of
    // the CEN, each flow counted once (as the region map counts; test/support/eachFlowOnce.ts).
    const cen = vs.emulator.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === cenName);
    assert.ok(cen, `the demo has ${cenName}`);
    const members = vs.emulator.context.cen.listFlowLogs().filter((f) => f.cenId === cen.cenId && f.status === 'Active');
    assert.ok(members.length > 1, 'the CEN has several flow logs with records');
    const range = await shownRange(frame);
    const sums = new Map<string, number>();
    const capturing = members.map((f) => ({ flowLogId: f.flowLogId, regionId: f.regionId, ...(f.attachment ? { attachmentId: f.attachment.id } : {}) }));
    const counted = eachFlowOnce(capturing, (f) => vs.emulator.context.sls.generatedRows(f.flowLogId, range.from, range.to));
    for (const r of [...counted.values()].flat()) sums.set(r.srcaddr, (sums.get(r.srcaddr) ?? 0) + (r.bytes ?? 0));
    const expected = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([src, b]) => [src, String(b)]);
    await frame.locator('[data-testid=tab-results]').click();
    // The Problems panel (still open) leaves room for only the first rows: the count says how many there are.
    await frame.locator('[data-testid=status-rows]', { hasText: new RegExp(`^\\s*${expected.length} rows`) }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const grid = await gridText(frame);
    assert.deepEqual(grid.columns, ['srcaddr', 'b']);
    assert.ok(grid.rows.length > 0, 'the CEN panel shows rows');
    assert.deepEqual(grid.rows.map((r) => [r[0], r[1].replace(/[^\d]/g, '')]), expected.slice(0, grid.rows.length));
  });
});
