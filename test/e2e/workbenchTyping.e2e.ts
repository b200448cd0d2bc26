/**
 * The query that runs is the query shown: twenty queries typed and run back to back as fast as the
 * keyboard goes — the first the moment the panel appears, each next one the moment the previous
 * result arrives, some with the completion list open at Ctrl+Enter, some with Run clicked while
 * the previous query still runs. After each, what Log Service received is the editor's text, the
 * grid holds that query's answer, and the status line names it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { openExplorer } from './harness/explorerSteps';
import { editorText, gridText, openFlowLogPanelFromTree, QUERY_TIMEOUT_MS, runStatus, shownRange, waitRunEnded } from './harness/queryWorkbench';
import type { AnsweredQuery } from '../../emulator/context';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;
const ROUNDS = 20;

/** The i-th query: each distinct (a constant column), SQL with a small exact answer, a few raw searches. */
function queryOf(i: number): string {
  if (isRawSearch(i)) return `dstport:${[22, 53, 443, 3306][i % 4]} and not srcaddr:10.${i}.0.1`;
  // Ends in a field name: the completion list is open when Ctrl+Enter comes.
  if (withCompletionOpen(i)) return `* | select dstport, count(*) as n, ${i} as k group by dstport order by dstport`;
  if (i % 3 === 1) return `* | select protocol, count(*) as n, ${i} as k group by protocol order by protocol limit 10`;
  return `* | select dstport, sum(bytes) as total, ${i} as k group by dstport order by total desc, dstport limit ${i + 1}`;
}

function withCompletionOpen(i: number): boolean {
  return i % 4 === 2 && !isRawSearch(i);
}

function isRawSearch(i: number): boolean {
  return i % 5 === 4;
}

/**
 * A query as the page shows it or as Log Service got it, comparable: the client sends an SQL
 * statement's rows as pages (`LIMIT offset, size`, SQL_PAGE_ROWS when the statement has no LIMIT).
 */
function normalized(query: string): string {
  return query
    .replace(/\s+limit\s+0\s*,\s*10000\s*$/i, '')
    .replace(/\s+limit\s+0\s*,\s*(\d+)\s*$/i, ' limit $1')
    .replace(/\s+/g, ' ')
    .replace(/\s*\|\s*/g, ' | ')
    .trim()
    .toLowerCase();
}

const editor = (frame: FrameLocator) => frame.locator('[data-testid=query-editor] .cm-content');

async function typeOver(vs: VsCodeSession, frame: FrameLocator, text: string): Promise<void> {
  await editor(frame).click();
  await vs.page.keyboard.press('Control+A');
  await editor(frame).pressSequentially(text);
}

/** The project and logstore of the flow log under test, from the emulator's own state. */
function logstoreOf(vs: VsCodeSession): { project: string; logstore: string } {
  // The demo's first Active flow log in cn-hangzhou is FLOW_LOG (as in workbench.e2e.ts).
  const f = vs.emulator.context.cen.listFlowLogs().find((x) => x.regionId === 'cn-hangzhou' && x.status === 'Active');
  assert.ok(f, `the demo has ${FLOW_LOG}`);
  return { project: f.projectName, logstore: f.logStoreName };
}

