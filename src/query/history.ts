/**
 * Query history: most recent first, no duplicates, capped, and plain JSON so the host can keep
 * it in globalState. Pure — every operation returns a new list.
 */

export interface HistoryEntry {
  readonly query: string;
  /** When it last ran, in milliseconds since the epoch. */
  readonly ranAt: number;
}

/** How many queries are kept per flow log. */
export const HISTORY_CAP = 50;

/** Longest query kept; a pasted megabyte should not bloat globalState. */
const MAX_QUERY_LENGTH = 20_000;

/** Puts `query` first (moving an earlier identical entry), dropping the oldest beyond `cap`. */
export function addToHistory(history: readonly HistoryEntry[], query: string, ranAt: number, cap = HISTORY_CAP): HistoryEntry[] {
  const trimmed = query.trim();
  if (trimmed === '' || trimmed.length > MAX_QUERY_LENGTH) return history.slice(0, cap);
  const key = normalize(trimmed);
  const rest = history.filter((e) => normalize(e.query) !== key);
  return [{ query: trimmed, ranAt }, ...rest].slice(0, Math.max(0, cap));
}

/** The list without `query`. */
export function removeFromHistory(history: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const key = normalize(query.trim());
  return history.filter((e) => normalize(e.query) !== key);
}

/** Whitespace differences do not make a different query. */
function normalize(query: string): string {
  return query.replace(/\s+/g, ' ');
}

/** A plain, JSON-safe copy for globalState. */
export function serializeHistory(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.map((e) => ({ query: e.query, ranAt: e.ranAt }));
}

/** Reads what globalState holds, dropping anything malformed (older versions, hand edits). */
export function parseHistory(stored: unknown, cap = HISTORY_CAP): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  let out: HistoryEntry[] = [];
  for (const item of stored as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { query, ranAt } = item as { query?: unknown; ranAt?: unknown };
    if (typeof query !== 'string' || typeof ranAt !== 'number' || !Number.isFinite(ranAt)) continue;
    if (query.trim() === '' || out.some((e) => normalize(e.query) === normalize(query.trim()))) continue;
    out = [...out, { query: query.trim(), ranAt }];
    if (out.length >= cap) break;
  }
  return out;
}
