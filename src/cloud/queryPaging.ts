/**
 * How a query is fetched in pages: raw logs by `line`/`offset` (at most 100 a request), an
 * analytic statement by `LIMIT offset, size` pages (at most 10,000 a request, 1,000,000 in all),
 * the statement's own trailing LIMIT bounding the total. Shared by the client's queryPages and the
 * paged-fetch benchmark's strictly serial baseline, so both ask for the same pages.
 */
import type { QueryRequest } from './slsApi';

const MAX_RAW_PAGE = 100;
const MAX_SQL_PAGE = 10_000;
const MAX_SQL_ROWS = 1_000_000;

/** Splits off the analytic statement (first `|` outside quotes). */
export function analyticPart(query: string): { search: string; sql?: string } {
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') return { search: query.slice(0, i), sql: query.slice(i + 1) };
  }
  return { search: query };
}

/** A trailing top-level `LIMIT x` / `LIMIT y, x` of an SQL statement. */
export function trailingLimit(sql: string): { body: string; offset: number; count: number } | undefined {
  const m = /\blimit\s+(\d+)(?:\s*,\s*(\d+))?\s*$/i.exec(sql);
  if (!m) return undefined;
  return m[2] === undefined
    ? { body: sql.slice(0, m.index), offset: 0, count: Number(m[1]) }
    : { body: sql.slice(0, m.index), offset: Number(m[1]), count: Number(m[2]) };
}

export interface PagePlan {
  readonly pageSize: number;
  /** The first row's offset (an SQL `LIMIT offset, count` starts there). */
  readonly startOffset: number;
  /** Rows in all (Infinity: until a page comes back short). */
  readonly maxRows: number;
  /** The request for `size` rows from `offset`. */
  pageRequest(offset: number, size: number): QueryRequest;
}

export function planPages(req: QueryRequest, opts?: { readonly pageSize?: number; readonly maxRows?: number }): PagePlan {
  const { sql } = analyticPart(req.query);
  const maxRows = opts?.maxRows ?? Number.POSITIVE_INFINITY;
  if (sql === undefined) {
    return {
      pageSize: Math.max(1, Math.min(MAX_RAW_PAGE, opts?.pageSize ?? MAX_RAW_PAGE)),
      startOffset: req.offset ?? 0,
      maxRows,
      pageRequest: (offset, size) => ({ ...req, offset, line: size }),
    };
  }
  // The user's own LIMIT bounds the total; the pages replace it.
  const limit = trailingLimit(sql);
  const body = limit ? limit.body : sql;
  const startOffset = limit ? limit.offset : 0;
  const search = req.query.slice(0, req.query.length - sql.length - 1);
  return {
    pageSize: Math.max(1, Math.min(MAX_SQL_PAGE, opts?.pageSize ?? MAX_SQL_PAGE)),
    startOffset,
    maxRows: Math.min(maxRows, limit ? limit.count : Infinity, MAX_SQL_ROWS - startOffset),
    pageRequest: (offset, size) => ({ ...req, line: undefined, offset: undefined, query: `${search}| ${body.trim()} LIMIT ${offset}, ${size}` }),
  };
}
