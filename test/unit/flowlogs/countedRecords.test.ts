/**
 * Which records each flow log of a CEN contributes to a query over the CEN, so that its totals are
 * the region map's. A CEN is built here from flows (api-current.md §1.3): the Hangzhou router's
 * flow log (whole router: its inter-region legs `out`, its VPC connection's legs `in`), the
 * hangzhou-to-beijing connection's flow log (the same `out` leg again), a Beijing VPC connection's
 * flow log (a flow leaving Beijing's router for the VPC, `out`; one entering it, `in`) and a flow
 * log of the 2019 form (the whole CEN; here with region fields, as uniqueTraffic.ts allows). Each
 * filter is parsed by the emulator's SLS search parser and applied to the flow logs' records; the
 * records it keeps, added up over the flow logs, must be each flow once — the totals written down
 * here from the flows, not from the implementation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countedRecords, countedStatement } from '../../../src/flowlogs/countedRecords';
import { parseSearch, type SearchNode } from '../../../emulator/sql/searchParser';
import { sumRegionTraffic, type RegionPairTraffic } from '../../../src/flowlogs/regionTraffic';
import { uniqueRegionTraffic, vantageDirection, vantageOf, type CaptureSource, type CapturedTraffic } from '../../../src/flowlogs/uniqueTraffic';

type Rec = Readonly<Record<'src-region-id' | 'dst-region-id' | 'direction' | 'bytes', string>>;

const HZ = 'cn-hangzhou';
const BJ = 'cn-beijing';
const SH = 'cn-shanghai';
const FR = 'eu-central-1';

const hub: CaptureSource = { flowLogId: 'flowlog-a-hub', name: 'prod-backbone-flowlog', regionId: HZ, kind: 'router', transitRouterId: 'tr-hz' };
const link: CaptureSource = { flowLogId: 'flowlog-b-link', name: 'hangzhou-to-beijing', regionId: HZ, kind: 'connection', transitRouterId: 'tr-hz', attachmentId: 'tr-attach-hz-bj' };
const bjVpc: CaptureSource = { flowLogId: 'flowlog-c-bjvpc', name: 'beijing-vpc', regionId: BJ, kind: 'connection', transitRouterId: 'tr-bj', attachmentId: 'tr-attach-bj-vpc' };
const older: CaptureSource = { flowLogId: 'flowlog-d-older', name: 'classic-2019', regionId: HZ, kind: 'olderForm' };

const rec = (src: string, dst: string, direction: string, bytes: number): Rec => ({ 'src-region-id': src, 'dst-region-id': dst, direction, bytes: String(bytes) });

/**
 * The flows, and who saw them:
 *  HZ→BJ 1000 B: hub (out, inter-region leg), link (out), bjVpc (out, leaving BJ's router), older.
 *  HZ→SH  300 B: hub (out).
 *  BJ→HZ   70 B: hub sees it arrive and leave for a HZ VPC (out, HZ is not its source); older.
 *  BJ→SH   50 B: bjVpc sees it enter BJ's router (in) only.
 *  SH→FR    9 B: only older (the 2019 form sees the whole CEN).
 * A hub record of a HZ VPC's traffic entering the router (in) of HZ→BJ is the same 1000 B again.
 */
const records: ReadonlyMap<string, readonly Rec[]> = new Map([
  [hub.flowLogId, [rec(HZ, BJ, 'out', 600), rec(HZ, BJ, 'out', 400), rec(HZ, BJ, 'in', 1000), rec(HZ, SH, 'out', 300), rec(BJ, HZ, 'out', 70)]],
  [link.flowLogId, [rec(HZ, BJ, 'out', 1000)]],
  [bjVpc.flowLogId, [rec(HZ, BJ, 'out', 1000), rec(BJ, SH, 'in', 20), rec(BJ, SH, 'in', 30)]],
  [older.flowLogId, [rec(HZ, BJ, 'in', 1000), rec(BJ, HZ, 'out', 70), rec(SH, FR, 'out', 9)]],
]);
const SOURCES = [hub, link, bjVpc, older];

/** Each flow once, written down from the flows above. */
const EACH_FLOW_ONCE = new Map([
  [`${HZ}>${BJ}`, 1000],
  [`${HZ}>${SH}`, 300],
  [`${BJ}>${HZ}`, 70],
  [`${BJ}>${SH}`, 50],
  [`${SH}>${FR}`, 9],
]);

/** The region map's aggregation of a flow log's records: sums by pair and direction. */
function answerOf(source: CaptureSource): CapturedTraffic {
  const sums = new Map<string, RegionPairTraffic & { bytes: number }>();
  for (const r of records.get(source.flowLogId) ?? []) {
    const k = `${r['src-region-id']}|${r['dst-region-id']}|${r.direction}`;
    const e = sums.get(k);
    sums.set(k, { src: r['src-region-id'], dst: r['dst-region-id'], direction: r.direction, bytes: (e?.bytes ?? 0) + Number(r.bytes), packets: 0 });
  }
  return { source, traffic: [...sums.values()] };
}

