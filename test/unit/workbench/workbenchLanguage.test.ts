import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetInfo, resolveWorkbenchRange, targetPresets, workbenchLanguage } from '../../../src/views/workbench/workbenchLanguage';
import { buildTarget, schemaFields, targetSchema } from '../../../src/views/workbench/workbenchTarget';
import { QUERY_PRESETS } from '../../../src/query/presets';
import { CURRENT_FIELDS } from '../../../src/flowlogs/catalog';

// 2024-05-01 10:27:30 UTC
const NOW = new Date(Date.UTC(2024, 4, 1, 10, 27, 30));
const nowSeconds = NOW.getTime() / 1000;

test('a quick range is widened to whole 10-minute windows and explains the newest window', () => {
  const r = resolveWorkbenchRange({ kind: 'quick', minutes: 60 }, 600, NOW);
  assert.equal(r.from, Date.UTC(2024, 4, 1, 9, 20) / 1000);
  assert.equal(r.to, Date.UTC(2024, 4, 1, 10, 30) / 1000);
  assert.match(r.label, /snapped to 10-minute capture windows/);
  assert.match(r.delayNote ?? '', /10:20–10:30/);
});

test('1-minute flow logs snap to minutes; a past absolute range has no delay note', () => {
  const r = resolveWorkbenchRange({ kind: 'relative', amount: 15, unit: 'minutes' }, 60, NOW);
  assert.equal(r.from, Date.UTC(2024, 4, 1, 10, 12) / 1000);
  assert.equal(r.to, Date.UTC(2024, 4, 1, 10, 28) / 1000);
  const past = resolveWorkbenchRange({ kind: 'absolute', from: nowSeconds - 7200, to: nowSeconds - 3600 }, 600, NOW);
  assert.equal(past.delayNote, undefined);
});

test('a range around now says in the panel which of its capture windows are not delivered yet', () => {
  // As a terminal link or debugger variable opens it: 09:50–11:10, centred on 10:27:30.
  const around = resolveWorkbenchRange({ kind: 'absolute', from: Date.UTC(2024, 4, 1, 9, 50) / 1000, to: Date.UTC(2024, 4, 1, 11, 10) / 1000 }, 600, NOW);
  assert.match(around.delayNote ?? '', /^5 capture windows, 10:20–11:10 UTC, are not delivered yet: .*the current one closes at 10:30 UTC/);
  // A quick range reaching only into the open window names that one.
  const quick = resolveWorkbenchRange({ kind: 'quick', minutes: 60 }, 600, NOW);
  assert.match(quick.delayNote ?? '', /^The capture window 10:20–10:30 UTC is not delivered yet/);
  // 1-minute windows: the open minute only.
  const minute = resolveWorkbenchRange({ kind: 'relative', amount: 15, unit: 'minutes' }, 60, NOW);
  assert.match(minute.delayNote ?? '', /^The capture window 10:27–10:28 UTC is not delivered yet/);
});

test('impossible ranges are refused with the library\'s message', () => {
  assert.throws(() => resolveWorkbenchRange({ kind: 'absolute', from: nowSeconds, to: nowSeconds - 60 }, 600, NOW), /before the end/);
  assert.throws(() => resolveWorkbenchRange({ kind: 'absolute', from: nowSeconds * 1000, to: nowSeconds * 1000 + 60 }, 600, NOW), /milliseconds/);
});

