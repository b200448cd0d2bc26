/**
 * The flow-log vocabulary, declared once and imported by the extension host, the webview and the
 * emulator: region display names, flow-log statuses and the record field catalogs (the fields
 * documented today and the 2019 form's). Facts from shared/spec/api-current.md (§1.4, §3, §5),
 * which wins over flow-logs.md/api.md (the 2019 description).
 */

export {
  KNOWN_REGIONS,
  REGION_NAMES,
  isClosedRegion,
  isKnownRegion,
  offerableRegions,
  regionLabel,
  regionLocalName,
  regionName,
  type Region,
  type RegionLanguage,
  type RegionNames,
} from './regions';
import { t } from '@vscode/l10n';
import { KNOWN_REGIONS } from './regions';

/**
 * The 2019 documentation's 16 flow-log regions minus the two closed since, as display names for
 * value completion.
 * @deprecated Regions come from the API (ListTransitRouters / DescribeChildInstanceRegions).
 */
export const SUPPORTED_REGIONS = KNOWN_REGIONS.slice(0, 16).filter((r) => r.closed === undefined);

const SUPPORTED_REGION_IDS = new Set(SUPPORTED_REGIONS.map((r) => r.id));

/** @deprecated See SUPPORTED_REGIONS: the service decides which regions take flow logs. */
export function isSupportedRegion(regionId: string): boolean {
  return SUPPORTED_REGION_IDS.has(regionId);
}

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
/** What each log-status says of its capture window (flow-logs.md, the 2019 field list), in the display language. */
export function logStatusMeaning(status: LogStatus): string {
  switch (status) {
    case 'OK':
      return t('data recorded');
    case 'NODATA':
      return t('no traffic in the window');
    case 'SKIPDATA':
      return t('some records skipped');
  }
}

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

export type FlowLogFieldName =
  | 'account-id'
  | 'attachment-id'
  | 'cen-id'
  | 'src-region-id'
  | 'dst-region-id'
  | 'srcaddr'
  | 'srcport'
  | 'dstaddr'
  | 'dstport'
  | 'protocol'
  | 'packets'
  | 'bytes'
  | 'start'
  | 'end'
  | 'direction'
  | 'rtt'
  | 'log-status';

export interface FieldSpec {
  /** A FlowLogFieldName (typed as string so sets of names take any string to look up). */
  readonly name: string;
  readonly type: FieldType;
  readonly kind: FieldKind;
  /** What the field means (api-current.md §5.1). */
  readonly description: string;
  /** How to use it in a query, shown beside the description in completion and tooltips. */
  readonly hint: string;
}

// Description and hint are read when shown, so they follow the display language configured after this module loads.
const field = (name: FlowLogFieldName, type: FieldType, kind: FieldKind, description: () => string, hint: () => string): FieldSpec => ({
  name,
  type,
  kind,
  get description() {
    return description();
  },
  get hint() {
    return hint();
  },
});

/** The record fields documented today (api-current.md §5.1), in the documentation's order. */
export const CURRENT_FIELDS: readonly FieldSpec[] = [
  field('account-id', 'text', 'account', () => t('Alibaba Cloud account ID'), () => t('In SQL write "account-id" (double quotes).')),
  field('attachment-id', 'text', 'attachment', () => t('Network instance connection (transit router attachment) ID, tr-attach-…'), () => t('In SQL write "attachment-id".')),
  field('cen-id', 'text', 'cen', () => t('CEN instance ID'), () => t('In SQL write "cen-id".')),
  field('src-region-id', 'text', 'region', () => t('Source region ID'), () => t('In SQL write "src-region-id"; in search e.g. src-region-id:cn-hangzhou.')),
  field('dst-region-id', 'text', 'region', () => t('Destination region ID'), () => t('In SQL write "dst-region-id".')),
  field('srcaddr', 'text', 'ip', () => t('Source address (IPv4 or IPv6)'), () => t('e.g. srcaddr:10.0.0.1')),
  field('srcport', 'long', 'port', () => t('Source port'), () => t('e.g. srcport > 1024')),
  field('dstaddr', 'text', 'ip', () => t('Destination address (IPv4 or IPv6)'), () => t('e.g. dstaddr:10.0.0.1')),
  field('dstport', 'long', 'port', () => t('Destination port'), () => t('e.g. dstport:443')),
  field('protocol', 'long', 'protocol', () => t('IANA protocol number (6 TCP, 17 UDP, 1 ICMP)'), () => t('e.g. protocol:6 for TCP')),
  field('packets', 'long', 'count', () => t('Packets in the capture window'), () => t('sum(packets) in SQL')),
  field('bytes', 'long', 'bytes', () => t('Bytes in the capture window'), () => t('sum(bytes) in SQL')),
  field('start', 'long', 'time', () => t('Capture window start (UNIX seconds)'), () => t('The time range picker filters on __time__, not start.')),
  field('end', 'long', 'time', () => t('Capture window end (UNIX seconds)'), () => t('In SQL write "end" (a keyword).')),
  field('direction', 'text', 'direction', () => t('Traffic direction: in (inbound) or out (outbound); inter-region connections capture out only'), () => t('e.g. direction:out')),
];

