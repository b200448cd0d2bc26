import { splitQuery as splitQueryParts } from '../../src/query/tokenizer';

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

/** Splits "search | sql" at the first pipe, by the extension's own rule (src/query/tokenizer.ts), so both agree. */
export function splitQuery(query: string): { search: string; sql?: string; sqlOffset: number } {
  const parts = splitQueryParts(query);
  return parts.sql ? { search: parts.search.text, sql: parts.sql.text, sqlOffset: parts.sql.from } : { search: query, sqlOffset: query.length };
}
