/**
 * The region map's data shaping, pure (unit-tested): the heat-map matrix (source region × destination
 * region) and the Sankey graph (source region → [attachment →] destination region) from the
 * region-pair totals, in bytes or packets, with human-readable units.
 */
import type { RegionPairTraffic } from '../../src/flowlogs/regionTraffic';
import { regionName, regionRank } from '../../src/flowlogs/regions';
import { formatBytes } from '../grid/valueFormat';
import { displayFormat, t } from '../l10n';

export type Metric = 'bytes' | 'packets';

export interface MatrixCell {
  readonly src: string;
  readonly dst: string;
  readonly bytes: number;
  readonly packets: number;
  /** bytes or packets, as chosen. */
  readonly value: number;
}

export interface Matrix {
  /** Regions in display order (known regions first, by their list order). */
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** cells[row][column]; undefined where the pair has no traffic. */
  readonly cells: readonly (readonly (MatrixCell | undefined)[])[];
  readonly max: number;
  readonly total: number;
}

function byRank(a: string, b: string): number {
  return regionRank(a) - regionRank(b) || a.localeCompare(b);
}

/** The matrix of pair totals (attachments folded together). */
export function buildMatrix(traffic: readonly RegionPairTraffic[], metric: Metric): Matrix {
  const sums = new Map<string, { bytes: number; packets: number }>();
  for (const t of traffic) {
    const k = `${t.src}>${t.dst}`;
    const e = sums.get(k) ?? { bytes: 0, packets: 0 };
    e.bytes += t.bytes;
    e.packets += t.packets;
    sums.set(k, e);
  }
  const rows = [...new Set(traffic.map((t) => t.src))].sort(byRank);
  const columns = [...new Set(traffic.map((t) => t.dst))].sort(byRank);
  let max = 0;
  let total = 0;
  const cells = rows.map((src) =>
    columns.map((dst) => {
      const e = sums.get(`${src}>${dst}`);
      if (!e) return undefined;
      const value = metric === 'bytes' ? e.bytes : e.packets;
      max = Math.max(max, value);
      total += value;
      return { src, dst, bytes: e.bytes, packets: e.packets, value };
    }),
  );
  return { rows, columns, cells, max, total };
}

export interface SankeyNodeDatum {
  readonly id: string;
  readonly label: string;
  readonly kind: 'source' | 'via' | 'destination';
  /** The region (source/destination) or attachment id (via). */
  readonly key: string;
}

export interface SankeyLinkDatum {
  readonly source: string;
  readonly target: string;
  readonly value: number;
  /** The records behind the link: the pair, and the attachment for links through one. */
  readonly src: string;
  readonly dst: string;
  readonly attachmentId?: string;
}

export interface SankeyGraph {
  readonly nodes: readonly SankeyNodeDatum[];
  readonly links: readonly SankeyLinkDatum[];
}

/**
 * Source regions on the left, destination regions on the right (separate nodes, so a region that
 * sends and receives makes no cycle), and with `via` the attachment in between. Links with no
 * traffic in the chosen metric are left out (a zero-width link cannot be clicked).
 */
export function buildSankey(traffic: readonly RegionPairTraffic[], metric: Metric, via: boolean, attachmentNames: Readonly<Record<string, string>> = {}): SankeyGraph {
  const nodes = new Map<string, SankeyNodeDatum>();
  const links = new Map<string, { source: string; target: string; value: number; src: string; dst: string; attachmentId?: string }>();
  const node = (kind: SankeyNodeDatum['kind'], key: string, label: string): string => {
    const id = `${kind}:${key}`;
    if (!nodes.has(id)) nodes.set(id, { id, label, kind, key });
    return id;
  };
  const add = (source: string, target: string, value: number, src: string, dst: string, attachmentId?: string): void => {
    // One link per pair (and attachment): each opens exactly the records behind it.
    const k = `${source}\u0000${target}\u0000${src}>${dst}\u0000${attachmentId ?? ''}`;
    const e = links.get(k);
    if (e) e.value += value;
    else links.set(k, { source, target, value, src, dst, ...(attachmentId !== undefined ? { attachmentId } : {}) });
  };
  const sorted = [...traffic].sort((a, b) => byRank(a.src, b.src) || byRank(a.dst, b.dst));
  for (const row of sorted) {
    const value = metric === 'bytes' ? row.bytes : row.packets;
    if (value <= 0) continue;
    const s = node('source', row.src, regionName(row.src));
    const d = node('destination', row.dst, regionName(row.dst));
    if (via && row.attachmentId !== undefined) {
      const att = row.attachmentId;
      const v = node('via', att, att === '-' ? t('attachment not recorded') : (attachmentNames[att] ?? att));
      add(s, v, value, row.src, row.dst, att);
      add(v, d, value, row.src, row.dst, att);
    } else add(s, d, value, row.src, row.dst);
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

/** "1.5 GB" or "12.3 K packets". */
export function formatMetric(value: number, metric: Metric): string {
  return metric === 'bytes' ? formatBytes(value) : t('{0} packets', formatCompact(value));
}

/** The measure's name inside a sentence ("bytes", "packets"). */
export function metricWord(metric: Metric): string {
  return metric === 'bytes' ? t('bytes') : t('packets');
}

/** 1234 → "1.2 K", 5600000 → "5.6 M". */
export function formatCompact(n: number): string {
  const units = ['', ' K', ' M', ' G', ' T'];
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const f = displayFormat();
  const text = u === 0 || v >= 10 ? f.count(Math.round(v)) : f.decimal(v, 1, true);
  return `${n < 0 ? '-' : ''}${text}${units[u]}`;
}
