/**
 * A query's shape — search only or `search | SQL`, and the SQL's LIMIT — decided once, by the
 * tokenizer. Paging, the query runner, export and the histogram ask here; nothing else splits a
 * query or looks for LIMIT with its own rule.
 */
import { splitQuery, tokenizeSql, type SqlToken } from './tokenizer';

/** A trailing top-level `LIMIT count` or `LIMIT offset, count`. */
export interface TrailingLimit {
  readonly offset: number;
  readonly count: number;
}

export interface AnalyticShape {
  /** The statement after the `|`, as typed. */
  readonly text: string;
  /** The statement without its trailing LIMIT and trailing comments, trimmed: what LIMIT pages append to. */
  readonly body: string;
  /** Whether the statement has a LIMIT outside parentheses (SLS then returns what it asks for, not 100 rows). */
  readonly hasLimit: boolean;
  readonly trailingLimit?: TrailingLimit;
}

export interface QueryShape {
  /** The search statement (before the `|`), as typed. */
  readonly search: string;
  /** Present when the query has a top-level `|`. */
  readonly sql?: AnalyticShape;
}

export function queryShape(query: string): QueryShape {
  const parts = splitQuery(query);
  if (!parts.sql) return { search: parts.search.text };
  const { text } = parts.sql;
  const tokens = tokenizeSql(text).filter((t) => t.kind !== 'comment');
  let depth = 0;
  let hasLimit = false;
  for (const t of tokens) {
    if (t.kind === 'punctuation' && (t.text === '(' || t.text === '[')) depth++;
    else if (t.kind === 'punctuation' && (t.text === ')' || t.text === ']')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isLimit(t)) hasLimit = true;
  }
  const trailing = hasLimit ? trailingLimitAt(tokens) : undefined;
  const bodyEnd = trailing ? trailing.at : tokens.length;
  const body = bodyEnd === 0 ? '' : text.slice(0, tokens[bodyEnd - 1].to).trim();
  return { search: parts.search.text, sql: { text, body, hasLimit, trailingLimit: trailing?.limit } };
}

/** The search statement GetHistograms takes: the query's search part, `*` when empty. */
export function histogramSearch(query: string): string {
  return queryShape(query).search.trim() || '*';
}

function isLimit(t: SqlToken): boolean {
  return t.kind === 'keyword' && t.text.toLowerCase() === 'limit';
}

function wholeNumber(t: SqlToken | undefined): number | undefined {
  return t?.kind === 'number' && /^\d+$/.test(t.text) ? Number(t.text) : undefined;
}

/** `LIMIT n` or `LIMIT m, n` as the last tokens (comments already dropped); `at` is the LIMIT's index. */
function trailingLimitAt(tokens: readonly SqlToken[]): { at: number; limit: TrailingLimit } | undefined {
  const n = tokens.length;
  const last = wholeNumber(tokens[n - 1]);
  if (last === undefined) return undefined;
  if (n >= 2 && isLimit(tokens[n - 2])) return { at: n - 2, limit: { offset: 0, count: last } };
  const first = wholeNumber(tokens[n - 3]);
  if (n >= 4 && first !== undefined && tokens[n - 2].kind === 'punctuation' && tokens[n - 2].text === ',' && isLimit(tokens[n - 4])) {
    return { at: n - 4, limit: { offset: first, count: last } };
  }
  return undefined;
}
