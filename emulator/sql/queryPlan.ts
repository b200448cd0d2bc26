/**
 * One SLS query planned for DuckDB: the search statement becomes the WHERE of the `log`
 * relation (together with the [from, to) range), the optional analytic statement runs on it.
 */
import { QueryError, splitQuery } from './queryError';
import { LogSchema, quoteIdent } from './logSchema';
import { parseSearch } from './searchParser';
import { searchToSql } from './searchToSql';
import { translateSql, type TimeSeriesFill } from './sqlTranslator';

export type QueryPlan =
  | { readonly kind: 'search'; readonly where: string }
  | {
      readonly kind: 'sql';
      readonly where: string;
      readonly sql: string;
      readonly columnNames: readonly (string | undefined)[];
      readonly paged?: { readonly baseSql: string; readonly offset: number; readonly count: number };
      readonly timeSeries?: TimeSeriesFill;
    };

export function planQuery(query: string, schema: LogSchema): QueryPlan {
  const { search, sql, sqlOffset } = splitQuery(query);
  const where = searchToSql(parseSearch(search, 0, query), schema, query);
  if (sql === undefined) return { kind: 'search', where };
  const translated = translateSql(sql, sqlOffset, query, schema);
  return { kind: 'sql', where, sql: translated.sql, columnNames: translated.columnNames, paged: translated.paged, timeSeries: translated.timeSeries };
}

/** The `log` relation: indexed columns (typed by the index) of rows in [from, to) that match. */
export function logRelationSql(
  table: string,
  columns: readonly { name: string; select: string }[],
  from: number,
  to: number,
  where: string,
): string {
  const list = columns.map((c) => `${c.select} AS ${quoteIdent(c.name)}`).join(', ');
  return `SELECT ${list} FROM ${quoteIdent(table)} WHERE "__time__" >= ${Math.floor(from)} AND "__time__" < ${Math.floor(to)} AND (${where})`;
}

/** Puts the `log` relation in front of the user's statement (merging with its own WITH). */
export function withLogRelation(relation: string, sql: string): string {
  const m = /^\s*with\s/i.exec(sql);
  if (m) return `WITH log AS (${relation}), ${sql.slice(m[0].length)}`;
  return `WITH log AS (${relation}) ${sql}`;
}

export { QueryError };
