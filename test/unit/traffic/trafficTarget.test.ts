/**
 * Where address traffic is looked up (issue 23, "which flow logs"): the remembered flow log or CEN,
 * read back (including a flow log remembered by the older version), the chooser's entries, the
 * around-now range snapped to a CEN's coarsest window, and the hover summary merging across a CEN.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { FlowLog } from '../../../src/cloud/cenApi';
import { aroundRange } from '../../../src/query/aroundNow';
import { addressSummaryQuery } from '../../../src/query/addressSummary';
import { cenRefusals } from '../../../src/query/cenMerge';
import { installVscodeStandIn } from '../../support/vscodeStandIn';
import type * as TargetModule from '../../../src/views/traffic/trafficTarget';
import type * as LastModule from '../../../src/views/traffic/lastFlowLog';
import { JsonMemento } from './jsonMemento';

installVscodeStandIn();
const localRequire = createRequire(__filename);
const { parseTrafficTarget, targetPickItems, targetWindow, targetKey, trafficTargetTitle } = localRequire('../../../src/views/traffic/trafficTarget') as typeof TargetModule;
const { LastFlowLog } = localRequire('../../../src/views/traffic/lastFlowLog') as typeof LastModule;

function flowLog(flowLogId: string, cenId: string, name: string, interval: 60 | 600, regionId = 'cn-hangzhou'): FlowLog {
  return { flowLogId, name, description: '', cenId, regionId, status: 'Active', rawStatus: 'Active', creationTime: '2026-01-01T00:00:00Z', projectName: `p-${flowLogId}`, logStoreName: `ls-${flowLogId}`, interval, tags: [] };
}

const HZ = flowLog('flowlog-hz', 'cen-1', 'prod-backbone-flowlog', 600);
const HZ_BJ = flowLog('flowlog-hzbj', 'cen-1', 'hangzhou-to-beijing', 60);
const BJ = flowLog('flowlog-bj', 'cen-1', 'beijing-router', 600, 'cn-beijing');
const OTHER = flowLog('flowlog-hk', 'cen-2', 'hk-router', 60, 'cn-hongkong');

describe('the remembered traffic target', () => {
  it('a flow log remembered by the older version (a bare flow log) still reads, as a flow-log target', async () => {
    const state = new JsonMemento();
    await state.update('cenFlowLogs.traffic.lastFlowLog', HZ);
    assert.deepEqual(new LastFlowLog(state).get(), { kind: 'flowLog', flowLog: HZ });
  });

  it('a flow log and a CEN survive being remembered and read back', async () => {
    const state = new JsonMemento();
    const last = new LastFlowLog(state);
    assert.equal(last.get(), undefined);
    await last.remember({ kind: 'flowLog', flowLog: BJ });
    assert.deepEqual(last.get(), { kind: 'flowLog', flowLog: BJ });
    const cen = { kind: 'cen', cenId: 'cen-1', title: 'prod-backbone', flowLogs: [HZ, HZ_BJ, BJ] } as const;
    await last.remember(cen);
    assert.deepEqual(last.get(), cen);
  });

  it('refuses what is not a target, and keeps a CEN only with the flow logs that read', () => {
    for (const bad of [undefined, null, 'flowlog-hz', 42, {}, { kind: 'flowLog' }, { kind: 'flowLog', flowLog: { flowLogId: 'x' } }, { kind: 'cen', cenId: 'cen-1', flowLogs: [] }, { kind: 'cen', flowLogs: [HZ] }, { kind: 'cen', cenId: 'cen-1', flowLogs: [{ name: 'x' }] }]) {
      assert.equal(parseTrafficTarget(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parseTrafficTarget({ kind: 'cen', cenId: 'cen-1', title: '', flowLogs: [HZ, { junk: true }] }), { kind: 'cen', cenId: 'cen-1', title: 'cen-1', flowLogs: [HZ] });
  });

  it('titles and cache keys tell a flow log from a CEN', () => {
    assert.equal(trafficTargetTitle({ kind: 'flowLog', flowLog: HZ }), 'prod-backbone-flowlog');
    assert.equal(trafficTargetTitle({ kind: 'cen', cenId: 'cen-1', title: 'prod-backbone', flowLogs: [HZ] }), 'all flow logs of prod-backbone');
    assert.notEqual(targetKey({ kind: 'flowLog', flowLog: { ...HZ, flowLogId: 'cen-1' } }), targetKey({ kind: 'cen', cenId: 'cen-1', title: 'x', flowLogs: [HZ] }));
  });
});

describe('the chooser', () => {
  it('offers each flow log and, per CEN, "All flow logs of <CEN>" with that CEN\'s flow logs', () => {
    const items = targetPickItems([{ cenId: 'cen-2', name: 'global-transit' }, { cenId: 'cen-1', name: 'prod-backbone' }], [BJ, OTHER, HZ, HZ_BJ]);
    assert.deepEqual(
      items.map((i) => i.label),
      ['$(type-hierarchy) All flow logs of global-transit', 'hk-router', '$(type-hierarchy) All flow logs of prod-backbone', 'beijing-router', 'hangzhou-to-beijing', 'prod-backbone-flowlog'],
    );
    const all = items[2].target;
    assert.equal(all.kind, 'cen');
    if (all.kind === 'cen') {
      assert.equal(all.title, 'prod-backbone');
      assert.deepEqual(new Set(all.flowLogs.map((f) => f.flowLogId)), new Set(['flowlog-hz', 'flowlog-hzbj', 'flowlog-bj']));
    }
    assert.equal(items[2].description, '3 flow logs');
    assert.deepEqual(items.filter((i) => i.target.kind === 'flowLog').length, 4);
  });

  it('a flow log whose CEN is not listed is grouped under the CEN id', () => {
    const items = targetPickItems([], [OTHER]);
    assert.equal(items[0].label, '$(type-hierarchy) All flow logs of cen-2');
  });
});

describe('the range around now over a CEN', () => {
  it('snaps to the coarsest capture window among the flow logs', () => {
    const cen = { kind: 'cen', cenId: 'cen-1', title: 'prod-backbone', flowLogs: [HZ_BJ, HZ] } as const;
    assert.equal(targetWindow(cen), 600);
    assert.equal(targetWindow({ kind: 'cen', cenId: 'cen-2', title: 'x', flowLogs: [OTHER] }), 60);
    assert.equal(targetWindow({ kind: 'flowLog', flowLog: HZ_BJ }), 60);
    const now = Date.UTC(2026, 11, 6, 5, 7, 30) / 1000;
    const range = aroundRange({ kind: 'now' }, now, targetWindow(cen));
    assert.equal(range.from % 600, 0);
    assert.equal(range.to % 600, 0);
    assert.ok(range.from <= now - 1800 && range.to >= now + 1800, 'covers half an hour each side');
  });
});

describe('the hover summary across a CEN', () => {
  it('is a statement the CEN merge accepts (IPv4, with a port, IPv6)', () => {
    for (const target of [{ address: '10.1.2.3' }, { address: '10.1.2.3', port: 443 }, { address: '2001:db8::1', port: 53 }]) {
      assert.deepEqual(cenRefusals(addressSummaryQuery(target)), [], JSON.stringify(target));
    }
  });
});
