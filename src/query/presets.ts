/**
 * Ready-made queries for the questions users bring to flow logs (flow-logs.md), each readable and
 * editable, with the chart it suits. Parameters (`{ip}`, `{window}`) are filled in by renderPreset.
 * Each declares the fields it needs: a flow log whose schema lacks one does not offer it (rtt and
 * log-status exist only on the 2019 form; region ids and attachment-id only on today's).
 */
import { t } from '@vscode/l10n';
import { fieldSpec, type FlowLogFieldName } from '../flowlogs/catalog';
import { isIPv4, isIPv6 } from './addressFilter';
import { searchValueLiteral } from './searchLiteral';
import { BYTES_PER_GB, parsePriceTable, priceCaseSql } from '../flowlogs/cost';

/** The chart a preset's result suits. */
export type ChartKind = 'line' | 'area' | 'bar' | 'pie' | 'table';

/** How a parameter is validated and written into the query. */
/** `priceTable`: the user's price setting as JSON, written into the query as a CASE over the region fields. */
export type PresetParameterKind = 'address' | 'seconds' | 'priceTable';

/** A value the user supplies when picking a preset. */
export interface PresetParameter {
  readonly name: string;
  readonly label: string;
  readonly kind: PresetParameterKind;
  /** Used when the caller gives no value (e.g. the flow log's capture window). */
  readonly defaultValue?: string;
  /** A valid value, shown as a placeholder and used to check the preset. */
  readonly example: string;
}

/** A named, editable query for one question about the traffic. */
export interface QueryPreset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The query with `{name}` placeholders for its parameters. */
  readonly query: string;
  readonly chart: ChartKind;
  readonly parameters: readonly PresetParameter[];
  /** The fields the query uses: offered only where the flow log's schema has them all. */
  readonly requires: readonly FlowLogFieldName[];
}

const WINDOW: PresetParameter = {
  name: 'window',
  get label() {
    return t('Bucket size in seconds (the flow log capture window: 600 or 60)');
  },
  kind: 'seconds',
  defaultValue: '600',
  example: '600',
};

