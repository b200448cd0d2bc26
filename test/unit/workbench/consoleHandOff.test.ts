import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workbenchConsoleUrl as handOff } from '../../../src/views/workbench/consoleHandOff';
import { resolveWorkbenchRange } from '../../../src/views/workbench/workbenchLanguage';
import type { WorkbenchTarget } from '../../../src/protocol/messages';

const target: WorkbenchTarget = { kind: 'logstore', title: 'fl', regionId: 'cn-hangzhou', projectName: 'cen-flowlogs-hangzhou', logStoreName: 'prod-backbone', interval: 600, fields: [] };
const workbenchConsoleUrl = (p: Parameters<typeof handOff>[0], site: Parameters<typeof handOff>[1], at: Date) => handOff(p, site, at, resolveWorkbenchRange);
const now = new Date(Date.UTC(2026, 11, 6, 8, 23, 17));

test("the console link carries the workbench's query and its range, snapped to capture windows as a run would be", () => {
  const query = 'not dstport:22 | select "src-region-id", count(*) as n group by "src-region-id"';
  const url = new URL(workbenchConsoleUrl({ target, currentViewState: { query, range: { kind: 'quick', minutes: 60 } } }, 'china', now));
  assert.equal(url.origin + url.pathname, 'https://sls.console.aliyun.com/lognext/project/cen-flowlogs-hangzhou/logsearch/prod-backbone');
  assert.equal(url.searchParams.get('encode'), 'base64');
  assert.equal(Buffer.from(url.searchParams.get('queryString') ?? '', 'base64').toString('utf8'), query);
  assert.equal(url.searchParams.get('queryTimeType'), '99');
  // 07:23:17 → 07:20 (down to a window), 08:23:17 → 08:30 (up to a window), UTC.
  assert.equal(url.searchParams.get('startTime'), String(Date.UTC(2026, 11, 6, 7, 20) / 1000));
  assert.equal(url.searchParams.get('endTime'), String(Date.UTC(2026, 11, 6, 8, 30) / 1000));
  assert.equal(url.searchParams.get('slsRegion'), 'cn-hangzhou');
});

test('an absolute range is handed over as chosen (already on window edges), on the international site', () => {
  const from = Date.UTC(2026, 11, 5, 10, 0) / 1000;
  const url = new URL(workbenchConsoleUrl({ target, currentViewState: { query: '*', range: { kind: 'absolute', from, to: from + 7200 } } }, 'international', now));
  assert.equal(url.origin, 'https://sls.console.alibabacloud.com');
  assert.equal(url.searchParams.get('startTime'), String(from));
  assert.equal(url.searchParams.get('endTime'), String(from + 7200));
});

test('without a query, the bare search page of the logstore', () => {
  const url = new URL(workbenchConsoleUrl({ target, currentViewState: undefined }, 'china', now));
  assert.equal(url.searchParams.get('queryString'), null);
  assert.equal(url.searchParams.get('queryTimeType'), null);
});
