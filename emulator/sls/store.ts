/**
 * SLS state: projects (per account and region), logstores, indexes, and the flow-log records
 * behind them. Records come from the deterministic generator for every flow log the CEN store
 * knows: history when the demo is seeded, then new capture windows as wall-clock time passes
 * (checked before every query), only while the flow log is Active.
 */
import type { AccountRegistry } from '../accounts';
import type { FlowLogSource, FlowLogView } from '../storeSeams';
import { flowLogIndexKeys } from '../../src/flowlogs/catalog';
import { buildTopology, generateWindow, windowStarts, type FlowLogGeneratorInput, type FlowLogTopology, type FlowRow } from '../data/flowLogGenerator';
import type { TrafficShift } from '../data/trafficShift';
import { LogTables, type QueryRows } from './logTables';
import { LogSchema, RESERVED_COLUMNS, quoteIdent, type ColumnType, type LogColumn } from '../sql/logSchema';
import { TABLE_COLUMNS } from './logTables';
import { logRelationSql, planQuery, withLogRelation } from '../sql/queryPlan';
import { QueryError } from '../sql/queryError';
import type { TimeSeriesFill } from '../sql/sqlTranslator';
import { errorText } from '../../src/errorText';

export interface SlsStoreOptions {
  seed: number;
  now: () => number;
  accounts: AccountRegistry;
  historyDays: number;
  log: (line: string) => void;
  /** Mean generated records per hour per flow log (default: the generator's). */
  recordsPerHour?: number;
  /** The CEN side: the flow logs whose records this store writes. */
  flowLogs?: FlowLogSource;
}

export interface IndexKeyConfig {
  type: ColumnType | 'json';
  doc_value?: boolean;
  caseSensitive?: boolean;
  chn?: boolean;
  token?: string[];
  alias?: string;
}

export interface IndexConfig {
  keys: Record<string, IndexKeyConfig>;
  line?: Record<string, unknown>;
  lastModifyTime: number;
}

export interface Logstore {
  readonly name: string;
  readonly ttl: number;
  readonly shardCount: number;
  readonly createTime: number;
  readonly table: string;
  index?: IndexConfig;
  /** The fields the flow log feeding it writes (its LogFormatString); undefined = every column. */
  written?: readonly string[];
}

export interface Project {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly description: string;
  readonly createTime: number;
  readonly logstores: Map<string, Logstore>;
}

export type SlsResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string; status: number };

export interface QueryInput {
  readonly from: number;
  readonly to: number;
  readonly query: string;
  readonly line?: number;
  readonly offset?: number;
  readonly reverse?: boolean;
}

export interface QueryAnswer extends QueryRows {
  readonly hasSql: boolean;
  readonly processedRows: number;
  readonly elapsedMs: number;
  readonly whereQuery: string;
  readonly aggQuery: string;
}

interface Feed {
  topology: FlowLogTopology;
  /** Windows ending at or before this (UNIX seconds) have been written or deliberately skipped. */
  doneUntil: number;
  readonly projectName: string;
  readonly logStoreName: string;
}

/** What the SLS side reads of a CEN flow log to generate its records. */
export type FeedSource = Pick<FlowLogView, 'flowLogId' | 'cenId' | 'accountId' | 'interval' | 'regionId' | 'projectName' | 'logStoreName' | 'logFormatString' | 'transitRouterId' | 'olderForm' | 'attachment' | 'routerAttachments'>;

/** The generator's input for a flow log: its form, router, attachment and format. */
export function generatorInput(fl: FeedSource, seed: number, regions: readonly string[], recordsPerHour?: number, shift?: TrafficShift): FlowLogGeneratorInput {
  return {
    seed,
    flowLogId: fl.flowLogId,
    cenId: fl.cenId,
    accountId: fl.accountId,
    regions,
    interval: fl.interval,
    recordsPerHour,
    regionId: fl.regionId,
    transitRouterId: fl.transitRouterId || undefined,
    attachment: fl.attachment ? { id: fl.attachment.id, type: fl.attachment.type, peerRegionId: fl.attachment.resourceRegionId } : undefined,
    routerAttachments: fl.routerAttachments?.map((r) => ({ id: r.id, type: r.type, peerRegionId: r.resourceRegionId })),
    logFormatString: fl.logFormatString,
    olderForm: fl.olderForm,
    shift,
  };
}

export const DEFAULT_REGION = 'cn-hangzhou';
const PROJECT_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const LOGSTORE_NAME = /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;