/** The presets, in the order the picker shows them. Text is read through getters: the display language is configured after this module loads; `id` is what is kept. */
export const QUERY_PRESETS: readonly QueryPreset[] = [
  {
    id: 'top-talkers',
    get title() {
      return t('Top talkers by bytes');
    },
    get description() {
      return t('Source → destination pairs that moved the most bytes in the time range.');
    },
    query:
      '* | SELECT srcaddr, dstaddr, sum(bytes) AS total_bytes, sum(packets) AS total_packets\nFROM log\nGROUP BY srcaddr, dstaddr\nORDER BY total_bytes DESC\nLIMIT 20',
    chart: 'bar',
    parameters: [],
    requires: ['srcaddr', 'dstaddr', 'bytes', 'packets'],
  },
  {
    id: 'top-destination-ports',
    get title() {
      return t('Top destination ports');
    },
    get description() {
      return t('Destination ports (with protocol) carrying the most traffic.');
    },
    query:
      '* | SELECT dstport, protocol, sum(bytes) AS total_bytes, count(*) AS records\nFROM log\nGROUP BY dstport, protocol\nORDER BY total_bytes DESC\nLIMIT 20',
    chart: 'bar',
    parameters: [],
    requires: ['dstport', 'protocol', 'bytes'],
  },
  {
    id: 'protocol-mix',
    get title() {
      return t('Protocol mix');
    },
    get description() {
      return t('Share of bytes per IP protocol (6 TCP, 17 UDP, 1 ICMP).');
    },
    query: '* | SELECT protocol, sum(bytes) AS total_bytes, sum(packets) AS total_packets\nFROM log\nGROUP BY protocol\nORDER BY total_bytes DESC',
    chart: 'pie',
    parameters: [],
    requires: ['protocol', 'bytes', 'packets'],
  },
  {
    id: 'traffic-over-time',
    get title() {
      return t('Bytes and packets over time, in vs out');
    },
    get description() {
      return t('Inbound and outbound bytes and packets per capture window.');
    },
    query:
      '* | SELECT __time__ - __time__ % {window} AS window_start,\n' +
      "  sum(CASE WHEN direction = 'in' THEN bytes ELSE 0 END) AS bytes_in,\n" +
      "  sum(CASE WHEN direction = 'out' THEN bytes ELSE 0 END) AS bytes_out,\n" +
      "  sum(CASE WHEN direction = 'in' THEN packets ELSE 0 END) AS packets_in,\n" +
      "  sum(CASE WHEN direction = 'out' THEN packets ELSE 0 END) AS packets_out\n" +
      'FROM log\nGROUP BY window_start\nORDER BY window_start\nLIMIT 100000',
    chart: 'area',
    parameters: [WINDOW],
    requires: ['direction', 'bytes', 'packets'],
  },
  {
    id: 'region-pairs',
    get title() {
      return t('Traffic between region pairs');
    },
    get description() {
      return t('Bytes and packets for each source region → destination region pair (a traffic matrix).');
    },
    query:
      '* | SELECT "src-region-id", "dst-region-id", sum(bytes) AS total_bytes, sum(packets) AS total_packets\n' +
      'FROM log\nGROUP BY "src-region-id", "dst-region-id"\nORDER BY total_bytes DESC',
    chart: 'table',
    parameters: [],
    requires: ['src-region-id', 'dst-region-id', 'bytes', 'packets'],
  },
  {
    id: 'cost-by-region-pair',
    get title() {
      return t('Cost by region pair');
    },
    get description() {
      return t('Estimated transfer cost per source → destination region pair: captured bytes in GB (1024³ bytes) × your price per GB from the cenFlowLogs.cost.pricePerGB setting (empty until you fill it). An estimate from captured bytes, not a bill.');
    },
    query:
      '* | SELECT "src-region-id", "dst-region-id", sum(bytes) AS total_bytes,\n' +
      `  round(sum(bytes) / ${BYTES_PER_GB}.0, 3) AS gb,\n` +
      `  round(sum(bytes) / ${BYTES_PER_GB}.0 * {price}, 4) AS estimated_cost\n` +
      'FROM log\nGROUP BY "src-region-id", "dst-region-id"\nORDER BY total_bytes DESC',
    chart: 'table',
    parameters: [
      {
        name: 'price',
        get label() {
          return t('Price per GB by region pair (the cenFlowLogs.cost.pricePerGB setting, as JSON)');
        },
        kind: 'priceTable',
        defaultValue: '{}',
        example: '{"cn-hangzhou>cn-shanghai": 0.05, "*": 0.08}',
      },
    ],
    requires: ['src-region-id', 'dst-region-id', 'bytes'],
  },
  {
    id: 'rtt-percentiles',
    get title() {
      return t('Latency (rtt) percentiles per destination');
    },
    get description() {
      return t('Median, p90 and p99 round-trip time per destination address, slowest first.');
    },
    query:
      'log-status:OK | SELECT dstaddr,\n' +
      '  approx_percentile(rtt, 0.5) AS rtt_p50,\n  approx_percentile(rtt, 0.9) AS rtt_p90,\n  approx_percentile(rtt, 0.99) AS rtt_p99,\n' +
      '  count(*) AS records\n' +
      'FROM log\nGROUP BY dstaddr\nORDER BY rtt_p99 DESC\nLIMIT 50',
    chart: 'bar',
    parameters: [],
    requires: ['rtt', 'log-status', 'dstaddr'],
  },
  {
    id: 'log-status-health',
    get title() {
      return t('Log-status health over time');
    },
    get description() {
      return t('OK, NODATA and SKIPDATA records per capture window: are windows missing or skipped?');
    },
    query:
      '* | SELECT __time__ - __time__ % {window} AS window_start,\n' +
      `  count_if("log-status" = 'OK') AS ok,\n` +
      `  count_if("log-status" = 'NODATA') AS nodata,\n` +
      `  count_if("log-status" = 'SKIPDATA') AS skipdata\n` +
      'FROM log\nGROUP BY window_start\nORDER BY window_start\nLIMIT 100000',
    chart: 'line',
    parameters: [WINDOW],
    requires: ['log-status'],
  },
  {
    id: 'attachment-traffic',
    get title() {
      return t('Traffic per connection (attachment)');
    },
    get description() {
      return t('Bytes and packets per transit router connection (VPC, VPN, VBR, ECR or inter-region) and direction.');
    },
    query:
      '* | SELECT "attachment-id", direction, sum(bytes) AS total_bytes, sum(packets) AS total_packets\n' +
      'FROM log\nGROUP BY "attachment-id", direction\nORDER BY total_bytes DESC\nLIMIT 50',
    chart: 'bar',
    parameters: [],
    requires: ['attachment-id', 'direction', 'bytes', 'packets'],
  },
  {
    id: 'address-activity',
    get title() {
      return t('Everything about this IP');
    },
    get description() {
      return t('Every record to or from one address.');
    },
    query: 'srcaddr:{ip} or dstaddr:{ip}',
    chart: 'table',
    parameters: [
      {
        name: 'ip',
        get label() {
          return t('IP address (IPv4 or IPv6)');
        },
        kind: 'address',
        example: '10.0.0.1',
      },
    ],
    requires: ['srcaddr', 'dstaddr'],
  },
];

