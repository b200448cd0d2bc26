/**
 * The region map's numbers against the emulator, through the real SDKs: every flow log of the demo
 * CEN prod-backbone answers the region-pair aggregation (split by direction), each equal to the
 * sums recomputed here from the generator's records (emulator/data/flowLogGenerator.ts) for the same
 * windows; the CEN's totals count each pair's traffic once — cn-hangzhou → cn-beijing is captured
 * by the Hangzhou router's flow log and by its Beijing connection's, and only the router's counts
 * (src/flowlogs/uniqueTraffic.ts). A flow log of the 2019 form is named as not contributing.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../support/emulator';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { buildTopology, generateRecords } from '../../emulator/data/flowLogGenerator';
import { generatorInput } from '../../emulator/sls/store';
import { createCenClient } from '../../src/cloud/cenClient';
import { createSlsClient } from '../../src/cloud/slsClient';
import type { CenApi, FlowLog } from '../../src/cloud/cenApi';
import type { SlsApi } from '../../src/cloud/slsApi';
import { listCenFlowLogs, routerRegions } from '../../src/flowlogs/flowLogListing';
import { pairTotals, type RegionPairTraffic } from '../../src/flowlogs/regionTraffic';
import { cenRegionTraffic } from '../../src/views/regionMap/regionTrafficLoader';
import { findPreset, renderPreset } from '../../src/query/presets';
import { recordsOf } from '../../src/cloud/slsApi';
import { BYTES_PER_GB } from '../../src/flowlogs/cost';
import { CenQueries } from '../../src/views/workbench/cenQueries';
import { cenMember } from '../../src/views/workbench/workbenchTarget';
import { eachFlowOnce } from '../support/eachFlowOnce';

const SEED = 7;
const HISTORY_DAYS = 0.25;
// A fixed clock a little after a 10-minute boundary.
const NOW_MS = (Math.floor(Date.now() / 600_000) * 600 + 37) * 1000;

let emu: TestEmulator;
let cen: CenApi;
let sls: SlsApi;

before(async () => {
  emu = await startTestEmulator({ seed: SEED, historyDays: HISTORY_DAYS, now: () => NOW_MS });
  cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials });
  sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials });
});
after(() => emu.close());

/** Whole 10-minute windows inside the history the emulator wrote: [from, to). */
function range(): { from: number; to: number } {
  const now = NOW_MS / 1000;
  const start = now - HISTORY_DAYS * 86400;
  return { from: Math.ceil(start / 600) * 600 + 600, to: Math.floor(now / 600) * 600 };
}

async function flowLogsOf(name: string): Promise<FlowLog[]> {
  const c = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((x) => x.name === name) ?? assert.fail(`no demo CEN ${name}`);
  return listCenFlowLogs(cen, c.cenId, routerRegions(await cen.listTransitRouters(c.cenId)));
}

/** The generator's records of one flow log with __time__ in [from, to), summed by pair and attachment. */
function expectedTraffic(flowLog: FlowLog, from: number, to: number): (RegionPairTraffic & { direction: string })[] {
  const view = emu.context.cen.listFlowLogs().find((v) => v.flowLogId === flowLog.flowLogId) ?? assert.fail('no emulator view');
  // A stopped demo flow log stopped a day ago: nothing in the last hours.
  if (view.status !== 'Active') return [];
  // With the CEN's seeded traffic shift (emulator/data/trafficShift.ts), as the emulator generates it.
  const topology = buildTopology(generatorInput(view, SEED, emu.context.cen.cenRegions(view.cenId), undefined, emu.context.cen.trafficShift(view.cenId)));
  const sums = new Map<string, { src: string; dst: string; attachmentId: string; direction: string; bytes: number; packets: number }>();
  // Windows ending in (from - 1, to - 1] are the records with __time__ (= window end) in [from, to).
  for (const r of generateRecords(topology, from - 1, to - 1)) {
    if (r.bytes === null || r.srcRegionId === '-') continue;
    const k = `${r.srcRegionId}|${r.dstRegionId}|${r.attachmentId}|${r.direction}`;
    const e = sums.get(k) ?? { src: r.srcRegionId, dst: r.dstRegionId, attachmentId: r.attachmentId, direction: r.direction, bytes: 0, packets: 0 };
    e.bytes += r.bytes;
    e.packets += r.packets ?? 0;
    sums.set(k, e);
  }
  return [...sums.values()];
}

const key = (t: RegionPairTraffic): string => `${t.src}>${t.dst}@${t.attachmentId ?? ''}=${t.bytes}/${t.packets}`;
const keyWithDirection = (t: RegionPairTraffic): string => `${key(t)} ${t.direction ?? ''}`;

