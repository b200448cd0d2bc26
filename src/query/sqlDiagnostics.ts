/**
 * Local checks of the analytic statement (the part after `|`): statement kind, table, LIMIT rules,
 * `;`, quoting, brackets and column names — the mistakes SLS answers with ParameterInvalid.
 */
// Namespace import: `t` names tokens throughout this module.
import * as l10n from '@vscode/l10n';
import { checkBrackets } from './bracketBalance';
import { diagnostic, quoteForMessage, type Diagnostic } from './diagnostic';
import { absentFieldNote, sqlFieldReference, type KnownFields } from './knownFields';
import { SQL_NILADIC_FUNCTIONS, SQL_TIME_UNITS, SQL_TYPE_NAMES } from './sqlVocabulary';
import type { SqlToken } from './tokenizer';

/** SLS limits on LIMIT (api.md §2): `LIMIT x` ≤ 1,000,000; `LIMIT y, x` with x ≤ 10,000 and x + y ≤ 1,000,000. */
export const SQL_LIMITS = { maxRows: 1_000_000, maxPageRows: 10_000 } as const;

/** Functions whose parentheses contain a FROM that is not a table clause. */
const FROM_IN_ARGUMENTS = new Set(['extract', 'trim', 'substring', 'position', 'overlay']);

/** Diagnoses the SQL part; `range` is its place in the full query and `pipe` the `|` offset. */
export function diagnoseSql(
  all: readonly SqlToken[],
  range: { readonly from: number; readonly to: number },
  pipe: number,
  fields: KnownFields,
): Diagnostic[] {
  const tokens = all.filter((t) => t.kind !== 'comment');
  const out: Diagnostic[] = all.filter((t) => t.kind === 'comment' && t.terminated === false).map((t) => diagnostic('unterminated-comment', 'error', t, l10n.t('This /* comment is never closed; add */.')));
  if (tokens.length === 0) {
    return [...out, diagnostic('empty-sql', 'error', { from: pipe, to: range.to }, l10n.t('Nothing follows "|": write a SELECT statement after it, or remove the "|".'))];
  }
  out.push(...checkStatementKind(tokens[0]));
  out.push(...checkQuotes(tokens));
  out.push(...checkBrackets(sqlBrackets(tokens)));
  out.push(...checkSemicolons(tokens));
  out.push(...checkFrom(tokens));
  out.push(...checkLimits(tokens));
  out.push(...checkColumns(tokens, fields));
  return out;
}

function checkStatementKind(first: SqlToken): Diagnostic[] {
  const word = first.text.toLowerCase();
  if (word === 'select' || word === 'with' || first.text === '(') return [];
  if (word === 'from') {
    return [diagnostic('not-select', 'error', first, l10n.t('Start the statement with SELECT: SLS does not accept FROM-first queries (FROM is optional; the table is log).'))];
  }
  const message =
    first.kind === 'keyword'
      ? l10n.t('SLS runs only SELECT statements after "|"; {0} statements are not allowed.', first.text.toUpperCase())
      : l10n.t('SLS runs only SELECT statements after "|"; "{0}" is not allowed.', quoteForMessage(first.text));
  return [diagnostic('not-select', 'error', first, message)];
}

function checkQuotes(tokens: readonly SqlToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tokens) {
    if (t.terminated !== false) continue;
    if (t.kind === 'string') out.push(diagnostic('unterminated-string', 'error', t, l10n.t("This string has no closing '.")));
    if (t.kind === 'quotedIdentifier') out.push(diagnostic('unterminated-identifier', 'error', t, l10n.t('This quoted name has no closing ".')));
  }
  return out;
}

function* sqlBrackets(tokens: readonly SqlToken[]): Iterable<{ char: string; from: number; to: number }> {
  for (const t of tokens) {
    if (t.kind === 'punctuation' && '()[]'.includes(t.text)) yield { char: t.text, from: t.from, to: t.to };
  }
}

function checkSemicolons(tokens: readonly SqlToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'punctuation' || t.text !== ';') return;
    const last = i === tokens.length - 1;
    const message = last ? l10n.t('Remove the trailing ";": SLS takes one statement without it.') : l10n.t('SLS runs a single statement; remove ";" and what follows.');
    const fix = last ? { title: l10n.t('Remove ";"'), from: t.from, to: t.to, insert: '' } : undefined;
    out.push(diagnostic('trailing-semicolon', 'error', t, message, fix));
  });
  return out;
}

