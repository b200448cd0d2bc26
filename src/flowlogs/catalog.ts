/**
 * The flow-log vocabulary, declared once and imported by the extension host, the webview and the
 * emulator: region names, flow-log statuses and the record field catalog.
 * Facts from shared/spec/api-current.md (which wins over flow-logs.md and api.md).
 */

export { KNOWN_REGIONS, isKnownRegion, regionLabel, regionLocalName, regionName, type Region } from './regions';
import { KNOWN_REGIONS, isKnownRegion } from './regions';

/** The 2019 flow-log region list (regions.ts), kept as display names for value completion; regions come from the API. */
export const SUPPORTED_REGIONS = KNOWN_REGIONS.slice(0, 16);

/** Whether we have a display name for the id; never a refusal (regions come from the API). */
export const isSupportedRegion = isKnownRegion;

/** The statuses the service documents for a flow log. */
export const FLOW_LOG_STATUSES = ['Creating', 'Active', 'Modifying', 'Inactive', 'Deleting'] as const;
/** 'Unknown' stands for any other value the service sends; the raw text travels beside it. */
export type FlowLogStatus = (typeof FLOW_LOG_STATUSES)[number] | 'Unknown';
export type StableFlowLogStatus = Extract<FlowLogStatus, 'Active' | 'Inactive'>;

/** A documented status, or 'Unknown' (never a failure: the row shows the raw value). */
export function flowLogStatusOf(raw: string): FlowLogStatus {
  return (FLOW_LOG_STATUSES as readonly string[]).includes(raw) ? (raw as FlowLogStatus) : 'Unknown';
}

export function isTransitional(status: FlowLogStatus): boolean {
  switch (status) {
    case 'Creating':
    case 'Modifying':
    case 'Deleting':
      return true;
    case 'Active':
    case 'Inactive':
    case 'Unknown':
      return false;
  }
}

export const CEN_STATUSES = ['Creating', 'Active', 'Deleting'] as const;
export type CenStatus = (typeof CEN_STATUSES)[number];

/** Capture window lengths in seconds (the flow log's Interval). */
export const FLOW_LOG_INTERVALS = [600, 60] as const;
export type FlowLogInterval = (typeof FLOW_LOG_INTERVALS)[number];
export const DEFAULT_INTERVAL: FlowLogInterval = 600;

export const LOG_STATUSES = ['OK', 'NODATA', 'SKIPDATA'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How SLS indexes a field: `long` fields compare numerically in search and SQL. */
export type FieldType = 'text' | 'long';

/** What a field holds, for rendering (human-readable bytes, protocol names, clickable filters). */
export type FieldKind =
  | 'account'
  | 'cen'
  | 'ip'
  | 'port'
  | 'protocol'
  | 'direction'
  | 'count'
  | 'bytes'
  | 'rtt'
  | 'time'
  | 'logStatus'
  | 'attachment'
  | 'region';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly kind: FieldKind;
  readonly description: string;
  /** Written by the service only in some cases (custom LogFormatString, newer versions). */
  readonly optional: boolean;
}

export const FLOW_LOG_FIELDS: readonly FieldSpec[] = [
  { name: 'account-id', type: 'text', kind: 'account', description: 'Alibaba Cloud account ID', optional: false },
  { name: 'cen-id', type: 'text', kind: 'cen', description: 'CEN instance ID', optional: false },
  { name: 'srcaddr', type: 'text', kind: 'ip', description: 'Source address (IPv4 or IPv6)', optional: false },
  { name: 'srcport', type: 'long', kind: 'port', description: 'Source port', optional: false },
  { name: 'dstaddr', type: 'text', kind: 'ip', description: 'Destination address (IPv4 or IPv6)', optional: false },
  { name: 'dstport', type: 'long', kind: 'port', description: 'Destination port', optional: false },
  { name: 'protocol', type: 'long', kind: 'protocol', description: 'IANA protocol number (6 TCP, 17 UDP, 1 ICMP)', optional: false },
  { name: 'direction', type: 'text', kind: 'direction', description: 'Traffic direction: in (inbound) or out (outbound)', optional: false },
  { name: 'packets', type: 'long', kind: 'count', description: 'Packets in the capture window', optional: false },
  { name: 'bytes', type: 'long', kind: 'bytes', description: 'Bytes in the capture window', optional: false },
  { name: 'rtt', type: 'long', kind: 'rtt', description: 'Latency (round-trip time)', optional: false },
  { name: 'start', type: 'long', kind: 'time', description: 'Capture window start (UNIX seconds)', optional: false },
  { name: 'end', type: 'long', kind: 'time', description: 'Capture window end (UNIX seconds)', optional: false },
  { name: 'log-status', type: 'text', kind: 'logStatus', description: 'OK = recorded; NODATA = no traffic in the window; SKIPDATA = some records skipped', optional: false },
  { name: 'attachment-id', type: 'text', kind: 'attachment', description: 'Transit router attachment ID', optional: true },
  { name: 'src-region-id', type: 'text', kind: 'region', description: 'Region of the source network instance', optional: true },
  { name: 'dst-region-id', type: 'text', kind: 'region', description: 'Region of the destination network instance', optional: true },
];

export type FlowLogFieldName =
  | 'account-id'
  | 'cen-id'
  | 'srcaddr'
  | 'srcport'
  | 'dstaddr'
  | 'dstport'
  | 'protocol'
  | 'direction'
  | 'packets'
  | 'bytes'
  | 'rtt'
  | 'start'
  | 'end'
  | 'log-status'
  | 'attachment-id'
  | 'src-region-id'
  | 'dst-region-id';

/** One flow-log record as SLS returns it: every value a string, plus SLS's reserved fields. */
export type FlowLogRecord = { readonly [K in FlowLogFieldName]?: string } & {
  readonly __time__: string;
  readonly __source__?: string;
  readonly __topic__?: string;
};

export const RESERVED_FIELDS: readonly { name: string; description: string }[] = [
  { name: '__time__', description: 'Log time (UNIX seconds); for flow logs, the capture window end' },
  { name: '__source__', description: 'Log source' },
  { name: '__topic__', description: 'Log topic' },
];

/** The LogFormatString the service uses by default, and the prefix every custom one must keep. */
export const LOG_FORMAT_REQUIRED_PREFIX = '${srcaddr}${dstaddr}${bytes}';
export const DEFAULT_LOG_FORMAT =
  LOG_FORMAT_REQUIRED_PREFIX +
  FLOW_LOG_FIELDS.filter((f) => !f.optional && !['srcaddr', 'dstaddr', 'bytes'].includes(f.name))
    .map((f) => '${' + f.name + '}')
    .join('');

export function fieldSpec(name: string): FieldSpec | undefined {
  return FLOW_LOG_FIELDS.find((f) => f.name === name);
}

/** Field names with characters SQL cannot take bare must be double-quoted in SLS SQL. */
export function needsSqlQuoting(name: string): boolean {
  return !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

export const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '1': 'ICMP',
  '6': 'TCP',
  '17': 'UDP',
  '47': 'GRE',
  '50': 'ESP',
  '58': 'ICMPv6',
};

/** SLS's index for a flow-log logstore: long for numeric fields, text for the rest. */
export function flowLogIndexKeys(): Record<string, { type: FieldType; doc_value: boolean }> {
  const keys: Record<string, { type: FieldType; doc_value: boolean }> = {};
  for (const f of FLOW_LOG_FIELDS) keys[f.name] = { type: f.type, doc_value: true };
  return keys;
}