describe('region map totals against the emulator', () => {
  it('prod-backbone: each flow log answers, and the CEN totals count each pair once, as recomputed from the generated records', async () => {
    const flowLogs = await flowLogsOf('prod-backbone');
    assert.ok(flowLogs.length >= 3, `prod-backbone has ${flowLogs.length} flow logs`);
    const { from, to } = range();
    const answer = await cenRegionTraffic(sls, flowLogs, { range: { from, to }, byAttachment: true });
    assert.deepEqual(answer.perFlowLog.map((a) => a.source.state), flowLogs.map(() => 'ok'));

    const expectedPer = flowLogs.map((f) => expectedTraffic(f, from, to));
    assert.ok(expectedPer.filter((e) => e.length > 0).length >= 2, 'at least two flow logs have traffic in the range');
    answer.perFlowLog.forEach((a, i) => assert.deepEqual(a.traffic.map(keyWithDirection).sort(), expectedPer[i].map(keyWithDirection).sort(), flowLogs[i].name));

    // Every record of today's demo flow logs is a router's outbound leg (direction out): a pair's
    // traffic is what leaves its source router, counted from that router's own flow log (the whole
    // router) when it has one, and from the connection's flow log only when it has not.
    const hub = flowLogs.find((f) => f.name === 'prod-backbone-flowlog') ?? assert.fail('no hub flow log');
    const link = flowLogs.find((f) => f.name === 'hangzhou-to-beijing') ?? assert.fail('no connection flow log');
    const routerLevel = flowLogs.filter((f) => f.transitRouterId && !f.transitRouterAttachmentId);
    const expectedPairs = new Map<string, { bytes: number; packets: number }>();
    const add = (records: readonly RegionPairTraffic[]): void => {
      for (const t of records) {
        const e = expectedPairs.get(`${t.src}>${t.dst}`) ?? { bytes: 0, packets: 0 };
        e.bytes += t.bytes;
        e.packets += t.packets;
        expectedPairs.set(`${t.src}>${t.dst}`, e);
      }
    };
    const routerRecords = routerLevel.flatMap((f) => expectedTraffic(f, from, to).filter((t) => t.src === f.regionId && t.direction === 'out'));
    add(routerRecords);
    const byRouter = new Set(routerRecords.map((t) => `${t.src}>${t.dst}`));
    add(expectedTraffic(link, from, to).filter((t) => !byRouter.has(`${t.src}>${t.dst}`)));
    assert.ok(byRouter.has('cn-hangzhou>cn-beijing') && expectedTraffic(link, from, to).length > 0, 'both capture cn-hangzhou → cn-beijing in the range');

    const got = pairTotals(answer.traffic);
    assert.deepEqual(
      got.map((t) => `${t.src}>${t.dst}=${t.bytes}/${t.packets}`).sort(),
      [...expectedPairs].map(([k, v]) => `${k}=${v.bytes}/${v.packets}`).sort(),
    );
    const basis = answer.bases.find((b) => b.src === 'cn-hangzhou' && b.dst === 'cn-beijing') ?? assert.fail('no basis for cn-hangzhou → cn-beijing');
    assert.deepEqual([basis.countedFrom, basis.alsoCapturedBy], [[hub.name], [link.name]]);
  });

  it('without the attachment split the answer is the same per pair', async () => {
    const flowLogs = await flowLogsOf('prod-backbone');
    const { from, to } = range();
    const split = pairTotals((await cenRegionTraffic(sls, flowLogs, { range: { from, to }, byAttachment: true })).traffic);
    const whole = (await cenRegionTraffic(sls, flowLogs, { range: { from, to }, byAttachment: false })).traffic;
    assert.deepEqual(whole.map(key).sort(), split.map(key).sort());
  });

  it('a flow log of the 2019 form is named as not contributing, with the fields it lacks', async () => {
    const flowLogs = await flowLogsOf('classic-interconnect');
    const { from, to } = range();
    const answer = await cenRegionTraffic(sls, flowLogs, { range: { from, to }, byAttachment: false });
    const [older] = answer.perFlowLog;
    assert.equal(older.source.state, 'notContributing');
    assert.match(older.source.reason ?? '', /2019 form does not write src-region-id, dst-region-id/);
    assert.deepEqual(answer.traffic, []);
  });

  it('the Cost by region pair preset runs on Log Service: bytes per pair and bytes / 1024³ × the set price, as recomputed here', async () => {
    const [hub] = (await flowLogsOf('prod-backbone')).filter((f) => f.name === 'prod-backbone-flowlog');
    assert.ok(hub, 'the hub flow log');
    const { from, to } = range();
    const preset = findPreset('cost-by-region-pair') ?? assert.fail('no cost preset');
    const rendered = renderPreset(preset, { price: JSON.stringify({ 'cn-hangzhou>cn-beijing': 0.05, 'cn-hangzhou>*': 0.07, '*': 0.08 }) });
    assert.ok(rendered.ok, rendered.ok ? '' : rendered.message);
    const rows = recordsOf(await sls.query({ regionId: hub.regionId, projectName: hub.projectName, logStoreName: hub.logStoreName, from, to, query: rendered.query }));
    const expected = pairTotals(expectedTraffic(hub, from, to));
    assert.equal(rows.length, expected.length);
    const price = (src: string, dst: string): number => (src === 'cn-hangzhou' ? (dst === 'cn-beijing' ? 0.05 : 0.07) : 0.08);
    for (const e of expected) {
      const row = rows.find((r) => r['src-region-id'] === e.src && r['dst-region-id'] === e.dst) ?? assert.fail(`no row for ${e.src} → ${e.dst}`);
      assert.equal(Number(row.total_bytes), e.bytes);
      const cost = (e.bytes / BYTES_PER_GB) * price(e.src, e.dst);
      assert.ok(Math.abs(Number(row.estimated_cost) - cost) <= 0.00005 + 1e-9, `${e.src} → ${e.dst}: ${row.estimated_cost} vs ${cost}`);
    }
  });

  it('on a CEN panel, the Cost by region pair preset merges: per pair the bytes counted once, GB and round(GB × price, 4) as recomputed here', async () => {
    const flowLogs = await flowLogsOf('prod-backbone');
    const { from, to } = range();
    const preset = findPreset('cost-by-region-pair') ?? assert.fail('no cost preset');
    const counted = countedOnce(flowLogs, from, to);
    const bytesByPair = new Map<string, number>();
    for (const r of [...counted.values()].flat()) bytesByPair.set(`${r.srcRegionId}>${r.dstRegionId}`, (bytesByPair.get(`${r.srcRegionId}>${r.dstRegionId}`) ?? 0) + (r.bytes ?? 0));
    const queries = new CenQueries(async () => sls, flowLogs.map(cenMember));
    const tables: Record<string, number>[] = [
      { 'cn-hangzhou>cn-beijing': 0.05, 'cn-hangzhou>*': 0.07, '*>cn-hangzhou': 0.09, '*': 0.08 },
      { 'cn-hangzhou>cn-beijing': 0.05, '*>cn-hangzhou': 0.09 },
    ];
    for (const table of tables) {
      const rendered = renderPreset(preset, { price: JSON.stringify(table) });
      assert.ok(rendered.ok, rendered.ok ? '' : rendered.message);
      const result = await queries.query({ query: rendered.query, from, to });
      assert.deepEqual(result.shortfalls, []);
      assert.deepEqual(result.columns, ['src-region-id', 'dst-region-id', 'total_bytes', 'gb', 'estimated_cost']);
      // The price by hand: the pair, then src>*, then *>dst, then the fallback; none is NULL.
      const price = (src: string, dst: string): number | undefined => table[`${src}>${dst}`] ?? table[`${src}>*`] ?? table[`*>${dst}`] ?? table['*'];
      const expected = [...bytesByPair]
        .sort((x, y) => y[1] - x[1])
        .map(([pair, bytes]) => {
          const [src, dst] = pair.split('>');
          const gb = bytes / 2 ** 30;
          const p = price(src, dst);
          return `${pair}=${bytes} ${String(Math.round(gb * 1000) / 1000)} ${p === undefined ? 'null' : String(Math.round(gb * p * 10_000) / 10_000)}`;
        });
      assert.deepEqual(recordsOf(result).map((r) => `${r['src-region-id']}>${r['dst-region-id']}=${r.total_bytes} ${r.gb} ${r.estimated_cost}`), expected);
      assert.ok(expected.some((e) => e.startsWith('cn-hangzhou>cn-beijing=')), 'the pair both the router and its connection capture, counted once');
      assert.ok(expected.some((e) => !e.endsWith(' null') && !e.endsWith(' 0')), 'some cost to compare');
      if (table['*'] === undefined) assert.ok(expected.some((e) => e.endsWith(' null')), 'a pair without a price costs NULL');
    }
  });

  it('the merged cost rows read as Log Service writes them: a CEN of one flow log answers the preset as that logstore does', async () => {
    const [hub] = (await flowLogsOf('prod-backbone')).filter((f) => f.name === 'prod-backbone-flowlog');
    assert.ok(hub, 'the hub flow log');
    const { from, to } = range();
    const preset = findPreset('cost-by-region-pair') ?? assert.fail('no cost preset');
    for (const table of [{ 'cn-hangzhou>cn-beijing': 0.05, 'cn-hangzhou>*': 0.07, '*': 0.08 }, { 'cn-hangzhou>cn-beijing': 0.05 }]) {
      const rendered = renderPreset(preset, { price: JSON.stringify(table) });
      assert.ok(rendered.ok, rendered.ok ? '' : rendered.message);
      const own = await sls.query({ regionId: hub.regionId, projectName: hub.projectName, logStoreName: hub.logStoreName, from, to, query: rendered.query });
      const merged = await new CenQueries(async () => sls, [cenMember(hub)]).query({ query: rendered.query, from, to });
      assert.ok(own.rows.length > 1, 'several pairs');
      assert.deepEqual(merged.columns, own.columns);
      assert.deepEqual(merged.rows, own.rows);
    }
  });

  it('on a CEN panel, the Traffic between region pairs preset counts each flow once: its totals are the region map\'s, both as recomputed here', async () => {
    const flowLogs = await flowLogsOf('prod-backbone');
    const { from, to } = range();
    const preset = findPreset('region-pairs') ?? assert.fail('no region pairs preset');
    const rendered = renderPreset(preset, {});
    assert.ok(rendered.ok, rendered.ok ? '' : rendered.message);
    const queries = new CenQueries(async () => sls, flowLogs.map(cenMember));
    const result = await queries.query({ query: rendered.query, from, to });
    assert.deepEqual(result.shortfalls, []);
    const got = recordsOf(result).map((r) => `${r['src-region-id']}>${r['dst-region-id']}=${r.total_bytes}/${r.total_packets}`).sort();

    // From the generated records: each flow once (test/support/eachFlowOnce.ts), summed by pair.
    const counted = countedOnce(flowLogs, from, to);
    const expected = new Map<string, { bytes: number; packets: number }>();
    for (const r of [...counted.values()].flat()) {
      const k = `${r.srcRegionId}>${r.dstRegionId}`;
      const e = expected.get(k) ?? { bytes: 0, packets: 0 };
      expected.set(k, { bytes: e.bytes + (r.bytes ?? 0), packets: e.packets + (r.packets ?? 0) });
    }
    assert.ok(expected.has('cn-hangzhou>cn-beijing'), 'the pair both the router and its connection capture');
    assert.deepEqual(got, [...expected].map(([k, v]) => `${k}=${v.bytes}/${v.packets}`).sort());

    // The region map's totals for the same range.
    const map = pairTotals((await cenRegionTraffic(sls, flowLogs, { range: { from, to }, byAttachment: false })).traffic);
    assert.deepEqual(got, map.map((t) => `${t.src}>${t.dst}=${t.bytes}/${t.packets}`).sort());
    assert.match(result.counting?.text ?? '', /^Each flow counted once, as on the region map/);
  });

  it('on a CEN panel, top pairs within a search count each flow once: the search is ANDed to each flow log\'s counted records', async () => {
    const flowLogs = await flowLogsOf('prod-backbone');
    const { from, to } = range();
    const queries = new CenQueries(async () => sls, flowLogs.map(cenMember));
    const result = await queries.query({ query: 'protocol:6 | select "src-region-id" as src, "dst-region-id" as dst, sum(packets) as p, count(*) as n group by src, dst order by p desc limit 3', from, to });
    const counted = countedOnce(flowLogs, from, to);
    const sums = new Map<string, { p: number; n: number }>();
    for (const r of [...counted.values()].flat()) {
      if (r.protocol !== 6) continue;
      const k = `${r.srcRegionId}>${r.dstRegionId}`;
      const e = sums.get(k) ?? { p: 0, n: 0 };
      sums.set(k, { p: e.p + (r.packets ?? 0), n: e.n + 1 });
    }
    const expected = [...sums].sort((a, b) => b[1].p - a[1].p).slice(0, 3).map(([k, v]) => `${k}=${v.p}/${v.n}`);
    assert.ok(expected.length > 0, 'TCP traffic in the range');
    assert.deepEqual(recordsOf(result).map((r) => `${r.src}>${r.dst}=${r.p}/${r.n}`), expected);
  });
});

/** The generated records of the Active flow logs over the range, each flow once (test/support/eachFlowOnce.ts). */
function countedOnce(flowLogs: readonly FlowLog[], from: number, to: number): ReturnType<typeof eachFlowOnce> {
  return eachFlowOnce(
    flowLogs.map((f) => ({ flowLogId: f.flowLogId, regionId: f.regionId, ...(f.transitRouterAttachmentId ? { attachmentId: f.transitRouterAttachmentId } : {}) })),
    (f) => {
      const view = emu.context.cen.listFlowLogs().find((v) => v.flowLogId === f.flowLogId) ?? assert.fail('no emulator view');
      return view.status === 'Active' ? emu.context.sls.generatedRows(f.flowLogId, from, to) : [];
    },
  );
}
