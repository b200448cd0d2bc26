/**
 * Presets follow the flow log's fields (issue 18): on a flow log of today's form (transit router,
 * no rtt or log-status in its records) the rtt percentile preset is not offered and "Run Preset…"
 * says which fields it needs; on a flow log of the 2019 form it runs and shows its percentiles.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useVsCode } from './harness';
import { gridText, pick } from './harness/queryWorkbench';

const CURRENT = 'prod-backbone-flowlog';
/** The demo's flow log of the 2019 per-CEN form (CEN classic-interconnect). */
const OLDER = 'classic-flowlog';
const RTT_PRESET = 'Latency (rtt) percentiles per destination';
const QUERY_TIMEOUT = 30_000;

describe('presets by flow-log form', { timeout: 600_000 }, () => {
  const vs = useVsCode();

  it('the rtt preset is unavailable on a flow log of today\'s form and runs on one of the 2019 form', async () => {
    // Today's form: the palette refuses, naming the fields the preset needs.
    await vs.runCommand('CEN Flow Logs: Run Preset…');
    await pick(vs, RTT_PRESET);
    await pick(vs, CURRENT);
    await vs.notification(/cannot run on prod-backbone-flowlog: Needs rtt, log-status, which only flow logs of the 2019 \(per-CEN\) form write/);

    // …and its workbench does not list it.
    await vs.runCommand('CEN Flow Logs: Open Query Workbench');
    await pick(vs, CURRENT);
    const current = await vs.webviewFrame(`Query: ${CURRENT}`);
    await current.locator('[data-testid=presets] vscode-option[value=top-talkers]').waitFor({ state: 'attached', timeout: QUERY_TIMEOUT });
    assert.equal(await current.locator('[data-testid=presets] vscode-option[value=rtt-percentiles]').count(), 0);
    assert.equal(await current.locator('[data-testid=presets] vscode-option[value=region-pairs]').count(), 1);

    // The 2019 form: the same preset runs and its percentiles arrive.
    await vs.runCommand('CEN Flow Logs: Run Preset…');
    await pick(vs, RTT_PRESET);
    await pick(vs, OLDER);
    const older = await vs.webviewFrame(`Query: ${OLDER}`);
    await older.locator('.grid-header .grid-hname', { hasText: /^rtt_p99$/ }).waitFor({ state: 'attached', timeout: QUERY_TIMEOUT });
    await older.locator('[data-testid=tab-results]').click();
    const { columns, rows } = await gridText(older);
    const p50 = columns.indexOf('rtt_p50');
    assert.ok(p50 >= 0 && rows.length > 0, `columns ${columns.join(', ')}`);
    assert.ok(rows.every((r) => Number(r[p50]) > 0), 'every destination has a median rtt');
    assert.equal(await older.locator('[data-testid=presets] vscode-option[value=rtt-percentiles]').count(), 1);
    assert.equal(await older.locator('[data-testid=presets] vscode-option[value=region-pairs]').count(), 0);
  });
});
