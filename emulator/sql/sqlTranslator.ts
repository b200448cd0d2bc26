/**
 * SLS analytic statements → DuckDB SQL over a `log` relation. Works on tokens so every refusal
 * can name its position in the user's query: only SELECT (optionally WITH), no DuckDB-only
 * syntax, no tables but `log` and the query's own CTEs, only known SLS functions. Adds
 * `FROM log` where SLS lets it be omitted, rewrites MySQL-order `LIMIT y, x`, enforces the LIMIT
 * rules and the 100-row default, and names unnamed result columns `_colN` as Presto does.
 */
import { QueryError } from './queryError';
import type { LogSchema } from './logSchema';
import { tokenizeSql, type SqlToken } from './sqlTokenizer';
import { mapFunction, parseSeriesWindow, translateDateFormat } from './slsFunctions';

export const DEFAULT_SQL_ROWS = 100;
export const MAX_LIMIT = 1_000_000;
export const MAX_PAGE_WITH_OFFSET = 10_000;

export interface TranslatedSql {
  /** DuckDB SQL reading from `log`. */
  readonly sql: string;
  /** SLS names of the result columns where they differ from DuckDB's (by position). */
  readonly columnNames: readonly (string | undefined)[];
  /**
   * For `LIMIT y, x` (how clients page): the statement without its top-level LIMIT and the page,
   * so the engine can compute the ordered result once and serve every page from it.
   */
  readonly paged?: { readonly baseSql: string; readonly offset: number; readonly count: number };
  /**
   * `time_series(…) AS t … GROUP BY t [ORDER BY t]` as the first column: SLS pads the buckets
   * with no rows, so the engine fills them in after the query.
   */
  readonly timeSeries?: TimeSeriesFill;
}

export interface TimeSeriesFill {
  readonly column: string;
  readonly windowSeconds: number;
  /** strftime format of the labels. */
  readonly format: string;
  /** Value for the other columns of an empty bucket: '0' or 'null' (SLS also has last/next/avg; they pad with 0 here). */
  readonly padding: string;
  /** Rows the statement may return (its LIMIT or the 100-row default). */
  readonly maxRows: number;
}

const REFUSED_KEYWORDS = new Set([
  'insert', 'update', 'delete', 'create', 'drop', 'alter', 'copy', 'attach', 'detach', 'pragma', 'install', 'load',
  'export', 'import', 'call', 'set', 'reset', 'describe', 'show', 'summarize', 'vacuum', 'checkpoint', 'use',
  'execute', 'prepare', 'deallocate', 'begin', 'commit', 'rollback', 'truncate', 'merge', 'grant', 'revoke',
  'qualify', 'pivot', 'unpivot', 'exclude', 'asof', 'positional', 'anti', 'semi', 'tablesample', 'sample',
  'recursive', 'columns', 'lambda', 'struct_pack', 'macro',
]);
const REFUSED_OPERATORS = new Set(['::', '->', ';', '{', '}', '**', '//', '?', '$', '&', '^', '~', '@', '!', ':', '|']);

/** Words that may precede `(` without being a function call. */
const NOT_FUNCTIONS = new Set([
  'in', 'exists', 'as', 'over', 'filter', 'values', 'on', 'using', 'and', 'or', 'not', 'when', 'then', 'else',
  'case', 'select', 'from', 'where', 'join', 'array', 'by', 'with', 'union', 'all', 'distinct', 'is', 'like',
  'between', 'end', 'intersect', 'except', 'any', 'some', 'within', 'group', 'having', 'limit', 'row', 'map',
]);
const CLAUSE_AFTER_FROM = new Set(['where', 'group', 'having', 'order', 'limit', 'offset', 'union', 'intersect', 'except', 'window']);

interface Frame {
  readonly kind: 'query' | 'expr';
  selecting: boolean;
  hasFrom: boolean;
}

function lower(t: SqlToken | undefined): string {
  return t && t.kind === 'ident' ? t.text.toLowerCase() : '';
}

/** Argument token ranges [start, end) of the call whose `(` is at `open`; and the `)` index. */
function callArgs(tokens: SqlToken[], open: number): { args: [number, number][]; close: number } {
  const args: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < tokens.length; i++) {
    const k = tokens[i].kind;
    if (k === 'lparen' || k === 'lbracket') depth++;
    else if (k === 'rparen' || k === 'rbracket') {
      depth--;
      if (depth === 0) {
        if (i > start) args.push([start, i]);
        return { args, close: i };
      }
    } else if (k === 'comma' && depth === 1) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return { args, close: tokens.length };
}