describe('typing and running queries back to back', () => {
  const vs = useVsCode();

  it(`${ROUNDS} queries: each run sends exactly the editor's text and shows exactly its answer`, { timeout: 600_000 }, async () => {
    await openExplorer(vs);
    await vs.expandTreeItem('prod-backbone');
    // Flow logs sit under their transit router.
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    const { project, logstore } = logstoreOf(vs);
    const answered = vs.emulator.context.answeredQueries;
    await vs.contextMenu(FLOW_LOG, 'Open Query Workbench');
    const frame = await vs.webviewFrame(TAB);
    await editor(frame).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });

    for (let i = 0; i < ROUNDS; i++) {
      const query = queryOf(i);
      const seenBefore = answered.length;
      const attempt = (await runStatus(frame)).attempt;
      await typeOver(vs, frame, query);
      if (withCompletionOpen(i)) {
        // Asked for explicitly, so it is surely open (typing opens it only after a pause).
        await vs.page.keyboard.press('Control+Space');
        await frame.locator('.cm-tooltip-autocomplete').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      }
      let sent = await editorText(frame);
      if (i % 6 === 5) {
        // Run, then at once a changed query with Run clicked while the first is still running.
        await vs.page.keyboard.press('Control+Enter');
        await editor(frame).pressSequentially('0');
        await frame.locator('[data-testid=run]').click();
        sent = await editorText(frame);
      } else {
        await vs.page.keyboard.press('Control+Enter');
      }
      const state = await waitRunEnded(frame, attempt, QUERY_TIMEOUT_MS);
      assert.equal(state, 'done', `round ${i}: ${sent}`);
      assert.equal(await editorText(frame), sent, `round ${i}: the editor still shows what was run`);
      assert.equal(sent, i % 6 === 5 ? `${query}0` : query, `round ${i}: the editor holds exactly what was typed`);

      // What Log Service received for this run: the editor's text (the status line names it too).
      const mine = answered.slice(seenBefore).filter((q: AnsweredQuery) => q.api !== 'GetHistograms' && q.project === project && q.logstore === logstore);
      assert.ok(mine.length > 0, `round ${i}: Log Service received the query`);
      assert.equal(normalized(mine[mine.length - 1].query), normalized(sent), `round ${i}: the last query sent is the one shown`);
      assert.equal(await frame.locator('[data-testid=status-query]').getAttribute('title'), sent, `round ${i}: the status line names the query`);

      // The grid holds this query's answer, computed by the emulator itself over the range the page used.
      const range = await shownRange(frame);
      const ls = vs.emulator.context.sls.projects.get(project)?.logstores.get(logstore);
      assert.ok(ls, 'the logstore exists');
      const expected = await vs.emulator.context.sls.query(ls, { from: range.from, to: range.to, query: sent, line: 100, offset: 0, reverse: false });
      const grid = await gridText(frame);
      if (expected.hasSql) {
        assert.deepEqual(grid.columns, [...expected.columns], `round ${i}: columns`);
        const rows = Number(((await frame.locator('[data-testid=status-rows]').textContent()) ?? '').replace(/[^\d]/g, ''));
        assert.equal(rows, expected.rows.length, `round ${i}: row count`);
      } else {
        const port = grid.columns.indexOf('dstport');
        assert.ok(port >= 0, `round ${i}: raw records with a dstport column`);
        const wanted = /dstport:(\d+)/.exec(sent)?.[1];
        assert.ok(grid.rows.every((r) => r[port] === wanted), `round ${i}: every record is for port ${wanted}`);
      }
    }
  });

  // VS Code's webview host passes Ctrl+A / Ctrl+Z on to the page again a moment later (execCommand): a
  // late select-all selected what had been typed since, and the next key replaced it ("…held only a tail").
  it('select all and undo act once: what is typed after a short pause stays', { timeout: 120_000 }, async () => {
    const frame = await openFlowLogPanelFromTree(vs);
    await editor(frame).click();

    await vs.page.keyboard.press('Control+A');
    await vs.page.keyboard.type('dstport:443');
    await vs.page.waitForTimeout(700); // the pause in which a repeated select-all arrived
    await vs.page.keyboard.type(' and protocol:6');
    await vs.page.waitForTimeout(700);
    assert.equal(await editorText(frame), 'dstport:443 and protocol:6', 'select all, then everything typed after it');

    // One undo takes back the last typing (a group of its own after the pause), and only that.
    await vs.page.keyboard.press('Control+Z');
    await vs.page.waitForTimeout(700);
    assert.equal(await editorText(frame), 'dstport:443', 'one Ctrl+Z undoes once');
    await vs.page.keyboard.press('Control+Shift+Z');
    await vs.page.waitForTimeout(700);
    assert.equal(await editorText(frame), 'dstport:443 and protocol:6', 'one redo redoes once');
  });
});
