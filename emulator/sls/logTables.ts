/**
 * The DuckDB database behind the emulator's logstores: one table per logstore holding flow-log
 * records (typed columns, plus an insertion-ordered row id for stable paging), loaded through
 * the appender in data chunks, and queried with results turned into SLS's all-strings rows.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowRow } from '../data/flowLogGenerator';
import { FLOW_LOG_COLUMNS, duckType, quoteIdent, type LogColumn } from '../sql/logSchema';
import { SLS_MACROS } from '../sql/slsFunctions';

/** Column order of every logstore table: row id, then the flow-log columns. */
export const TABLE_COLUMNS: readonly LogColumn[] = FLOW_LOG_COLUMNS;

const PAGE_CACHE_ENTRIES = 4;

/** The order `append` writes values in; checked against TABLE_COLUMNS so the two cannot drift. */
const APPEND_ORDER = [
  '__time__', '__source__', '__topic__', 'account-id', 'attachment-id', 'cen-id', 'src-region-id', 'dst-region-id', 'srcaddr', 'srcport',
  'dstaddr', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'direction', 'rtt', 'log-status',
];
if (APPEND_ORDER.join() !== TABLE_COLUMNS.map((c) => c.name).join()) {
  throw new Error('logTables: APPEND_ORDER does not match the table columns');
}

export interface QueryRows {
  readonly columns: readonly string[];
  readonly columnTypes: readonly string[];
  readonly rows: Record<string, string>[];
}

