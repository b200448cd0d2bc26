/**
 * The flow-log vocabulary, declared once and imported by the extension host, the webview and the
 * emulator: region display names, flow-log statuses and the record field catalogs (the fields
 * documented today and the 2019 form's). Facts from shared/spec/api-current.md (§1.4, §3, §5),
 * which wins over flow-logs.md/api.md (the 2019 description).
 */

/** A region's display names: English and the Simplified Chinese name the Alibaba Cloud console uses. */
export interface RegionNames {
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  /** Set when Alibaba Cloud closed the region: never offered as a choice. */
  readonly closed?: string;
}

/**
 * Display names only: which regions exist for a CEN or a transit router comes from the API
 * (ListTransitRouters, DescribeChildInstanceRegions), never from this list. Names as ECS
 * DescribeRegions returns them (aliyun/alibabacloud-ecs-tool-troubleshooter, DescribeRegions.ts)
 * plus later regions; closures from api-current.md §3.
 */
export const REGION_NAMES: readonly RegionNames[] = [
  { id: 'cn-hangzhou', en: 'China (Hangzhou)', zh: '华东1（杭州）' },
  { id: 'cn-shanghai', en: 'China (Shanghai)', zh: '华东2（上海）' },
  { id: 'cn-nanjing', en: 'China (Nanjing - Local Region)', zh: '华东5（南京-本地地域）' },
  { id: 'cn-fuzhou', en: 'China (Fuzhou - Local Region)', zh: '华东6（福州-本地地域）' },
  { id: 'cn-qingdao', en: 'China (Qingdao)', zh: '华北1（青岛）' },
  { id: 'cn-beijing', en: 'China (Beijing)', zh: '华北2（北京）' },
  { id: 'cn-zhangjiakou', en: 'China (Zhangjiakou)', zh: '华北3（张家口）' },
  { id: 'cn-huhehaote', en: 'China (Hohhot)', zh: '华北5（呼和浩特）' },
  { id: 'cn-wulanchabu', en: 'China (Ulanqab)', zh: '华北6（乌兰察布）' },
  { id: 'cn-shenzhen', en: 'China (Shenzhen)', zh: '华南1（深圳）' },
  { id: 'cn-heyuan', en: 'China (Heyuan)', zh: '华南2（河源）' },
  { id: 'cn-guangzhou', en: 'China (Guangzhou)', zh: '华南3（广州）' },
  { id: 'cn-wuhan-lr', en: 'China (Wuhan - Local Region)', zh: '华中1（武汉-本地地域）' },
  { id: 'cn-chengdu', en: 'China (Chengdu)', zh: '西南1（成都）' },
  { id: 'cn-hongkong', en: 'China (Hong Kong)', zh: '中国香港' },
  { id: 'ap-northeast-1', en: 'Japan (Tokyo)', zh: '日本（东京）' },
  { id: 'ap-northeast-2', en: 'South Korea (Seoul)', zh: '韩国（首尔）' },
  { id: 'ap-southeast-1', en: 'Singapore', zh: '新加坡' },
  { id: 'ap-southeast-3', en: 'Malaysia (Kuala Lumpur)', zh: '马来西亚（吉隆坡）' },
  { id: 'ap-southeast-5', en: 'Indonesia (Jakarta)', zh: '印度尼西亚（雅加达）' },
  { id: 'ap-southeast-6', en: 'Philippines (Manila)', zh: '菲律宾（马尼拉）' },
  { id: 'ap-southeast-7', en: 'Thailand (Bangkok)', zh: '泰国（曼谷）' },
  { id: 'us-east-1', en: 'US (Virginia)', zh: '美国（弗吉尼亚）' },
  { id: 'us-west-1', en: 'US (Silicon Valley)', zh: '美国（硅谷）' },
  { id: 'na-south-1', en: 'Mexico', zh: '墨西哥' },
  { id: 'eu-west-1', en: 'UK (London)', zh: '英国（伦敦）' },
  { id: 'eu-central-1', en: 'Germany (Frankfurt)', zh: '德国（法兰克福）' },
  { id: 'me-east-1', en: 'UAE (Dubai)', zh: '阿联酋（迪拜）' },
  { id: 'me-central-1', en: 'Saudi Arabia (Riyadh)', zh: '沙特（利雅得）' },
  { id: 'ap-south-1', en: 'India (Mumbai)', zh: '印度（孟买）', closed: '2024-07-15' },
  { id: 'ap-southeast-2', en: 'Australia (Sydney)', zh: '澳大利亚（悉尼）', closed: '2024-09-30' },
];

