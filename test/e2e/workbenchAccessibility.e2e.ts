/**
 * The query workbench is usable with a screen reader and the keyboard, measured: axe-core audits
 * the real panel in a real VS Code — empty, with raw records and with an SQL result and its chart —
 * and finds no serious or critical violation (harness/axeAudit.ts runs axe through the test driver).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { seriousAxeViolations as audit, webviewPageFrame } from './harness/axeAudit';
import { editorText, gridText, pick, QUERY_TIMEOUT_MS, runAndWait, typeQuery } from './harness/queryWorkbench';

const FLOW_LOG = 'prod-backbone-flowlog';
const TAB = `Query: ${FLOW_LOG}`;

/** The workbench page's frame (two iframes deep), as a Frame Playwright can evaluate in. */
function workbenchPageFrame(vs: VsCodeSession): Promise<Frame> {
  return webviewPageFrame(vs, '#app .wb-header');
}

describe('workbench: exploring results, accessibility', () => {
  const vs = useVsCode();

  it('has no serious or critical axe violations: empty, with records, the facet list, an SQL result and its chart', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FLOW_LOG);
    const frame = await vs.webviewFrame(TAB);
    await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    const page = await workbenchPageFrame(vs);
    assert.deepEqual(await audit(page), [], 'before any query');

    await typeQuery(vs, frame, 'dstport:443');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    assert.deepEqual(await audit(page), [], 'with raw records');
    await frame.locator('[data-testid="facet-dstport"]').click();
    await frame.locator('li.facet[data-field="dstport"] table.facet-values').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.deepEqual(await audit(page), [], 'with the dstport facet expanded');
    await frame.locator('[data-testid="facets-collapse"]').click();
    assert.deepEqual(await audit(page), [], 'with the field list collapsed');
    await frame.locator('[data-testid="facets-collapse"]').click();

    await typeQuery(vs, frame, '* | select protocol, count(*) as n group by protocol');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    assert.deepEqual(await audit(page), [], 'with an SQL result');
    await frame.locator('[data-testid=tab-chart]').click();
    await frame.locator('[data-testid=chart] canvas, [data-testid=chart] svg').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await audit(page), [], 'with the chart shown');
  });

  it("a record's detail pane shows its fields and follows its source address to that address's traffic", { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, FLOW_LOG);
    const frame = await vs.webviewFrame(TAB);
    await frame.locator('.target-title', { hasText: FLOW_LOG }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await typeQuery(vs, frame, 'dstport:443');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const { columns } = await gridText(frame);
    // A click on a plain cell in view selects its row (a click on an address would filter by it).
    await frame.locator('.grid-rows .grid-row').nth(1).locator('.grid-cell:not(.off):not(:has(.filterable))').first().click({ position: { x: 3, y: 5 } });
    await frame.locator('[data-testid=show-detail]').click();
    const detail = frame.locator('[data-testid=record-detail]');
    await detail.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const fields = await detail.locator('dt').allTextContents();
    assert.deepEqual(fields, columns, 'every field of the record, in column order');
    const src = (await detail.locator('dt:text-is("srcaddr") + dd .raw').textContent())?.trim() ?? '';
    assert.match(src, /^[\d.:a-f]+$/i, 'the source address');
    assert.deepEqual(await audit(await workbenchPageFrame(vs)), [], 'with the detail pane shown');

    // Moving the selection with the keyboard moves the detail with it.
    await vs.page.keyboard.press('ArrowDown');
    await detail.locator('[data-testid=detail-source]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const followed = (await detail.locator('dt:text-is("srcaddr") + dd .raw').textContent())?.trim() ?? '';
    assert.equal(await runAndWait(frame, () => detail.locator('[data-testid=detail-source]').click()), 'done');
    assert.equal((await editorText(frame)).trim(), `srcaddr:${followed} or dstaddr:${followed}`);
    const after = await gridText(frame);
    const [s, d] = ['srcaddr', 'dstaddr'].map((c) => after.columns.indexOf(c));
    assert.ok(after.rows.length > 0, 'records of the address');
    assert.ok(after.rows.every((r) => r[s] === followed || r[d] === followed), 'every record is to or from the address');
  });
});
