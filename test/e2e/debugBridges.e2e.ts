/**
 * Issue 23, reviewing traffic while debugging, in a real VS Code against the emulator: an address a
 * terminal prints becomes a link that opens its traffic (rows for that address, around now); an
 * address hovered in a .log file shows its summary, and hovering it again in the same capture
 * window sends no second Log Service request (the emulator's record of answered queries). A range
 * around now names, in the panel, the capture windows not delivered yet. With a CEN chosen, the
 * address's records come from several of its flow logs. "Show Traffic for This Address" on an
 * editor selection asks where once; the next selection does not ask, and the status-bar item
 * changes where addresses are looked up.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { useVsCode, UI_TIMEOUT_MS, type VsCodeSession } from './harness';
import { gridText, openAndSelectAll, pick, QUERY_TIMEOUT_MS, runStatus, shownRange, waitRunEnded } from './harness/queryWorkbench';
import type { FlowLogView } from '../../emulator/cen/store';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import { aroundRange } from '../../src/query/aroundNow';
import { addressSummaryQuery, formatByteCount, readAddressSummary, summaryRange } from '../../src/query/addressSummary';
import { captureInterval } from '../../src/views/workbench/workbenchLanguage';
import { OWNER_ACCOUNT } from '../../emulator/accounts';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const CEN = 'prod-backbone';
const CHOOSE = 'CEN Flow Logs: Choose Flow Log or CEN for Address Traffic…';
const SHOW_FOR_SELECTION = 'CEN Flow Logs: Show Traffic for This Address';
/** Raw records a search shows before "load more" (one Log Service page). */
const FIRST_PAGE = 100;

function flowLogOf(vs: VsCodeSession): FlowLogView {
  // The demo's only Active flow log (prod-backbone-flowlog, cn-hangzhou), as in workbench.e2e.ts.
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return f;
}

/** A recorded flow with a port in the given range: its destination is the address the tests print. */
function recordedPeer(vs: VsCodeSession, from: number, to: number): FlowRow {
  const row = vs.emulator.context.sls.generatedRows(flowLogOf(vs).flowLogId, from, to).find((r) => r.dstport !== null && r.logStatus === 'OK' && !r.dstaddr.includes(':'));
  assert.ok(row, 'a record with an IPv4 destination and port in the range');
  return row;
}

/** The few DOM calls the page-side function makes (this project's tests compile without the DOM library). */
interface PageText {
  readonly textContent: string | null;
}
interface PageDocument {
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageText | null };
  createRange(): { setStart(n: PageText, o: number): void; setEnd(n: PageText, o: number): void; getBoundingClientRect(): { left: number; top: number; width: number; height: number } };
}

/**
 * Runs in the page: where `wanted` is drawn inside `root`. Terminals and editors render spaces as
 * no-break spaces, and the text may span several spans.
 */