/** Whether a preset can run on a schema, and if not, which fields it needs. */
export type PresetAvailability = { readonly available: true } | { readonly available: false; readonly missing: readonly string[]; readonly reason: string };

/**
 * A preset is available when every field it requires is among `fields` (the target's schema);
 * without a schema (undefined) every preset is offered.
 */
export function presetAvailability(preset: QueryPreset, fields: readonly string[] | undefined): PresetAvailability {
  if (fields === undefined) return { available: true };
  const missing = preset.requires.filter((f) => !fields.includes(f));
  if (missing.length === 0) return { available: true };
  const olderOnly = missing.every((f) => fieldSpec(f)?.kind === 'rtt' || fieldSpec(f)?.kind === 'logStatus');
  const list = missing.join(', ');
  return {
    available: false,
    missing,
    reason: olderOnly
      ? t('Needs {0}, which only flow logs of the 2019 (per-CEN) form write.', list)
      : t("Needs {0}, which this flow log's records or its logstore's index do not have.", list),
  };
}

/** The preset with this id, if any. */
export function findPreset(id: string): QueryPreset | undefined {
  return QUERY_PRESETS.find((p) => p.id === id);
}

/** The filled-in query, or why a parameter was refused. */
export type RenderResult = { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string };

/** Fills a preset's parameters; values are validated and quoted for where they go. */
export function renderPreset(preset: QueryPreset, values: Readonly<Record<string, string>> = {}): RenderResult {
  let query = preset.query;
  for (const p of preset.parameters) {
    const raw = (values[p.name] ?? p.defaultValue ?? '').trim();
    const literal = parameterLiteral(p, raw);
    if (!literal.ok) return literal;
    query = query.split(`{${p.name}}`).join(literal.query);
  }
  return { ok: true, query };
}

function parameterLiteral(p: PresetParameter, raw: string): RenderResult {
  if (raw === '') return { ok: false, message: t('{0} is needed, e.g. {1}.', p.label, p.example) };
  switch (p.kind) {
    case 'seconds':
      return /^[1-9]\d{0,6}$/.test(raw) ? { ok: true, query: raw } : { ok: false, message: t('{0} must be a whole number of seconds, e.g. {1}; got "{2}".', p.label, p.example, raw.slice(0, 40)) };
    case 'address':
      return isIPv4(raw) || isIPv6(raw) ? { ok: true, query: searchValueLiteral(raw) } : { ok: false, message: t('{0}: "{1}" is not an IPv4 or IPv6 address.', p.label, raw.slice(0, 60)) };
    case 'priceTable':
      return priceTableLiteral(p, raw);
  }
}

/** The price setting (JSON) as a CASE expression; a key or price it cannot use refuses the preset with why. */
function priceTableLiteral(p: PresetParameter, raw: string): RenderResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, message: t('{0} must be a JSON object, e.g. {1}.', p.label, p.example) };
  }
  const { table, problems } = parsePriceTable(value);
  if (problems.length > 0) return { ok: false, message: `${p.label}: ${problems.map((x) => x.message).join(' ')}` };
  return { ok: true, query: priceCaseSql(table) };
}
