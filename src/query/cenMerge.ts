/**
 * One analytic statement over every flow log of a CEN: each logstore runs a statement of its own
 * (planned here) and the answers are merged (cenAnswerMerge.ts). Only what merges *exactly* is planned — count, count_if, sum,
 * min, max, avg (as sum/count), expressions over those computed after the merge (cenExpression.ts),
 * GROUP BY with ORDER BY and LIMIT over those, and plain row selections ordered by a selected column. Anything else is refused before running, positioned,
 * saying why. Pure: decided with the tokenizer, shared by the webview editor and the host.
 */
import { t } from '@vscode/l10n';
import { closingBracket, isPunct, isWord, parseCenExpression, type CenExpression, type ExpressionFailure } from './cenExpression';
import { diagnostic, quoteForMessage, type Diagnostic } from './diagnostic';
import { queryShape, type TrailingLimit } from './queryShape';
import { splitQuery, tokenizeSql, type SqlToken } from './tokenizer';

/** What SLS returns for SQL without LIMIT; a plain row selection merges to as many. */
export const SQL_DEFAULT_ROWS = 100;
/** Groups one logstore may answer with (SLS's LIMIT ceiling); more would make the merge inexact. */
export const MAX_GROUPS_PER_LOGSTORE = 1_000_000;

export type MergeOp = 'count' | 'sum' | 'min' | 'max';

/** One column of the merged answer, read from the per-logstore answers' columns (by position). */
export type MergedColumn =
  | { readonly kind: 'key'; readonly at: number }
  | { readonly kind: 'aggregate'; readonly op: MergeOp; readonly at: number }
  | { readonly kind: 'average'; readonly sumAt: number; readonly countAt: number }
  /** An expression over aggregates: its partials merged like aggregate columns, then the expression evaluated per group. */
  | { readonly kind: 'computed'; readonly expression: CenExpression; readonly partials: readonly { readonly op: MergeOp; readonly at: number }[] };

/** A sort key: a column position of the merged answer, or (for `SELECT *`) a column name. */
export interface OrderKey {
  readonly column: number | string;
  readonly descending: boolean;
}

export type CenSqlPlan =
  /** Aggregates (with or without GROUP BY): each logstore returns every group's partials. */
  | {
      readonly kind: 'grouped';
      readonly statement: string;
      readonly columns: readonly MergedColumn[];
      readonly keyPositions: readonly number[];
      readonly order: readonly OrderKey[];
      readonly limit?: TrailingLimit;
    }
  /** A row selection: each logstore returns its first offset+count rows in the same order. */
  | { readonly kind: 'rows'; readonly statement: string; readonly order: readonly OrderKey[]; readonly limit: TrailingLimit; readonly defaultLimit: boolean };

export type CenSqlAnalysis = { readonly ok: true; readonly plan: CenSqlPlan } | { readonly ok: false; readonly problems: readonly Diagnostic[] };

const MERGEABLE: ReadonlyMap<string, MergeOp | 'avg'> = new Map<string, MergeOp | 'avg'>([
  ['count', 'count'],
  ['count_if', 'count'],
  ['sum', 'sum'],
  ['min', 'min'],
  ['max', 'max'],
  ['avg', 'avg'],
]);

