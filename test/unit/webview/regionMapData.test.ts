/** The region map's matrix and Sankey data from region-pair totals, and d3-sankey laying the graph out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sankey } from 'd3-sankey';
import type { RegionPairTraffic } from '../../../src/flowlogs/regionTraffic';
import { buildMatrix, buildSankey, formatCompact, formatMetric, type SankeyLinkDatum, type SankeyNodeDatum } from '../../../webview/regionMap/mapData';

const T: RegionPairTraffic[] = [
  { src: 'cn-shanghai', dst: 'cn-hangzhou', attachmentId: 'att-sh', bytes: 100, packets: 1 },
  { src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 'att-hz1', bytes: 700, packets: 7 },
  { src: 'cn-hangzhou', dst: 'cn-shanghai', attachmentId: 'att-hz2', bytes: 300, packets: 30 },
  { src: 'cn-hangzhou', dst: 'cn-beijing', attachmentId: '-', bytes: 50, packets: 5 },
];

describe('region map data', () => {
  it('matrix: known regions in list order, pairs summed over attachments, empty cells undefined', () => {
    const m = buildMatrix(T, 'bytes');
    assert.deepEqual(m.rows, ['cn-hangzhou', 'cn-shanghai']);
    assert.deepEqual(m.columns, ['cn-hangzhou', 'cn-shanghai', 'cn-beijing']);
    assert.equal(m.cells[0][0], undefined, 'Hangzhou → Hangzhou: none');
    assert.equal(m.cells[0][1]?.value, 1000);
    assert.equal(m.cells[0][1]?.packets, 37);
    assert.equal(m.cells[1][0]?.value, 100);
    assert.equal(m.max, 1000);
    assert.equal(m.total, 1150);
    assert.equal(buildMatrix(T, 'packets').cells[0][1]?.value, 37);
  });

  it('sankey without attachments: one link per pair, sources and destinations as separate nodes', () => {
    const g = buildSankey(T.map(({ attachmentId: _a, ...t }) => t), 'bytes', false);
    assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['destination:cn-beijing', 'destination:cn-hangzhou', 'destination:cn-shanghai', 'source:cn-hangzhou', 'source:cn-shanghai']);
    const hzSh = g.links.filter((l) => l.src === 'cn-hangzhou' && l.dst === 'cn-shanghai');
    assert.equal(hzSh.length, 1);
    assert.equal(hzSh[0].value, 1000);
  });

  it('sankey via attachment: each pair and attachment keeps its own links, named where known', () => {
    const g = buildSankey(T, 'bytes', true, { 'att-hz1': 'hangzhou-to-shanghai' });
    assert.equal(g.nodes.find((n) => n.id === 'via:att-hz1')?.label, 'hangzhou-to-shanghai');
    assert.equal(g.nodes.find((n) => n.id === 'via:-')?.label, 'attachment not recorded');
    const through1 = g.links.filter((l) => l.attachmentId === 'att-hz1');
    assert.deepEqual(through1.map((l) => [l.source, l.target, l.value]), [['source:cn-hangzhou', 'via:att-hz1', 700], ['via:att-hz1', 'destination:cn-shanghai', 700]]);
    // Every byte leaves a source once and reaches a destination once.
    const into = (kind: string): number => g.links.filter((l) => l.target.startsWith(kind)).reduce((s, l) => s + l.value, 0);
    assert.equal(into('destination:'), 1150);
    assert.equal(into('via:'), 1150);
  });

  it('leaves out links with nothing in the chosen measure', () => {
    const g = buildSankey([{ src: 'cn-hangzhou', dst: 'cn-shanghai', bytes: 0, packets: 4 }], 'bytes', false);
    assert.equal(g.links.length, 0);
    assert.equal(buildSankey([{ src: 'cn-hangzhou', dst: 'cn-shanghai', bytes: 0, packets: 4 }], 'packets', false).links.length, 1);
  });

  it('d3-sankey lays the graph out with no cycle and node values equal to the flows', () => {
    const g = buildSankey(T, 'bytes', true);
    const out = sankey<SankeyNodeDatum, SankeyLinkDatum>().nodeId((d) => d.id).extent([[0, 0], [600, 300]])({ nodes: g.nodes.map((n) => ({ ...n })), links: g.links.map((l) => ({ ...l })) });
    const hz = out.nodes.find((n) => n.id === 'source:cn-hangzhou');
    assert.equal(hz?.value, 1050);
    assert.ok(out.nodes.every((n) => Number.isFinite(n.x0) && Number.isFinite(n.y0)));
  });

  it('formats bytes and packets for people', () => {
    assert.equal(formatMetric(1536, 'bytes'), '1.5 KB');
    assert.equal(formatMetric(12_345, 'packets'), '12 K packets');
    assert.equal(formatCompact(5_600_000), '5.6 M');
    assert.equal(formatCompact(999), '999');
  });
});