/** Whether a record matches a parsed search (field terms compared as whole values, case-insensitively). */
function matches(node: SearchNode, r: Rec): boolean {
  switch (node.type) {
    case 'all':
      return true;
    case 'field':
      return (r as Record<string, string>)[node.field]?.toLowerCase() === node.value.toLowerCase();
    case 'and':
      return matches(node.left, r) && matches(node.right, r);
    case 'or':
      return matches(node.left, r) || matches(node.right, r);
    case 'not':
      return !matches(node.operand, r);
    default:
      throw new Error(`unexpected search node ${node.type}`);
  }
}

/** Bytes per pair over every flow log's records that its filter keeps. */
function countedTotals(filters: ReadonlyMap<string, string>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [id, filter] of filters) {
    const tree = parseSearch(filter);
    for (const r of records.get(id) ?? []) {
      if (!matches(tree, r)) continue;
      const k = `${r['src-region-id']}>${r['dst-region-id']}`;
      totals.set(k, (totals.get(k) ?? 0) + Number(r.bytes));
    }
  }
  return totals;
}

describe('the records each flow log of a CEN contributes', () => {
  const answers = SOURCES.map(answerOf);

  it('added up over the flow logs, the records the filters keep are each flow once', () => {
    const { filters } = countedRecords(answers);
    assert.deepEqual(new Map([...countedTotals(filters)].sort()), new Map([...EACH_FLOW_ONCE].sort()));
  });

  it('and equal the region map totals for the same answers', () => {
    const { filters } = countedRecords(answers);
    const map = new Map(sumRegionTraffic([uniqueRegionTraffic(answers).traffic]).map((t) => [`${t.src}>${t.dst}`, t.bytes]));
    assert.deepEqual(new Map([...countedTotals(filters)].sort()), new Map([...map].sort()));
  });

  it('the router counts its outbound legs, the 2019 form what only it saw, a VPC connection what only it saw; the duplicate connection nothing', () => {
    const { filters } = countedRecords(answers);
    assert.equal(filters.get(hub.flowLogId), '(src-region-id:"cn-hangzhou" and (dst-region-id:"cn-beijing" or dst-region-id:"cn-shanghai") and direction:out)');
    assert.equal(filters.get(older.flowLogId), '(src-region-id:"cn-beijing" and dst-region-id:"cn-hangzhou") or (src-region-id:"cn-shanghai" and dst-region-id:"eu-central-1")');
    assert.equal(filters.get(bjVpc.flowLogId), '(src-region-id:"cn-beijing" and dst-region-id:"cn-shanghai" and not direction:out)');
    assert.equal(filters.has(link.flowLogId), false);
  });

  it('without a router-level flow log the connection counts its pair; with no direction written, no direction term', () => {
    const noDirection = (a: CapturedTraffic): CapturedTraffic => ({ source: a.source, traffic: sumRegionTraffic([a.traffic]) });
    const { filters } = countedRecords([answerOf(link), answerOf(bjVpc)].map(noDirection));
    assert.equal(filters.get(link.flowLogId), '(src-region-id:"cn-hangzhou" and dst-region-id:"cn-beijing")');
    // BJ→SH is seen only by the Beijing connection, in its own region: leaving the source, as far as a format without direction tells.
    assert.equal(filters.get(bjVpc.flowLogId), '(src-region-id:"cn-beijing" and dst-region-id:"cn-shanghai")');
  });

  it('vantageDirection is vantageOf turned round: a row is at a vantage exactly when its direction fits', () => {
    for (const source of SOURCES) {
      for (const src of [HZ, BJ]) {
        for (const direction of [undefined, 'out', 'in', '-']) {
          const row = { src, ...(direction !== undefined ? { direction } : {}) };
          for (const v of ['leavingSource', 'wholeCen', 'sourceConnections', 'destinationConnections'] as const) {
            if (vantageOf(source, row) !== v) continue;
            const want = vantageDirection(v, direction !== undefined);
            const fits = want === 'any' || (want === 'out' ? direction === 'out' : direction !== 'out');
            assert.ok(fits, `${source.name} ${src} ${direction ?? '(none)'} at ${v}: ${want}`);
          }
        }
      }
    }
  });

  it('the statement ANDs the filter to the search, and leaves out a search that selects everything', () => {
    assert.equal(countedStatement('srcport:443 or dstport:443 ', 'direction:out', 'select count(*)'), '(srcport:443 or dstport:443) and (direction:out) | select count(*)');
    assert.equal(countedStatement(' * ', '(a:b)', 'select 1'), '(a:b) | select 1');
    assert.equal(countedStatement('', '(a:b)', 'select 1'), '(a:b) | select 1');
  });
});