/** The index a flow log's logstore gets: keys for the fields it writes (default: today's catalog). */
export function flowLogIndexConfig(now: number, fields?: readonly string[]): IndexConfig {
  const keys: Record<string, IndexKeyConfig> = {};
  for (const [name, k] of Object.entries(flowLogIndexKeys(fields))) {
    keys[name] = k.type === 'text' ? { type: 'text', doc_value: true, caseSensitive: false, chn: false, token: [...DEFAULT_TOKENS] } : { type: k.type, doc_value: true };
  }
  return { keys, line: { token: [...DEFAULT_TOKENS], caseSensitive: false, chn: false }, lastModifyTime: Math.floor(now / 1000) };
}

export const DEFAULT_TOKENS = [',', ' ', "'", '"', ';', '=', '(', ')', '[', ']', '{', '}', '?', '@', '&', '<', '>', '/', ':', '\n', '\t', '\r'];

export class SlsStore {
  readonly cen?: FlowLogSource;
  readonly projects = new Map<string, Project>();
  private tablesPromise?: Promise<LogTables>;
  private readonly feeds = new Map<string, Feed>();
  private tableSeq = 0;
  /** Serialises generation so two queries never append the same window twice. */
  private refreshing: Promise<void> = Promise.resolve();
  private lastRefreshSecond = -1;

  constructor(readonly options: SlsStoreOptions) {
    this.cen = options.flowLogs;
  }

  private tables(): Promise<LogTables> {
    this.tablesPromise ??= LogTables.open();
    return this.tablesPromise;
  }

  private nowSeconds(): number {
    return Math.floor(this.options.now() / 1000);
  }

  // ---- projects and logstores -----------------------------------------------------------

  createProject(accountId: string, name: string, region: string, description: string): SlsResult<Project> {
    if (!PROJECT_NAME.test(name)) {
      return { ok: false, status: 400, code: 'ParameterInvalid', message: `project name '${name}' is invalid: 3-63 lower-case letters, digits and hyphens` };
    }
    if (this.projects.has(name)) {
      return { ok: false, status: 400, code: 'ProjectAlreadyExist', message: `Project ${name} already exist` };
    }
    const project: Project = { name, accountId, region, description, createTime: this.nowSeconds(), logstores: new Map() };
    this.projects.set(name, project);
    return { ok: true, value: project };
  }

  /** The caller's project, or the error SLS gives (another account's project is not yours to see). */
  projectOf(accountId: string, name: string): SlsResult<Project> {
    const p = this.projects.get(name);
    if (!p) return { ok: false, status: 404, code: 'ProjectNotExist', message: `Project ${name} does not exist` };
    if (p.accountId !== accountId) {
      return { ok: false, status: 401, code: 'Unauthorized', message: `You are not authorized to access project ${name}` };
    }
    return { ok: true, value: p };
  }

  createLogstore(project: Project, name: string, ttl = 30, shardCount = 2): SlsResult<Logstore> {
    if (!LOGSTORE_NAME.test(name)) {
      return { ok: false, status: 400, code: 'ParameterInvalid', message: `logstore name '${name}' is invalid: 3-63 lower-case letters, digits, '-' and '_'` };
    }
    if (project.logstores.has(name)) {
      return { ok: false, status: 400, code: 'LogStoreAlreadyExist', message: `logstore ${name} already exists` };
    }
    const ls: Logstore = { name, ttl, shardCount, createTime: this.nowSeconds(), table: `ls_${++this.tableSeq}` };
    project.logstores.set(name, ls);
    return { ok: true, value: ls };
  }

  logstoreOf(project: Project, name: string): SlsResult<Logstore> {
    const ls = project.logstores.get(name);
    if (!ls) return { ok: false, status: 404, code: 'LogStoreNotExist', message: `logstore ${name} does not exist` };
    return { ok: true, value: ls };
  }

  /** What CreateFlowlog does on the SLS side: project, logstore and flow-log index, as needed. */
  ensureProjectAndLogstore(
    accountId: string,
    regionId: string,
    projectName: string,
    logStoreName: string,
    fields?: readonly string[],
  ): { ok: true } | { ok: false; code: string; message: string } {
    let project = this.projects.get(projectName);
    if (project && project.accountId !== accountId) {
      return { ok: false, code: 'SourceProjectNotExist', message: `The project ${projectName} does not exist in your account.` };
    }
    if (!project) {
      const created = this.createProject(accountId, projectName, regionId, 'Created for CEN flow logs');
      if (!created.ok) return { ok: false, code: 'InvalidParameter.ProjectName', message: created.message };
      project = created.value;
    }
    let ls = project.logstores.get(logStoreName);
    if (!ls) {
      const created = this.createLogstore(project, logStoreName);
      if (!created.ok) return { ok: false, code: 'InvalidParameter.LogStoreName', message: created.message };
      ls = created.value;
    }
    ls.index ??= flowLogIndexConfig(this.options.now(), fields);
    return { ok: true };
  }