export class LogTables {
  private constructor(private readonly instance: DuckDBInstance) {}
  private readonly rowCounts = new Map<string, number>();
  private readonly pageCache = new Map<string, Promise<string>>();
  private readonly creating = new Map<string, Promise<void>>();
  private pageCacheSeq = 0;
  private closing = false;
  /** Open connections, and the work on them (connecting included) until it settles. */
  private readonly connections = new Set<DuckDBConnection>();
  private readonly inFlight = new Set<Promise<void>>();

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
    if (this.closing) throw new Error('the emulator is shutting down');
    const work = (async () => {
      const c = await this.instance.connect();
      this.connections.add(c);
      try {
        return await fn(c);
      } finally {
        this.connections.delete(c);
        c.closeSync();
      }
    })();
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return work;
  }

  /** Creates the logstore's table once; concurrent callers share the same creation. */
  createTable(table: string): Promise<void> {
    let creating = this.creating.get(table);
    if (!creating) {
      if (!this.rowCounts.has(table)) this.rowCounts.set(table, 0);
      const cols = TABLE_COLUMNS.map((c) => `${quoteIdent(c.name)} ${duckType(c.type)}`).join(', ');
      creating = this.withConnection(async (c) => {
        await c.run(`CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} ("__rid__" BIGINT, ${cols})`);
      });
      this.creating.set(table, creating);
    }
    return creating;
  }


  rowCount(table: string): number {
    return this.rowCounts.get(table) ?? 0;
  }

  /**
   * Appends rows (already in time order). DuckDB's CSV reader is the fastest way in from Node:
   * a week of records loads in seconds, where value-by-value appending took a minute.
   */
  async append(table: string, rows: readonly FlowRow[], written?: readonly string[]): Promise<void> {
    if (rows.length === 0) return;
    // Row ids are reserved before the first await, so appends may overlap (the caller generates
    // the next batch while DuckDB loads this one) and ids still follow call order.
    const created = this.createTable(table);
    let rid = this.rowCounts.get(table) ?? 0;
    this.rowCounts.set(table, rid + rows.length);
    // A field the flow log's LogFormatString leaves out is NULL: the record does not have it.
    const has = (name: string): boolean => written === undefined || written.includes(name);
    const w = {
      account: has('account-id'), attachment: has('attachment-id'), cen: has('cen-id'), srcRegion: has('src-region-id'), dstRegion: has('dst-region-id'),
      srcport: has('srcport'), dstport: has('dstport'), protocol: has('protocol'), packets: has('packets'), bytes: has('bytes'),
      start: has('start'), end: has('end'), direction: has('direction'), rtt: has('rtt'), logStatus: has('log-status'),
    };
    const n = (on: boolean, v: number | null): string | number => (!on || v === null ? '\\N' : v);
    const t = (on: boolean, v: string): string => (on ? v : '\\N');
    // One template literal per row keeps allocations (and GC time) low for a million rows.
    let text = '';
    for (const r of rows) {
      text +=
        `${rid++}\t${r.time}\t\t\t${t(w.account, r.accountId)}\t${t(w.attachment, r.attachmentId)}\t${t(w.cen, r.cenId)}\t${t(w.srcRegion, r.srcRegionId)}\t${t(w.dstRegion, r.dstRegionId)}\t` +
        `${r.srcaddr}\t${n(w.srcport, r.srcport)}\t${r.dstaddr}\t${n(w.dstport, r.dstport)}\t${n(w.protocol, r.protocol)}\t${n(w.packets, r.packets)}\t${n(w.bytes, r.bytes)}\t` +
        `${n(w.start, r.start)}\t${n(w.end, r.end)}\t${t(w.direction, r.direction)}\t${n(w.rtt, r.rtt)}\t${t(w.logStatus, r.logStatus)}\n`;
    }
    const file = join(tmpdir(), `sls-emulator-${process.pid}-${table}-${rid}.tsv`);
    await created;
    await writeFile(file, text);
    try {
      await this.withConnection((c) =>
        c.run(
          `COPY ${quoteIdent(table)} FROM '${file.replace(/'/g, "''")}' (FORMAT csv, DELIMITER '\t', HEADER false, NULLSTR '\\N', QUOTE '', ESCAPE '', AUTO_DETECT false)`,
        ),
      );
    } finally {
      await unlink(file).catch(() => undefined);
    }
  }

  async query(sql: string): Promise<QueryRows> {
    return this.withConnection(async (c) => toRows(await c.runAndReadAll(sql)));
  }

  /**
   * One page of a statement's result. The full ordered result is computed once and kept (a few
   * recent ones, keyed by the statement, which names the table and its row range), so paging
   * through a large result costs one evaluation, as with the service's own result cache.
   */
  async queryPage(sql: string, offset: number, count: number, version: string): Promise<QueryRows> {
    // New records change the answer: the version (table row count) is part of the key.
    const key = `${version}\n${sql}`;
    let entry = this.pageCache.get(key);
    if (!entry) {
      const name = `__page_cache_${++this.pageCacheSeq}`;
      entry = this.withConnection(async (c) => {
        await c.run(`CREATE TABLE ${quoteIdent(name)} AS ${sql}`);
        return name;
      });
      this.pageCache.set(key, entry);
      entry.catch(() => this.pageCache.delete(key));
      while (this.pageCache.size > PAGE_CACHE_ENTRIES) {
        const [oldestSql, oldest] = this.pageCache.entries().next().value as [string, Promise<string>];
        this.pageCache.delete(oldestSql);
        void oldest.then((t) => this.withConnection((c) => c.run(`DROP TABLE IF EXISTS ${quoteIdent(t)}`))).catch(() => undefined);
      }
    }
    const table = await entry;
    return this.query(`SELECT * FROM ${quoteIdent(table)} LIMIT ${count} OFFSET ${offset}`);
  }

  /** Closing the instance under a running query crashes the process (SIGSEGV): interrupt, wait, then close. */
  async close(): Promise<void> {
    this.closing = true;
    for (const c of this.connections) c.interrupt();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.instance.closeSync();
  }
}

function stringify(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** DuckDB type names as SLS (Presto) reports them in columnTypes. */
function prestoType(duck: string): string {
  const t = duck.toLowerCase();
  if (t.endsWith('[]')) return `array(${prestoType(t.slice(0, -2))})`;
  if (/^(hugeint|ubigint|uinteger|integer|smallint|tinyint|usmallint|utinyint|bigint)$/.test(t)) return 'bigint';
  if (/^(decimal|double|float|real)/.test(t)) return 'double';
  if (t.startsWith('timestamp')) return 'timestamp';
  if (t.startsWith('map')) return 'map';
  return t;
}

function toRows(reader: DuckDBResultReader): QueryRows {
  const columns = reader.columnNames();
  const columnTypes = reader.columnTypes().map((t) => prestoType(String(t)));
  const rows = reader.getRowsJson().map((values) => {
    const row: Record<string, string> = {};
    (values as unknown[]).forEach((v, i) => {
      row[columns[i]] = stringify(v);
    });
    return row;
  });
  return { columns, columnTypes, rows };
}
