/**
 * Traffic by region pair: the SLS SQL aggregation a flow log answers, how its rows are read, how
 * answers of several flow logs add up (sums merge exactly), and which flow logs cannot answer
 * (their format lacks the region fields: the 2019 form, custom formats). Pure.
 */
import { t } from '@vscode/l10n';
import { writtenFields, type FlowLogFormat } from './fieldSchema';
import { searchFieldName, searchValueLiteral } from '../query/searchLiteral';

/** One region pair's totals, optionally split by the attachment the records were seen on. */
export interface RegionPairTraffic {
  readonly src: string;
  readonly dst: string;
  /** Present when the answer was split by attachment. */
  readonly attachmentId?: string;
  /** `in` / `out` as the capturing router saw it (api-current.md §1.3); present when the format writes it and it was asked for. */
  readonly direction?: string;
  readonly bytes: number;
  readonly packets: number;
}

/** The fields the aggregation needs; `attachment-id` only when split by attachment. */
export const REGION_TRAFFIC_FIELDS = ['src-region-id', 'dst-region-id', 'bytes', 'packets'] as const;
export const ATTACHMENT_FIELD = 'attachment-id';
/** Optional: when written, the answer is split by it so that each flow is counted once (uniqueTraffic.ts). */
export const DIRECTION_FIELD = 'direction';

/** Rows per answer: far above any CEN's region pairs × attachments; SLS SQL defaults to 100 rows without a LIMIT. */
const ROW_LIMIT = 100_000;

/** `sum(bytes), sum(packets) group by src-region-id, dst-region-id[, attachment-id][, direction]`, as one SLS statement. */
export function regionTrafficQuery(byAttachment: boolean, byDirection = false): string {
  const att = byAttachment ? ', "attachment-id" AS att' : '';
  const dir = byDirection ? ', direction AS dir' : '';
  const group = `${byAttachment ? ', att' : ''}${byDirection ? ', dir' : ''}`;
  return `* | SELECT "src-region-id" AS src, "dst-region-id" AS dst${att}${dir}, sum(bytes) AS total_bytes, sum(packets) AS total_packets FROM log GROUP BY src, dst${group} LIMIT ${ROW_LIMIT}`;
}

/** Whether the format writes `direction` (then the answer is split by it). */
export function writesDirection(format: FlowLogFormat): boolean {
  return writtenFields(format).includes(DIRECTION_FIELD);
}

/** The fields a flow log of this format lacks for the aggregation (empty = it can answer). */
export function missingRegionFields(format: FlowLogFormat, byAttachment: boolean): string[] {
  const written = writtenFields(format);
  const needed: string[] = [...REGION_TRAFFIC_FIELDS, ...(byAttachment ? [ATTACHMENT_FIELD] : [])];
  return needed.filter((f) => !written.includes(f));
}

/** Reads an answer of regionTrafficQuery; rows without both regions (markers, "-") are left out. */
export function parseRegionTraffic(columns: readonly string[], rows: readonly (readonly string[])[]): RegionPairTraffic[] {
  const at = (name: string): number => columns.indexOf(name);
  const [s, d, a, b, p, r] = [at('src'), at('dst'), at('att'), at('total_bytes'), at('total_packets'), at('dir')];
  if (s < 0 || d < 0 || b < 0 || p < 0) throw new Error(t('The region traffic answer lacks a column (got {0}).', columns.join(', ')));
  const out: RegionPairTraffic[] = [];
  for (const row of rows) {
    const src = row[s] ?? '';
    const dst = row[d] ?? '';
    if (!isRegion(src) || !isRegion(dst)) continue;
    const att = a >= 0 ? row[a] ?? '' : undefined;
    const dir = r >= 0 ? row[r] ?? '' : undefined;
    out.push({
      src,
      dst,
      ...(att !== undefined ? { attachmentId: att === '' || att === 'null' ? '-' : att } : {}),
      ...(dir !== undefined ? { direction: dir === '' || dir === 'null' ? '-' : dir } : {}),
      bytes: numberOf(row[b]),
      packets: numberOf(row[p]),
    });
  }
  return out;
}

function isRegion(v: string): boolean {
  return v !== '' && v !== '-' && v !== 'null';
}

function numberOf(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

function pairKey(t: Pick<RegionPairTraffic, 'src' | 'dst' | 'attachmentId'>): string {
  return `${t.src}\u0000${t.dst}\u0000${t.attachmentId ?? ''}`;
}

/** Adds answers together: same pair (and attachment) → summed bytes and packets, directions folded together. Exact: sums merge. */
export function sumRegionTraffic(answers: readonly (readonly RegionPairTraffic[])[]): RegionPairTraffic[] {
  const byKey = new Map<string, { src: string; dst: string; attachmentId?: string; bytes: number; packets: number }>();
  for (const list of answers) {
    for (const t of list) {
      const k = pairKey(t);
      const e = byKey.get(k);
      if (e) {
        e.bytes += t.bytes;
        e.packets += t.packets;
      } else byKey.set(k, { src: t.src, dst: t.dst, ...(t.attachmentId !== undefined ? { attachmentId: t.attachmentId } : {}), bytes: t.bytes, packets: t.packets });
    }
  }
  return [...byKey.values()].sort((x, y) => y.bytes - x.bytes || x.src.localeCompare(y.src) || x.dst.localeCompare(y.dst));
}

/** Totals per region pair, attachments folded together. */
export function pairTotals(traffic: readonly RegionPairTraffic[]): RegionPairTraffic[] {
  return sumRegionTraffic([traffic.map(({ src, dst, bytes, packets }) => ({ src, dst, bytes, packets }))]);
}

/** The search statement for the records behind one pair (and attachment): what a click on the map opens. */
export function pairRecordsQuery(src: string, dst: string, attachmentId?: string): string {
  const parts = [
    `${searchFieldName('src-region-id')}:${searchValueLiteral(src)}`,
    `${searchFieldName('dst-region-id')}:${searchValueLiteral(dst)}`,
    ...(attachmentId && attachmentId !== '-' ? [`${searchFieldName(ATTACHMENT_FIELD)}:${searchValueLiteral(attachmentId)}`] : []),
  ];
  return parts.join(' and ');
}
