/**
 * Two hand-overs of the query workbench in a real VS Code against the emulator (issue 18):
 * *Create Index* — a flow log whose logstore has no index (an operator deleted it) gets the
 * offer when its workbench opens, and accepting it indexes exactly the fields the flow log
 * writes, typed as Log Service needs them; and *Open Query in Log Service Console* — the URL handed
 * to the browser opens the flow log's logstore with the query typed and the range it ran on. And a
 * router-level flow log's records name their attachments (attachment-id → "VPC vpc-… (region)").
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode, type VsCodeSession } from './harness';
import { openLinkFromDialog, recordSiteRequests } from './harness/externalPages';
import { gridText, pick, QUERY_TIMEOUT_MS, runAndWait, shownRange, typeQuery } from './harness/queryWorkbench';
import { OWNER_ACCOUNT } from '../../emulator/accounts';

/** Today's record fields as api-current.md §5.1 documents them, and which of them are numbers. */
const DOCUMENTED_FIELDS = ['account-id', 'attachment-id', 'cen-id', 'src-region-id', 'dst-region-id', 'srcaddr', 'srcport', 'dstaddr', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'direction'];
const NUMERIC_FIELDS = new Set(['srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end']);

function demoFlowLog(vs: VsCodeSession, name: string) {
  const f = vs.emulator.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).find((x) => x.name === name);
  assert.ok(f, `the demo has the flow log ${name}`);
  return f;
}

/** The fields a flow log writes, read from its LogFormatString as the API documents it (empty = every field). */
function writtenBy(format: string): string[] {
  const named = [...format.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]);
  return named.length > 0 ? named : DOCUMENTED_FIELDS;
}

async function openWorkbench(vs: VsCodeSession, flowLog: string) {
  await vs.runCommand('CEN Flow Logs: Open Query Workbench');
  await pick(vs, flowLog);
  const frame = await vs.webviewFrame(`Query: ${flowLog}`);
  await frame.locator('.target-title', { hasText: flowLog }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  return frame;
}

describe('workbench: Create Index and the Log Service console link', { timeout: 600_000 }, () => {
  const vs = useVsCode();

  it('a logstore without an index: opening its workbench offers Create Index, which indexes the fields the flow log writes', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const f = demoFlowLog(vs, 'shanghai-vpc');
    const logstore = vs.emulator.context.sls.projects.get(f.projectName)?.logstores.get(f.logStoreName) ?? assert.fail('the demo logstore');
    const indexNow = () => logstore.index;
    assert.ok(indexNow(), 'the demo logstore starts with its index');
    // The operator deleted the index in the console.
    delete logstore.index;

    await openWorkbench(vs, 'shanghai-vpc');
    const offer = new RegExp(`The logstore ${f.projectName}/${f.logStoreName} has no index`);
    await vs.clickNotificationButton(offer, 'Create Index');
    await vs.notification(new RegExp(`Index updated on ${f.projectName}/${f.logStoreName}`), QUERY_TIMEOUT_MS);

    const expected = writtenBy(f.logFormatString);
    const keys = indexNow()?.keys ?? assert.fail('Create Index made an index');
    assert.deepEqual(Object.keys(keys).sort(), [...expected].sort(), 'exactly the fields the flow log writes');
    for (const name of expected) assert.equal(keys[name]?.type, NUMERIC_FIELDS.has(name) ? 'long' : 'text', `${name} is indexed as its kind`);

    // The panel queries the new index at once: an SQL aggregate over a numeric field runs.
    const frame = await vs.webviewFrame(`Query: ${f.name}`);
    await typeQuery(vs, frame, '* | select sum(bytes) as total');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
  });

  it('"Open Query in Log Service Console" hands the browser the logstore’s search page with the query and the range it ran on', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const requested = await recordSiteRequests(vs, /^https:\/\/sls\.console\.aliyun\.com\//, 'Log Service console');
    const f = demoFlowLog(vs, 'prod-backbone-flowlog');
    const frame = await openWorkbench(vs, 'prod-backbone-flowlog');
    const query = 'dstport:443 and protocol:6';
    await typeQuery(vs, frame, query);
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    const ran = await shownRange(frame);

    await vs.runCommand('CEN Flow Logs: Open Query in Log Service Console');
    const dialog = vs.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await dialog.textContent()) ?? '', /sls\.console\.aliyun\.com/, 'the dialog names the Log Service console');
    const { page, url } = await openLinkFromDialog(vs);
    const what = `opened ${url.toString()}`;
    assert.equal(url.origin, 'https://sls.console.aliyun.com', what);
    assert.equal(url.pathname, `/lognext/project/${f.projectName}/logsearch/${f.logStoreName}`, what);
    assert.equal(url.searchParams.get('slsRegion'), f.regionId, what);
    assert.equal(url.searchParams.get('encode'), 'base64', what);
    assert.equal(Buffer.from(url.searchParams.get('queryString') ?? '', 'base64').toString('utf8'), query, 'the query as typed');
    assert.equal(url.searchParams.get('queryTimeType'), '99', 'a custom range');
    const start = Number(url.searchParams.get('startTime'));
    const end = Number(url.searchParams.get('endTime'));
    assert.equal(end - start, ran.to - ran.from, 'the same length as the range the query ran on');
    // Resolved again when the link is made: the same window, or a later one if a capture window ended meanwhile.
    assert.ok(end >= ran.to && end <= ran.to + f.interval, `${what}: ends at ${end}, the run ended at ${ran.to}`);
    assert.deepEqual(requested, [url.toString()], 'the browser asked for that page, once');
    await page.close();
  });

  it('a router-level flow log’s records name each attachment-id by its attachment, as the router lists them', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const f = demoFlowLog(vs, 'prod-backbone-flowlog');
    const frame = await openWorkbench(vs, 'prod-backbone-flowlog');
    await typeQuery(vs, frame, '*');
    assert.equal(await runAndWait(frame, () => vs.page.keyboard.press('Control+Enter')), 'done');
    assert.ok((await gridText(frame)).rows.length > 0, 'records to look at');
    await frame.locator('.grid-rows .grid-row').nth(0).locator('.grid-cell:not(.off):not(:has(.filterable))').first().click({ position: { x: 3, y: 5 } });
    await frame.locator('[data-testid=show-detail]').click();
    const detail = frame.locator('[data-testid=record-detail]');
    await detail.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const seen = new Set<string>();
    for (let row = 0; row < 8; row++) {
      const id = ((await detail.locator('dt:text-is("attachment-id") + dd .raw').textContent()) ?? '').trim();
      const a = vs.emulator.context.cen.attachments.get(id) ?? assert.fail(`${id} is an attachment in the emulator`);
      assert.equal(a.transitRouterId, f.transitRouterId, 'an attachment of the flow log’s router');
      // Named as the issue asks: "VPC vpc-… (cn-shanghai)", "inter-region → cn-beijing", then the attachment's own name.
      const label = a.type === 'TR' ? `inter-region → ${a.resourceRegionId}` : `${a.type} ${a.resourceId} (${a.resourceRegionId})`;
      const hint = ((await detail.locator('dt:text-is("attachment-id") + dd .hint').first().textContent()) ?? '').trim();
      assert.equal(hint, a.name ? `${label} · ${a.name}` : label, `the name shown for ${id}`);
      seen.add(id);
      await vs.page.keyboard.press('ArrowDown');
      await vs.page.waitForTimeout(200);
    }
    assert.ok(seen.size >= 1);
  });
});