const REGION_BY_ID = new Map(REGION_NAMES.map((r) => [r.id, r]));

export type RegionLanguage = 'en' | 'zh';

/** Display name of any region id, in English or the console's Chinese; unknown ids are shown raw. */
export function regionName(regionId: string, language: RegionLanguage = 'en'): string {
  const r = REGION_BY_ID.get(regionId);
  return r ? r[language] : regionId;
}

/** True for a region Alibaba Cloud has closed (India (Mumbai), Australia (Sydney)): not a choice to offer. */
export function isClosedRegion(regionId: string): boolean {
  return REGION_BY_ID.get(regionId)?.closed !== undefined;
}

/** The region ids the API returned that may be offered as choices: closed regions left out, order kept. */
export function offerableRegions(regionIds: readonly string[]): string[] {
  return [...new Set(regionIds)].filter((id) => !isClosedRegion(id));
}

export interface Region {
  readonly id: string;
  readonly name: string;
}

/**
 * The 2019 documentation's 16 flow-log regions minus the two closed since.
 * @deprecated Regions come from the API (ListTransitRouters / DescribeChildInstanceRegions); kept
 * only until the explorer, wizard and CEN client (issue 18, CEN side) stop using it.
 */
export const SUPPORTED_REGIONS: readonly Region[] = [
  'cn-hangzhou', 'cn-shanghai', 'cn-zhangjiakou', 'cn-shenzhen', 'cn-beijing', 'cn-huhehaote', 'cn-hongkong', 'eu-west-1',
  'us-west-1', 'us-east-1', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-5', 'ap-southeast-3',
].map((id) => ({ id, name: regionName(id) }));

const SUPPORTED_REGION_IDS = new Set(SUPPORTED_REGIONS.map((r) => r.id));

/** @deprecated See SUPPORTED_REGIONS: the service decides which regions take flow logs. */
export function isSupportedRegion(regionId: string): boolean {
  return SUPPORTED_REGION_IDS.has(regionId);
}

export const FLOW_LOG_STATUSES = ['Creating', 'Active', 'Modifying', 'Inactive', 'Deleting'] as const;
export type FlowLogStatus = (typeof FLOW_LOG_STATUSES)[number];
export type StableFlowLogStatus = Extract<FlowLogStatus, 'Active' | 'Inactive'>;

