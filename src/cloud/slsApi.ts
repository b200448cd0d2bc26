/**
 * The Log Service operations the extension needs, shaped for our domain.
 * Implemented over @alicloud/sls20201230 in slsClient.ts (it exposes x-log-progress, which
 * @alicloud/log drops).
 */
import { unpackRows, type PackedBatch } from '../results/packedRows';
import type { CallOptions } from './cenApi';

export interface SlsProject {
  readonly projectName: string;
  readonly region: string;
  readonly description: string;
  readonly createTime?: string;
}

export interface TimeRange {
  /** UNIX seconds, inclusive. */
  readonly from: number;
  /** UNIX seconds, exclusive. */
  readonly to: number;
}

export interface LogstoreRef {
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
}

export type QueryProgress = 'Complete' | 'Incomplete';

export interface QueryRequest extends LogstoreRef, TimeRange {
  readonly query: string;
  /** Search statements only: rows per page (≤ 100) and offset. Ignored for SQL. */
  readonly line?: number;
  readonly offset?: number;
  readonly reverse?: boolean;
}

/** One result row: its values in `columns` order; cells past the row's end are ''. */
export type ResultRow = readonly string[];

export interface QueryResult extends PackedBatch {
  /**
   * The rows as SLS returns them (all strings), in column order: built from `packed` on first
   * read (the cold paths — export, checks — read these; the workbench never does).
   */
  readonly rows: readonly ResultRow[];
  // packed: the same rows as the client reads them from the answer's bytes (src/results/packedRows.ts);
  // the workbench cuts them into the pages it posts, so the host makes no array per row or string per cell.
  /** Column order: SQL select order, or the fields seen for raw logs. */
  readonly columns: readonly string[];
  readonly progress: QueryProgress;
  readonly count: number;
  readonly hasSql: boolean;
  readonly requestId?: string;
  readonly elapsedMs?: number;
  readonly processedRows?: number;
}

export interface HistogramBucket {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly progress: QueryProgress;
}

export interface IndexField {
  readonly type: 'text' | 'long' | 'double' | 'json';
}

/** Options of SlsApi.query. */
export type QueryOptions = CallOptions & { onIncomplete?: (attempt: number) => void };

export interface SlsApi {
  listProjects(regionId: string, opts?: CallOptions): Promise<readonly SlsProject[]>;
  listLogStores(regionId: string, projectName: string, opts?: CallOptions): Promise<readonly string[]>;
  /** Index keys of a logstore (field → type), or undefined when it has no index. */
  getIndex(ref: LogstoreRef, opts?: CallOptions): Promise<Readonly<Record<string, IndexField>> | undefined>;
  /** Creates what is missing: project, logstore, and the flow-log index. Idempotent. */
  ensureFlowLogStore(ref: LogstoreRef, opts?: CallOptions & { projectDescription?: string }): Promise<void>;
  /** Runs one query, repeating while the service answers Incomplete (bounded), honouring cancel. */
  query(req: QueryRequest, opts?: QueryOptions): Promise<QueryResult>;
  /**
   * Streams a large result page by page: raw logs by line/offset, SQL by LIMIT pages.
   * `maxRows` bounds the total; `concurrency` bounds parallel page requests.
   */
  queryPages(
    req: QueryRequest,
    opts?: CallOptions & { pageSize?: number; maxRows?: number; concurrency?: number },
  ): AsyncIterable<QueryResult>;
  histogram(req: Omit<QueryRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]>;
}

/** A QueryResult whose `rows` are unpacked from `packed` when first read. */
export function packedQueryResult(fields: Omit<QueryResult, 'rows'>): QueryResult {
  let unpacked: readonly ResultRow[] | undefined;
  return {
    ...fields,
    get rows(): readonly ResultRow[] {
      return (unpacked ??= unpackRows(fields.packed));
    },
  };
}

/** Rows as field → value maps, for the cold paths (export, checks) that want names. */
export function recordsOf(result: Pick<QueryResult, 'columns' | 'rows'>): Record<string, string>[] {
  const { columns, rows } = result;
  return rows.map((row) => {
    const record: Record<string, string> = {};
    for (let c = 0; c < columns.length; c++) record[columns[c]] = row[c] ?? '';
    return record;
  });
}
