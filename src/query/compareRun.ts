/**
 * Runs a before/after compare over a data source: the same aggregation over the current and the
 * earlier range, in parallel, then the deltas. The source is a small interface so one flow log
 * (one logstore) and a whole CEN (a merging engine over its flow logs) plug in alike.
 */
import type { FlowLogInterval } from '../flowlogs/catalog';
import { compareRows, compareTotals, type CompareEntry, type CompareTotals } from './compare';
import { COMPARE_ROW_LIMIT, compareSql, dimensionUnavailable, measuredRows, type CompareDimension } from './compareQuery';
import type { ResolvedRange } from './timeRange';

/** One aggregation's answer: its columns and rows (SLS text), and the parts that did not answer completely. */
export interface AggregateAnswer {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Names of logstores whose answer was Incomplete (the service stopped early); empty when complete. */
  readonly incomplete: readonly string[];
  /** How a CEN's flows were counted (each once, from which flow logs), when the source says. */
  readonly counting?: string;
}

/** What a compare runs on: a flow log, or a CEN's flow logs merged. */
export interface CompareSource {
  readonly title: string;
  /** The capture window ranges snap to (for a CEN, the coarsest of its flow logs'). */
  readonly interval: FlowLogInterval;
  /** The fields every record of the source carries. */
  readonly fields: readonly string[];
  /** Runs one SQL statement over [from, to) — through the shared request limiter — honouring `signal`. */
  aggregate(sql: string, range: ResolvedRange, signal: AbortSignal): Promise<AggregateAnswer>;
}

export interface CompareOutcome {
  readonly dimension: CompareDimension;
  readonly current: ResolvedRange;
  readonly earlier: ResolvedRange;
  readonly entries: readonly CompareEntry[];
  readonly totals: CompareTotals;
  /** Either answer reached the row limit: keys beyond it may show as new or vanished. */
  readonly truncated: boolean;
  readonly incomplete: readonly string[];
  /** The current range's counting note (see AggregateAnswer.counting). */
  readonly counting?: string;
}

/** Thrown for a compare that cannot run or whose answer cannot be read (a plain message for people). */
export class CompareError extends Error {}

export async function runCompare(
  source: CompareSource,
  dimension: CompareDimension,
  current: ResolvedRange,
  earlier: ResolvedRange,
  signal: AbortSignal,
): Promise<CompareOutcome> {
  const unavailable = dimensionUnavailable(dimension, source.fields);
  if (unavailable) throw new CompareError(unavailable);
  const sql = compareSql(dimension);
  // One failure stops the other query at once instead of letting it hold a request slot.
  const both = new AbortController();
  const onAbort = (): void => both.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const ask = (range: ResolvedRange): Promise<AggregateAnswer> =>
      source.aggregate(sql, range, both.signal).catch((e: unknown) => {
        both.abort(e);
        throw e;
      });
    const [before, after] = await Promise.all([ask(earlier), ask(current)]);
    const earlierRows = measuredRows(dimension, before.columns, before.rows);
    const currentRows = measuredRows(dimension, after.columns, after.rows);
    if (!earlierRows.ok) throw new CompareError(earlierRows.message);
    if (!currentRows.ok) throw new CompareError(currentRows.message);
    const entries = compareRows(earlierRows.rows, currentRows.rows);
    return {
      dimension,
      current,
      earlier,
      entries,
      totals: compareTotals(entries),
      truncated: before.rows.length >= COMPARE_ROW_LIMIT || after.rows.length >= COMPARE_ROW_LIMIT,
      incomplete: [...new Set([...before.incomplete, ...after.incomplete])],
      ...(after.counting ?? before.counting ? { counting: after.counting ?? before.counting } : {}),
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
