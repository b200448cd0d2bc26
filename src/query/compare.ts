/**
 * Before / after: two aggregated answers keyed by the same dimension (a talker, a region pair, a
 * port) joined into one table of deltas — bytes in each range, the difference, the ratio, and which
 * entries are new or vanished. Pure; the queries that produce the rows live in compareQuery.ts.
 */

/** One row of an aggregation: its key (one or more values) and what it measured. */
export interface MeasuredRow {
  readonly key: readonly string[];
  readonly bytes: number;
  readonly records: number;
}

/** In both ranges, only in the current one, or only in the earlier one. */
export type CompareStatus = 'both' | 'new' | 'vanished';

export interface CompareEntry {
  readonly key: readonly string[];
  readonly status: CompareStatus;
  readonly earlierBytes: number;
  readonly currentBytes: number;
  readonly earlierRecords: number;
  readonly currentRecords: number;
  /** currentBytes − earlierBytes. */
  readonly difference: number;
  /** currentBytes / earlierBytes; 1 when both are 0; null when only the current range has bytes. */
  readonly ratio: number | null;
}

export interface CompareTotals {
  readonly earlierBytes: number;
  readonly currentBytes: number;
  readonly difference: number;
  readonly ratio: number | null;
  readonly newCount: number;
  readonly vanishedCount: number;
}

/** A key as one string (values joined by a separator no address, region or port contains). */
export function keyId(key: readonly string[]): string {
  return key.join('\u0001');
}

/** After divided by before, without dividing by zero: 1 for nothing to nothing, null for something from nothing. */
export function bytesRatio(earlier: number, current: number): number | null {
  if (earlier > 0) return current / earlier;
  return current === 0 ? 1 : null;
}

/**
 * Joins the earlier and current rows on their keys. Rows with the same key within one answer are
 * summed (a merged answer may repeat a key). Sorted by the size of the change, largest first.
 */
export function compareRows(earlier: readonly MeasuredRow[], current: readonly MeasuredRow[]): CompareEntry[] {
  const before = sumByKey(earlier);
  const after = sumByKey(current);
  const entries: CompareEntry[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    entries.push(entry(a.key, b, a));
  }
  for (const [id, b] of before) if (!after.has(id)) entries.push(entry(b.key, b, undefined));
  return sortEntries(entries, 'difference', 'descending');
}

function entry(key: readonly string[], earlier: MeasuredRow | undefined, current: MeasuredRow | undefined): CompareEntry {
  const earlierBytes = earlier?.bytes ?? 0;
  const currentBytes = current?.bytes ?? 0;
  return {
    key,
    status: !earlier ? 'new' : !current ? 'vanished' : 'both',
    earlierBytes,
    currentBytes,
    earlierRecords: earlier?.records ?? 0,
    currentRecords: current?.records ?? 0,
    difference: currentBytes - earlierBytes,
    ratio: bytesRatio(earlierBytes, currentBytes),
  };
}

function sumByKey(rows: readonly MeasuredRow[]): Map<string, MeasuredRow> {
  const out = new Map<string, MeasuredRow>();
  for (const r of rows) {
    const id = keyId(r.key);
    const seen = out.get(id);
    out.set(id, seen ? { key: seen.key, bytes: seen.bytes + r.bytes, records: seen.records + r.records } : r);
  }
  return out;
}

/** What sorting reads of an entry (the webview's rows carry the same fields). */
export type SortableEntry = Pick<CompareEntry, 'key' | 'earlierBytes' | 'currentBytes' | 'difference' | 'ratio'>;

export type CompareSortColumn = 'key' | 'earlier' | 'current' | 'difference' | 'ratio';
export type SortDirection = 'ascending' | 'descending';

/**
 * Sorted copy. Difference sorts by its size (|difference|), so the biggest growth and the biggest
 * drop both come first; a ratio from nothing (null) counts as larger than any number. Ties by key.
 */
export function sortEntries<T extends SortableEntry>(entries: readonly T[], column: CompareSortColumn, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byKey = (a: T, b: T): number => keyId(a.key).localeCompare(keyId(b.key));
  const value = (e: T): number => {
    switch (column) {
      case 'key':
        return 0;
      case 'earlier':
        return e.earlierBytes;
      case 'current':
        return e.currentBytes;
      case 'difference':
        return Math.abs(e.difference);
      case 'ratio':
        return e.ratio ?? Number.POSITIVE_INFINITY;
    }
  };
  return [...entries].sort((a, b) => {
    if (column === 'key') return sign * byKey(a, b);
    const va = value(a);
    const vb = value(b);
    return va === vb ? byKey(a, b) : sign * (va < vb ? -1 : 1);
  });
}

export function compareTotals(entries: readonly CompareEntry[]): CompareTotals {
  let earlierBytes = 0;
  let currentBytes = 0;
  let newCount = 0;
  let vanishedCount = 0;
  for (const e of entries) {
    earlierBytes += e.earlierBytes;
    currentBytes += e.currentBytes;
    if (e.status === 'new') newCount++;
    if (e.status === 'vanished') vanishedCount++;
  }
  return { earlierBytes, currentBytes, difference: currentBytes - earlierBytes, ratio: bytesRatio(earlierBytes, currentBytes), newCount, vanishedCount };
}
