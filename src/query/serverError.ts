/**
 * Maps a position named in an SLS `ParameterInvalid` message ("line L:C: …" or "at position N")
 * to a range in the full query, so server errors are shown where they are, like local diagnostics.
 *
 * Which text the position counts in differs between servers: Presto inside real SLS sees only the
 * SQL part (the text right after `|`), while our emulator counts in the full query. By default
 * ('auto') both readings are tried and the one landing on the token the message names
 * ('foo', "foo", (foo)) wins; with no name to check, the full-query reading is used.
 */
import { t } from '@vscode/l10n';
import { diagnostic, type Diagnostic } from './diagnostic';
import { splitQuery, tokenizeSearch, tokenizeSql, type QueryParts } from './tokenizer';

/** Where in the full query a server error points. */
export interface ServerErrorLocation {
  readonly from: number;
  readonly to: number;
  /** 1-based line and column as the message gave them. */
  readonly line?: number;
  readonly column?: number;
}

/** What the message's position counts in: the SQL part (after `|`), the full query, or decide per message. */
export type PositionBase = 'sql' | 'query' | 'auto';

/** How to read positions in messages. */
export interface LocateOptions {
  readonly relativeTo?: PositionBase;
}

/** Longest message scanned; service messages are short, and this bounds work on odd input. */
const MAX_MESSAGE = 4000;

interface Span {
  readonly text: string;
  readonly from: number;
}

/** Finds the position an SLS error message names, as a range in `query`; undefined if it names none. */
export function locateServerError(message: string, query: string, options: LocateOptions = {}): ServerErrorLocation | undefined {
  const text = message.slice(0, MAX_MESSAGE);
  const parts = splitQuery(query);
  const whole: Span = { text: query, from: 0 };
  const bases = candidateBases(parts, whole, options.relativeTo ?? 'auto');
  const lineColumn = /\bline (\d{1,6}):(\d{1,6})/i.exec(text);
  if (lineColumn) {
    const line = Number(lineColumn[1]);
    const column = Number(lineColumn[2]);
    const offsets = bases.map((b) => {
      const o = offsetOfLineColumn(b.text, line, column);
      return o === undefined ? undefined : b.from + o;
    });
    const at = pickOffset(offsets, parts, query.length, namedToken(text));
    return at && { ...at, line, column };
  }
  const position = /\bposition:? (\d{1,9})\b/i.exec(text) ?? /\boffset:? (\d{1,9})\b/i.exec(text);
  if (position) {
    const n = Number(position[1]);
    const offsets = bases.map((b) => (n <= b.text.length ? b.from + n : undefined));
    return pickOffset(offsets, parts, query.length, namedToken(text));
  }
  const name = namedToken(text);
  return name === undefined ? undefined : locateName(name, parts.sql ?? parts.search);
}

/** A diagnostic for a server error: at its position when found, else over the whole query. */
export function serverErrorDiagnostic(message: string, query: string, options: LocateOptions = {}): Diagnostic {
  const at = locateServerError(message, query, options) ?? { from: 0, to: query.length };
  return diagnostic('server-error', 'error', at, message.trim() || t('The service rejected the query.'));
}

/** Bases in order of preference when nothing in the message decides between them. */
function candidateBases(parts: QueryParts, whole: Span, relativeTo: PositionBase): Span[] {
  const part: Span = parts.sql ?? parts.search;
  switch (relativeTo) {
    case 'sql':
      return [part];
    case 'query':
      return [whole];
    case 'auto':
      return part.from === whole.from ? [whole] : [whole, part];
  }
}

/** The first offset whose token matches the name in the message, else the first valid offset. */
function pickOffset(
  offsets: readonly (number | undefined)[],
  parts: QueryParts,
  queryLength: number,
  name: string | undefined,
): { from: number; to: number } | undefined {
  const ranges = offsets.filter((o): o is number => o !== undefined).map((o) => tokenRangeAt(parts, o, queryLength));
  if (ranges.length === 0) return undefined;
  if (name !== undefined) {
    const wanted = name.toLowerCase();
    const match = ranges.find((r) => tokenMatches(parts, r, wanted));
    if (match) return match;
  }
  return ranges[0];
}

function tokenMatches(parts: QueryParts, range: { from: number; to: number }, wanted: string): boolean {
  const full = parts.sql ? `${parts.search.text}|${parts.sql.text}` : parts.search.text;
  const text = full.slice(range.from, range.to).toLowerCase();
  return text === wanted || text.replace(/^["']|["']$/g, '') === wanted.replace(/^["']|["']$/g, '');
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
  return column - 1 <= lineLength ? start + column - 1 : undefined;
}

/** Widens an offset to the token there, so the squiggle covers the offending word. */
function tokenRangeAt(parts: QueryParts, offset: number, queryLength: number): { from: number; to: number } {
  const inSql = parts.sql !== undefined && offset >= parts.sql.from;
  const tokens = inSql && parts.sql ? tokenizeSql(parts.sql.text, parts.sql.from) : tokenizeSearch(parts.search.text, parts.search.from);
  const hit = tokens.find((t) => t.from <= offset && offset < t.to);
  if (hit) return { from: hit.from, to: hit.to };
  // Past the end ("ends where a term was expected"): mark the last character so the squiggle shows.
  const from = Math.max(0, Math.min(offset, queryLength - 1));
  return { from, to: Math.min(from + 1, queryLength) };
}

/** Names in quotes or parentheses after words like near/column/function/key, or found '…'. */
const NAMED_TOKEN_PATTERNS: readonly RegExp[] = [
  /\bnear "([^"\n]{1,200})"/i,
  /\bcolumn '([^'\n]{1,200})'/i,
  /\bcolumn "([^"\n]{1,200})"/i,
  /\bfunction '?([A-Za-z_][A-Za-z0-9_]{0,100})'? (?:not registered|is not supported)/i,
  /\bkey \(([^)\n]{1,200})\)/i,
  /\b(?:table|found) '([^'\n]{1,200})'/i,
  /\bunknown (?:column|field|function|key):? "?([^\s",]{1,200})/i,
  /\bcolumn ([A-Za-z_][A-Za-z0-9_]{0,100}) cannot be resolved/i,
];

function namedToken(text: string): string | undefined {
  for (const pattern of NAMED_TOKEN_PATTERNS) {
    const name = pattern.exec(text)?.[1];
    if (name) return name;
  }
  return undefined;
}

function locateName(name: string, part: Span): ServerErrorLocation | undefined {
  const index = findWord(part.text, name);
  return index >= 0 ? { from: part.from + index, to: part.from + index + name.length } : undefined;
}

/** First occurrence of `word` not glued to other identifier characters, else any occurrence ignoring case. */
function findWord(text: string, word: string): number {
  const isIdent = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
  let index = text.indexOf(word);
  while (index >= 0) {
    if (!isIdent(text[index - 1]) && !isIdent(text[index + word.length])) return index;
    index = text.indexOf(word, index + 1);
  }
  return text.toLowerCase().indexOf(word.toLowerCase());
}
