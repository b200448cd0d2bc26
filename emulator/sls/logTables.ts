/**
 * The DuckDB database behind the emulator's logstores: one table per logstore holding flow-log
 * records (typed columns, plus an insertion-ordered row id for stable paging), loaded through
 * the appender in data chunks, and queried with results turned into SLS's all-strings rows.
 */
import {
  BIGINT,
  DuckDBDataChunk,
  DuckDBInstance,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBResultReader,
} from '@duckdb/node-api';
import type { FlowRow } from '../data/flowLogGenerator';
import { FLOW_LOG_COLUMNS, duckType, quoteIdent, type LogColumn } from '../sql/logSchema';
import { SLS_MACROS } from '../sql/slsFunctions';

/** Column order of every logstore table: row id, then the flow-log columns. */
export const TABLE_COLUMNS: readonly LogColumn[] = FLOW_LOG_COLUMNS;

const CHUNK_ROWS = 2048;

type RowValue = bigint | string | null;
const VALUE_OF: Readonly<Record<string, (r: FlowRow) => number | string | null>> = {
  __time__: (r) => r.time,
  __source__: () => '',
  __topic__: () => '',
  'account-id': (r) => r.accountId,
  'cen-id': (r) => r.cenId,
  srcaddr: (r) => r.srcaddr,
  srcport: (r) => r.srcport,
  dstaddr: (r) => r.dstaddr,
  dstport: (r) => r.dstport,
  protocol: (r) => r.protocol,
  direction: (r) => r.direction,
  packets: (r) => r.packets,
  bytes: (r) => r.bytes,
  rtt: (r) => r.rtt,
  start: (r) => r.start,
  end: (r) => r.end,
  'log-status': (r) => r.logStatus,
  'attachment-id': (r) => r.attachmentId,
  'src-region-id': (r) => r.srcRegionId,
  'dst-region-id': (r) => r.dstRegionId,
};

export interface QueryRows {
  readonly columns: readonly string[];
  readonly columnTypes: readonly string[];
  readonly rows: Record<string, string>[];
}

export class LogTables {
  private constructor(private readonly instance: DuckDBInstance) {}
  private readonly rowCounts = new Map<string, number>();

  static async open(): Promise<LogTables> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const tables = new LogTables(instance);
    const c = await instance.connect();
    try {
      // Presto divides integers as integers; DuckDB would return a double.
      await c.run('SET GLOBAL integer_division = true');
      await c.run("SET GLOBAL TimeZone = 'UTC'").catch(() => undefined);
      for (const m of SLS_MACROS) await c.run(m);
    } finally {
      c.closeSync();
    }
    return tables;
  }

  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.instance.connect();
    try {
      return await fn(c);
    } finally {
      c.closeSync();
    }
  }

  async createTable(table: string): Promise<void> {
    if (this.rowCounts.has(table)) return;
    this.rowCounts.set(table, 0);
    const cols = TABLE_COLUMNS.map((c) => `${quoteIdent(c.name)} ${duckType(c.type)}`).join(', ');
    await this.withConnection((c) => c.run(`CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} ("__rid__" BIGINT, ${cols})`));
  }

  rowCount(table: string): number {
    return this.rowCounts.get(table) ?? 0;
  }

  /** Appends rows (already in time order) in data chunks — far faster than row-wise inserts. */
  async append(table: string, rows: readonly FlowRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.createTable(table);
    let rid = this.rowCounts.get(table) ?? 0;
    const types: DuckDBType[] = [BIGINT, ...TABLE_COLUMNS.map((c) => (c.type === 'text' ? VARCHAR : BIGINT))];
    await this.withConnection(async (c) => {
      const appender = await c.createAppender(table);
      for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
        const slice = rows.slice(at, at + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, slice.length);
        const ids: RowValue[] = slice.map((_, i) => BigInt(rid + i));
        chunk.setColumnValues(0, ids);
        TABLE_COLUMNS.forEach((col, ci) => {
          const get = VALUE_OF[col.name];
          const values: RowValue[] = slice.map((r) => {
            const v = get(r);
            if (v === null) return null;
            return col.type === 'text' ? String(v) : BigInt(v);
          });
          chunk.setColumnValues(ci + 1, values);
        });
        appender.appendDataChunk(chunk);
        rid += slice.length;
      }
      appender.closeSync();
    });
    this.rowCounts.set(table, rid);
  }

  async query(sql: string): Promise<QueryRows> {
    return this.withConnection(async (c) => toRows(await c.runAndReadAll(sql)));
  }

  async close(): Promise<void> {
    this.instance.closeSync();
  }
}

function stringify(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function toRows(reader: DuckDBResultReader): QueryRows {
  const columns = reader.columnNames();
  const columnTypes = reader.columnTypes().map((t) => String(t).toLowerCase());
  const rows = reader.getRowsJson().map((values) => {
    const row: Record<string, string> = {};
    (values as unknown[]).forEach((v, i) => {
      row[columns[i]] = stringify(v);
    });
    return row;
  });
  return { columns, columnTypes, rows };
}
