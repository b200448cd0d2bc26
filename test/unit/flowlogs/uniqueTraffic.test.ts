/**
 * Each flow counted once: flows are generated here, each flow log's answer is what it would capture
 * of them (api-current.md §1.3: the source router's inter-region connection sees a flow leaving,
 * `out`; a VPC connection sees it entering the source router, `in`, or leaving the destination
 * router, `out`), and the region map's totals must equal the sums over the flows themselves —
 * never a flow log's sum added to another's that saw the same packets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniqueRegionTraffic, basisSentence, type CaptureSource, type CapturedTraffic } from '../../../src/flowlogs/uniqueTraffic';
import type { RegionPairTraffic } from '../../../src/flowlogs/regionTraffic';

interface Flow {
  src: string;
  dst: string;
  /** The VPC connection the flow starts from (in src) and ends at (in dst). */
  fromVpc: string;
  toVpc: string;
  bytes: number;
  packets: number;
}

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
const VPCS: Record<string, string[]> = {
  'cn-hangzhou': ['tr-attach-hz-vpc1', 'tr-attach-hz-vpc2'],
  'cn-shanghai': ['tr-attach-sh-vpc1'],
  'cn-beijing': ['tr-attach-bj-vpc1', 'tr-attach-bj-vpc2'],
};

function flows(seed: number, n: number): Flow[] {
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  const out: Flow[] = [];
  for (let i = 0; i < n; i++) {
    const src = REGIONS[next() % 3];
    const dst = REGIONS[(REGIONS.indexOf(src) + 1 + (next() % 2)) % 3];
    out.push({ src, dst, fromVpc: VPCS[src][next() % VPCS[src].length], toVpc: VPCS[dst][next() % VPCS[dst].length], bytes: 40 + (next() % 90_000), packets: 1 + (next() % 90) });
  }
  return out;
}

/** What `group by src, dst, direction` answers over the records a flow log wrote. */
function answer(records: readonly { src: string; dst: string; direction?: string; bytes: number; packets: number }[]): RegionPairTraffic[] {
  const m = new Map<string, { src: string; dst: string; direction?: string; bytes: number; packets: number }>();
  for (const r of records) {
    const k = `${r.src}|${r.dst}|${r.direction ?? ''}`;
    const e = m.get(k) ?? { src: r.src, dst: r.dst, ...(r.direction ? { direction: r.direction } : {}), bytes: 0, packets: 0 };
    e.bytes += r.bytes;
    e.packets += r.packets;
    m.set(k, e);
  }
  return [...m.values()];
}

const router = (region: string, id = `fl-${region}`): CaptureSource => ({ flowLogId: id, name: id, regionId: region, kind: 'router', transitRouterId: `tr-${region}` });
const connection = (region: string, attachmentId: string, id = `fl-${attachmentId}`): CaptureSource => ({
  flowLogId: id,
  name: id,
  regionId: region,
  kind: 'connection',
  transitRouterId: `tr-${region}`,
  attachmentId,
});

/** A router-level flow log: both legs through its router — a flow's local connection (`in` at the source) and its inter-region connection (`out`). */
function routerCapture(s: CaptureSource, fs: readonly Flow[]): CapturedTraffic {
  const here = fs.filter((f) => f.src === s.regionId);
  return { source: s, traffic: answer([...here.map((f) => ({ ...f, direction: 'in' })), ...here.map((f) => ({ ...f, direction: 'out' }))]) };
}

/** An inter-region connection's flow log: outbound only, toward its peer. */
function peerCapture(s: CaptureSource, peer: string, fs: readonly Flow[]): CapturedTraffic {
  return { source: s, traffic: answer(fs.filter((f) => f.src === s.regionId && f.dst === peer).map((f) => ({ ...f, direction: 'out' }))) };
}

/** A VPC connection's flow log: what enters the router from the VPC (in) and what leaves toward it (out). */
function vpcCapture(s: CaptureSource, fs: readonly Flow[]): CapturedTraffic {
  const vpc = s.attachmentId;
  return {
    source: s,
    traffic: answer([...fs.filter((f) => f.fromVpc === vpc).map((f) => ({ ...f, direction: 'in' })), ...fs.filter((f) => f.toVpc === vpc).map((f) => ({ ...f, direction: 'out' }))]),
  };
}

/** The true totals: every flow once. */
function truth(fs: readonly Flow[], keep: (f: Flow) => boolean = () => true): string[] {
  const m = new Map<string, { bytes: number; packets: number }>();
  for (const f of fs.filter(keep)) {
    const e = m.get(`${f.src}>${f.dst}`) ?? { bytes: 0, packets: 0 };
    e.bytes += f.bytes;
    e.packets += f.packets;
    m.set(`${f.src}>${f.dst}`, e);
  }
  return [...m].map(([k, v]) => `${k}=${v.bytes}/${v.packets}`).sort();
}

const shown = (t: readonly RegionPairTraffic[]): string[] => t.map((x) => `${x.src}>${x.dst}=${x.bytes}/${x.packets}`).sort();

