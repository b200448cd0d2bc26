/**
 * How a query is fetched in pages: raw logs by `line`/`offset` (at most 100 a request), an
 * analytic statement by `LIMIT offset, size` pages (at most 10,000 a request, 1,000,000 in all),
 * the statement's own trailing LIMIT bounding the total. Shared by the client's queryPages and the
 * paged-fetch benchmark's strictly serial baseline, so both ask for the same pages.
 */
import { queryShape } from '../query/queryShape';
import type { QueryRequest } from './slsApi';

const MAX_RAW_PAGE = 100;
const MAX_SQL_PAGE = 10_000;
const MAX_SQL_ROWS = 1_000_000;

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
  const { search, sql } = queryShape(req.query);
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
  const limit = sql.trailingLimit;
  const startOffset = limit ? limit.offset : 0;
  return {
    pageSize: Math.max(1, Math.min(MAX_SQL_PAGE, opts?.pageSize ?? MAX_SQL_PAGE)),
    startOffset,
    maxRows: Math.min(maxRows, limit ? limit.count : Infinity, MAX_SQL_ROWS - startOffset),
    pageRequest: (offset, size) => ({ ...req, line: undefined, offset: undefined, query: `${search}| ${sql.body} LIMIT ${offset}, ${size}` }),
  };
}
