/**
 * region-map-first-paint: the region map's matrix and Sankey in headless Chromium, from the moment
 * the answer for 7 days of a CEN's records arrives (window.postMessage, as in the webview) to both
 * rendered and laid out. The answer is what the per-flow-log aggregations return (region pair ×
 * attachment sums), computed here from the emulator's generator for a six-region CEN with one
 * router-level flow log per region plus an inter-region one; its size (rows), not the record count,
 * is what the page draws.
 */
import type { Benchmark, Figure } from '../benchmark';
import { openBenchPage } from '../support/benchBrowser';
import { buildTopology, generateRecords, type FlowLogGeneratorInput } from '../../emulator/data/flowLogGenerator';
import { sumRegionTraffic, type RegionPairTraffic } from '../../src/flowlogs/regionTraffic';
import type { RegionMapResult } from '../../src/protocol/regionMapMessages';
import { medianBy } from '../support/median';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1'];
const DAYS = 7;
/** Records per flow log per hour: the answer's rows depend on pairs and attachments, not on this. */
const RECORDS_PER_HOUR = 400;
const RUNS = 5;

function flowLogInputs(): FlowLogGeneratorInput[] {
  const base = { seed: 11, cenId: 'cen-bench', accountId: '1', regions: REGIONS, interval: 600 as const, recordsPerHour: RECORDS_PER_HOUR };
  const routers = REGIONS.map((r): FlowLogGeneratorInput => ({ ...base, flowLogId: `fl-${r}`, regionId: r, transitRouterId: `tr-${r}` }));
  const link: FlowLogGeneratorInput = { ...base, flowLogId: 'fl-hz-fra', regionId: 'cn-hangzhou', transitRouterId: 'tr-cn-hangzhou', attachment: { id: 'tr-attach-hz-fra', type: 'TR', peerRegionId: 'eu-central-1' } };
  return [...routers, link];
}

/** What each flow log's `group by src, dst, attachment` answers over 7 days, summed for the CEN. */
function cenAnswer(): { traffic: RegionPairTraffic[]; records: number } {
  const to = Math.floor(Date.now() / 1000 / 600) * 600;
  const from = to - DAYS * 86400;
  let records = 0;
  const answers = flowLogInputs().map((input) => {
    const sums = new Map<string, { src: string; dst: string; attachmentId: string; bytes: number; packets: number }>();
    for (const r of generateRecords(buildTopology(input), from, to)) {
      records++;
      const k = `${r.srcRegionId}|${r.dstRegionId}|${r.attachmentId}`;
      const e = sums.get(k) ?? { src: r.srcRegionId, dst: r.dstRegionId, attachmentId: r.attachmentId, bytes: 0, packets: 0 };
      e.bytes += r.bytes ?? 0;
      e.packets += r.packets ?? 0;
      sums.set(k, e);
    }
    return [...sums.values()];
  });
  return { traffic: sumRegionTraffic(answers), records };
}

function resultOf(traffic: RegionPairTraffic[], sources: number): Omit<RegionMapResult, 'requestId' | 'byAttachment'> {
  return {
    rangeLabel: 'last 7 days, snapped to 10-minute capture windows',
    traffic,
    sources: Array.from({ length: sources }, (_, i) => ({ flowLogId: `fl-${i}`, name: `flow log ${i}`, regionId: REGIONS[i % REGIONS.length], state: 'ok' as const })),
    coverage: REGIONS.slice(1).flatMap((r) => [
      { from: 'cn-hangzhou', to: r, state: 'logged' as const, sentence: `cn-hangzhou → ${r} is logged by fl-cn-hangzhou`, canCreate: false },
      { from: r, to: 'cn-hangzhou', state: 'notLogged' as const, sentence: `${r} → cn-hangzhou is not logged`, canCreate: true },
    ]),
    cost: { currency: 'USD', configured: false, problems: [] },
    attachmentNames: {},
  };
}

type PaintRun = { ms: number; cells: number; links: number; nodes: number };
type BenchWindow = { regionMapBench: { firstPaint(result: unknown, byAttachment: boolean): Promise<PaintRun> } };

export const regionMapBenchmark: Benchmark = {
  name: 'region-map-first-paint',
  async run(): Promise<Figure[]> {
    const { traffic, records } = cenAnswer();
    const bp = await openBenchPage('bench/browser/regionMapPage.mjs', 'regionMapPage');
    const figures: Figure[] = [];
    try {
      await bp.page.addStyleTag({ path: 'webview/regionMap/regionMap.css' });
      await bp.page.addStyleTag({
        content: ':root{--vscode-charts-blue:#3794ff;--vscode-charts-orange:#d18616;--vscode-charts-green:#89d185;--vscode-charts-purple:#b180d7;--vscode-charts-red:#f14c4c;--vscode-charts-yellow:#cca700;--vscode-focusBorder:#0078d4}',
      });
      for (const byAttachment of [false, true]) {
        const answer = byAttachment ? traffic : sumRegionTraffic([traffic.map(({ src, dst, bytes, packets }) => ({ src, dst, bytes, packets }))]);
        const result = resultOf(answer, flowLogInputs().length);
        const runs: PaintRun[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await bp.page.evaluate(([r, b]) => (globalThis as unknown as BenchWindow).regionMapBench.firstPaint(r, b), [result, byAttachment] as const));
        const median = medianBy(runs, (r) => r.ms);
        if (median.cells === 0 || median.links === 0) throw new Error(`nothing drawn: ${JSON.stringify(median)}`);
        figures.push({
          name: `region-map-first-paint${byAttachment ? '-via-attachment' : ''}`,
          value: Number(median.ms.toFixed(1)),
          unit: 'ms',
          budget: '≤ 100 ms',
          withinBudget: median.ms <= 100,
          note:
            `median of ${RUNS} (in run order: ${runs.map((r) => r.ms.toFixed(1)).join(', ')} ms); answer arrived (postMessage) → matrix and Sankey rendered and laid out; ` +
            `${answer.length} answer rows (${DAYS} days of ${flowLogInputs().length} flow logs, ${records.toLocaleString('en')} records, ${REGIONS.length} regions): ${median.cells} matrix cells, ${median.links} Sankey links, ${median.nodes} nodes; Chromium ${bp.version}`,
        });
      }
    } finally {
      await bp.close();
    }
    return figures;
  },
};