describe('each flow counted once across a CEN’s flow logs', () => {
  const fs = flows(11, 3000);

  it('router-level flow logs on every router: the totals are the flows’ sums, though each router log sees every flow twice (in and out)', () => {
    const got = uniqueRegionTraffic(REGIONS.map((r) => routerCapture(router(r), fs)));
    assert.deepEqual(shown(got.traffic), truth(fs));
  });

  it('a router-level flow log and its connection’s flow log on the same pair: counted once, from the router-level one, and the other is named', () => {
    const hub = router('cn-hangzhou');
    const link = connection('cn-hangzhou', 'tr-attach-hz-to-bj');
    const got = uniqueRegionTraffic([routerCapture(hub, fs), peerCapture(link, 'cn-beijing', fs), routerCapture(router('cn-beijing'), fs)]);
    assert.deepEqual(shown(got.traffic), truth(fs, (f) => f.src === 'cn-hangzhou' || f.src === 'cn-beijing'));
    const basis = got.bases.find((b) => b.src === 'cn-hangzhou' && b.dst === 'cn-beijing') ?? assert.fail('no basis');
    assert.deepEqual([basis.vantage, basis.countedFrom, basis.countedFlowLogIds, basis.alsoCapturedBy], ['leavingSource', [hub.name], [hub.flowLogId], [link.name]]);
    assert.match(basisSentence(basis) ?? '', /cn-hangzhou → cn-beijing: counted once, from fl-cn-hangzhou; also captured by fl-tr-attach-hz-to-bj, not added/);
  });

  it('both ends of a pair (source router and the destination’s VPC connections): the source router’s outbound leg counts', () => {
    const answers = [routerCapture(router('cn-shanghai'), fs), ...VPCS['cn-hangzhou'].map((v) => vpcCapture(connection('cn-hangzhou', v), fs))];
    const got = uniqueRegionTraffic(answers);
    const sh = (f: Flow): boolean => f.src === 'cn-shanghai';
    // Shanghai's pairs: all of their flows. Hangzhou's outbound: only via its VPCs' `in` leg (complete: every flow starts in one of them).
    const expected = truth(fs, (f) => sh(f) || f.src === 'cn-hangzhou');
    // Pairs into Hangzhou from Beijing are seen only at the destination VPCs: partial but each flow once (a flow ends at one VPC).
    const intoHz = truth(fs, (f) => f.src === 'cn-beijing' && f.dst === 'cn-hangzhou');
    assert.deepEqual(shown(got.traffic), [...expected, ...intoHz].sort());
    const bj = got.bases.find((b) => b.src === 'cn-beijing' && b.dst === 'cn-hangzhou') ?? assert.fail('no basis');
    assert.equal(bj.vantage, 'destinationConnections');
    assert.match(basisSentence(bj) ?? '', /sees only the traffic of the networks it is attached to/);
  });

  it('connections only at the source: one flow log per connection, added up; a second flow log on the same connection is not added', () => {
    const vpc1 = connection('cn-beijing', 'tr-attach-bj-vpc1');
    const dup = connection('cn-beijing', 'tr-attach-bj-vpc1', 'fl-zz-duplicate');
    const got = uniqueRegionTraffic([vpcCapture(vpc1, fs), vpcCapture(dup, fs)]);
    const expected = truth(fs, (f) => f.fromVpc === 'tr-attach-bj-vpc1');
    const intoVpc1 = truth(fs, (f) => f.toVpc === 'tr-attach-bj-vpc1');
    assert.deepEqual(shown(got.traffic), [...expected, ...intoVpc1].sort());
    const both = uniqueRegionTraffic(VPCS['cn-beijing'].map((v) => vpcCapture(connection('cn-beijing', v), fs)));
    assert.deepEqual(
      shown(both.traffic).filter((s) => s.startsWith('cn-beijing>')),
      truth(fs, (f) => f.src === 'cn-beijing'),
    );
  });

  it('a format without direction: a flow log in the source region is taken as the leaving leg', () => {
    const noDir = (c: CapturedTraffic): CapturedTraffic => ({ ...c, traffic: c.traffic.filter((t) => t.direction === 'out').map(({ direction: _d, ...rest }) => rest) });
    const got = uniqueRegionTraffic([noDir(peerCapture(connection('cn-hangzhou', 'tr-attach-hz-to-sh'), 'cn-shanghai', fs))]);
    assert.deepEqual(shown(got.traffic), truth(fs, (f) => f.src === 'cn-hangzhou' && f.dst === 'cn-shanghai'));
  });

  it('keeps the attachment split of the counted flow log and says nothing of a pair only one flow log captured', () => {
    const s = router('cn-hangzhou');
    const traffic: RegionPairTraffic[] = [
      { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: 'a1', direction: 'out', bytes: 10, packets: 1 },
      { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: 'a2', direction: 'out', bytes: 5, packets: 1 },
      { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: 'a1', direction: 'in', bytes: 10, packets: 1 },
    ];
    const got = uniqueRegionTraffic([{ source: s, traffic }]);
    assert.deepEqual(got.traffic, [
      { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: 'a1', bytes: 10, packets: 1 },
      { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: 'a2', bytes: 5, packets: 1 },
    ]);
    assert.equal(basisSentence(got.bases[0]), undefined);
  });
});
