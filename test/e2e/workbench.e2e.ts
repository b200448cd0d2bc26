/**
 * The query workbench in a real VS Code against the emulator: opened from the palette (ad-hoc
 * query, preset, "Show traffic for this address"), results checked against the emulator's own
 * generator, server errors at their position, cancel, CSV export, and an XSS payload in a record
 * rendered as inert text. Screenshots for the README go to test-results/e2e/workbench-*.png, and to
 * docs/ only with CEN_FLOW_LOGS_UPDATE_DOCS=1 (harness/docsScreenshot.ts, as the explorer's).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { useVsCode, UI_TIMEOUT_MS, type VsCodeSession } from './harness';
import { screenshotForDocs } from './harness/docsScreenshot';
import { gridText, openAndSelectAll, pick, typeQuery } from './harness/queryWorkbench';
import type { FlowLogView } from '../../emulator/cen/store';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import { resolveWorkbenchRange } from '../../src/views/workbench/workbenchLanguage';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const QUERY_TIMEOUT = 30_000;

function flowLogOf(vs: VsCodeSession): FlowLogView {
  // The demo's only Active flow log (prod-backbone-flowlog, cn-hangzhou).
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return f;
}

/** The records of the last hour as the workbench resolves it (both sides of a window edge, in case the clock crossed one). */
function lastHourCandidates(vs: VsCodeSession): FlowRow[][] {
  const f = flowLogOf(vs);
  return [0, 15_000].map((ago) => {
    const r = resolveWorkbenchRange({ kind: 'quick', minutes: 60 }, f.interval, new Date(Date.now() - ago));
    return vs.emulator.context.sls.generatedRows(f.flowLogId, r.from, r.to);
  });
}

async function waitDone(frame: FrameLocator): Promise<void> {
  await frame.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT });
}