/** Aggregates whose per-logstore answers cannot be combined into the answer over all records. */
const NOT_MERGEABLE: ReadonlyMap<string, () => string> = new Map<string, () => string>([
  ['approx_percentile', () => t('a percentile of the union is not a function of each flow log\'s percentiles')],
  ['approx_distinct', () => t('a value seen in two flow logs would be counted twice')],
  ['percentile', () => t('a percentile of the union is not a function of each flow log\'s percentiles')],
  ['median', () => t('a median of the union is not a function of each flow log\'s medians')],
  ['arbitrary', () => t('which record it picks differs per flow log')],
  ['max_by', () => t('it needs the records behind each flow log\'s answer')],
  ['min_by', () => t('it needs the records behind each flow log\'s answer')],
  ['histogram', () => t('its maps are not added up across flow logs here')],
  ['array_agg', () => t('its arrays are not combined across flow logs here')],
  ['map_agg', () => t('its maps are not combined across flow logs here')],
  ['string_agg', () => t('its strings are not combined across flow logs here')],
  ['listagg', () => t('its strings are not combined across flow logs here')],
  ['stddev', () => t('a deviation of the union is not a function of each flow log\'s deviations')],
  ['stddev_pop', () => t('a deviation of the union is not a function of each flow log\'s deviations')],
  ['stddev_samp', () => t('a deviation of the union is not a function of each flow log\'s deviations')],
  ['variance', () => t('a variance of the union is not a function of each flow log\'s variances')],
  ['var_pop', () => t('a variance of the union is not a function of each flow log\'s variances')],
  ['var_samp', () => t('a variance of the union is not a function of each flow log\'s variances')],
  ['geometric_mean', () => t('it is not a function of each flow log\'s means')],
  ['corr', () => t('it is not a function of each flow log\'s correlations')],
  ['covar_pop', () => t('it is not a function of each flow log\'s covariances')],
  ['covar_samp', () => t('it is not a function of each flow log\'s covariances')],
  ['kurtosis', () => t('it is not a function of each flow log\'s answers')],
  ['skewness', () => t('it is not a function of each flow log\'s answers')],
  ['bool_and', () => t('it is not combined across flow logs here')],
  ['bool_or', () => t('it is not combined across flow logs here')],
  ['checksum', () => t('it is not combined across flow logs here')],
  ['numeric_histogram', () => t('its buckets differ per flow log')],
  ['approx_set', () => t('its sketches are not combined across flow logs here')],
]);

function refuse(range: { from: number; to: number }, message: string): Diagnostic {
  return diagnostic('not-mergeable', 'error', range, t("Cannot merge across the CEN's flow logs: {0} Run it per flow log instead.", message));
}

const lower = (t: SqlToken | undefined): string => (t ? t.text.toLowerCase() : '');

/** Index of the bracket closing the one at `open` (or the last token when unbalanced). */
function closing(tokens: readonly SqlToken[], open: number): number {
  return closingBracket(tokens, open) ?? tokens.length - 1;
}

/** Index of the bracket opening the one at `close` (or 0). */
function opening(tokens: readonly SqlToken[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (isPunct(tokens[i], ')') || isPunct(tokens[i], ']')) depth++;
    else if (isPunct(tokens[i], '(') || isPunct(tokens[i], '[')) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return 0;
}

function isCall(tokens: readonly SqlToken[], i: number): boolean {
  return (tokens[i].kind === 'identifier' || tokens[i].kind === 'keyword') && isPunct(tokens[i + 1], '(');
}

/** Everything anywhere in the statement that no merge can make exact. */
function forbidden(tokens: readonly SqlToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (isPunct(tok, '(') || isPunct(tok, '[')) depth++;
    else if (isPunct(tok, ')') || isPunct(tok, ']')) depth = Math.max(0, depth - 1);
    const word = lower(tok);
    if (isWord(tok, 'over')) {
      const close = i > 0 && isPunct(tokens[i - 1], ')') ? i - 1 : -1;
      const open = close >= 0 ? opening(tokens, close) : -1;
      const start = open > 0 ? tokens[open - 1] : tok;
      const end = isPunct(tokens[i + 1], '(') ? tokens[closing(tokens, i + 1)] : tok;
      out.push(refuse({ from: start.from, to: end.to }, t("a window function (OVER) sees only one flow log's rows in each logstore.")));
    } else if (isWord(tok, 'distinct')) {
      const inCall = i >= 2 && isPunct(tokens[i - 1], '(') && isCall(tokens, i - 2);
      const range = inCall ? { from: tokens[i - 2].from, to: tokens[closing(tokens, i - 1)].to } : tok;
      out.push(refuse(range, inCall ? t('{0}(DISTINCT …) would count a value seen in two flow logs twice.', lower(tokens[i - 2])) : t('SELECT DISTINCT is not merged across flow logs; GROUP BY the columns and count(*) instead.')));
    } else if (isWord(tok, 'select') && depth > 0) {
      out.push(refuse(tok, t('a subquery runs inside one logstore at a time.')));
    } else if (depth === 0 && (word === 'join' || word === 'union' || word === 'intersect' || word === 'except')) {
      out.push(refuse(tok, t("{0} combines rows inside one logstore; it cannot span the CEN's logstores.", tok.text.toUpperCase())));
    } else if (i === 0 && isWord(tok, 'with')) {
      out.push(refuse(tok, t('WITH (a common table expression) runs inside one logstore at a time.')));
    } else if (isCall(tokens, i) && NOT_MERGEABLE.has(word)) {
      out.push(refuse({ from: tok.from, to: tokens[closing(tokens, i + 1)].to }, t('{0}(…) — {1}.', tok.text, NOT_MERGEABLE.get(word)?.() ?? '')));
    }
  }
  return out;
}

