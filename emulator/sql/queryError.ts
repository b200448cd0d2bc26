/**
 * A query the emulator refuses, located in the text the user sent. The message uses the
 * Presto/SLS form "line L:C: …" so clients can point at the spot.
 */
export class QueryError extends Error {
  constructor(
    message: string,
    /** 0-based offset into the full query (search + SQL). */
    readonly offset: number,
    readonly code: 'ParameterInvalid' | 'IndexConfigNotExist' = 'ParameterInvalid',
  ) {
    super(message);
    this.name = 'QueryError';
  }

  /** "line 1:12: message" for the full query text. */
  static at(query: string, offset: number, message: string): QueryError {
    const before = query.slice(0, Math.max(0, Math.min(offset, query.length)));
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return new QueryError(`line ${line}:${column}: ${message}`, offset);
  }
}

/** Splits "search | sql" at the first pipe outside quotes. */
export function splitQuery(query: string): { search: string; sql?: string; sqlOffset: number } {
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '|') {
      return { search: query.slice(0, i), sql: query.slice(i + 1), sqlOffset: i + 1 };
    }
  }
  return { search: query, sqlOffset: query.length };
}
