/**
 * SlsQueryTokenizer: splits an SLS query (`search | sql`) into positioned tokens.
 * Pure and total: it never throws and runs in one linear pass, so it can run on every keystroke
 * in the webview and on the host alike. Offsets are UTF-16 indexes into the full query.
 */

/** The two halves of a query; `sql` is present only when a top-level `|` exists. */
export interface QueryParts {
  readonly search: { readonly text: string; readonly from: number; readonly to: number };
  readonly sql?: { readonly text: string; readonly from: number; readonly to: number };
  /** Offset of the separating `|`, when there is one. */
  readonly pipe?: number;
}

/** Token kinds of the search statement. */
export type SearchTokenKind =
  | 'word' // full-text term or value, wildcards included (10.0.0.*, OK)
  | 'field' // a name directly followed by `:` (dstport in dstport:443)
  | 'colon'
  | 'string' // "double quoted"
  | 'singleQuoted' // 'single quoted' — not search syntax, kept so diagnostics can point at it
  | 'operator' // and / or / not (any case)
  | 'in' // the `in` of `dstport in [1 1024]`
  | 'comparison' // > >= < <= =
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'unknown';

/** Token kinds of the analytic statement. */
export type SqlTokenKind =
  | 'keyword'
  | 'identifier'
  | 'quotedIdentifier' // "log-status"
  | 'string' // 'single quoted'
  | 'number'
  | 'operator'
  | 'punctuation' // , ( ) [ ] . ;
  | 'comment'
  | 'unknown';

/** A token with its text and its [from, to) in the full query. */
export interface Token<K extends string> {
  readonly kind: K;
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** False only for a string, quoted identifier or block comment whose closing delimiter is missing. */
  readonly terminated: boolean;
}

export type SearchToken = Token<SearchTokenKind>;
export type SqlToken = Token<SqlTokenKind>;

/** Both halves of a query, split and tokenized. */
export interface TokenizedQuery {
  readonly parts: QueryParts;
  readonly search: readonly SearchToken[];
  readonly sql: readonly SqlToken[];
}

/** SQL words highlighted and treated as keywords (lower case). */
export const SQL_KEYWORDS: ReadonlySet<string> = new Set([
  'select', 'from', 'where', 'group', 'by', 'order', 'having', 'limit', 'offset', 'as', 'and', 'or', 'not',
  'in', 'is', 'null', 'like', 'between', 'case', 'when', 'then', 'else', 'end', 'distinct', 'all', 'asc',
  'desc', 'join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'on', 'using', 'union', 'intersect',
  'except', 'with', 'over', 'partition', 'rows', 'range', 'unbounded', 'preceding', 'following', 'current',
  'row', 'true', 'false', 'interval', 'exists', 'any', 'some', 'escape', 'nulls', 'first', 'last', 'filter',
  'within', 'lateral', 'unnest', 'cube', 'rollup', 'grouping', 'sets', 'values', 'array', 'map', 'at',
  'time', 'zone', 'try', 'if', 'coalesce', 'nullif', 'extract', 'position', 'substring', 'trim', 'ordinality',
  // statements SLS refuses: tokenized as keywords so diagnostics can name them
  'insert', 'update', 'delete', 'create', 'drop', 'alter', 'truncate', 'merge', 'grant', 'revoke', 'set',
  'show', 'describe', 'explain', 'use', 'call', 'pragma', 'attach', 'copy', 'into', 'table', 'qualify',
]);

/**
 * Splits at the first `|` outside double quotes. Single quotes are not search syntax in SLS,
 * so, like the service, a `|` inside them still separates the SQL part.
 */
export function splitQuery(query: string): QueryParts {
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '|') {
      return {
        search: { text: query.slice(0, i), from: 0, to: i },
        sql: { text: query.slice(i + 1), from: i + 1, to: query.length },
        pipe: i,
      };
    }
  }
  return { search: { text: query, from: 0, to: query.length } };
}

/** Tokenizes both halves of a query. */
export function tokenizeQuery(query: string): TokenizedQuery {
  const parts = splitQuery(query);
  return {
    parts,
    search: tokenizeSearch(parts.search.text, parts.search.from),
    sql: parts.sql ? tokenizeSql(parts.sql.text, parts.sql.from) : [],
  };
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';
}

/** Characters that end a search word. */
function isSearchDelimiter(c: string): boolean {
  return isSpace(c) || '"\'()[]:<>=|'.includes(c);
}

function isHexOrColon(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c === ':' || c === '.';
}

/** End of a quoted run starting at `start` (the opening quote); backslash escapes the next char. */
function scanQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): { end: number; terminated: boolean } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (backslashEscapes && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      // SQL doubles the quote to escape it ('it''s', "a""b").
      if (!backslashEscapes && text[i + 1] === quote) {
        i++;
        continue;
      }
      return { end: i + 1, terminated: true };
    }
  }
  return { end: text.length, terminated: false };
}

/**
 * An IPv6 literal typed as full text (fe80::1) would otherwise read as field `fe80`;
 * a run of hex digits and colons holding two or more colons is taken as one word.
 */
function ipv6RunEnd(text: string, start: number): number {
  let colons = 0;
  let i = start;
  while (i < text.length && isHexOrColon(text[i])) {
    if (text[i] === ':') colons++;
    i++;
  }
  return colons >= 2 ? i : -1;
}