interface SelectItem {
  /** The expression's tokens (alias excluded). */
  readonly expr: readonly SqlToken[];
  readonly alias?: SqlToken;
  readonly from: number;
  readonly to: number;
}

/** Splits tokens on commas outside brackets. */
function splitTopLevel(tokens: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(') || isPunct(t, '[')) depth++;
    else if (isPunct(t, ')') || isPunct(t, ']')) depth = Math.max(0, depth - 1);
    if (depth === 0 && isPunct(t, ',')) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function selectItem(tokens: readonly SqlToken[]): SelectItem {
  const n = tokens.length;
  const last = tokens[n - 1];
  const named = last.kind === 'identifier' || last.kind === 'quotedIdentifier';
  if (n >= 3 && named && isWord(tokens[n - 2], 'as')) return { expr: tokens.slice(0, n - 2), alias: last, from: tokens[0].from, to: last.to };
  const before = tokens[n - 2];
  if (n >= 2 && named && before !== undefined && (isPunct(before, ')') || before.kind === 'identifier' || before.kind === 'quotedIdentifier')) {
    return { expr: tokens.slice(0, n - 1), alias: last, from: tokens[0].from, to: last.to };
  }
  return { expr: tokens, from: tokens[0].from, to: last.to };
}

/** Text of an expression with spacing and case of words normalised, to match ORDER BY against SELECT. */
function normalised(tokens: readonly SqlToken[]): string {
  return tokens.map((t) => (t.kind === 'identifier' || t.kind === 'keyword' ? t.text.toLowerCase() : t.text)).join(' ');
}

function nameOf(t: SqlToken): string {
  return t.kind === 'quotedIdentifier' ? t.text.slice(1, -1).replace(/""/g, '"') : t.text.toLowerCase();
}

/** The aggregate an item is, when it is exactly one mergeable call; 'expression' when aggregates sit inside a larger expression. */
function aggregateOf(expr: readonly SqlToken[]): { op: MergeOp | 'avg' } | 'expression' | undefined {
  const calls = expr.map((t, i) => (isCall(expr, i) && MERGEABLE.has(lower(t)) ? i : -1)).filter((i) => i >= 0);
  if (calls.length === 0) return undefined;
  if (calls.length === 1 && calls[0] === 0 && closing(expr, 1) === expr.length - 1) return { op: MERGEABLE.get(lower(expr[0])) ?? 'count' };
  return 'expression';
}

/** A partial aggregate an expression needs from each logstore: what to select, and how to merge it. */
interface Partial {
  readonly op: MergeOp;
  readonly text: string;
  /** Normalised text: the same aggregate selected twice is fetched once. */
  readonly key: string;
}

interface PlannedExpression {
  readonly expression: CenExpression;
  readonly partials: readonly Partial[];
}

/** The part of an expression over aggregates that cannot be computed after the merge, and why. */
function expressionRefusal(f: ExpressionFailure): Diagnostic {
  const part =
    f.reason === 'function'
      ? t('{0}(…) is not computed after the merge.', f.part)
      : f.reason === 'column'
        ? t('"{0}" is not a GROUP BY column, so it has no one value per merged group.', quoteForMessage(f.part))
        : t('"{0}" is not computed after the merge.', quoteForMessage(f.part));
  return refuse(f, t('{0} An expression over aggregates is computed from the merged count, count_if, sum, min, max and avg with numbers, strings, the GROUP BY columns, + - * / %, round, CASE WHEN (=, <>, <, >, AND, OR, NOT, IS NULL) and CAST(… AS double).', part));
}

interface Clauses {
  readonly select: number;
  readonly selectEnd: number;
  readonly groupBy?: number;
  readonly having?: number;
  readonly orderBy?: number;
  readonly limit?: number;
}

/** Where the top-level clauses start (token indexes). */
function clauses(tokens: readonly SqlToken[]): Clauses | undefined {
  if (!isWord(tokens[0], 'select')) return undefined;
  let depth = 0;
  let selectEnd = tokens.length;
  const found: { groupBy?: number; having?: number; orderBy?: number; limit?: number } = {};
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (isPunct(t, '(') || isPunct(t, '[')) depth++;
    else if (isPunct(t, ')') || isPunct(t, ']')) depth = Math.max(0, depth - 1);
    if (depth > 0 || t.kind !== 'keyword') continue;
    const w = lower(t);
    const starts = w === 'from' || w === 'where' || (w === 'group' && isWord(tokens[i + 1], 'by')) || w === 'having' || (w === 'order' && isWord(tokens[i + 1], 'by')) || w === 'limit';
    if (starts && selectEnd === tokens.length) selectEnd = i;
    if (w === 'group' && isWord(tokens[i + 1], 'by')) found.groupBy ??= i;
    else if (w === 'having') found.having ??= i;
    else if (w === 'order' && isWord(tokens[i + 1], 'by')) found.orderBy ??= i;
    else if (w === 'limit') found.limit ??= i;
  }
  return { select: 0, selectEnd, ...found };
}

/** Resolves ORDER BY items to merged column positions (or names under `SELECT *`). */
function orderKeys(tokens: readonly SqlToken[], items: readonly SelectItem[], star: boolean): { keys: OrderKey[]; problems: Diagnostic[] } {
  const keys: OrderKey[] = [];
  const problems: Diagnostic[] = [];
  for (const part of splitTopLevel(tokens)) {
    let end = part.length;
    let descending = false;
    if (isWord(part[end - 1], 'first') || isWord(part[end - 1], 'last')) end -= 2;
    if (isWord(part[end - 1], 'desc') || isWord(part[end - 1], 'asc')) {
      descending = isWord(part[end - 1], 'desc');
      end--;
    }
    const expr = part.slice(0, Math.max(1, end));
    const column = resolveColumn(expr, items, star);
    if (column === undefined) {
      problems.push(refuse({ from: expr[0].from, to: expr[expr.length - 1].to }, t('ORDER BY "{0}" must name a selected column (its alias, its position, or the same expression) to sort the merged rows.', quoteForMessage(expr.map((e) => e.text).join(' ')))));
    } else keys.push({ column, descending });
  }
  return { keys, problems };
}

function resolveColumn(expr: readonly SqlToken[], items: readonly SelectItem[], star: boolean): number | string | undefined {
  if (expr.length === 1 && expr[0].kind === 'number' && /^\d+$/.test(expr[0].text)) {
    const at = Number(expr[0].text) - 1;
    return at >= 0 && at < items.length ? at : undefined;
  }
  if (expr.length === 1 && (expr[0].kind === 'identifier' || expr[0].kind === 'quotedIdentifier')) {
    const name = nameOf(expr[0]);
    const byAlias = items.findIndex((it) => it.alias !== undefined && nameOf(it.alias) === name);
    if (byAlias >= 0) return byAlias;
  }
  const text = normalised(expr);
  const byExpr = items.findIndex((it) => normalised(it.expr) === text);
  if (byExpr >= 0) return byExpr;
  if (star && expr.length === 1 && (expr[0].kind === 'identifier' || expr[0].kind === 'quotedIdentifier')) return nameOf(expr[0]);
  return undefined;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Plans `query` (a full `search | sql` query) for a CEN, or says positioned why it cannot be
 * merged exactly. A search-only query needs no plan (its records are merged by time).
 */
export function planCenSql(query: string): CenSqlAnalysis | undefined {
  const parts = splitQuery(query);
  if (!parts.sql) return undefined;
  const sqlText = parts.sql.text;
  const tokens = tokenizeSql(sqlText, parts.sql.from).filter((t) => t.kind !== 'comment');
  if (tokens.length === 0) return { ok: false, problems: [] };
  const problems = forbidden(tokens);
  const c = clauses(tokens);
  if (!c) {
    if (problems.length === 0) problems.push(refuse(tokens[0], t('only a SELECT statement can be merged.')));
    return { ok: false, problems };
  }
  const items = splitTopLevel(tokens.slice(1, c.selectEnd)).map(selectItem);
  const star = items.some((it) => it.expr.length === 1 && it.expr[0].kind === 'operator' && it.expr[0].text === '*');
  const aggregates = items.map((it) => aggregateOf(it.expr));
  const grouped = c.groupBy !== undefined || aggregates.some((a) => a !== undefined);
  const base = parts.sql.from;
  const slice = (from: number, to: number): string => sqlText.slice(from - base, to - base);
  if (grouped && c.having !== undefined) {
    const end = c.orderBy ?? c.limit ?? tokens.length;
    problems.push(refuse({ from: tokens[c.having].from, to: tokens[end - 1].to }, t("HAVING would filter each flow log's partial groups before they are added up.")));
  }
  const groupBy = c.groupBy;
  const groupKeys = new Set<number>();
  if (groupBy !== undefined) {
    const groupEnd = [c.having, c.orderBy, c.limit].filter((i): i is number => i !== undefined && i > groupBy).reduce((m, i) => Math.min(m, i), tokens.length);
    for (const key of splitTopLevel(tokens.slice(groupBy + 2, groupEnd))) {
      const at = resolveColumn(key, items, false);
      if (typeof at !== 'number' || aggregates[at] !== undefined) {
        problems.push(refuse({ from: key[0].from, to: key[key.length - 1].to }, t('GROUP BY "{0}" must be a selected column: the groups of each flow log are matched by the selected keys.', quoteForMessage(key.map((k) => k.text).join(' ')))));
      } else groupKeys.add(at);
    }
  }
  const expressions = new Map<number, PlannedExpression>();
  aggregates.forEach((a, i) => {
    if (a !== 'expression') return;
    const it = items[i];
    // A part refused for itself (a percentile, DISTINCT …) needs no second refusal here.
    if (problems.some((p) => p.from >= it.from && p.to <= it.to)) return;
    const planned = planExpression(it.expr, items, groupKeys, slice);
    if ('expression' in planned) expressions.set(i, planned);
    else problems.push(expressionRefusal(planned));
  });
  const orderEnd = c.limit ?? tokens.length;
  const ordered = c.orderBy !== undefined ? orderKeys(tokens.slice(c.orderBy + 2, orderEnd), items, star && !grouped) : { keys: [], problems: [] };
  problems.push(...ordered.problems);
  const shape = queryShape(query).sql;
  if (c.limit !== undefined && !shape?.trailingLimit) problems.push(refuse(tokens[c.limit], t('only a LIMIT of whole numbers at the end of the statement is merged.')));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.from - b.from) };

  // The statement from FROM/WHERE/GROUP BY up to ORDER BY / LIMIT, as typed.
  const middleStart = c.selectEnd < tokens.length ? tokens[c.selectEnd].from : undefined;
  const middleEndToken = c.orderBy ?? c.limit ?? tokens.length;
  const middle = middleStart !== undefined && c.selectEnd < middleEndToken ? slice(middleStart, tokens[middleEndToken - 1].to) : '';

  if (!grouped) {
    const defaultLimit = !shape?.trailingLimit;
    const limit = shape?.trailingLimit ?? { offset: 0, count: SQL_DEFAULT_ROWS };
    const order = c.orderBy !== undefined ? ` ${slice(tokens[c.orderBy].from, tokens[orderEnd - 1].to)}` : '';
    const statement = `${slice(tokens[0].from, tokens[c.selectEnd - 1].to)}${middle ? ` ${middle}` : ''}${order} LIMIT ${limit.offset + limit.count}`;
    return { ok: true, plan: { kind: 'rows', statement, order: ordered.keys, limit, defaultLimit } };
  }

  const columns: MergedColumn[] = [];
  const selectTexts: string[] = [];
  const extra: string[] = [];
  // Where each plain aggregate is answered, so an expression's partial that is also selected is fetched once.
  const fetched = new Map<string, number>();
  aggregates.forEach((a, i) => {
    if (a !== undefined && a !== 'expression' && a.op !== 'avg') fetched.set(normalised(items[i].expr), i);
  });
  items.forEach((it, i) => {
    const a = aggregates[i];
    const text = slice(it.from, it.to);
    const planned = expressions.get(i);
    if (planned) {
      // Its own column carries its first partial under its name; the others trail as hidden columns.
      const alias = it.alias ? it.alias.text : quoteIdentifier(slice(it.expr[0].from, it.expr[it.expr.length - 1].to));
      const at = planned.partials.map((p, k) => {
        if (k === 0) {
          selectTexts.push(`${p.text} AS ${alias}`);
          return i;
        }
        const known = fetched.get(p.key);
        if (known !== undefined) return known;
        const position = items.length + extra.length;
        extra.push(`${p.text} AS ${quoteIdentifier(`__cen_part_${extra.length}`)}`);
        fetched.set(p.key, position);
        return position;
      });
      if (planned.partials.length === 0) selectTexts.push(text);
      columns.push({ kind: 'computed', expression: planned.expression, partials: planned.partials.map((p, k) => ({ op: p.op, at: at[k] })) });
    } else if (a === undefined || a === 'expression') {
      columns.push({ kind: 'key', at: i });
      selectTexts.push(text);
    } else if (a.op === 'avg') {
      const args = slice(it.expr[1].from, it.expr[it.expr.length - 1].to);
      const alias = it.alias ? it.alias.text : quoteIdentifier(slice(it.expr[0].from, it.expr[it.expr.length - 1].to));
      columns.push({ kind: 'average', sumAt: i, countAt: items.length + extra.length });
      selectTexts.push(`sum${args} AS ${alias}`);
      extra.push(`count${args} AS ${quoteIdentifier(`__cen_count_${extra.length}`)}`);
    } else {
      columns.push({ kind: 'aggregate', op: a.op, at: i });
      selectTexts.push(text);
    }
  });
  const keyPositions = columns.flatMap((col) => (col.kind === 'key' ? [col.at] : []));
  // Every group of every logstore, in a stable order so LIMIT pages of one answer never overlap.
  const stableOrder = keyPositions.length > 0 ? ` ORDER BY ${keyPositions.map((p) => p + 1).join(', ')}` : '';
  const statement = `SELECT ${[...selectTexts, ...extra].join(', ')}${middle ? ` ${middle}` : ''}${stableOrder} LIMIT ${MAX_GROUPS_PER_LOGSTORE}`;
  return { ok: true, plan: { kind: 'grouped', statement, columns, keyPositions, order: ordered.keys, limit: shape?.trailingLimit } };
}

/**
 * Parses an expression over aggregates: each mergeable aggregate becomes a partial (avg a sum and a
 * count), each column must be a selected GROUP BY key (its value is the group's).
 */
function planExpression(expr: readonly SqlToken[], items: readonly SelectItem[], groupKeys: ReadonlySet<number>, slice: (from: number, to: number) => string): PlannedExpression | ExpressionFailure {
  const partials: Partial[] = [];
  const partial = (op: MergeOp, text: string, key: string): number => {
    const known = partials.findIndex((p) => p.key === key);
    if (known >= 0) return known;
    partials.push({ op, text, key });
    return partials.length - 1;
  };
  const parsed = parseCenExpression(expr, {
    aggregate: (name, call) => {
      const op = MERGEABLE.get(name);
      if (op === undefined) return undefined;
      const args = call.slice(1);
      const argsText = slice(args[0].from, args[args.length - 1].to);
      if (op === 'avg') return { kind: 'average', sum: partial('sum', `sum${argsText}`, `sum ${normalised(args)}`), count: partial('count', `count${argsText}`, `count ${normalised(args)}`) };
      const index = partial(op, slice(call[0].from, call[call.length - 1].to), normalised(call));
      // sum/min/max of a double (a number with a point, a cast to double) is a double even when whole.
      const double = op !== 'count' && args.some((a) => (a.kind === 'number' && !/^\d+$/.test(a.text)) || (a.kind === 'identifier' && lower(a) === 'double'));
      return double ? { kind: 'partial', index, double } : { kind: 'partial', index };
    },
    column: (token) => {
      if (token.kind !== 'identifier' && token.kind !== 'quotedIdentifier') return undefined;
      const name = nameOf(token);
      const at = [...groupKeys].find((k) => {
        const key = items[k].expr;
        return key.length === 1 && (key[0].kind === 'identifier' || key[0].kind === 'quotedIdentifier') && nameOf(key[0]) === name;
      });
      return at === undefined ? undefined : { kind: 'key', at };
    },
  });
  return parsed.ok ? { expression: parsed.expression, partials } : parsed;
}

/** The positioned reasons a query cannot run across a CEN's flow logs (empty when it can). */
export function cenRefusals(query: string): Diagnostic[] {
  const analysis = planCenSql(query);
  return analysis && !analysis.ok ? [...analysis.problems] : [];
}