test('presets are listed with the target\'s window filled in and no placeholder left', () => {
  const target = buildTarget({ regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', interval: 60 }, schemaFields(targetSchema({ format: { olderForm: true } }, 'unknown')));
  const presets = workbenchLanguage.presets(target);
  assert.ok(presets.length > 0);
  for (const p of presets) assert.doesNotMatch(p.query, /\{\w+\}/, p.id);
  const withWindow = QUERY_PRESETS.find((p) => p.parameters.some((q) => q.name === 'window'));
  if (withWindow) assert.match(presetInfo(withWindow, target)?.query ?? '', /\b60\b/);
});

test('presets follow the schema: rtt and log-status ones only on the 2019 form, region pairs (and their cost) and attachments only on today\'s', () => {
  const ids = (olderForm: boolean): string[] =>
    workbenchLanguage.presets(buildTarget({ regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' }, schemaFields(targetSchema({ format: { olderForm } }, 'unknown')))).map((p) => p.id);
  const all = QUERY_PRESETS.map((p) => p.id);
  assert.deepEqual(ids(false), all.filter((id) => id !== 'rtt-percentiles' && id !== 'log-status-health'));
  assert.deepEqual(ids(true), all.filter((id) => id !== 'region-pairs' && id !== 'cost-by-region-pair' && id !== 'attachment-traffic'));
  const custom = buildTarget({ regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' }, schemaFields(targetSchema({ format: { logFormatString: '${srcaddr}${dstaddr}${bytes}', olderForm: false } }, 'unknown')));
  assert.deepEqual(workbenchLanguage.presets(custom).map((p) => p.id), ['address-activity']);
});

test('a server message naming a position is located in the query', () => {
  const q = '* | select srcaddr, nosuchfunc(bytes) group by srcaddr';
  const at = workbenchLanguage.locateServerError?.(q, "line 1:20: Function 'nosuchfunc' not registered");
  assert.ok(at);
  assert.ok(q.slice(at.from, at.to).length > 0);
});

test('the fields of a target are its flow log schema: typed as the index types them, only what the flow log writes', () => {
  const current = targetSchema({ format: { logFormatString: '${srcaddr}${dstaddr}${bytes}${dstport}', olderForm: false } }, {
    zeta: { type: 'text' },
    bytes: { type: 'long' },
    srcaddr: { type: 'text' },
    dstaddr: { type: 'text' },
    rtt: { type: 'long' },
  });
  assert.deepEqual(schemaFields(current).map((f) => f.name), ['srcaddr', 'dstaddr', 'bytes', 'zeta']);
  assert.equal(schemaFields(current)[2].type, 'long');
  assert.ok(schemaFields(current)[0].description);
  assert.deepEqual(current.unindexed.map((f) => f.name), ['dstport']);
  assert.deepEqual(schemaFields(targetSchema({}, 'unknown')).map((f) => f.name), CURRENT_FIELDS.map((f) => f.name));
});

test('the cost preset is written with the price setting; a setting it cannot use lists it without prices and says why', () => {
  const target = buildTarget({ regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' }, schemaFields(targetSchema({ format: { olderForm: false } }, 'unknown')));
  const cost = (price: string) => targetPresets(target, { price }).find((p) => p.id === 'cost-by-region-pair');
  assert.match(cost('{"*": 0.08}')?.query ?? '', /\* 0\.08, 4\) AS estimated_cost/);
  assert.match(cost('{}')?.query ?? '', /CAST\(NULL AS double\)/);
  const bad = cost('{"hangzhou-shanghai": 1}');
  assert.match(bad?.query ?? '', /CAST\(NULL AS double\)/);
  assert.match(bad?.description ?? '', /"hangzhou-shanghai": write a key as source>destination.*Shown without prices/);
});

test('on a CEN panel the Cost by region pair preset is offered (its expression is computed after the merge); percentiles still are not', () => {
  const fields = schemaFields(targetSchema({ format: { olderForm: false } }, 'unknown'));
  const cen = (price: string) => targetPresets({ kind: 'cen', interval: 600, fields }, { price });
  const ids = cen('{"cn-hangzhou>cn-shanghai": 0.05, "*": 0.08}').map((p) => p.id);
  assert.ok(ids.includes('cost-by-region-pair'), ids.join(', '));
  assert.match(cen('{"cn-hangzhou>cn-shanghai": 0.05, "*": 0.08}').find((p) => p.id === 'cost-by-region-pair')?.query ?? '', /THEN 0\.05 ELSE 0\.08 END, 4\) AS estimated_cost/);
  assert.ok(cen('{}').some((p) => p.id === 'cost-by-region-pair'), 'offered without prices too (NULL costs)');
  const withRtt = schemaFields(targetSchema({ format: { olderForm: true } }, 'unknown'));
  assert.ok(!targetPresets({ kind: 'cen', interval: 600, fields: withRtt }).some((p) => p.id === 'rtt-percentiles'), 'approx_percentile does not merge');
  assert.ok(targetPresets({ kind: 'logstore', interval: 600, fields: withRtt }).some((p) => p.id === 'rtt-percentiles'));
});
