/**
 * How a grid value is shown: the raw value stays primary; a human-readable hint goes beside it
 * (bytes → "1.2 MB", protocol 6 → "TCP", UNIX seconds → local time, region id → its name,
 * log-status → what it says of the window, attachment id → its attachment's name where the
 * target knows it), and
 * addresses, ports and regions are clickable to filter the query. Kinds come from the catalog.
 */
import { fieldSpec, logStatusMeaning, LOG_STATUSES, PROTOCOL_NAMES, regionName, type FieldKind } from '../../src/flowlogs/catalog';
import { displayFormat, t } from '../l10n';

/** attachment-id → its attachment's name, from the panel's target (where the host knows it). */
let attachmentNames: ReadonlyMap<string, string> = new Map();

/** Set once per init: the names the grid shows beside attachment ids. */
export function setAttachmentNames(names: Readonly<Record<string, string>> | undefined): void {
  attachmentNames = new Map(Object.entries(names ?? {}));
}

export interface CellPresentation {
  /** Secondary text shown dimmed beside the raw value, if any. */
  readonly hint?: string;
  /** Field to filter on when the value is clicked (only for addresses, ports, regions…). */
  readonly filterField?: string;
  /** Numbers align right. */
  readonly numeric: boolean;
}

/** The catalog kind of a result column; SQL aliases fall back to a name-based guess. */
export function columnKind(column: string): FieldKind | undefined {
  const spec = fieldSpec(column);
  if (spec) return spec.kind;
  if (column === '__time__') return 'time';
  const lower = column.toLowerCase();
  if (/(^|_)bytes($|_)/.test(lower)) return 'bytes';
  return undefined;
}

const FILTERABLE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['ip', 'port', 'region', 'protocol', 'direction', 'logStatus']);

export function presentCell(column: string, value: string, kind: FieldKind | undefined = columnKind(column)): CellPresentation {
  const numeric = value !== '' && /^-?\d+(\.\d+)?$/.test(value);
  const field = filterFieldOf(column, kind);
  return { hint: hintFor(kind, value), filterField: field !== undefined && value !== '' ? field : undefined, numeric };
}

/** Only columns that are catalog fields can be filtered by name (aliases are not searchable). */
function filterFieldOf(column: string, kind: FieldKind | undefined): string | undefined {
  return kind && FILTERABLE_KINDS.has(kind) && fieldSpec(column) ? column : undefined;
}

/**
 * presentCell decided once per column, for the grid's hot paths (a screen of rows per scroll
 * frame, every row when filtering): the kind and filter field are looked up once, and hints are
 * remembered per value (times and regions repeat a lot; a time hint costs a Date).
 */
export interface ColumnPresenter {
  readonly kind: FieldKind | undefined;
  /** The field a non-empty value filters on, if the column is filterable. */
  readonly filterField: string | undefined;
  /** Undefined when the column never has hints. */
  readonly hint: ((value: string) => string | undefined) | undefined;
}

/** Remembered hints per column; past this many distinct values new ones are computed each time. */
const HINT_CACHE_LIMIT = 20_000;

export function columnPresenter(column: string): ColumnPresenter {
  const kind = columnKind(column);
  const filterField = filterFieldOf(column, kind);
  if (!hasHints(kind)) return { kind, filterField, hint: undefined };
  const cache = new Map<string, string | undefined>();
  const hint = (value: string): string | undefined => {
    const known = cache.get(value);
    if (known !== undefined || cache.has(value)) return known;
    const h = hintFor(kind, value);
    if (cache.size < HINT_CACHE_LIMIT) cache.set(value, h);
    return h;
  };
  return { kind, filterField, hint };
}

function hasHints(kind: FieldKind | undefined): boolean {
  return kind === 'bytes' || kind === 'protocol' || kind === 'time' || kind === 'region' || kind === 'logStatus' || (kind === 'attachment' && attachmentNames.size > 0);
}

function hintFor(kind: FieldKind | undefined, value: string): string | undefined {
  if (!kind || value === '') return undefined;
  switch (kind) {
    case 'bytes': {
      const n = Number(value);
      return Number.isFinite(n) && n >= 1024 ? formatBytes(n) : undefined;
    }
    case 'protocol':
      return PROTOCOL_NAMES[value];
    case 'time': {
      const n = Number(value);
      return Number.isFinite(n) && n > 0 ? formatUnixSeconds(n) : undefined;
    }
    case 'region': {
      const name = regionName(value);
      return name === value ? undefined : name;
    }
    case 'attachment':
      return attachmentNames.get(value);
    case 'logStatus': {
      const status = LOG_STATUSES.find((x) => x === value);
      return status ? logStatusMeaning(status) : undefined;
    }
    case 'rtt':
    case 'account':
    case 'cen':
    case 'ip':
    case 'port':
    case 'direction':
    case 'count':
      return undefined;
  }
}

/** Binary multiples with one decimal below 10 (e.g. 1536 → "1.5 KB", 1048576 → "1.0 MB"), digits in the display language. */
export function formatBytes(n: number): string {
  return displayFormat().bytes(n);
}

/** UNIX seconds as "YYYY-MM-DD HH:MM:SS" in local time. */
export function formatUnixSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Compact counts for the status line (1234567 → "1,234,567"). */
export function formatCount(n: number): string {
  return displayFormat().count(n);
}

/** Elapsed milliseconds as "850 ms" or "2.4 s". */
export function formatElapsed(ms: number): string {
  const f = displayFormat();
  return ms < 1000 ? t('{0} ms', f.count(Math.round(ms))) : t('{0} s', f.decimal(ms / 1000, 1, true));
}
