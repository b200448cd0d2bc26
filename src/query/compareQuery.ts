/**
 * What a before/after compare asks Log Service: one aggregation per range, grouped by the chosen
 * dimension (source or destination address, region pair, destination port), and the search that
 * opens the records behind one row. Statements that decompose (sum, count, group by), so a CEN's
 * merged engine can run them over several logstores exactly.
 */
import { t } from '@vscode/l10n';
import { needsSqlQuoting, PROTOCOL_NAMES } from '../flowlogs/catalog';
import type { MeasuredRow } from './compare';
import { searchFieldName, searchValueLiteral } from './searchLiteral';

export type CompareDimension = 'source' | 'destination' | 'regionPair' | 'port';

export interface CompareDimensionInfo {
  readonly id: CompareDimension;
  readonly label: string;
  /** Column headings of the key, one per key field. */
  readonly keyLabels: readonly string[];
  /** The fields grouped by, in key order. */
  readonly keyFields: readonly string[];
}

export const COMPARE_DIMENSIONS: readonly CompareDimensionInfo[] = [
  // Labels are getters: read in the display language the host configured, not at import.
  { id: 'source', get label() { return t('Source address (talker)'); }, get keyLabels() { return [t('Source')]; }, keyFields: ['srcaddr'] },
  { id: 'destination', get label() { return t('Destination address'); }, get keyLabels() { return [t('Destination')]; }, keyFields: ['dstaddr'] },
  { id: 'regionPair', get label() { return t('Region pair'); }, get keyLabels() { return [t('Source region'), t('Destination region')]; }, keyFields: ['src-region-id', 'dst-region-id'] },
  { id: 'port', get label() { return t('Destination port'); }, get keyLabels() { return [t('Port'), t('Protocol')]; }, keyFields: ['dstport', 'protocol'] },
];

/** Rows asked for per range; an answer this long may have left keys out (the view says so). */
export const COMPARE_ROW_LIMIT = 5000;

export function dimensionInfo(id: CompareDimension): CompareDimensionInfo {
  const info = COMPARE_DIMENSIONS.find((d) => d.id === id);
  if (!info) throw new RangeError(t('unknown compare dimension {0}', String(id)));
  return info;
}

/** Why a dimension cannot run on a target with these fields, or undefined when it can. */
export function dimensionUnavailable(id: CompareDimension, fields: readonly string[]): string | undefined {
  const missing = [...dimensionInfo(id).keyFields, 'bytes'].filter((f) => !fields.includes(f));
  if (missing.length === 0) return undefined;
  const by = dimensionInfo(id).label.toLowerCase();
  return missing.length === 1
    ? t("This flow log's records do not carry {0} (its log format leaves it out), so it cannot be compared by {1}.", missing[0], by)
    : t("This flow log's records do not carry {0} (its log format leaves them out), so it cannot be compared by {1}.", missing.join(', '), by);
}

function sqlName(field: string): string {
  return needsSqlQuoting(field) ? `"${field}"` : field;
}

/** The aggregation: key columns k0…, then total_bytes and record_count, biggest first. */
export function compareSql(id: CompareDimension, limit = COMPARE_ROW_LIMIT): string {
  const keys = dimensionInfo(id).keyFields.map(sqlName);
  const select = keys.map((k, i) => `${k} AS k${i}`).join(', ');
  return `* | SELECT ${select}, sum(bytes) AS total_bytes, count(*) AS record_count GROUP BY ${keys.join(', ')} ORDER BY total_bytes DESC LIMIT ${limit}`;
}

export type MeasuredRowsResult = { readonly ok: true; readonly rows: MeasuredRow[] } | { readonly ok: false; readonly message: string };

/** The answer's rows as measured rows; a column missing or a value not a number is a clear error. */
export function measuredRows(id: CompareDimension, columns: readonly string[], rows: readonly (readonly string[])[]): MeasuredRowsResult {
  const keyCount = dimensionInfo(id).keyFields.length;
  const keyAt = Array.from({ length: keyCount }, (_, i) => columns.indexOf(`k${i}`));
  const bytesAt = columns.indexOf('total_bytes');
  const countAt = columns.indexOf('record_count');
  if (keyAt.some((i) => i < 0) || bytesAt < 0 || countAt < 0) return { ok: false, message: columns.length > 0 ? t("The answer lacks the compare's columns (it has {0}).", columns.join(', ')) : t("The answer lacks the compare's columns (it has none).") };
  const out: MeasuredRow[] = [];
  for (const row of rows) {
    const bytes = numberCell(row[bytesAt]);
    const records = numberCell(row[countAt]);
    if (bytes === undefined || records === undefined) return { ok: false, message: t('The answer has a total that is not a number ({0}, {1}).', row[bytesAt] ?? '', row[countAt] ?? '') };
    out.push({ key: keyAt.map((i) => row[i] ?? ''), bytes, records });
  }
  return { ok: true, rows: out };
}

/** SLS writes sums as text, "null" for a sum over nothing. */
function numberCell(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text === 'null') return 0;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A key for people: region pairs with an arrow, ports with their protocol's name. */
export function keyLabel(id: CompareDimension, key: readonly string[]): string {
  switch (id) {
    case 'source':
    case 'destination':
      return key[0] ?? '';
    case 'regionPair':
      return `${key[0] ?? ''} → ${key[1] ?? ''}`;
    case 'port':
      return `${key[0] ?? ''}/${PROTOCOL_NAMES[key[1] ?? ''] ?? key[1] ?? ''}`;
  }
}

/** The search statement for the records behind one row (null keys — "null" or "-" — match records without the field). */
export function rowRecordsQuery(id: CompareDimension, key: readonly string[]): string {
  const terms = dimensionInfo(id).keyFields.map((field, i) => {
    const value = key[i] ?? '';
    return value === '' || value === 'null' || value === '-' ? `not ${searchFieldName(field)}:*` : `${searchFieldName(field)}:${searchValueLiteral(value)}`;
  });
  return terms.join(' and ');
}