export function isTransitional(status: FlowLogStatus): boolean {
  switch (status) {
    case 'Creating':
    case 'Modifying':
    case 'Deleting':
      return true;
    case 'Active':
    case 'Inactive':
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

const field = (name: FlowLogFieldName, type: FieldType, kind: FieldKind, description: string, hint: string): FieldSpec => ({ name, type, kind, description, hint });

/** The record fields documented today (api-current.md §5.1), in the documentation's order. */
export const CURRENT_FIELDS: readonly FieldSpec[] = [
  field('account-id', 'text', 'account', 'Alibaba Cloud account ID', 'In SQL write "account-id" (double quotes).'),
  field('attachment-id', 'text', 'attachment', 'Network instance connection (transit router attachment) ID, tr-attach-…', 'In SQL write "attachment-id".'),
  field('cen-id', 'text', 'cen', 'CEN instance ID', 'In SQL write "cen-id".'),
  field('src-region-id', 'text', 'region', 'Source region ID', 'In SQL write "src-region-id"; in search e.g. src-region-id:cn-hangzhou.'),
  field('dst-region-id', 'text', 'region', 'Destination region ID', 'In SQL write "dst-region-id".'),
  field('srcaddr', 'text', 'ip', 'Source address (IPv4 or IPv6)', 'e.g. srcaddr:10.0.0.1'),
  field('srcport', 'long', 'port', 'Source port', 'e.g. srcport > 1024'),
  field('dstaddr', 'text', 'ip', 'Destination address (IPv4 or IPv6)', 'e.g. dstaddr:10.0.0.1'),
  field('dstport', 'long', 'port', 'Destination port', 'e.g. dstport:443'),
  field('protocol', 'long', 'protocol', 'IANA protocol number (6 TCP, 17 UDP, 1 ICMP)', 'e.g. protocol:6 for TCP'),
  field('packets', 'long', 'count', 'Packets in the capture window', 'sum(packets) in SQL'),
  field('bytes', 'long', 'bytes', 'Bytes in the capture window', 'sum(bytes) in SQL'),
  field('start', 'long', 'time', 'Capture window start (UNIX seconds)', 'The time range picker filters on __time__, not start.'),
  field('end', 'long', 'time', 'Capture window end (UNIX seconds)', 'In SQL write "end" (a keyword).'),
  field('direction', 'text', 'direction', 'Traffic direction: in (inbound) or out (outbound); inter-region connections capture out only', 'e.g. direction:out'),
];

/** The fields of the 2019 (per-CEN) form: flow logs without a transit router still write these. */
export const OLDER_FORM_FIELDS: readonly FieldSpec[] = [
  field('account-id', 'text', 'account', 'Alibaba Cloud account ID', 'In SQL write "account-id" (double quotes).'),
  field('cen-id', 'text', 'cen', 'CEN instance ID', 'In SQL write "cen-id".'),
  field('srcaddr', 'text', 'ip', 'Source address (IPv4 or IPv6)', 'e.g. srcaddr:10.0.0.1'),
  field('srcport', 'long', 'port', 'Source port', 'e.g. srcport > 1024'),
  field('dstaddr', 'text', 'ip', 'Destination address (IPv4 or IPv6)', 'e.g. dstaddr:10.0.0.1'),
  field('dstport', 'long', 'port', 'Destination port', 'e.g. dstport:443'),
  field('protocol', 'long', 'protocol', 'IANA protocol number (6 TCP, 17 UDP, 1 ICMP)', 'e.g. protocol:6 for TCP'),
  field('direction', 'text', 'direction', 'Traffic direction: in (inbound) or out (outbound)', 'e.g. direction:out'),
  field('packets', 'long', 'count', 'Packets in the capture window', 'sum(packets) in SQL'),
  field('bytes', 'long', 'bytes', 'Bytes in the capture window', 'sum(bytes) in SQL'),
  field('rtt', 'long', 'rtt', 'Latency (round-trip time); written by the 2019 form only', 'approx_percentile(rtt, 0.99) in SQL'),
  field('start', 'long', 'time', 'Capture window start (UNIX seconds)', 'The time range picker filters on __time__, not start.'),
  field('end', 'long', 'time', 'Capture window end (UNIX seconds)', 'In SQL write "end" (a keyword).'),
  field('log-status', 'text', 'logStatus', 'OK = recorded; NODATA = no traffic in the window; SKIPDATA = some records skipped (2019 form only)', 'In SQL write "log-status"; in search e.g. log-status:NODATA.'),
];

/** Every field either form writes, current first: what lookups by name (fieldSpec) and the emulator's tables know. */
export const FLOW_LOG_FIELDS: readonly FieldSpec[] = [...CURRENT_FIELDS, ...OLDER_FORM_FIELDS.filter((f) => !CURRENT_FIELDS.some((c) => c.name === f.name))];

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