/** Tokenizes a search statement; `base` is its offset in the full query. */
export function tokenizeSearch(text: string, base = 0): SearchToken[] {
  const out: SearchToken[] = [];
  const push = (kind: SearchTokenKind, from: number, to: number, terminated = true): void => {
    out.push({ kind, text: text.slice(from, to), from: from + base, to: to + base, terminated });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const { end, terminated } = scanQuoted(text, i, c, true);
      push(c === '"' ? 'string' : 'singleQuoted', i, end, terminated);
      i = end;
    } else if (c === ':') {
      push('colon', i, i + 1);
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      push(c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === '[' ? 'lbracket' : 'rbracket', i, i + 1);
      i++;
    } else if (c === '<' || c === '>' || c === '=') {
      const end = (c === '<' || c === '>') && text[i + 1] === '=' ? i + 2 : i + 1;
      push('comparison', i, end);
      i = end;
    } else if (c === '|') {
      // Only reachable when a caller tokenizes a whole query as search text.
      push('unknown', i, i + 1);
      i++;
    } else {
      i = scanSearchWord(text, i, push);
    }
  }
  markFieldsBeforeQuotedColon(out);
  return out;
}

function scanSearchWord(
  text: string,
  start: number,
  push: (kind: SearchTokenKind, from: number, to: number) => void,
): number {
  const v6 = isHexOrColon(text[start]) ? ipv6RunEnd(text, start) : -1;
  if (v6 > 0 && (v6 >= text.length || isSearchDelimiter(text[v6]) || text[v6] === '*')) {
    let end = v6;
    while (end < text.length && !isSearchDelimiter(text[end])) end++;
    push('word', start, end);
    return end;
  }
  let end = start;
  while (end < text.length && !isSearchDelimiter(text[end])) end++;
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  if (text[end] === ':') push('field', start, end);
  else if (lower === 'and' || lower === 'or' || lower === 'not') push('operator', start, end);
  else if (lower === 'in' && nextNonSpace(text, end) === '[') push('in', start, end);
  else push('word', start, end);
  return end;
}

function nextNonSpace(text: string, from: number): string {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return text[i] ?? '';
}

/** `"log-status":OK` — a quoted name directly before a colon is a field, kept as a string token. */
function markFieldsBeforeQuotedColon(tokens: SearchToken[]): void {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    const n = tokens[k + 1];
    if (t.kind === 'string' && t.terminated && n.kind === 'colon' && n.from === t.to) {
      tokens[k] = { ...t, kind: 'field' };
    }
  }
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\u007f';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const SQL_OPERATOR_CHARS = '+-*/%<>=!|&^~';
const SQL_TWO_CHAR_OPERATORS = new Set(['<=', '>=', '<>', '!=', '||', '->', '=>', '::']);

/** Tokenizes an analytic (SQL) statement; `base` is its offset in the full query. */
export function tokenizeSql(text: string, base = 0): SqlToken[] {
  const out: SqlToken[] = [];
  const push = (kind: SqlTokenKind, from: number, to: number, terminated = true): void => {
    out.push({ kind, text: text.slice(from, to), from: from + base, to: to + base, terminated });
  };
  let i = 0;
  while (i < text.length) {
    i = scanSqlToken(text, i, push);
  }
  return out;
}

function scanSqlToken(
  text: string,
  i: number,
  push: (kind: SqlTokenKind, from: number, to: number, terminated?: boolean) => void,
): number {
  const c = text[i];
  if (isSpace(c)) return i + 1;
  if (c === '-' && text[i + 1] === '-') {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    push('comment', i, end);
    return end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    const end = close < 0 ? text.length : close + 2;
    push('comment', i, end, close >= 0);
    return end;
  }
  if (c === "'" || c === '"') {
    const { end, terminated } = scanQuoted(text, i, c, false);
    push(c === "'" ? 'string' : 'quotedIdentifier', i, end, terminated);
    return end;
  }
  if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) return scanNumber(text, i, push);
  if (isIdentStart(c)) {
    let end = i + 1;
    while (end < text.length && isIdentPart(text[end])) end++;
    push(SQL_KEYWORDS.has(text.slice(i, end).toLowerCase()) ? 'keyword' : 'identifier', i, end);
    return end;
  }
  if (SQL_OPERATOR_CHARS.includes(c)) {
    const end = SQL_TWO_CHAR_OPERATORS.has(text.slice(i, i + 2)) ? i + 2 : i + 1;
    push('operator', i, end);
    return end;
  }
  push(',()[].;'.includes(c) ? 'punctuation' : 'unknown', i, i + 1);
  return i + 1;
}

function scanNumber(text: string, start: number, push: (kind: SqlTokenKind, from: number, to: number) => void): number {
  let end = start;
  while (isDigit(text[end])) end++;
  if (text[end] === '.') {
    end++;
    while (isDigit(text[end])) end++;
  }
  if ((text[end] === 'e' || text[end] === 'E') && (isDigit(text[end + 1]) || ((text[end + 1] === '+' || text[end + 1] === '-') && isDigit(text[end + 2])))) {
    end += 2;
    while (isDigit(text[end])) end++;
  }
  push('number', start, end);
  return end;
}
