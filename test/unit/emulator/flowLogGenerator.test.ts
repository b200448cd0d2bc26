/** The emulator's record generator per flow-log form, router and attachment (api-current.md §1.3, §5.1). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTopology, generateWindow, windowStarts, type FlowLogGeneratorInput, type FlowRow } from '../../../emulator/data/flowLogGenerator';
import type { TrafficShift } from '../../../emulator/data/trafficShift';
import { CURRENT_FIELDS, OLDER_FORM_FIELDS } from '../../../src/flowlogs/catalog';

const REGIONS = ['cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'us-east-1'];
const base: FlowLogGeneratorInput = { seed: 5, flowLogId: 'flowlog-gen', cenId: 'cen-gen', accountId: '1234567890123456', regions: REGIONS, interval: 600, recordsPerHour: 3000 };
const T0 = 1_700_000_400;

function records(input: FlowLogGeneratorInput, windows = 24): FlowRow[] {
  const topology = buildTopology(input);
  return windowStarts(T0, T0 + windows * input.interval, input.interval).flatMap((s) => generateWindow(topology, s));
}

describe('flow-log record generator', () => {
  it('a transit-router flow log records the cross-region traffic leaving its region (outbound only), with today\'s fields', () => {
    const input = { ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz' };
    assert.deepEqual([...buildTopology(input).written].sort(), CURRENT_FIELDS.map((f) => f.name).sort());
    const rows = records(input);
    assert.ok(rows.length > 100);
    for (const r of rows) {
      assert.equal(r.srcRegionId, 'cn-hangzhou', `${r.srcRegionId}→${r.dstRegionId}`);
      assert.equal(r.direction, 'out', 'inter-region connections capture outbound only');
      assert.equal(r.logStatus, 'OK', 'no NODATA/SKIPDATA markers in today\'s form');
    }
    assert.deepEqual(new Set(rows.map((r) => r.dstRegionId)), new Set(['cn-beijing', 'cn-shanghai', 'us-east-1']));
  });

  it('a router-level flow log names the local network’s connection among the router’s own attachments, never an inter-region one', () => {
    const routerAttachments = [
      { id: 'tr-attach-vpc1', type: 'VPC' as const },
      { id: 'tr-attach-vpc2', type: 'VPC' as const },
      { id: 'tr-attach-vbr', type: 'VBR' as const },
      { id: 'tr-attach-peer', type: 'TR' as const, peerRegionId: 'us-east-1' },
    ];
    const rows = records({ ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz', routerAttachments });
    assert.ok(rows.length > 100);
    const used = new Set(rows.map((r) => r.attachmentId));
    assert.ok([...used].every((id) => ['tr-attach-vpc1', 'tr-attach-vpc2', 'tr-attach-vbr'].includes(id)), [...used].join(', '));
    assert.ok(used.size > 1, 'traffic spreads over the local connections');
  });

  it('an inter-region connection captures outbound traffic to the peer region only', () => {
    const input = { ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz', attachment: { id: 'tr-attach-peer', type: 'TR' as const, peerRegionId: 'us-east-1' } };
    const rows = records(input);
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.deepEqual([r.srcRegionId, r.dstRegionId, r.direction, r.attachmentId], ['cn-hangzhou', 'us-east-1', 'out', 'tr-attach-peer']);
    }
  });

  it('a VPC attachment flow log: both directions, every record on that attachment', () => {
    const rows = records({ ...base, regionId: 'cn-shanghai', transitRouterId: 'tr-sh', attachment: { id: 'tr-attach-vpc', type: 'VPC' } });
    assert.deepEqual(new Set(rows.map((r) => r.attachmentId)), new Set(['tr-attach-vpc']));
    assert.deepEqual(new Set(rows.map((r) => r.direction)), new Set(['in', 'out']));
  });

  it('the 2019 form: the whole CEN, rtt and log-status with marker windows; a custom format narrows what is written', () => {
    const topology = buildTopology(base);
    assert.equal(topology.olderForm, true, 'no transit router: the 2019 form');
    assert.deepEqual([...topology.written].sort(), OLDER_FORM_FIELDS.map((f) => f.name).sort());
    const rows = records(base, 24 * 30);
    assert.ok(rows.some((r) => r.logStatus !== 'OK'), 'some NODATA/SKIPDATA windows in a month');
    assert.ok(rows.filter((r) => r.logStatus === 'OK').every((r) => r.rtt !== null && r.rtt > 0));
    assert.ok(new Set(rows.map((r) => `${r.srcRegionId}>${r.dstRegionId}`)).size > 4, 'pairs across the whole CEN');
    assert.deepEqual(buildTopology({ ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz', logFormatString: '${srcaddr}${dstaddr}${bytes}${dst-region-id}' }).written, ['srcaddr', 'dstaddr', 'bytes', 'dst-region-id']);
  });

  it('a traffic shift: from its window on, a new talker sends and the grown pair carries twice the bytes; before it nothing changes', () => {
    const router = { ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz' };
    const at = T0 + 12 * 600;
    const shift: TrafficShift = {
      at,
      talker: { srcaddr: '10.250.1.2', srcRegionId: 'cn-hangzhou', dstRegionId: 'us-east-1', dstport: 9092, protocol: 6, recordsPerHour: 120, medianBytes: 1_000_000, packetSize: 1_200 },
      grownPair: { srcRegionId: 'cn-hangzhou', dstRegionId: 'cn-beijing', factor: 2 },
    };
    const plain = records(router);
    const shifted = records({ ...router, shift });
    const before = (rows: FlowRow[]): FlowRow[] => rows.filter((r) => r.start < at);
    assert.deepEqual(before(shifted), before(plain), 'windows before the shift are untouched');
    const after = shifted.filter((r) => r.start >= at);
    const talker = after.filter((r) => r.srcaddr === '10.250.1.2');
    assert.ok(talker.length > 0 && talker.every((r) => r.dstRegionId === 'us-east-1' && r.dstport === 9092 && r.direction === 'out'));
    assert.ok(!plain.some((r) => r.srcaddr === '10.250.1.2'), 'the talker is new');
    const rest = after.filter((r) => r.srcaddr !== '10.250.1.2');
    const plainAfter = plain.filter((r) => r.start >= at);
    assert.equal(rest.length, plainAfter.length);
    rest.forEach((r, i) => {
      const grown = r.srcRegionId === 'cn-hangzhou' && r.dstRegionId === 'cn-beijing';
      assert.equal(r.bytes, (plainAfter[i].bytes ?? 0) * (grown ? 2 : 1));
      assert.equal(r.packets, (plainAfter[i].packets ?? 0) * (grown ? 2 : 1));
    });
    assert.ok(rest.some((r) => r.dstRegionId === 'cn-beijing'), 'the grown pair has records to grow');
    // A flow log that does not see the talker's pair gets no talker records.
    const beijing = records({ ...base, regionId: 'cn-beijing', transitRouterId: 'tr-bj', shift });
    assert.ok(!beijing.some((r) => r.srcaddr === '10.250.1.2'));
  });

  it('is deterministic: the same input gives the same records', () => {
    const input = { ...base, regionId: 'cn-hangzhou', transitRouterId: 'tr-hz' };
    assert.deepEqual(records(input, 3), records(input, 3));
  });
});