  // ---- records --------------------------------------------------------------------------

  async seedDemo(): Promise<void> {
    const started = Date.now();
    const now = this.nowSeconds();
    const from = now - Math.round(this.options.historyDays * 86400);
    let written = 0;
    for (const fl of this.cen?.listFlowLogs() ?? []) {
      const feed = this.feedFor(fl.flowLogId, fl, from);
      this.ensureProjectAndLogstore(fl.accountId, fl.regionId, fl.projectName, fl.logStoreName, feed.topology.written);
      // A stopped demo flow log stopped a day ago; its older history is still there.
      const until = fl.status === 'Active' ? now : Math.max(from, now - 86400);
      written += await this.writeWindows(feed, until);
      feed.doneUntil = Math.max(feed.doneUntil, now - (now % fl.interval));
    }
    this.lastRefreshSecond = now;
    this.options.log(`sls: ${written} demo flow-log records generated in ${Date.now() - started} ms`);
  }

  private feedFor(flowLogId: string, fl: FeedSource, startAt: number): Feed {
    let feed = this.feeds.get(flowLogId);
    if (!feed) {
      feed = {
        topology: buildTopology(
          generatorInput(fl, this.options.seed, this.cen?.cenRegions(fl.cenId) ?? [], this.options.recordsPerHour, this.cen?.trafficShift(fl.cenId)),
        ),
        doneUntil: startAt,
        projectName: fl.projectName,
        logStoreName: fl.logStoreName,
      };
      this.feeds.set(flowLogId, feed);
    }
    return feed;
  }

  /** Generates and appends the windows that ended in (doneUntil, until]. */
  private async writeWindows(feed: Feed, until: number): Promise<number> {
    const ls = this.projects.get(feed.projectName)?.logstores.get(feed.logStoreName);
    if (ls) ls.written = feed.topology.written;
    const interval = feed.topology.input.interval;
    const starts = windowStarts(feed.doneUntil - interval + 1, until - interval + 1, interval);
    if (starts.length > 0) feed.doneUntil = starts[starts.length - 1] + interval;
    if (!ls) return 0;
    const tables = await this.tables();
    let written = 0;
    // A day at a time bounds memory; generating the next day while DuckDB loads the previous
    // one keeps both cores busy.
    const perBatch = Math.max(1, Math.floor(86400 / interval));
    let loading: Promise<void> | undefined;
    for (let i = 0; i < starts.length; i += perBatch) {
      const rows: FlowRow[] = [];
      for (const s of starts.slice(i, i + perBatch)) for (const r of generateWindow(feed.topology, s)) rows.push(r);
      const next = tables.append(ls.table, rows, ls.written);
      if (loading) await loading;
      loading = next;
      written += rows.length;
    }
    if (loading) await loading;
    return written;
  }

  /** Appends given rows to a logstore (imports, and tests that need a small exact data set). */
  async appendRows(ls: Logstore, rows: readonly FlowRow[]): Promise<void> {
    await (await this.tables()).append(ls.table, rows, ls.written);
  }

  /** Brings every flow log's records up to the clock: Active ones get their new windows. */
  refresh(): Promise<void> {
    const run = async (): Promise<void> => {
      const now = this.nowSeconds();
      if (now === this.lastRefreshSecond) return;
      this.lastRefreshSecond = now;
      for (const fl of this.cen?.listFlowLogs() ?? []) {
        // Flow logs that existed when the demo was seeded already have a feed; a new one starts
        // producing with the first window that ends after its creation.
        const feed = this.feedFor(fl.flowLogId, fl, Math.floor(fl.creationTime / 1000));
        if (fl.status === 'Active') await this.writeWindows(feed, now);
        else feed.doneUntil = Math.max(feed.doneUntil, now - (now % fl.interval));
      }
    };
    this.refreshing = this.refreshing.then(run, run);
    return this.refreshing;
  }

