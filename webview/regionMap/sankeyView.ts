/**
 * The Sankey diagram: source regions → (attachments →) destination regions, laid out by d3-sankey
 * and drawn as SVG with theme colours. Every link is focusable; Enter or Space (or a click) opens
 * the records behind it.
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { regionName } from '../../src/flowlogs/regions';
import { h } from '../dom';
import { t } from '../l10n';
import { formatMetric, metricWord, type Metric, type SankeyGraph, type SankeyLinkDatum, type SankeyNodeDatum } from './mapData';

export interface SankeyEvents {
  onOpen(link: SankeyLinkDatum): void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Theme chart colours, one per source region (cycled). */
const PALETTE = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c) => `var(--vscode-charts-${c})`);

type Node = SankeyNode<SankeyNodeDatum, SankeyLinkDatum>;
type Link = SankeyLink<SankeyNodeDatum, SankeyLinkDatum>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG, tag);
}

export function renderSankey(graph: SankeyGraph, metric: Metric, width: number, events: SankeyEvents): HTMLElement {
  const wrap = h('div', 'sankey-wrap');
  if (graph.links.length === 0) {
    wrap.append(h('p', 'empty-note', t('Nothing to draw: no cross-region traffic in this range.')));
    return wrap;
  }
  const columns = new Set(graph.nodes.map((n) => n.kind)).size;
  const perColumn = Math.max(...['source', 'via', 'destination'].map((k) => graph.nodes.filter((n) => n.kind === k).length));
  const height = Math.max(220, Math.min(900, perColumn * 36));
  const w = Math.max(420, width);
  const labelRoom = 170;
  const layout = sankey<SankeyNodeDatum, SankeyLinkDatum>()
    .nodeId((d) => d.id)
    .nodeWidth(12)
    .nodePadding(14)
    .nodeSort(null)
    .extent([
      [labelRoom, 8],
      [w - labelRoom, height - 8],
    ]);
  const { nodes, links } = layout({ nodes: graph.nodes.map((n) => ({ ...n })), links: graph.links.map((l) => ({ ...l })) });
  const colourOf = new Map<string, string>();
  nodes.filter((n) => n.kind === 'source').forEach((n, i) => colourOf.set(n.key, PALETTE[i % PALETTE.length]));

  const root = svg('svg');
  root.setAttribute('viewBox', `0 0 ${w} ${height}`);
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(height));
  root.setAttribute('role', 'group');
  root.setAttribute(
    'aria-label',
    columns > 2
      ? t('Sankey diagram of traffic ({0}) from source regions through attachments to destination regions', metricWord(metric))
      : t('Sankey diagram of traffic ({0}) from source regions to destination regions', metricWord(metric)),
  );
  root.classList.add('sankey');
  root.dataset.testid = 'region-sankey';

  const linkGroup = svg('g');
  linkGroup.setAttribute('class', 'links');
  const path = sankeyLinkHorizontal<SankeyNodeDatum, SankeyLinkDatum>();
  for (const l of links as Link[]) {
    const p = svg('path');
    p.setAttribute('d', path(l) ?? '');
    p.setAttribute('class', 'link');
    p.style.setProperty('--link-colour', colourOf.get(l.src) ?? PALETTE[0]);
    p.setAttribute('stroke-width', String(Math.max(1.5, l.width ?? 1)));
    p.setAttribute('tabindex', '0');
    p.setAttribute('role', 'button');
    const through = l.attachmentId !== undefined ? ((l.source as Node).kind === 'via' ? (l.source as Node).label : (l.target as Node).label) : undefined;
    const label =
      through !== undefined
        ? t('{0} to {1} via {2}: {3}. Press Enter to open the records.', regionName(l.src), regionName(l.dst), through, formatMetric(l.value, metric))
        : t('{0} to {1}: {2}. Press Enter to open the records.', regionName(l.src), regionName(l.dst), formatMetric(l.value, metric));
    p.setAttribute('aria-label', label);
    p.setAttribute('data-src', l.src);
    p.setAttribute('data-dst', l.dst);
    p.dataset.testid = `link-${l.src}>${l.dst}`;
    const title = svg('title');
    title.textContent = label;
    p.append(title);
    const datum: SankeyLinkDatum = { source: (l.source as Node).id, target: (l.target as Node).id, value: l.value, src: l.src, dst: l.dst, ...(l.attachmentId !== undefined ? { attachmentId: l.attachmentId } : {}) };
    p.addEventListener('click', () => events.onOpen(datum));
    p.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        events.onOpen(datum);
      }
    });
    linkGroup.append(p);
  }

  const nodeGroup = svg('g');
  nodeGroup.setAttribute('class', 'nodes');
  for (const n of nodes as Node[]) {
    const x0 = n.x0 ?? 0;
    const x1 = n.x1 ?? 0;
    const y0 = n.y0 ?? 0;
    const y1 = n.y1 ?? 0;
    const rect = svg('rect');
    rect.setAttribute('x', String(x0));
    rect.setAttribute('y', String(y0));
    rect.setAttribute('width', String(Math.max(1, x1 - x0)));
    rect.setAttribute('height', String(Math.max(1, y1 - y0)));
    rect.setAttribute('class', `node node-${n.kind}`);
    if (n.kind === 'source') rect.style.setProperty('--link-colour', colourOf.get(n.key) ?? PALETTE[0]);
    const text = svg('text');
    const left = n.kind === 'source';
    text.setAttribute('x', String(left ? x0 - 6 : x1 + 6));
    text.setAttribute('y', String((y0 + y1) / 2));
    text.setAttribute('dy', '0.35em');
    text.setAttribute('text-anchor', left ? 'end' : 'start');
    text.setAttribute('class', 'node-label');
    text.textContent = `${n.label} · ${formatMetric(n.value ?? 0, metric)}`;
    nodeGroup.append(rect, text);
  }
  root.append(linkGroup, nodeGroup);
  wrap.append(root);
  return wrap;
}