export function translateSql(sqlText: string, sqlOffset: number, full: string, schema: LogSchema): TranslatedSql {
  const tokens = tokenizeSql(sqlText, sqlOffset, full);
  if (tokens.length === 0) throw QueryError.at(full, sqlOffset, 'the analytic statement after | is empty');
  const first = lower(tokens[0]);
  if (first !== 'select' && first !== 'with') {
    throw QueryError.at(full, tokens[0].offset, `only SELECT statements are supported, found '${tokens[0].text}'`);
  }
  const err = (t: SqlToken, message: string): QueryError => QueryError.at(full, t.offset, message);

  // Names the query defines itself (`WITH name AS (…)`) may be used as tables.
  const cteNames = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    if ((tokens[i].kind === 'ident' || tokens[i].kind === 'qident') && lower(tokens[i + 1]) === 'as' && tokens[i + 2].kind === 'lparen') {
      cteNames.add(tokens[i].text.replace(/"/g, '').toLowerCase());
    }
  }

  // Insertions are collected and applied at the end so token indexes stay valid.
  const insertBefore = new Map<number, string>();
  const addFromLog = (index: number): void => {
    insertBefore.set(index, (insertBefore.get(index) ?? '') + ' FROM log');
  };
  const stack: Frame[] = [{ kind: 'query', selecting: false, hasFrom: false }];
  const top = (): Frame => stack[stack.length - 1];
  const closeSelect = (frame: Frame, index: number): void => {
    if (frame.kind === 'query' && frame.selecting && !frame.hasFrom) addFromLog(index);
    frame.selecting = false;
  };
  let topLimit: { index: number; end: number; count: number; offset: number; token: SqlToken } | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    switch (t.kind) {
      case 'op':
        if (REFUSED_OPERATORS.has(t.text)) throw err(t, `'${t.text}' is not supported in SLS SQL`);
        break;
      case 'lbracket': {
        const subscript =
          prev && ((prev.kind === 'ident' && !NOT_FUNCTIONS.has(lower(prev))) || prev.kind === 'qident' || prev.kind === 'rparen' || prev.kind === 'rbracket');
        if (!subscript) throw err(t, "list literals are not SLS SQL; write array[...]");
        break;
      }
      case 'lparen': {
        const inner = lower(next);
        stack.push({ kind: inner === 'select' || inner === 'with' ? 'query' : 'expr', selecting: false, hasFrom: false });
        break;
      }
      case 'rparen': {
        if (stack.length === 1) throw err(t, "unbalanced ')'");
        closeSelect(top(), i);
        stack.pop();
        break;
      }
      case 'ident': {
        const word = t.text.toLowerCase();
        if (REFUSED_KEYWORDS.has(word) && next?.kind !== 'lparen') throw err(t, `'${t.text}' is not supported in SLS SQL`);
        if (next?.kind === 'lparen' && !NOT_FUNCTIONS.has(word) && !(prev && lower(prev) === 'as')) {
          rewriteCall(tokens, i, schema, full);
          break;
        }
        const frame = top();
        if (frame.kind !== 'query') break;
        if (word === 'select') {
          frame.selecting = true;
          frame.hasFrom = false;
        } else if ((word === 'from' && frame.selecting) || word === 'join') {
          if (word === 'from') frame.hasFrom = true;
          if (!next) throw err(t, `a table name must follow ${t.text.toUpperCase()}`);
          if (next.kind !== 'lparen') {
            const table = next.text.replace(/"/g, '').toLowerCase();
            if (table !== 'log' && !cteNames.has(table)) {
              throw err(next, `table '${next.text.replace(/"/g, '')}' does not exist; an SLS query reads the logstore as 'log'`);
            }
          }
        } else if (CLAUSE_AFTER_FROM.has(word)) {
          closeSelect(frame, i);
          if (word === 'limit') {
            const limit = parseLimit(tokens, i, err);
            if (stack.length === 1) topLimit = { index: i, ...limit, token: t, end: i + (tokens[i + 2]?.kind === 'comma' ? 4 : 2) };
          }
        }
        break;
      }
      case 'qident':
      case 'string':
      case 'number':
      case 'comma':
      case 'rbracket':
      case 'other':
        break;
    }
  }
  if (stack.length > 1) throw QueryError.at(full, sqlOffset + sqlText.length, "missing ')'");
  closeSelect(top(), tokens.length);

  if (topLimit) {
    if (topLimit.offset > 0 && topLimit.count > MAX_PAGE_WITH_OFFSET) {
      throw err(topLimit.token, `LIMIT ${topLimit.offset}, ${topLimit.count}: with an offset at most ${MAX_PAGE_WITH_OFFSET} rows per page`);
    }
    if (topLimit.offset + topLimit.count > MAX_LIMIT) {
      throw err(topLimit.token, `LIMIT reaches row ${topLimit.offset + topLimit.count}; at most ${MAX_LIMIT} rows can be read`);
    }
  }
  const render = (skip?: { from: number; to: number }): string => {
    let out = '';
    tokens.forEach((t, i) => {
      out += insertBefore.get(i) ?? '';
      if (!skip || i < skip.from || i >= skip.to) out += t.before + t.text;
    });
    return out + (insertBefore.get(tokens.length) ?? '');
  };
  let sql = render();
  if (!topLimit) sql += ` LIMIT ${DEFAULT_SQL_ROWS}`;
  const paged =
    topLimit && topLimit.end - topLimit.index === 4
      ? { baseSql: render({ from: topLimit.index, to: topLimit.end }), offset: topLimit.offset, count: topLimit.count }
      : undefined;
  return {
    sql,
    columnNames: outputNames(tokens),
    paged,
    timeSeries: timeSeriesFill(tokens, topLimit ? topLimit.count : DEFAULT_SQL_ROWS),
  };
}

/** Reads `LIMIT x` or `LIMIT y, x` at `i`; rewrites the MySQL order for DuckDB. */
function parseLimit(
  tokens: SqlToken[],
  i: number,
  err: (t: SqlToken, m: string) => QueryError,
): { count: number; offset: number } {
  const a = tokens[i + 1];
  if (!a || a.kind !== 'number' || !/^\d+$/.test(a.text)) throw err(a ?? tokens[i], 'LIMIT takes a whole number of rows');
  const comma = tokens[i + 2];
  if (comma?.kind !== 'comma') return { count: Number(a.text), offset: 0 };
  const b = tokens[i + 3];
  if (!b || b.kind !== 'number' || !/^\d+$/.test(b.text)) throw err(b ?? comma, 'LIMIT offset, count takes two whole numbers');
  const offset = Number(a.text);
  const count = Number(b.text);
  a.text = String(count);
  comma.text = ' OFFSET';
  b.text = String(offset);
  return { count, offset };
}

/** Checks and rewrites the function call whose name is tokens[i]. */
function rewriteCall(tokens: SqlToken[], i: number, schema: LogSchema, full: string): void {
  const name = tokens[i];
  const mapping = mapFunction(name.text);
  switch (mapping.kind) {
    case 'unknown':
      throw QueryError.at(full, name.offset, `Function '${name.text}' not registered`);
    case 'unsupported':
      throw QueryError.at(full, name.offset, `Function '${name.text}' is not supported by the emulator`);
    case 'known':
      break;
  }
  const { args } = callArgs(tokens, i + 1);
  const argToken = (n: number): SqlToken | undefined => {
    const a = args[n];
    return a && a[1] - a[0] === 1 ? tokens[a[0]] : undefined;
  };
  const translateFormat = (n: number): void => {
    const f = argToken(n);
    if (f?.kind !== 'string') return;
    const result = translateDateFormat(f.text.slice(1, -1).replace(/''/g, "'"));
    if (typeof result !== 'string') throw QueryError.at(full, f.offset, `unknown date format specifier '${result.unknown}'`);
    f.text = "'" + result.replace(/'/g, "''") + "'";
  };
  let duckName = mapping.duckName;
  switch (duckName) {
    case 'date_trunc': {
      // SLS accepts UNIX seconds here and then answers in UNIX seconds.
      const arg = argToken(1);
      const column = arg && (arg.kind === 'ident' || arg.kind === 'qident') ? schema.column(arg.text.replace(/"/g, '')) : undefined;
      if (column && column.type !== 'text') duckName = 'sls_date_trunc_unix';
      break;
    }
    case 'sls_date_format':
    case 'strptime':
      translateFormat(1);
      break;
    case 'sls_time_series': {
      const w = argToken(1);
      const seconds = w?.kind === 'string' ? parseSeriesWindow(w.text.slice(1, -1)) : undefined;
      if (!w || seconds === undefined) {
        throw QueryError.at(full, w?.offset ?? name.offset, "time_series needs a window such as '1m', '10m' or '1h'");
      }
      if (args.length !== 4) throw QueryError.at(full, name.offset, 'time_series takes (time, window, format, padding)');
      w.text = String(seconds);
      translateFormat(2);
      break;
    }
  }
  name.text = duckName;
}

/** Recognises `select time_series(t, w, f, pad) as x, … group by … [order by x]` (after rewriting). */
function timeSeriesFill(tokens: SqlToken[], maxRows: number): TimeSeriesFill | undefined {
  const sel = tokens.findIndex((t) => lower(t) === 'select');
  if (sel !== 0 || lower(tokens[1]) !== 'sls_time_series' || tokens[2]?.kind !== 'lparen') return undefined;
  const { args, close } = callArgs(tokens, 2);
  if (args.length !== 4) return undefined;
  const single = (n: number): SqlToken | undefined => (args[n][1] - args[n][0] === 1 ? tokens[args[n][0]] : undefined);
  const w = single(1);
  const f = single(2);
  const pad = single(3);
  let aliasAt = close + 1;
  if (lower(tokens[aliasAt]) === 'as') aliasAt++;
  const alias = tokens[aliasAt];
  if (!w || !/^\d+$/.test(w.text) || f?.kind !== 'string' || !alias || (alias.kind !== 'ident' && alias.kind !== 'qident')) return undefined;
  const rest = tokens.slice(aliasAt + 1).map((t) => (t.kind === 'ident' ? t.text.toLowerCase() : t.text));
  const column = alias.text.replace(/^"|"$/g, '');
  const orderAt = rest.indexOf('order');
  if (!rest.includes('group')) return undefined;
  // Only when the result is in bucket order (or unordered): padding must not reorder the user's sort.
  if (orderAt >= 0) {
    const by = rest.slice(orderAt + 2).filter((x) => x !== 'asc');
    const aliasText = alias.kind === 'ident' ? alias.text.toLowerCase() : alias.text;
    if (by[0] !== aliasText || (by.length > 1 && by[1] !== 'limit')) return undefined;
  }
  const padText = pad?.kind === 'string' ? pad.text.slice(1, -1).toLowerCase() : '0';
  return {
    column,
    windowSeconds: Number(w.text),
    format: f.text.slice(1, -1).replace(/''/g, "'"),
    padding: padText === 'null' ? 'null' : '0',
    maxRows,
  };
}

/** Presto names an unaliased expression `_colN`; DuckDB would name it after the expression. */
function outputNames(tokens: SqlToken[]): (string | undefined)[] {
  let i = 0;
  // Skip a leading WITH … to the top-level SELECT.
  let depth = 0;
  for (; i < tokens.length; i++) {
    const k = tokens[i].kind;
    if (k === 'lparen') depth++;
    else if (k === 'rparen') depth--;
    else if (depth === 0 && lower(tokens[i]) === 'select') break;
  }
  i++;
  if (lower(tokens[i]) === 'distinct' || lower(tokens[i]) === 'all') i++;
  const items: SqlToken[][] = [];
  let current: SqlToken[] = [];
  depth = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'lparen' || t.kind === 'lbracket') depth++;
    else if (t.kind === 'rparen' || t.kind === 'rbracket') depth--;
    if (depth === 0 && (lower(t) === 'from' || CLAUSE_AFTER_FROM.has(lower(t)))) break;
    if (depth === 0 && t.kind === 'comma') {
      items.push(current);
      current = [];
    } else current.push(t);
  }
  items.push(current);
  const names: (string | undefined)[] = [];
  for (const [n, item] of items.entries()) {
    if (item.some((t) => t.kind === 'op' && t.text === '*' && item.length === 1)) return names.map(() => undefined);
    const last = item[item.length - 1];
    const beforeLast = item[item.length - 2];
    const isName = (t: SqlToken | undefined): boolean => t !== undefined && (t.kind === 'ident' || t.kind === 'qident');
    const aliased =
      item.length >= 2 && isName(last) && lower(last) !== 'end' &&
      beforeLast !== undefined && ['ident', 'qident', 'rparen', 'number', 'string', 'rbracket'].includes(beforeLast.kind);
    const bareColumn = item.length === 1 && isName(last);
    const dottedColumn = item.length === 3 && item[1].kind === 'op' && item[1].text === '.' && isName(last);
    names.push(aliased || bareColumn || dottedColumn ? undefined : `_col${n}`);
  }
  return names;
}