describe('query workbench', { timeout: 900_000 }, () => {
  const vs = useVsCode();

  it('"Query flow log…" runs an ad-hoc query whose rows match the emulator; a bad query is marked at its position', async () => {
    await vs.runCommand('CEN Flow Logs: Query Flow Log…');
    await pick(vs, FLOW_LOG);
    // Was grouped by "log-status": the demo flow logs are of today's form (issue 18), no log-status.
    await vs.answerInputBox('* | select direction as s, count(*) as n group by s order by s');
    const frame = await vs.webviewFrame(TAB);
    await waitDone(frame);
    const { columns, rows } = await gridText(frame);
    assert.deepEqual(columns, ['s', 'n']);
    const got = new Map(rows.map((r) => [r[0], Number(r[1])]));
    const matches = lastHourCandidates(vs).some((records) => {
      const expected = new Map<string, number>();
      for (const r of records) expected.set(r.direction, (expected.get(r.direction) ?? 0) + 1);
      return JSON.stringify([...expected].sort()) === JSON.stringify([...got].sort());
    });
    assert.ok(matches, `grid ${JSON.stringify([...got])} differs from the generator's count`);
    await screenshotForDocs(vs, 'workbench-adhoc-sql');

    // The service's ParameterInvalid comes back positioned: banner plus a mark on the function name.
    await typeQuery(vs, frame, '* | select srcaddr, nosuchfunc(bytes) group by srcaddr');
    await vs.page.keyboard.press('Control+Enter');
    const banner = frame.locator('[data-testid=query-error]');
    await banner.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT });
    assert.match((await banner.textContent()) ?? '', /nosuchfunc|ParameterInvalid/i);
    const marked = frame.locator('[data-testid=query-editor] .cm-lintRange-error', { hasText: 'nosuchfunc' });
    await marked.first().waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    await screenshotForDocs(vs, 'workbench-server-error');
  });

  it('completes a field, runs with Ctrl+Enter, and exports the whole result as CSV with the query recorded', async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FLOW_LOG);
    const frame = await vs.webviewFrame(TAB);
    await typeQuery(vs, frame, 'dstpo');
    const option = frame.locator('.cm-tooltip-autocomplete li', { hasText: 'dstport' }).first();
    await option.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Clicked rather than Enter: on a slow machine the list can refresh between typing and the key.
    await option.click();
    const editor = frame.locator('[data-testid=query-editor] .cm-content');
    const completed = (await editor.textContent()) ?? '';
    await editor.pressSequentially(completed.endsWith(':') ? '22' : ':22', { delay: 5 });
    assert.match((await editor.textContent()) ?? '', /^dstport\s*:\s*22$/);
    await vs.page.keyboard.press('Control+Enter');
    await waitDone(frame);
    const { columns, rows } = await gridText(frame);
    const port = columns.indexOf('dstport');
    assert.ok(port >= 0, `a dstport column in ${columns.join(',')}`);
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r[port] === '22'), 'every record is for port 22');
    await screenshotForDocs(vs, 'workbench-raw-records');

    await frame.locator('[data-testid=export-csv]').click();
    const target = join(vs.workspaceFolder, 'port22.csv');
    await vs.answerInputBox(target);
    await vs.notification(/Exported [\d,]+ rows/, QUERY_TIMEOUT);
    assert.ok(existsSync(target), 'the CSV exists');
    const lines = readFileSync(target, 'utf8').split('\r\n').filter(Boolean);
    assert.ok(lines.includes('# query: dstport:22'), 'the query is recorded');
    const data = lines.filter((l) => !l.startsWith('#'));
    // The export resolves the time range when it starts; the file records it, so count that range.
    const recorded = /^# time range: .*\((\d+)–(\d+)\)/.exec(lines.find((l) => l.startsWith('# time range:')) ?? '');
    assert.ok(recorded, 'the time range is recorded');
    const f = flowLogOf(vs);
    const inFile = vs.emulator.context.sls.generatedRows(f.flowLogId, Number(recorded[1]), Number(recorded[2])).filter((r) => r.dstport === 22);
    assert.equal(data.length - 1, inFile.length, 'one CSV line per record of the recorded range');
    const csvPort = data[0].split(',').indexOf('dstport');
    assert.ok(data.slice(1).every((l) => l.split(',')[csvPort] === '22'));
  });

  it('"Show traffic for this address" from an editor selection, then "Run preset…" with its chart, checked rows and sorting', async () => {
    const row = lastHourCandidates(vs)[0].find((r) => r.dstport !== null && r.logStatus === 'OK');
    assert.ok(row, 'a record with a port in the last hour');
    // The log line's timestamp is the record's time: the command centres the range on it (issue 23).
    const stamp = new Date(row.time * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    writeFileSync(join(vs.workspaceFolder, 'app.log'), `${stamp} ERROR connect to ${row.dstaddr}:${row.dstport} timed out\n`);
    await openAndSelectAll(vs, 'app.log', 'timed out');
    await vs.runCommand('CEN Flow Logs: Show Traffic for This Address');
    await pick(vs, FLOW_LOG);
    const frame = await vs.webviewFrame(TAB);
    await waitDone(frame);
    const query = (await frame.locator('[data-testid=query-editor] .cm-content').textContent()) ?? '';
    assert.ok(query.includes(row.dstaddr) && query.includes(String(row.dstport)), `query ${query} names the address and port`);
    const { columns, rows } = await gridText(frame);
    const src = columns.indexOf('srcaddr');
    const dst = columns.indexOf('dstaddr');
    assert.ok(rows.length > 0, 'records for the address');
    assert.ok(rows.every((r) => r[src] === row.dstaddr || r[dst] === row.dstaddr));
    await screenshotForDocs(vs, 'workbench-address');

    // "Run preset…" on the same flow log reuses this panel: the preset's query runs and its chart shows.
    await vs.runCommand('CEN Flow Logs: Run Preset…');
    await pick(vs, 'Top talkers by bytes');
    await pick(vs, FLOW_LOG);
    const presetFrame = await vs.webviewFrame(TAB);
    // The status line still shows the previous result; the new columns mean the preset's rows came.
    await presetFrame.locator('.grid-header .grid-hname', { hasText: /^total_bytes$/ }).waitFor({ state: 'attached', timeout: QUERY_TIMEOUT });
    await presetFrame.locator('[data-testid=chart] canvas, [data-testid=chart] svg').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshotForDocs(vs, 'workbench-preset-chart');

    await presetFrame.locator('[data-testid=tab-results]').click();
    const preset = await gridText(presetFrame);
    const [s, d, b] = ['srcaddr', 'dstaddr', 'total_bytes'].map((c) => preset.columns.indexOf(c));
    const top = preset.rows[0];
    const matches = lastHourCandidates(vs).some((records) => {
      const sums = new Map<string, number>();
      for (const r of records) sums.set(`${r.srcaddr}>${r.dstaddr}`, (sums.get(`${r.srcaddr}>${r.dstaddr}`) ?? 0) + (r.bytes ?? 0));
      const best = [...sums].sort((x, y) => y[1] - x[1])[0];
      return best !== undefined && best[0] === `${top[s]}>${top[d]}` && best[1] === Number(top[b]);
    });
    assert.ok(matches, `top talker ${top.join(' ')} is the generator's`);

    const header = presetFrame.locator('.grid-header .grid-hcell').filter({ has: presetFrame.locator('.grid-hname', { hasText: /^total_bytes$/ }) });
    await header.locator('.grid-hlabel').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const sorted = (await gridText(presetFrame)).rows.map((r) => Number(r[b]));
    assert.deepEqual(sorted, [...sorted].sort((x, y) => x - y));
  });

  it('renders a record carrying an XSS payload as inert text, and cancels a query stuck Incomplete', async () => {
    const f = flowLogOf(vs);
    const payload = '<img src=x onerror="document.body.dataset.pwned=1">';
    const ls = vs.emulator.context.sls.projects.get(f.projectName)?.logstores.get(f.logStoreName);
    assert.ok(ls, 'the flow log logstore exists');
    const base = lastHourCandidates(vs)[0][0];
    assert.ok(base, 'a record to copy');
    await vs.emulator.context.sls.appendRows(ls, [{ ...base, srcaddr: payload, attachmentId: payload }]);
    await vs.runCommand('CEN Flow Logs: Query Flow Log…');
    await pick(vs, FLOW_LOG);
    await vs.answerInputBox(`* | select srcaddr, "attachment-id" as a where srcaddr like '<img%'`);
    const frame = await vs.webviewFrame(TAB);
    await waitDone(frame);
    const { rows } = await gridText(frame);
    assert.deepEqual(rows, [[payload, payload]]);
    assert.equal(await frame.locator('.grid img, img[src=x]').count(), 0, 'no <img> element was created');
    assert.equal(await frame.locator('body[data-pwned]').count(), 0, 'no handler ran');

    // From now on every query of this emulator answers Incomplete until cancelled.
    vs.emulator.context.faults.update({ incompletePolls: 100_000 });
    await typeQuery(vs, frame, 'dstport:443');
    await vs.page.keyboard.press('Control+Enter');
    const status = frame.locator('[data-testid=status]');
    await status.filter({ hasText: /Incomplete/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT });
    await frame.locator('[data-testid=cancel]').click();
    await status.filter({ hasText: /Cancelled/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });
});
