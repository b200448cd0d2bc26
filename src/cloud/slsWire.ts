/**
 * Reads a GetLogsV2 answer into rows and meta, checking each part. The generated SDK types the body
 * but does not check it, so an answer of the wrong shape (a proxy's page, a broken endpoint) would
 * otherwise read as an empty result or crash on a null row; here it becomes an 'unexpectedResponse'
 * CloudError naming what is wrong.
 */
import { t } from '@vscode/l10n';
import { CloudError } from './cloudError';
import type { QueryProgress } from './slsApi';

export interface LogsV2Answer {
  /** Each row's values in `columns` order (rows read before a late column are shorter). */
  readonly rows: string[][];
  readonly columns: readonly string[];
  readonly progress: QueryProgress;
  readonly count?: number;
  readonly hasSql?: boolean;
  readonly elapsedMs?: number;
  readonly processedRows?: number;
}

export function unexpected(what: string): CloudError {
  return new CloudError({
    kind: 'unexpectedResponse',
    message: t('Log Service answered something unexpected: {0}.', what),
    nextStep: t('Check the cenFlowLogs.slsEndpoint setting and any proxy in between; if they are right, report this.'),
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function readLogsV2(body: unknown): LogsV2Answer {
  if (!isRecord(body)) throw unexpected(t('the query answer is not an object'));
  const { data } = body;
  if (!isRecord(body.meta)) throw unexpected(t('the query answer has no meta'));
  if (!Array.isArray(data)) throw unexpected(t('the query answer has no data list'));
  const meta = readLogsV2Meta(body.meta);
  const { columns, rows } = meta.hasSql === true && meta.declared.length > 0 ? sqlRows(data, meta.declared) : rawRows(data, meta.declared);
  return { rows, columns, progress: meta.progress, count: meta.count, hasSql: meta.hasSql, elapsedMs: meta.elapsedMs, processedRows: meta.processedRows };
}

/** A GetLogsV2 answer's meta, checked: what readLogsV2 and readLogsV2Bytes read from it. */
export interface LogsV2Meta {
  readonly progress: QueryProgress;
  /** meta.keys: the SQL select order (or the fields, for raw logs); [] when absent. */
  readonly declared: readonly string[];
  readonly count?: number;
  readonly hasSql?: boolean;
  readonly elapsedMs?: number;
  readonly processedRows?: number;
}

export function readLogsV2Meta(meta: unknown): LogsV2Meta {
  if (!isRecord(meta)) throw unexpected(t('the query answer has no meta'));
  const progress = meta.progress ?? 'Complete';
  if (progress !== 'Complete' && progress !== 'Incomplete') throw unexpected(`progress is ${JSON.stringify(progress).slice(0, 40)}`);
  const keys = meta.keys;
  if (keys !== undefined && keys !== null && !(Array.isArray(keys) && keys.every((k) => typeof k === 'string'))) {
    throw unexpected(t('meta.keys is not a list of names'));
  }
  return {
    progress,
    declared: Array.isArray(keys) && keys.length > 0 ? (keys as string[]) : [],
    count: finite(meta.count),
    hasSql: typeof meta.hasSQL === 'boolean' ? meta.hasSQL : undefined,
    elapsedMs: finite(meta.elapsedMillisecond),
    processedRows: finite(meta.processedRows),
  };
}

export const cell = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** SQL rows carry exactly the selected columns: read each by name, in select order. */
function sqlRows(data: readonly unknown[], columns: readonly string[]): { columns: readonly string[]; rows: string[][] } {
  const width = columns.length;
  const rows = new Array<string[]>(data.length);
  for (let i = 0; i < data.length; i++) {
    const row: unknown = data[i];
    if (!isRecord(row)) throw unexpected(t('row {0} is not a record', i + 1));
    const cells = new Array<string>(width);
    // Own properties only: a column named like a built-in (`toString`) that a row lacks is empty, not prototype text.
    for (let c = 0; c < width; c++) cells[c] = Object.hasOwn(row, columns[c]) ? cell(row[columns[c]]) : '';
    rows[i] = cells;
  }
  return { columns, rows };
}

/** Raw logs may differ in their fields: columns grow as new names appear (first seen, first). */
function rawRows(data: readonly unknown[], declared: readonly string[]): { columns: readonly string[]; rows: string[][] } {
  const columns = [...declared];
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows = new Array<string[]>(data.length);
  for (let i = 0; i < data.length; i++) {
    const row: unknown = data[i];
    if (!isRecord(row)) throw unexpected(t('row {0} is not a record', i + 1));
    const cells = new Array<string>(columns.length).fill('');
    for (const k in row) {
      let c = index.get(k);
      if (c === undefined) {
        c = columns.length;
        index.set(k, c);
        columns.push(k);
      }
      cells[c] = cell(row[k]);
    }
    rows[i] = cells;
  }
  return { columns, rows };
}

const nonNegativeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const quoted = (v: unknown): string => (JSON.stringify(v) ?? String(v)).slice(0, 40);

/** One page of a list answer: the items and the total the service reports. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface ProjectItem {
  readonly projectName: string;
  readonly region?: string;
  readonly description?: string;
  readonly createTime?: string;
}

const optionalString = (item: Record<string, unknown>, key: string, where: string): string | undefined => {
  const v = item[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw unexpected(t('{0}.{1} is not text', where, key));
  return v;
};

/** A list answer `{ total, <listKey>: [...] }` (ListProject, ListLogStores). */
function readListPage<T>(action: string, body: unknown, listKey: string, item: (v: unknown, where: string) => T): ListPage<T> {
  if (!isRecord(body)) throw unexpected(t('the {0} answer is not an object', action));
  const list = body[listKey];
  if (!Array.isArray(list)) throw unexpected(t('the {0} answer has no {1} list', action, listKey));
  if (!nonNegativeInteger(body.total)) throw unexpected(t('the {0} answer\'s total is {1}', action, body.total === undefined ? t('missing') : quoted(body.total)));
  return { items: list.map((v, i) => item(v, `${listKey}[${i}]`)), total: body.total };
}

export function readProjectPage(body: unknown): ListPage<ProjectItem> {
  return readListPage('ListProject', body, 'projects', (v, where) => {
    if (!isRecord(v)) throw unexpected(t('{0} is not an object', where));
    const projectName = v.projectName;
    if (typeof projectName !== 'string' || projectName === '') throw unexpected(`${where}.projectName is missing`);
    return {
      projectName,
      region: optionalString(v, 'region', where),
      description: optionalString(v, 'description', where),
      createTime: optionalString(v, 'createTime', where),
    };
  });
}

export function readLogStorePage(body: unknown): ListPage<string> {
  return readListPage('ListLogStores', body, 'logstores', (v, where) => {
    if (typeof v !== 'string' || v === '') throw unexpected(t('{0} is not a logstore name', where));
    return v;
  });
}

/** GetIndex: field name → declared type (unknown types read as text, as the service treats them). */
export function readIndexKeys(body: unknown): Record<string, string> {
  if (!isRecord(body)) throw unexpected(t('the GetIndex answer is not an object'));
  const keys = body.keys;
  if (keys === undefined || keys === null) return {}; // an index with only full-text (line) settings
  if (!isRecord(keys)) throw unexpected(t('the GetIndex answer\'s keys is not an object'));
  const out: Record<string, string> = {};
  for (const [name, k] of Object.entries(keys)) {
    if (!isRecord(k) || typeof k.type !== 'string') throw unexpected(t('index key {0} has no type', quoted(name)));
    out[name] = k.type;
  }
  return out;
}

export interface HistogramItem {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly progress: QueryProgress;
}

/** GetHistograms: a list of `{ from, to, count, progress }`. */
export function readHistograms(body: unknown): HistogramItem[] {
  if (!Array.isArray(body)) throw unexpected(t('the GetHistograms answer is not a list of buckets'));
  return body.map((b: unknown, i) => {
    const where = `bucket ${i + 1}`;
    if (!isRecord(b)) throw unexpected(t('{0} is not an object', where));
    const { from, to, count } = b;
    if (!nonNegativeInteger(from) || !nonNegativeInteger(to) || to < from) throw unexpected(t('{0} has no valid from/to', where));
    if (!nonNegativeInteger(count)) throw unexpected(`${where} count is ${count === undefined ? 'missing' : quoted(count)}`);
    const progress = b.progress ?? 'Complete';
    if (progress !== 'Complete' && progress !== 'Incomplete') throw unexpected(`${where} progress is ${quoted(progress)}`);
    return { from, to, count, progress };
  });
}
