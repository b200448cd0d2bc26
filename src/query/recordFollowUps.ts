/**
 * The next questions one flow record invites — this source's traffic, this destination's, this
 * 5-tuple over time, this region pair — as ready queries. Pure; the record is field → raw value.
 */
import { t } from '@vscode/l10n';
import { addressQuery } from './addressFilter';
import { searchFieldName, searchValueLiteral } from './searchLiteral';

export type FollowUpKind = 'source' | 'destination' | 'fiveTuple' | 'regionPair';

export interface FollowUp {
  readonly kind: FollowUpKind;
  readonly label: string;
  readonly query: string;
}

type FlowRecord = Readonly<Record<string, string | undefined>>;

function present(record: FlowRecord, field: string): string | undefined {
  const v = record[field];
  return v === undefined || v === '' ? undefined : v;
}

function term(field: string, value: string): string {
  return `${searchFieldName(field)}:${searchValueLiteral(value)}`;
}

/** Follow-up queries for a record; `windowSeconds` is the flow log's capture window (time buckets). */
export function followUps(record: FlowRecord, windowSeconds: number): FollowUp[] {
  const out: FollowUp[] = [];
  const src = present(record, 'srcaddr');
  const dst = present(record, 'dstaddr');
  if (src) out.push({ kind: 'source', label: t('Traffic of source {0}', src), query: addressQuery({ address: src }) });
  if (dst) out.push({ kind: 'destination', label: t('Traffic of destination {0}', dst), query: addressQuery({ address: dst }) });
  const tuple = ['srcaddr', 'srcport', 'dstaddr', 'dstport', 'protocol'].map((f) => [f, present(record, f)] as const);
  if (tuple.every(([, v]) => v !== undefined)) {
    const search = tuple.map(([f, v]) => term(f, v ?? '')).join(' and ');
    const w = Math.max(1, Math.round(windowSeconds));
    const series = `select __time__ - __time__ % ${w} as window_start, sum(bytes) as bytes, sum(packets) as packets group by window_start order by window_start`;
    out.push({
      kind: 'fiveTuple',
      label: t('This 5-tuple over time'),
      query: `${search} | ${series}`,
    });
  }
  const from = present(record, 'src-region-id');
  const to = present(record, 'dst-region-id');
  if (from && to) {
    const topPairs = 'select srcaddr, dstaddr, sum(bytes) as bytes group by srcaddr, dstaddr order by bytes desc limit 20';
    out.push({
      kind: 'regionPair',
      label: t('Region pair {0} → {1}', from, to),
      query: `${term('src-region-id', from)} and ${term('dst-region-id', to)} | ${topPairs}`,
    });
  }
  return out;
}

/** The record as pretty JSON (numbers stay as the service sent them: text). */
export function recordJson(record: FlowRecord): string {
  return JSON.stringify(record, null, 2);
}
