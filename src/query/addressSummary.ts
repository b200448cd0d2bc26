/**
 * The short traffic summary of one address shown on hover: bytes in and out and its top peers and
 * ports over the last hour of delivered capture windows, from ONE analytic query (the hover's
 * request budget is one per address per window).
 */
import { t } from '@vscode/l10n';
import type { FlowLogInterval } from '../flowlogs/catalog';
import { addressQuery } from './addressFilter';
import { newestWindow, type ResolvedRange } from './timeRange';

/** Groups read back; beyond this the totals are lower bounds (said so in the hover). */
export const SUMMARY_GROUP_LIMIT = 1000;
/** How far back the summary looks. */
export const SUMMARY_SPAN_SECONDS = 3600;

export interface SummaryTarget {
  readonly address: string;
  readonly port?: number;
}

/** The last hour of windows that have closed: the same range for a whole capture window. */
export function summaryRange(nowSeconds: number, interval: FlowLogInterval): ResolvedRange {
  const { closedUntil } = newestWindow(nowSeconds, interval);
  return { from: closedUntil - SUMMARY_SPAN_SECONDS, to: closedUntil };
}

/**
 * Per peer and service port (dstport: the listening side, so ephemeral ports do not split groups),
 * the bytes towards the address (in) and from it (out).
 */
export function addressSummaryQuery(target: SummaryTarget): string {
  const ip = sqlString(target.address);
  return (
    `${addressQuery(target)} | SELECT ` +
    `CASE WHEN srcaddr = ${ip} THEN dstaddr ELSE srcaddr END AS peer, dstport AS port, ` +
    `sum(CASE WHEN dstaddr = ${ip} THEN bytes ELSE 0 END) AS bytes_in, ` +
    `sum(CASE WHEN srcaddr = ${ip} THEN bytes ELSE 0 END) AS bytes_out, ` +
    `sum(bytes) AS total ` +
    `GROUP BY peer, port ORDER BY total DESC LIMIT ${SUMMARY_GROUP_LIMIT}`
  );
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export interface Ranked<K> {
  readonly key: K;
  readonly bytes: number;
}

export interface AddressSummary {
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly topPeers: readonly Ranked<string>[];
  readonly topPorts: readonly Ranked<number>[];
  /** The query hit its group limit: totals are at least these. */
  readonly truncated: boolean;
}

/** Reads the query's rows (by column name: the order is the service's to choose). */
export function readAddressSummary(columns: readonly string[], rows: readonly (readonly string[])[], top = 3): AddressSummary {
  const at = (name: string): number => columns.indexOf(name);
  const [peerAt, portAt, inAt, outAt] = [at('peer'), at('port'), at('bytes_in'), at('bytes_out')];
  if (peerAt < 0 || portAt < 0 || inAt < 0 || outAt < 0) throw new Error(t('The summary query answered with unexpected columns: {0}.', columns.join(', ')));
  const peers = new Map<string, number>();
  const ports = new Map<number, number>();
  let bytesIn = 0;
  let bytesOut = 0;
  for (const row of rows) {
    const bin = numberOf(row[inAt]);
    const bout = numberOf(row[outAt]);
    bytesIn += bin;
    bytesOut += bout;
    const peer = row[peerAt] ?? '';
    if (peer !== '') peers.set(peer, (peers.get(peer) ?? 0) + bin + bout);
    const port = Number(row[portAt]);
    if (row[portAt] !== '' && Number.isInteger(port)) ports.set(port, (ports.get(port) ?? 0) + bin + bout);
  }
  return { bytesIn, bytesOut, topPeers: ranked(peers, top), topPorts: ranked(ports, top), truncated: rows.length >= SUMMARY_GROUP_LIMIT };
}

function numberOf(text: string | undefined): number {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
}

function ranked<K>(totals: ReadonlyMap<K, number>, top: number): Ranked<K>[] {
  return [...totals].map(([key, bytes]) => ({ key, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, top);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** "1.5 KB", "12 MB" (the webview's formatter lives in the browser bundle, which the host does not import). */
export function formatByteCount(n: number): string {
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? String(Math.round(v)) : v < 10 ? v.toFixed(1) : String(Math.round(v))} ${BYTE_UNITS[u]}`;
}
