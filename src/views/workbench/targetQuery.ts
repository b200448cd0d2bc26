/**
 * The seam a panel's queries go through, whatever its target (targetQueries.ts builds one): the
 * query runner and the export ask it for results and never look at where the records are.
 */
import type { CallOptions } from '../../cloud/cenApi';
import type { HistogramBucket, LogstoreRef, QueryOptions, QueryRequest, QueryResult } from '../../cloud/slsApi';
import type { CountingNote, FlowLogShortfall } from '../../protocol/messages';

/** A query request without the logstore: the target decides where it runs. */
export type TargetRequest = Omit<QueryRequest, keyof LogstoreRef>;

export interface TargetResult extends QueryResult {
  /** Flow logs of a CEN that failed or answered Incomplete; empty for a logstore. */
  readonly shortfalls: readonly FlowLogShortfall[];
  /** Nothing follows these rows (a merged answer that cannot be paged further). */
  readonly exhaustive?: boolean;
  /** A CEN: how traffic several flow logs captured is counted. */
  readonly counting?: CountingNote;
}

export type PagesOptions = CallOptions & { pageSize?: number; maxRows?: number; concurrency?: number };

export interface TargetQueries {
  query(req: TargetRequest, opts?: QueryOptions): Promise<TargetResult>;
  queryPages(req: TargetRequest, opts?: PagesOptions): AsyncIterable<TargetResult>;
  histogram(req: Omit<TargetRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]>;
  /** An analytic statement over `range` is coming (one is being typed): fetch ahead what it will need. Never rejects. */
  prepare?(range: { readonly from: number; readonly to: number }): Promise<void>;
}


/** A result with its shortfalls; the rows stay lazy (reading them would unpack every page). */
export function targetResult(r: QueryResult, shortfalls: readonly FlowLogShortfall[], exhaustive?: boolean, counting?: CountingNote): TargetResult {
  return {
    columns: r.columns,
    packed: r.packed,
    ...(r.asciiText ? { asciiText: r.asciiText } : {}),
    progress: r.progress,
    count: r.count,
    hasSql: r.hasSql,
    ...(r.requestId !== undefined ? { requestId: r.requestId } : {}),
    ...(r.elapsedMs !== undefined ? { elapsedMs: r.elapsedMs } : {}),
    ...(r.processedRows !== undefined ? { processedRows: r.processedRows } : {}),
    get rows() {
      return r.rows;
    },
    shortfalls,
    ...(exhaustive !== undefined ? { exhaustive } : {}),
    ...(counting ? { counting } : {}),
  };
}
