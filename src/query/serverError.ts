/**
 * Maps a position named in an SLS `ParameterInvalid` message to an offset in the full query, so
 * server errors are shown where they are, like local diagnostics. Positions the service reports
 * are relative to the SQL part (the text right after `|`), or to the search part when there is no SQL.
 */
import { diagnostic, type Diagnostic } from './diagnostic';
import { splitQuery, tokenizeSearch, tokenizeSql, type QueryParts } from './tokenizer';

export interface ServerErrorLocation {
  readonly from: number;
  readonly to: number;
  /** 1-based line and column in the part, when the message gave them. */
  readonly line?: number;
  readonly column?: number;
}

/** Longest message scanned; service messages are short, and this bounds work on odd input. */
const MAX_MESSAGE = 4000;

/** Finds the position an SLS error message names, as a range in `query`; undefined if it names none. */
export function locateServerError(message: string, query: string): ServerErrorLocation | undefined {
  const text = message.slice(0, MAX_MESSAGE);
  const parts = splitQuery(query);
  const part = parts.sql ?? parts.search;
  const lineColumn = /\bline (\d{1,6}):(\d{1,6})/i.exec(text);
  if (lineColumn) {
    const line = Number(lineColumn[1]);
    const column = Number(lineColumn[2]);
    const offset = offsetOfLineColumn(part.text, line, column);
    return offset === undefined ? undefined : { ...tokenRangeAt(parts, part.from + offset, query.length), line, column };
  }
  const position = /\bposition:? (\d{1,9})\b/i.exec(text) ?? /\boffset:? (\d{1,9})\b/i.exec(text);
  if (position) {
    const offset = Number(position[1]);
    if (offset > part.text.length) return undefined;
    return tokenRangeAt(parts, part.from + offset, query.length);
  }
  return locateNamedToken(text, part);
}

/** A diagnostic for a server error: at its position when found, else over the whole query. */
export function serverErrorDiagnostic(message: string, query: string): Diagnostic {
  const at = locateServerError(message, query) ?? { from: 0, to: query.length };
  return diagnostic('server-error', 'error', at, message.trim() || 'The service rejected the query.');
}

function offsetOfLineColumn(text: string, line: number, column: number): number | undefined {
  if (line < 1 || column < 1) return undefined;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  const lineLength = (end < 0 ? text.length : end) - start;
  return start + Math.min(column - 1, lineLength);
}

/** Widens an offset to the token there, so the squiggle covers the offending word. */
function tokenRangeAt(parts: QueryParts, offset: number, queryLength: number): { from: number; to: number } {
  const inSql = parts.sql !== undefined && offset >= parts.sql.from;
  const tokens = inSql && parts.sql ? tokenizeSql(parts.sql.text, parts.sql.from) : tokenizeSearch(parts.search.text, parts.search.from);
  const hit = tokens.find((t) => t.from <= offset && offset < t.to);
  if (hit) return { from: hit.from, to: hit.to };
  const from = Math.min(offset, queryLength);
  return { from, to: Math.min(from + 1, queryLength) };
}

/** Names in quotes or parentheses after words like near/column/function/key. */
const NAMED_TOKEN_PATTERNS: readonly RegExp[] = [
  /\bnear "([^"\n]{1,200})"/i,
  /\bcolumn '([^'\n]{1,200})'/i,
  /\bcolumn "([^"\n]{1,200})"/i,
  /\bfunction '?([A-Za-z_][A-Za-z0-9_]{0,100})'? not registered/i,
  /\bkey \(([^)\n]{1,200})\)/i,
  /\bunknown (?:column|field|function|key):? "?([^\s",]{1,200})/i,
];

function locateNamedToken(text: string, part: { readonly text: string; readonly from: number }): ServerErrorLocation | undefined {
  for (const pattern of NAMED_TOKEN_PATTERNS) {
    const name = pattern.exec(text)?.[1];
    if (!name) continue;
    const index = findWord(part.text, name);
    if (index >= 0) return { from: part.from + index, to: part.from + index + name.length };
  }
  return undefined;
}

/** First occurrence of `word` not glued to other identifier characters. */
function findWord(text: string, word: string): number {
  const isIdent = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
  let index = text.indexOf(word);
  while (index >= 0) {
    if (!isIdent(text[index - 1]) && !isIdent(text[index + word.length])) return index;
    index = text.indexOf(word, index + 1);
  }
  const lower = text.toLowerCase().indexOf(word.toLowerCase());
  return lower;
}
