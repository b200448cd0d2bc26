/**
 * A CEN panel's target: every flow log of the CEN, the fields all of them have, the coarsest
 * capture window, and a saved state that restores it (kind, members) after a reload.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePersistedWorkbenchState, parseWorkbenchTarget, type CenMember, type FieldInfo } from '../../../src/protocol/messages';
import { buildCenTarget, cenMember, commonFields, memberTargetInput } from '../../../src/views/workbench/workbenchTarget';
import { targetKey } from '../../../src/views/workbench/queryHistory';
import { targetPresets } from '../../../src/views/workbench/workbenchLanguage';
import { cenRefusals } from '../../../src/query/cenMerge';
import type { FlowLog } from '../../../src/cloud/cenApi';

const member = (id: string, interval: number, regionId = 'cn-hangzhou'): CenMember => ({ flowLogId: id, title: id, regionId, projectName: `p-${id}`, logStoreName: `ls-${id}`, interval });
const field = (name: string): FieldInfo => ({ name, type: 'text', description: undefined });

test('the merged schema is the fields every flow log has, in the first one\'s order', () => {
  const today = ['srcaddr', 'dstaddr', 'bytes', 'tr-id', 'src-region-id'].map(field);
  const older = ['srcaddr', 'dstaddr', 'bytes', 'rtt'].map(field);
  assert.deepEqual(commonFields([today, older]).map((f) => f.name), ['srcaddr', 'dstaddr', 'bytes']);
  assert.deepEqual(commonFields([today]).map((f) => f.name), today.map((f) => f.name));
  assert.deepEqual(commonFields([]), []);
});

test('ranges snap to the coarsest capture window among the flow logs', () => {
  assert.equal(buildCenTarget('cen-1', 'prod', [member('a', 60), member('b', 600), member('c', 60)], []).interval, 600);
  assert.equal(buildCenTarget('cen-1', 'prod', [member('a', 60), member('b', 60)], []).interval, 60);
});

test('a CEN target survives the saved state of a reload; a broken one is refused', () => {
  const target = buildCenTarget('cen-1', 'prod-backbone', [member('fl-1', 600), { ...member('fl-2', 60, 'cn-shanghai'), logFormatString: '${srcaddr} ${dstaddr}', olderForm: true }], [field('srcaddr')]);
  const restored = parsePersistedWorkbenchState(JSON.parse(JSON.stringify({ query: '*', range: { kind: 'quick', minutes: 60 }, target })));
  assert.deepEqual(restored?.target, target);
  assert.equal(targetKey(target), 'cen:cen-1');
  assert.equal(parseWorkbenchTarget({ ...target, members: [{ flowLogId: 'x' }] }), undefined);
  assert.equal(parseWorkbenchTarget({ ...target, kind: 'vpc' }), undefined);
  assert.equal(parseWorkbenchTarget({ ...target, cenId: 7 }), undefined);
});

test('a flow log of the 2019 form becomes a member that opens its own panel with its own schema', () => {
  const flowLog: FlowLog = { flowLogId: 'fl-old', name: '', cenId: 'cen-9', regionId: 'cn-shenzhen', projectName: 'p', logStoreName: 'ls', interval: 600, status: 'Active', description: '', creationTime: '' } as FlowLog;
  const m = cenMember(flowLog);
  assert.equal(m.title, 'fl-old');
  assert.equal(m.olderForm, true);
  const input = memberTargetInput('cen-9', m);
  assert.deepEqual([input.flowLogId, input.cenId, input.format?.olderForm], ['fl-old', 'cen-9', true]);
});

test('a CEN panel lists only presets whose statement merges exactly', () => {
  const fields = ['srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'bytes', 'packets', 'action', 'tr-id', 'src-region-id', 'dst-region-id', 'attachment-id'].map(field);
  const cen = targetPresets({ kind: 'cen', interval: 600, fields });
  const one = targetPresets({ kind: 'logstore', interval: 600, fields });
  assert.ok(cen.length > 0);
  for (const p of cen) assert.deepEqual(cenRefusals(p.query), [], p.id);
  assert.deepEqual(one.filter((p) => cenRefusals(p.query).length === 0).map((p) => p.id), cen.map((p) => p.id));
});
