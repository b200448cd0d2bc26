/**
 * Field facets: the statements that ask Log Service for one field's top values (count and bytes)
 * and, for numeric fields, its min / max / percentiles over the whole range — never the loaded
 * rows — and the reading of their answers. Pure; the search part of the user's query is kept, its
 * SQL part is not (facets describe the records the search matches).
 */
import { queryShape } from './queryShape';

/** Values a facet lists. */
export const FACET_TOP = 10;

/** The percentiles a numeric facet shows. */
export const FACET_PERCENTILES = [0.5, 0.9, 0.99] as const;

export interface FacetRequestField {
  readonly name: string;
  /** Indexed as long/double: min/max/percentiles are asked for too, and filters write the number bare. */
  readonly numeric: boolean;
}

export interface FacetValue {
  /** The value as the service returned it; undefined for records without the field (null). */
  readonly value: string | undefined;
  readonly count: number;
  /** Sum of the records' bytes; undefined when the logstore has no bytes field. */
  readonly bytes?: number;
}

export interface FacetStats {
  readonly min?: number;
  readonly max?: number;
  /** By percentile (0.5, 0.9, 0.99). */
  readonly percentiles: readonly { readonly p: number; readonly value?: number }[];
}

/** A column name in SLS SQL: always double-quoted, so hyphenated names (`"log-status"`) work. */
export function sqlColumn(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The search the facet statements start with: the query's search part, `*` when empty. */
export function facetSearch(query: string): string {
  return queryShape(query).search.trim() || '*';
}

/**
 * `search | select "f" as facet_value, count(*) as records, sum(bytes) as total_bytes group by "f"
 * order by records desc limit 10`; ties broken by value so the answer is stable.
 */
export function facetValuesStatement(query: string, field: string, options: { readonly withBytes: boolean; readonly top?: number }): string {
  const col = sqlColumn(field);
  const bytes = options.withBytes ? `, sum(${sqlColumn('bytes')}) as total_bytes` : '';
  const top = Math.max(1, Math.floor(options.top ?? FACET_TOP));
  return `${facetSearch(query)} | select ${col} as facet_value, count(*) as records${bytes} group by ${col} order by records desc, facet_value limit ${top}`;
}

/** min, max and approximate percentiles of a numeric field over the records the search matches. */
export function facetStatsStatement(query: string, field: string, options: { readonly percentiles?: boolean } = {}): string {
  const col = sqlColumn(field);
  const percentiles = options.percentiles === false ? '' : `, ${FACET_PERCENTILES.map((p) => `approx_percentile(${col}, ${p}) as ${percentileAlias(p)}`).join(', ')}`;
  return `${facetSearch(query)} | select min(${col}) as min_value, max(${col}) as max_value${percentiles}`;
}

function percentileAlias(p: number): string {
  // 0.5 → p50, 0.99 → p99 (rounded first: 0.9 * 100 is 90.00000000000001).
  return `p${String(Math.round(p * 1000) / 10).replace('.', '_')}`;
}

type AnswerRow = Readonly<Record<string, string | undefined>>;

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text.toLowerCase() === 'null') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the answer of facetValuesStatement (SLS sends every value as text, null as "null"). */
export function readFacetValues(rows: readonly AnswerRow[]): FacetValue[] {
  return rows.map((r) => {
    const raw = r.facet_value;
    const value = raw === undefined || raw === 'null' ? undefined : raw;
    const bytes = numberOf(r.total_bytes);
    return { value, count: numberOf(r.records) ?? 0, ...(bytes !== undefined ? { bytes } : {}) };
  });
}

/** Reads the answer of facetStatsStatement. */
export function readFacetStats(rows: readonly AnswerRow[]): FacetStats {
  const r = rows[0] ?? {};
  return {
    min: numberOf(r.min_value),
    max: numberOf(r.max_value),
    // Absent from a CEN's answer (not asked: approximate percentiles do not merge).
    percentiles: FACET_PERCENTILES.filter((p) => percentileAlias(p) in r).map((p) => ({ p, value: numberOf(r[percentileAlias(p)]) })),
  };
}