  /** Every record the generator wrote for a flow log in [from, to) — for tests to recompute answers independently. */
  generatedRows(flowLogId: string, from: number, to: number): FlowRow[] {
    const feed = this.feeds.get(flowLogId);
    if (!feed) return [];
    const interval = feed.topology.input.interval;
    const rows: FlowRow[] = [];
    for (const s of windowStarts(from - interval, to, interval)) {
      const end = s + interval;
      if (end < from || end >= to || end > feed.doneUntil) continue;
      rows.push(...generateWindow(feed.topology, s));
    }
    return rows;
  }

  // ---- queries --------------------------------------------------------------------------

  private schemaOf(ls: Logstore): { schema: LogSchema; select: { name: string; select: string }[] } {
    const index = ls.index;
    if (!index) throw new QueryError('Logstore without index config.', 0, 'IndexConfigNotExist');
    const columns: LogColumn[] = [...RESERVED_COLUMNS];
    const select = RESERVED_COLUMNS.map((c) => ({ name: c.name, select: quoteIdent(c.name) }));
    // Raw logs list a record's keys in the order its flow log's format writes them.
    const written = ls.written ?? [];
    const ordered = [...TABLE_COLUMNS].sort((a, b) => rank(written, a.name) - rank(written, b.name));
    for (const col of ordered) {
      const key = index.keys[col.name];
      if (!key || col.name.startsWith('__')) continue;
      const type: ColumnType = key.type === 'long' || key.type === 'double' ? key.type : 'text';
      columns.push({ name: col.name, type });
      const expr = quoteIdent(col.name);
      select.push({
        name: col.name,
        select:
          type === col.type ? expr : type === 'text' ? `CAST(${expr} AS VARCHAR)` : `TRY_CAST(${expr} AS ${type === 'long' ? 'BIGINT' : 'DOUBLE'})`,
      });
    }
    return { schema: new LogSchema(columns), select };
  }

  async query(ls: Logstore, input: QueryInput): Promise<QueryAnswer> {
    await this.refresh();
    const started = Date.now();
    const { schema, select } = this.schemaOf(ls);
    const plan = planQuery(input.query, schema);
    const tables = await this.tables();
    await tables.createTable(ls.table);
    const processedRows = tables.rowCount(ls.table);
    switch (plan.kind) {
      case 'search': {
        const line = input.line ?? 100;
        const offset = input.offset ?? 0;
        const cols = select.map((c) => `${c.select} AS ${quoteIdent(c.name)}`).join(', ');
        const sql =
          `SELECT ${cols} FROM ${quoteIdent(ls.table)} WHERE "__time__" >= ${Math.floor(input.from)} AND "__time__" < ${Math.floor(input.to)} ` +
          `AND (${plan.where}) ORDER BY "__time__" ${input.reverse ? 'DESC' : 'ASC'}, "__rid__" ${input.reverse ? 'DESC' : 'ASC'} LIMIT ${line} OFFSET ${offset}`;
        const result = await tables.query(sql);
        // Raw logs carry the text the service wrote: "-" where a record has no value, and no key
        // at all for a field its flow log's LogFormatString leaves out.
        const absent = new Set(ls.written ? result.columns.filter((c) => !c.startsWith('__') && !ls.written?.includes(c)) : []);
        for (const row of result.rows) {
          for (const k of Object.keys(row)) {
            if (absent.has(k)) delete row[k];
            else if (row[k] === 'null') row[k] = '-';
          }
        }
        if (absent.size > 0) return { ...result, columns: result.columns.filter((c) => !absent.has(c)), hasSql: false, processedRows, elapsedMs: Date.now() - started, whereQuery: input.query, aggQuery: '' };
        return { ...result, hasSql: false, processedRows, elapsedMs: Date.now() - started, whereQuery: input.query, aggQuery: '' };
      }
      case 'sql': {
        const relation = logRelationSql(ls.table, select, input.from, input.to, plan.where);
        let result: QueryRows;
        try {
          result = plan.paged
            ? await tables.queryPage(withLogRelation(relation, plan.paged.baseSql), plan.paged.offset, plan.paged.count, `${ls.table}:${tables.rowCount(ls.table)}`)
            : await tables.query(withLogRelation(relation, plan.sql));
        } catch (e) {
          throw engineError(e, input.query);
        }
        const columns = result.columns.map((c, i) => plan.columnNames[i] ?? c);
        let rows = result.rows.map((r) => {
          const out: Record<string, string> = {};
          result.columns.forEach((c, i) => (out[columns[i]] = r[c]));
          return out;
        });
        if (plan.timeSeries && !plan.paged) rows = await padTimeSeries(tables, rows, columns, plan.timeSeries, input);
        const [whereQuery, ...agg] = input.query.split('|');
        return { columns, columnTypes: result.columnTypes, rows, hasSql: true, processedRows, elapsedMs: Date.now() - started, whereQuery: whereQuery.trim(), aggQuery: agg.join('|').trim() };
      }
    }
  }

