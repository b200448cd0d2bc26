/**
 * Reads a GetLogsV2 answer into rows and meta, checking each part. The generated SDK types the body
 * but does not check it, so an answer of the wrong shape (a proxy's page, a broken endpoint) would
 * otherwise read as an empty result or crash on a null row; here it becomes an 'unexpectedResponse'
 * CloudError naming what is wrong.
 */
import { CloudError } from './cloudError';
import type { QueryProgress } from './slsApi';

export interface LogsV2Answer {
  readonly rows: Readonly<Record<string, string>>[];
  readonly keys?: readonly string[];
  readonly progress: QueryProgress;
  readonly count?: number;
  readonly hasSql?: boolean;
  readonly elapsedMs?: number;
  readonly processedRows?: number;
}

function unexpected(what: string): CloudError {
  return new CloudError({
    kind: 'unexpectedResponse',
    message: `Log Service answered something unexpected: ${what}.`,
    nextStep: 'Check the cenFlowLogs.slsEndpoint setting and any proxy in between; if they are right, report this.',
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function readLogsV2(body: unknown): LogsV2Answer {
  if (!isRecord(body)) throw unexpected('the query answer is not an object');
  const { meta, data } = body;
  if (!isRecord(meta)) throw unexpected('the query answer has no meta');
  if (!Array.isArray(data)) throw unexpected('the query answer has no data list');
  const progress = meta.progress ?? 'Complete';
  if (progress !== 'Complete' && progress !== 'Incomplete') throw unexpected(`progress is ${JSON.stringify(progress).slice(0, 40)}`);
  const keys = meta.keys;
  if (keys !== undefined && keys !== null && !(Array.isArray(keys) && keys.every((k) => typeof k === 'string'))) {
    throw unexpected('meta.keys is not a list of names');
  }
  // Normalised in place, not copied: the SDK's parsed rows are ours alone, and a per-row copy
  // costs real time on 100,000-row results.
  for (let i = 0; i < data.length; i++) {
    const row: unknown = data[i];
    if (!isRecord(row)) throw unexpected(`row ${i + 1} is not a record`);
    for (const k in row) {
      const v = row[k];
      if (typeof v !== 'string') row[k] = String(v);
    }
  }
  const rows = data as Record<string, string>[];
  return {
    rows,
    keys: Array.isArray(keys) ? (keys as string[]) : undefined,
    progress,
    count: finite(meta.count),
    hasSql: typeof meta.hasSQL === 'boolean' ? meta.hasSQL : undefined,
    elapsedMs: finite(meta.elapsedMillisecond),
    processedRows: finite(meta.processedRows),
  };
}