/** The two fields only the 2019 form writes. */
const OLDER_FORM_ONLY: Readonly<Partial<Record<FlowLogFieldName, FieldSpec>>> = {
  rtt: field('rtt', 'long', 'rtt', () => t('Latency (round-trip time); written by the 2019 form only'), () => t('approx_percentile(rtt, 0.99) in SQL')),
  'log-status': field('log-status', 'text', 'logStatus', () => t('OK = recorded; NODATA = no traffic in the window; SKIPDATA = some records skipped (2019 form only)'), () => t('In SQL write "log-status"; in search e.g. log-status:NODATA.')),
};
const OLDER_FORM_ORDER: readonly FlowLogFieldName[] = ['account-id', 'cen-id', 'srcaddr', 'srcport', 'dstaddr', 'dstport', 'protocol', 'direction', 'packets', 'bytes', 'rtt', 'start', 'end', 'log-status'];

/** The fields of the 2019 (per-CEN) form, in its order: flow logs without a transit router still write these (shared fields keep today's specs). */
export const OLDER_FORM_FIELDS: readonly FieldSpec[] = OLDER_FORM_ORDER.flatMap((name) => OLDER_FORM_ONLY[name] ?? CURRENT_FIELDS.filter((f) => f.name === name));

/** Every field either form writes, current first: what lookups by name (fieldSpec) and the emulator's tables know. */
export const FLOW_LOG_FIELDS: readonly FieldSpec[] = [...CURRENT_FIELDS, ...OLDER_FORM_FIELDS.filter((f) => !CURRENT_FIELDS.some((c) => c.name === f.name))];

/** One flow-log record as SLS returns it: every value a string, plus SLS's reserved fields. */
export type FlowLogRecord = { readonly [K in FlowLogFieldName]?: string } & {
  readonly __time__: string;
  readonly __source__?: string;
  readonly __topic__?: string;
};

export const RESERVED_FIELDS: readonly { name: string; description: string }[] = [
  {
    name: '__time__',
    get description() {
      return t('Log time (UNIX seconds); for flow logs, the capture window end');
    },
  },
  {
    name: '__source__',
    get description() {
      return t('Log source');
    },
  },
  {
    name: '__topic__',
    get description() {
      return t('Log topic');
    },
  },
];

/** The prefix every custom LogFormatString must keep (CreateFlowlog, api-current.md §1.4). */
export const LOG_FORMAT_REQUIRED_PREFIX = '${srcaddr}${dstaddr}${bytes}';

const FIELD_BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(FLOW_LOG_FIELDS.map((f) => [f.name, f]));

export function fieldSpec(name: string): FieldSpec | undefined {
  return FIELD_BY_NAME.get(name);
}

/** True when `name` is a field of the current or the 2019 catalog. */
export function isFlowLogFieldName(name: string): name is FlowLogFieldName {
  return FIELD_BY_NAME.has(name);
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

/** SLS index keys for flow-log fields: long for numeric fields, text for the rest (api-current.md §5.2). */
export function flowLogIndexKeys(fields: readonly string[] = CURRENT_FIELDS.map((f) => f.name)): Record<string, { type: FieldType; doc_value: boolean }> {
  const keys: Record<string, { type: FieldType; doc_value: boolean }> = {};
  for (const name of fields) keys[name] = { type: fieldSpec(name)?.type ?? 'text', doc_value: true };
  return keys;
}