  /** Counts per sub-range of [from, to) for a search statement (any analytic part is ignored). */
  async histogram(ls: Logstore, from: number, to: number, query: string): Promise<{ from: number; to: number; count: number }[]> {
    await this.refresh();
    const { schema } = this.schemaOf(ls);
    const searchOnly = query.split('|')[0];
    const plan = planQuery(searchOnly, schema);
    const span = Math.max(1, to - from);
    const width = BUCKET_WIDTHS.find((w) => span / w <= 60) ?? Math.ceil(span / 60);
    const tables = await this.tables();
    await tables.createTable(ls.table);
    const result = await tables.query(
      `SELECT CAST(("__time__" - ${from}) // ${width} AS BIGINT) AS b, count(*) AS n FROM ${quoteIdent(ls.table)} ` +
        `WHERE "__time__" >= ${from} AND "__time__" < ${to} AND (${plan.where}) GROUP BY b`,
    );
    const counts = new Map(result.rows.map((r) => [Number(r.b), Number(r.n)]));
    const buckets: { from: number; to: number; count: number }[] = [];
    for (let s = from, i = 0; s < to; s += width, i++) buckets.push({ from: s, to: Math.min(to, s + width), count: counts.get(i) ?? 0 });
    return buckets;
  }

  /** Kept closed afterwards: a request still arriving is refused instead of opening a DuckDB that nobody closes. */
  async dispose(): Promise<void> {
    if (this.tablesPromise) await (await this.tablesPromise).close();
  }
}

/** Position in the written order; columns outside it keep their table order after it. */
function rank(written: readonly string[], name: string): number {
  const i = written.indexOf(name);
  return i >= 0 ? i : written.length;
}

/** Adds the empty buckets of a time_series result, in bucket order, as SLS does. */
async function padTimeSeries(
  tables: LogTables,
  rows: Record<string, string>[],
  columns: readonly string[],
  fill: TimeSeriesFill,
  input: QueryInput,
): Promise<Record<string, string>[]> {
  const w = fill.windowSeconds;
  const first = Math.floor(input.from / w) * w;
  if ((input.to - first) / w > 100_000) return rows;
  const labels = await tables.query(
    `SELECT strftime(sls_from_unixtime(b), '${fill.format.replace(/'/g, "''")}') AS l FROM range(${first}, ${Math.floor(input.to)}, ${w}) t(b) ORDER BY b`,
  );
  const byLabel = new Map(rows.map((r) => [r[fill.column], r]));
  const seen = new Set<string>();
  const out: Record<string, string>[] = [];
  for (const { l } of labels.rows) {
    if (seen.has(l)) continue;
    seen.add(l);
    const existing = byLabel.get(l);
    if (existing) out.push(existing);
    else out.push(Object.fromEntries(columns.map((c) => [c, c === fill.column ? l : fill.padding])));
  }
  // A row whose label the range did not produce (should not happen) is kept, not lost.
  for (const r of rows) if (!seen.has(r[fill.column])) out.push(r);
  return out.slice(0, fill.maxRows);
}

const BUCKET_WIDTHS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

/** A DuckDB error as ParameterInvalid, pointing at the identifier it names when the query has it. */
function engineError(e: unknown, query: string): QueryError {
  const raw = errorText(e);
  const first = raw.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
  // A column the index does not have: Log Service's own words (api-current.md §4.2).
  const missing = /Referenced column "([^"]+)" not found/.exec(first)?.[1];
  if (missing !== undefined) {
    const at = query.indexOf(missing, query.indexOf('|') + 1);
    return QueryError.at(query, at >= 0 ? at : query.indexOf('|') + 1, `Column '${missing}' cannot be resolved;please add the column in the index attribute`);
  }
  const named = /"([^"]+)"|'([^']+)'/.exec(first);
  const name = named?.[1] ?? named?.[2];
  const at = name ? query.indexOf(name) : -1;
  const sqlStart = query.indexOf('|') + 1;
  return QueryError.at(query, at >= 0 ? at : sqlStart, first);
}