function checkFrom(tokens: readonly SqlToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cteNames = collectCteNames(tokens);
  const callStack: string[] = [];
  tokens.forEach((t, i) => {
    if (t.text === '(') callStack.push(tokens[i - 1]?.text.toLowerCase() ?? '');
    else if (t.text === ')') callStack.pop();
    if (t.kind !== 'keyword' || t.text.toLowerCase() !== 'from') return;
    if (FROM_IN_ARGUMENTS.has(callStack[callStack.length - 1] ?? '')) return;
    const table = tokens[i + 1];
    if (!table) {
      out.push(diagnostic('from-not-log', 'error', t, l10n.t('FROM needs a table: SLS queries read from log (or leave FROM out).')));
      return;
    }
    if (table.text === '(') return;
    const name = table.kind === 'quotedIdentifier' ? table.text.slice(1, -1) : table.text;
    if (name.toLowerCase() === 'log' || cteNames.has(name.toLowerCase())) return;
    out.push(diagnostic('from-not-log', 'error', table, l10n.t('SLS queries read from the table log (or leave FROM out); "{0}" is not a table here.', quoteForMessage(name)), { title: l10n.t('Use log'), from: table.from, to: table.to, insert: 'log' }));
  });
  return out;
}

/** `WITH name AS (…)` names usable after FROM. */
function collectCteNames(tokens: readonly SqlToken[]): Set<string> {
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind === 'keyword' && t.text.toLowerCase() === 'as' && tokens[i + 1]?.text === '(' && tokens[i - 1]) {
      names.add(unquote(tokens[i - 1]).toLowerCase());
    }
  });
  return names;
}

function checkLimits(tokens: readonly SqlToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'keyword' || t.text.toLowerCase() !== 'limit') return;
    const first = tokens[i + 1];
    if (first?.kind === 'keyword' && first.text.toLowerCase() === 'all') return;
    if (first?.kind !== 'number' || !/^\d+$/.test(first.text)) {
      out.push(diagnostic('invalid-limit', 'error', first ?? t, l10n.t('LIMIT needs a whole number of rows, e.g. LIMIT 100 or LIMIT 200, 100.')));
      return;
    }
    const paged = tokens[i + 2]?.text === ',';
    if (!paged) {
      out.push(...checkPlainLimit(t, first));
      return;
    }
    const second = tokens[i + 3];
    if (second?.kind !== 'number' || !/^\d+$/.test(second.text)) {
      out.push(diagnostic('invalid-limit', 'error', second ?? tokens[i + 2], l10n.t('LIMIT offset, rows needs two whole numbers, e.g. LIMIT 200, 100.')));
      return;
    }
    out.push(...checkPagedLimit(t, first, second));
  });
  return out;
}

function checkPlainLimit(limit: SqlToken, rows: SqlToken): Diagnostic[] {
  if (Number(rows.text) <= SQL_LIMITS.maxRows) return [];
  return [diagnostic('limit-too-large', 'error', { from: limit.from, to: rows.to }, l10n.t("LIMIT {0} is over SLS's maximum of 1,000,000 rows.", rows.text))];
}

function checkPagedLimit(limit: SqlToken, offset: SqlToken, rows: SqlToken): Diagnostic[] {
  const y = Number(offset.text);
  const x = Number(rows.text);
  const range = { from: limit.from, to: rows.to };
  if (x > SQL_LIMITS.maxPageRows) {
    return [diagnostic('limit-too-large', 'error', range, l10n.t('LIMIT {0}, {1} asks for {1} rows in one page; SLS allows at most 10,000 (LIMIT offset, rows).', offset.text, rows.text))];
  }
  if (x + y > SQL_LIMITS.maxRows) {
    return [diagnostic('limit-too-large', 'error', range, l10n.t('LIMIT {0}, {1} reaches row {2}; SLS can page only through the first 1,000,000 rows (offset + rows ≤ 1,000,000).', offset.text, rows.text, x + y))];
  }
  return [];
}

function unquote(t: SqlToken): string {
  return t.kind === 'quotedIdentifier' && t.terminated !== false ? t.text.slice(1, -1).replace(/""/g, '"') : t.text;
}

/** Token kinds after which a bare name defines an alias (`count(*) c`, `bytes b`, `AS total`). */
function definesAlias(prev: SqlToken | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === 'keyword') return prev.text.toLowerCase() === 'as';
  return prev.text === ')' || prev.kind === 'identifier' || prev.kind === 'quotedIdentifier' || prev.kind === 'number' || prev.kind === 'string';
}