function textCentre(root: unknown, wanted: string): { x: number; y: number } | { missing: string } {
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  const SHOW_TEXT = 4;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: PageText[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    all += n.textContent ?? '';
  }
  const at = all.replace(/\u00a0/g, ' ').indexOf(wanted);
  if (at < 0) return { missing: JSON.stringify(all) };
  const range = doc.createRange();
  let offset = 0;
  for (const n of nodes) {
    const len = (n.textContent ?? '').length;
    if (at >= offset && at < offset + len) range.setStart(n, at - offset);
    if (at + wanted.length > offset && at + wanted.length <= offset + len) range.setEnd(n, at + wanted.length - offset);
    offset += len;
  }
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The centre of `text` inside the element (a terminal row, an editor line), in page coordinates; waits while it re-renders. */
async function centreOfText(element: Locator, text: string): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const box = await element.evaluate(textCentre, text);
    if (!('missing' in box)) return box;
    assert.ok(Date.now() < deadline, `${JSON.stringify(text)} is shown, in ${box.missing}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Right-clicks a row of the Variables view and runs "Show Traffic for This Address" from its menu.
 * As in the harness's contextMenu: a menu re-rendered under the pointer can swallow the click, so
 * Enter runs the highlighted entry when the menu stays open.
 */
async function showTrafficFromVariable(vs: VsCodeSession, row: Locator): Promise<void> {
  await row.click({ button: 'right' });
  const entry = vs.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Show Traffic for This Address' }).first();
  await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await entry.click();
  const menu = vs.page.locator('.context-view .monaco-menu');
  const closed = await menu.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
  if (closed) return;
  await entry.hover();
  await vs.page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Echoes a line holding `address` in a new terminal and Ctrl+clicks the address's link. The output
 * reads `marker` ("seen 2 peer"); the command line typed (`typed`, "seen $((1+1)) peer") does not,
 * so the output is what is clicked.
 */
async function clickTerminalAddress(vs: VsCodeSession, address: string, marker: string, typed: string): Promise<void> {
  await vs.runCommand('Terminal: Create New Terminal');
  const terminal = vs.page.locator('.terminal-wrapper.active .xterm-rows, .terminal .xterm-rows').first();
  await terminal.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const output = terminal.locator(':scope > div', { hasText: marker }).first();
  // Keys typed before the shell has started are lost: type again until the output is there.
  for (let attempt = 1; ; attempt++) {
    await vs.page.locator('.terminal .xterm-helper-textarea').first().focus();
    await vs.page.keyboard.type(`echo "${typed} ${address} timed out"\n`, { delay: 5 });
    const shown = await output.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    if (shown) break;
    assert.ok(attempt < 4, 'the terminal never printed the echo');
  }

  // Links are asked for when the pointer rests on a line (the first time also builds the extension's
  // UI); the link's hover, with our tooltip, says it is there. Move off and back until it shows.
  const linkHover = vs.page.locator('.workbench-hover, .monaco-hover', { hasText: 'Show the flow-log traffic of' }).first();
  const deadline = Date.now() + QUERY_TIMEOUT_MS;
  for (;;) {
    const at = await centreOfText(output, address);
    await vs.page.mouse.move(at.x, at.y - 40);
    await vs.page.mouse.move(at.x, at.y, { steps: 4 });
    const shown = await linkHover.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    if (shown) break;
    assert.ok(Date.now() < deadline, `no link on ${address} in the terminal`);
  }
  const at = await centreOfText(output, address);
  await vs.page.keyboard.down('Control');
  await vs.page.mouse.click(at.x, at.y);
  await vs.page.keyboard.up('Control');
}

async function waitDone(vs: VsCodeSession): Promise<Awaited<ReturnType<VsCodeSession['webviewFrame']>>> {
  const frame = await vs.webviewFrame(TAB);
  await frame.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  return frame;
}

/** "10:40" (UTC) — how the range note writes a window edge. */
function clockUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 16);
}

/**
 * What the range note must say of a range [from, to) reaching past now with `interval`-second
 * windows, for a query run at `at`: the windows from the open one to the range's end.
 */
function undeliveredText(range: { from: number; to: number }, interval: number, at: number): string {
  const first = Math.max(range.from, Math.floor(at / interval) * interval);
  const count = Math.ceil((range.to - first) / interval);
  return count === 1 ? `The capture window ${clockUtc(first)}–${clockUtc(range.to)} UTC is not delivered yet` : `${count} capture windows, ${clockUtc(first)}–${clockUtc(range.to)} UTC, are not delivered yet`;
}

/** Asserts the panel's range note names the windows not delivered yet, as of some instant in [before, after]. */
async function assertUndeliveredNote(frame: Awaited<ReturnType<VsCodeSession['webviewFrame']>>, interval: number, before: number): Promise<void> {
  const range = await shownRange(frame);
  const note = ((await frame.locator('[data-testid=range-info] .delay-note').textContent()) ?? '').trim();
  const after = Date.now() / 1000;
  const expected = [...new Set([undeliveredText(range, interval, before), undeliveredText(range, interval, after)])];
  assert.ok(expected.some((e) => note.includes(e)), `the range note "${note}" says one of: ${expected.join(' | ')}`);
}

/** Our status-bar item naming where addresses are looked up. */
function targetStatusItem(vs: VsCodeSession, text: string): Locator {
  return vs.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
}

describe('debugging bridges', { timeout: 900_000 }, () => {
  // The DOM renderer puts terminal text in the page, where the test can find and point at it; the
  // debug toolbar docked in its view does not float over the editor tabs the harness clicks.
  const vs = useVsCode({ settings: { 'terminal.integrated.gpuAcceleration': 'off', 'debug.toolBarLocation': 'docked' } });

  it('an address echoed in a terminal is a link that opens its traffic around now, with rows for that address', async () => {
    const f = flowLogOf(vs);
    const planned = aroundRange({ kind: 'now' }, Math.floor(Date.now() / 1000), captureInterval(f.interval));
    const peer = recordedPeer(vs, planned.from, planned.to);
    const address = `${peer.dstaddr}:${peer.dstport}`;

    await clickTerminalAddress(vs, address, 'seen 2 peer', 'seen $((1+1)) peer');

    // First use: the flow-log pick (the answer is remembered for the next address).
    await pick(vs, FLOW_LOG);
    const frame = await waitDone(vs);
    const query = (await frame.locator('[data-testid=query-editor] .cm-content').textContent()) ?? '';
    assert.ok(query.includes(peer.dstaddr) && query.includes(String(peer.dstport)), `query ${query} names the address and port`);
    const range = await shownRange(frame);
    const now = Date.now() / 1000;
    assert.ok(range.from <= now - 25 * 60 && range.to >= now + 25 * 60, `the range ${range.label} is centred on now`);
    // Around now: the panel says which of the range's windows are not delivered yet.
    await assertUndeliveredNote(frame, captureInterval(f.interval), planned.centre);
    const { columns, rows } = await gridText(frame);
    const src = columns.indexOf('srcaddr');
    const dst = columns.indexOf('dstaddr');
    assert.ok(rows.length > 0, 'records for the address');
    assert.ok(rows.every((r) => r[src] === peer.dstaddr || r[dst] === peer.dstaddr), 'every record is to or from the address');
    await vs.screenshot('debugBridges-terminal-link');
  });

  it('hovering an address in a .log file shows its summary; hovered twice in one capture window, Log Service is asked once', async () => {
    const f = flowLogOf(vs);
    const interval = captureInterval(f.interval);
    // Not across a window edge: the second hover would then rightly ask again.
    const secondsLeft = interval - (Math.floor(Date.now() / 1000) % interval);
    if (secondsLeft < 90) await vs.page.waitForTimeout(secondsLeft * 1000 + 2000);
    const windowAtStart = Math.floor(Date.now() / 1000 / interval);
    const range = summaryRange(Math.floor(Date.now() / 1000), interval);
    const peer = recordedPeer(vs, range.from, range.to);
    const target = { address: peer.dstaddr, port: peer.dstport ?? undefined };
    const address = `${peer.dstaddr}:${peer.dstport}`;

    await vs.runCommand(CHOOSE);
    await pick(vs, FLOW_LOG);
    await vs.notification(/now looked up in prod-backbone-flowlog/);

    writeFileSync(join(vs.workspaceFolder, 'service.log'), `${new Date().toISOString()} ERROR upstream ${address} reset the connection\n`);
    await vs.page.keyboard.press('Control+P');
    await vs.page.locator('.quick-input-widget .quick-input-box input').fill('service.log');
    await vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'service.log' }).first().click({ timeout: UI_TIMEOUT_MS });
    const line = vs.page.locator('.monaco-editor .view-line', { hasText: 'reset the connection' }).first();
    await line.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // What the summary must say: the emulator's own answer to the same query over the same hour.
    const ls = vs.emulator.context.sls.projects.get(f.projectName)?.logstores.get(f.logStoreName);
    assert.ok(ls, 'the logstore exists');
    const expected = await vs.emulator.context.sls.query(ls, { from: range.from, to: range.to, query: addressSummaryQuery(target), line: 100, offset: 0, reverse: false });
    const summary = readAddressSummary(expected.columns, expected.rows.map((r) => expected.columns.map((c) => String(r[c] ?? ''))));
    const summaryRequests = (): number => vs.emulator.context.answeredQueries.filter((q) => q.query.includes('bytes_in') && q.query.includes(peer.dstaddr)).length;

    // Any hover on the address (the summary, or what stands in its place), so a failure says what it showed.
    const hover = vs.page.locator('.monaco-hover:not(.hidden)', { hasText: address });
    for (const round of [1, 2]) {
      const deadline = Date.now() + QUERY_TIMEOUT_MS;
      for (;;) {
        // A hover is raised when the pointer comes to rest over the text: come from just above it.
        const at = await centreOfText(line, address);
        await vs.page.mouse.move(at.x, at.y - 30);
        await vs.page.mouse.move(at.x, at.y, { steps: 4 });
        const shown = await hover.first().waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
        if (shown) break;
        assert.ok(Date.now() < deadline, `round ${round}: no hover on ${address}`);
      }
      await vs.page.locator('.monaco-hover:not(.hidden)', { hasText: /Top peers|not loaded|failed|no flow log|not signed in/ }).first().waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
      const text = (await hover.first().textContent()) ?? '';
      assert.ok(text.includes('Top peers'), `round ${round}: the hover shows the summary: ${text}`);
      assert.ok(text.includes(`In: ${formatByteCount(summary.bytesIn)}`) && text.includes(`Out: ${formatByteCount(summary.bytesOut)}`), `round ${round}: bytes as the emulator counts them: ${text}`);
      assert.ok(summary.topPeers.length === 0 || text.includes(summary.topPeers[0].key), `round ${round}: the top peer is named: ${text}`);
      if (round === 1) await vs.screenshot('debugBridges-hover');
      // Away, so the next move raises a new hover.
      await vs.page.mouse.move(5, 5);
      await vs.page.keyboard.press('Escape');
      await hover.first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
    const sameWindow = Math.floor(Date.now() / 1000 / interval) === windowAtStart;
    assert.equal(summaryRequests(), sameWindow ? 1 : 2, 'one summary request per address per capture window');
  });

  it("a debugged Node program's variable holding an address: its context menu opens the traffic with rows for that address", async () => {
    const f = flowLogOf(vs);
    const planned = aroundRange({ kind: 'now' }, Math.floor(Date.now() / 1000), captureInterval(f.interval));
    const peer = recordedPeer(vs, planned.from, planned.to);
    // A small service stopped at a breakpoint (`debugger;`) while holding its upstream peer.
    writeFileSync(join(vs.workspaceFolder, 'client.js'), `const upstreamPeer = '${peer.dstaddr}:${peer.dstport}';\nconst route = upstreamPeer + ' via 10.0.0.1';\ndebugger;\nconsole.log('connecting to', upstreamPeer);\n`);
    mkdirSync(join(vs.workspaceFolder, '.vscode'), { recursive: true });
    writeFileSync(
      join(vs.workspaceFolder, '.vscode', 'launch.json'),
      JSON.stringify({ version: '0.2.0', configurations: [{ type: 'node', request: 'launch', name: 'client', program: '${workspaceFolder}/client.js', console: 'internalConsole' }] }),
    );
    await vs.runCommand('Debug: Start Debugging');
    const variable = vs.page.locator('.debug-pane .monaco-list-row', { hasText: 'upstreamPeer' }).first();
    await variable.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await showTrafficFromVariable(vs, variable);

    await pick(vs, FLOW_LOG);
    const frame = await waitDone(vs);
    const query = (await frame.locator('[data-testid=query-editor] .cm-content').textContent()) ?? '';
    assert.ok(query.includes(peer.dstaddr) && query.includes(String(peer.dstport)), `query ${query} names the address and port`);
    const { columns, rows } = await gridText(frame);
    const src = columns.indexOf('srcaddr');
    const dst = columns.indexOf('dstaddr');
    assert.ok(rows.length > 0, 'records for the address');
    assert.ok(rows.every((r) => r[src] === peer.dstaddr || r[dst] === peer.dstaddr), 'every record is to or from the address');
    await vs.screenshot('debugBridges-debug-variable');

    // A variable whose value holds two addresses: the menu asks which one.
    const route = vs.page.locator('.debug-pane .monaco-list-row', { hasText: 'route' }).first();
    await showTrafficFromVariable(vs, route);
    await pick(vs, '10.0.0.1');
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: 'srcaddr:10.0.0.1 or dstaddr:10.0.0.1' }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await vs.runCommand('Debug: Stop');
  });
  it('with "All flow logs of prod-backbone" chosen, a terminal link opens the CEN panel: the address query, rows of more than one flow log', async () => {
    const cen = vs.emulator.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === CEN);
    assert.ok(cen, `the demo has ${CEN}`);
    const members = vs.emulator.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).filter((f) => f.cenId === cen.cenId && f.status === 'Active');
    assert.ok(members.length >= 2, `${CEN} has several Active flow logs`);
    // The range the panel shows: around now, snapped to the coarsest window among the CEN's flow logs.
    const coarsest = members.reduce((w, f) => Math.max(w, captureInterval(f.interval)), 60);
    const clickedAt = Math.floor(Date.now() / 1000);
    const planned = aroundRange({ kind: 'now' }, clickedAt, captureInterval(coarsest));
    /** Per IPv4 address: the generated records (flow log name and time) of the CEN's Active flow logs in [from, to). */
    const recordsByAddress = (from: number, to: number): Map<string, { flowLog: string; time: number }[]> => {
      const out = new Map<string, { flowLog: string; time: number }[]>();
      for (const f of members) {
        for (const r of vs.emulator.context.sls.generatedRows(f.flowLogId, from, to)) {
          for (const a of new Set([r.srcaddr, r.dstaddr])) {
            if (!a || a === '-' || a.includes(':')) continue;
            out.set(a, [...(out.get(a) ?? []), { flowLog: f.name, time: r.time }]);
          }
        }
      }
      return out;
    };
    // An address in the records of two or more flow logs, with few enough that the first page holds
    // them all (room left for windows closing before the query runs).
    const before = recordsByAddress(planned.from - coarsest, planned.to + coarsest);
    // Two flow logs among records surely delivered when the query runs: in the range, a whole window before the newest close.
    const delivered = Math.floor(clickedAt / coarsest) * coarsest - coarsest;
    const candidates = [...before]
      .map(([a, recs]) => ({ address: a, recs, flowLogs: new Set(recs.filter((r) => r.time >= planned.from && r.time < delivered).map((r) => r.flowLog)) }))
      .filter((c) => c.flowLogs.size >= 2 && c.recs.length <= FIRST_PAGE * 0.6)
      .sort((x, y) => y.flowLogs.size - x.flowLogs.size || x.recs.length - y.recs.length);
    assert.ok(candidates.length > 0, `an address recorded by more than one flow log of ${CEN} (${before.size} addresses)`);
    const { address } = candidates[0];

    await vs.runCommand(CHOOSE);
    await pick(vs, `All flow logs of ${CEN}`);
    await vs.notification(new RegExp(`now looked up in all flow logs of ${CEN}`));
    await targetStatusItem(vs, `${CEN} (all flow logs)`).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // One terminal in the page, so the typed line and the link are in the one shown.
    await vs.runCommand('Terminal: Kill All Terminals');
    await clickTerminalAddress(vs, address, 'seen 3 peer', 'seen $((1+2)) peer');

    const frame = await vs.webviewFrame(`Query: ${CEN}`);
    await frame.locator('[data-testid=status-progress]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const query = (await frame.locator('[data-testid=query-editor] .cm-content').textContent()) ?? '';
    assert.ok(query.includes(`srcaddr:${address}`) && query.includes(`dstaddr:${address}`), `query ${query} names ${address}`);
    const range = await shownRange(frame);
    assert.ok(range.from <= planned.from + coarsest && range.to >= planned.to - coarsest, `the range ${range.label} is around now`);
    await assertUndeliveredNote(frame, coarsest, clickedAt);

    // The records the query can have seen: at least those generated before the click, at most those generated by now.
    const atLeast = (before.get(address) ?? []).filter((r) => r.time >= range.from && r.time < Math.min(range.to, delivered));
    const atMost = recordsByAddress(range.from, range.to).get(address) ?? [];
    assert.ok(atMost.length <= FIRST_PAGE, `${atMost.length} records fit the first page`);
    const shownCount = Number(((await frame.locator('[data-testid=status-rows]').textContent()) ?? '').replace(/[^\d]/g, ''));
    assert.ok(shownCount >= atLeast.length && shownCount <= atMost.length, `${shownCount} rows, the generator has ${atLeast.length}–${atMost.length} for ${address}`);

    const { columns, rows } = await gridText(frame);
    const [fl, src, dst] = [columns.indexOf('flow_log'), columns.indexOf('srcaddr'), columns.indexOf('dstaddr')];
    assert.ok(fl >= 0 && src >= 0 && dst >= 0, `columns ${columns.join(', ')}`);
    assert.ok(rows.length > 0, 'records for the address');
    assert.ok(rows.every((r) => r[src] === address || r[dst] === address), 'every record is to or from the address');
    // The terminal is done with: closing it gives the grid the editor area's height, as a person would before sorting.
    await vs.runCommand('View: Hide Panel');
    // Sorted by flow_log one way, then the other: the first rows name the alphabetically first and last flow logs shown.
    const firstAfterSort = async (): Promise<string> => {
      await frame.locator('.grid-header .grid-hname', { hasText: /^flow_log$/ }).click();
      const sorted = await gridText(frame);
      return sorted.rows[0]?.[sorted.columns.indexOf('flow_log')] ?? '';
    };
    const lowest = await firstAfterSort();
    const highest = await firstAfterSort();
    const possible = [...new Set(atMost.map((r) => r.flowLog))].sort();
    const certain = [...new Set(atLeast.map((r) => r.flowLog))].sort();
    assert.ok(lowest !== highest, `rows of more than one flow log (${lowest}, ${highest})`);
    assert.ok(possible.includes(lowest) && possible.includes(highest), `${lowest} and ${highest} recorded ${address} (${possible.join(', ')})`);
    assert.ok(certain.length === 0 || (lowest <= certain[0] && highest >= certain[certain.length - 1]), `every flow log that recorded it before the click is shown (${certain.join(', ')})`);
    await vs.screenshot('debugBridges-cen-terminal-link');
  });

  it('"Show Traffic for This Address" on an editor selection asks where once; the next selection does not ask, and the status-bar item changes where', async () => {
    const f = flowLogOf(vs);
    const planned = aroundRange({ kind: 'now' }, Math.floor(Date.now() / 1000), captureInterval(f.interval));
    const recorded = vs.emulator.context.sls.generatedRows(f.flowLogId, planned.from, planned.to).filter((r) => r.logStatus === 'OK' && !r.dstaddr.includes(':'));
    const first = recorded[0]?.dstaddr;
    const second = recorded.find((r) => r.dstaddr !== first && r.srcaddr !== first)?.dstaddr;
    assert.ok(first && second, 'two addresses in the records around now');
    writeFileSync(join(vs.workspaceFolder, 'first.txt'), `upstream ${first} timed out\n`);
    writeFileSync(join(vs.workspaceFolder, 'second.txt'), `retrying via ${second} now\n`);

    // First use: where to look is asked, and remembered (the status bar says where).
    await openAndSelectAll(vs, 'first.txt', 'timed out');
    await vs.runCommand(SHOW_FOR_SELECTION);
    await pick(vs, FLOW_LOG);
    const frame = await waitDone(vs);
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: `srcaddr:${first} or dstaddr:${first}` }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await targetStatusItem(vs, FLOW_LOG).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    // Second use: no chooser; the panel (behind the file's tab meanwhile) comes back with the second address and runs it.
    const runsBefore = (await runStatus(frame)).attempt;
    await openAndSelectAll(vs, 'second.txt', 'retrying via');
    await vs.runCommand(SHOW_FOR_SELECTION);
    await frame.locator('[data-testid=query-editor] .cm-content', { hasText: `srcaddr:${second} or dstaddr:${second}` }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await waitRunEnded(frame, runsBefore), 'done');
    assert.equal(await vs.page.locator('.quick-input-widget').isVisible(), false, 'no chooser opened for the second address');
    const { columns, rows } = await gridText(frame);
    const [src, dst] = [columns.indexOf('srcaddr'), columns.indexOf('dstaddr')];
    assert.ok(rows.length > 0 && rows.every((r) => r[src] === second || r[dst] === second), 'every record is to or from the second address');

    // The status-bar item changes where: all flow logs of the CEN, used by the next selection without asking.
    await targetStatusItem(vs, FLOW_LOG).click();
    await pick(vs, `All flow logs of ${CEN}`);
    await targetStatusItem(vs, `${CEN} (all flow logs)`).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await openAndSelectAll(vs, 'first.txt', 'timed out');
    await vs.runCommand(SHOW_FOR_SELECTION);
    const cenFrame = await vs.webviewFrame(`Query: ${CEN}`);
    await cenFrame.locator('[data-testid=query-editor] .cm-content', { hasText: `srcaddr:${first} or dstaddr:${first}` }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(await vs.page.locator('.quick-input-widget').isVisible(), false, 'no chooser opened after the change');
    await vs.screenshot('debugBridges-selection-status-bar');
  });
});