function collectAliases(tokens: readonly SqlToken[]): Set<string> {
  const aliases = new Set<string>(['log']);
  tokens.forEach((t, i) => {
    if (t.kind !== 'identifier' && t.kind !== 'quotedIdentifier') return;
    const next = tokens[i + 1];
    if (definesAlias(tokens[i - 1]) || next?.text === '->' || (next?.kind === 'keyword' && next.text.toLowerCase() === 'as' && tokens[i + 2]?.text === '(')) {
      aliases.add(unquote(t).toLowerCase());
    }
  });
  return aliases;
}

function checkColumns(tokens: readonly SqlToken[], fields: KnownFields): Diagnostic[] {
  const out: Diagnostic[] = [];
  const aliases = collectAliases(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const chainEnd = hyphenChainEnd(tokens, i);
    if (chainEnd > i) {
      const chain = tokens.slice(i, chainEnd + 1).map((t) => t.text).join('');
      if (fields.hasIgnoringCase(chain)) {
        out.push(unquotedHyphenated(tokens[i], tokens[chainEnd], chain));
        i = chainEnd;
        continue;
      }
    }
    const d = checkName(tokens, i, fields, aliases);
    if (d) out.push(d);
  }
  return out;
}

/** Index of the last token of `a-b-c` written without spaces, or `i` when there is no such chain. */
function hyphenChainEnd(tokens: readonly SqlToken[], i: number): number {
  const isWord = (t: SqlToken | undefined): boolean => t?.kind === 'identifier' || t?.kind === 'keyword';
  if (!isWord(tokens[i])) return i;
  let end = i;
  while (tokens[end + 1]?.text === '-' && tokens[end + 1].from === tokens[end].to && isWord(tokens[end + 2]) && tokens[end + 2].from === tokens[end + 1].to) {
    end += 2;
  }
  return end;
}

function unquotedHyphenated(first: SqlToken, last: SqlToken, chain: string): Diagnostic {
  const quoted = `"${chain}"`;
  return diagnostic(
    'unquoted-hyphenated-field',
    'error',
    { from: first.from, to: last.to },
    l10n.t('{0} must be double-quoted in SQL: written bare it reads as {1}. Write {2}.', chain, chain.split('-').join(' minus '), quoted),
    { title: l10n.t('Quote as {0}', quoted), from: first.from, to: last.to, insert: quoted },
  );
}

/** The name after FROM/JOIN is a table, reported by checkFrom rather than as a column. */
function isTablePosition(prev: SqlToken | undefined): boolean {
  return prev?.kind === 'keyword' && (prev.text.toLowerCase() === 'from' || prev.text.toLowerCase() === 'join');
}

function checkName(tokens: readonly SqlToken[], i: number, fields: KnownFields, aliases: Set<string>): Diagnostic | undefined {
  const t = tokens[i];
  if (t.kind !== 'identifier' && !(t.kind === 'quotedIdentifier' && t.terminated !== false)) return undefined;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.text === '(' || next?.text === '.' || prev?.text === '.' || next?.text === '->') return undefined;
  if (definesAlias(prev) || isTablePosition(prev)) return undefined;
  const name = unquote(t);
  const lower = name.toLowerCase();
  if (aliases.has(lower) || SQL_TYPE_NAMES.has(lower) || SQL_TIME_UNITS.has(lower) || (t.kind === 'identifier' && SQL_NILADIC_FUNCTIONS.has(lower))) return undefined;
  const known = t.kind === 'quotedIdentifier' ? fields.has(name) || fields.hasIgnoringCase(name) : fields.hasIgnoringCase(name);
  if (known) return undefined;
  const note = absentFieldNote(name);
  if (note) return diagnostic('unknown-field', 'error', t, l10n.t('Unknown column "{0}": {1}', quoteForMessage(name), note));
  const hint = fields.suggest(name);
  const message = hint
    ? l10n.t('Unknown column "{0}": the logstore has no such field and no alias of that name is defined. Did you mean {1}?', quoteForMessage(name), sqlFieldReference(hint))
    : l10n.t('Unknown column "{0}": the logstore has no such field and no alias of that name is defined.', quoteForMessage(name));
  return diagnostic('unknown-field', 'error', t, message);
}
