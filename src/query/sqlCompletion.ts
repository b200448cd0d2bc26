/**
 * Completion inside the SQL part: fields written as SQL needs them (`"log-status"`), reserved
 * fields, SLS functions with signatures, keywords, `log` after FROM, types inside cast, and
 * values inside a string compared with a field.
 */
// Namespace import: `t` names tokens in this module.
import * as l10n from '@vscode/l10n';
import { RESERVED_FIELDS, fieldSpec } from '../flowlogs/catalog';
import { filterOptions, type CompletionOption, type CompletionResult, type ValueSource } from './completionTypes';
import { sqlFieldReference, type KnownFields } from './knownFields';
import { SQL_COMPLETION_KEYWORDS, SQL_FUNCTIONS, SQL_TYPE_NAMES } from './sqlVocabulary';
import { tokenizeSql, type SqlToken } from './tokenizer';

/** Completes at `cursor` (an offset in the full query) within SQL text starting at `base`. */
export function completeSql(text: string, base: number, cursor: number, fields: KnownFields, values: ValueSource): CompletionResult {
  const tokens = tokenizeSql(text, base).filter((t) => t.kind !== 'comment');
  const at = tokens.findIndex((t) => t.from < cursor && cursor <= t.to && (isCompletable(t) || t.kind === 'number'));
  const typedToken = at >= 0 ? tokens[at] : undefined;
  const beforeTyped = tokens.filter((t) => t.to <= (typedToken ? typedToken.from : cursor));
  // A value typed bare after `field =` or `field in (`: the number (or word) being typed is its start.
  const bareField = typedToken?.kind === 'string' || typedToken?.kind === 'quotedIdentifier' ? undefined : bareComparedField(beforeTyped, fields);
  // Outside a value, a number just typed is an expression already: what may follow it.
  const token = typedToken?.kind === 'number' && bareField === undefined ? undefined : typedToken;
  const before = token ? beforeTyped : tokens.filter((t) => t.to <= cursor);
  const typed = token ? text.slice(token.from - base, cursor - base) : '';
  const from = token ? token.from : cursor;
  const to = token ? token.to : cursor;
  if (token?.kind === 'string') {
    const field = comparedField(before, fields);
    return field ? { from, to, options: filterOptions(stringValueOptions(field, values), typed.replace(/^'/, '')), valueField: field } : { from, to, options: [] };
  }
  if (token?.kind === 'quotedIdentifier') {
    return { from, to, options: filterOptions(quotedFieldOptions(fields), typed) };
  }
  if (bareField !== undefined) {
    const valueOptions = filterOptions(bareValueOptions(bareField, values), typed.replace(/^'/, ''));
    const rest = token?.kind === 'number' ? [] : filterOptions(optionsAfter(before, fields), typed);
    return { from, to, options: [...valueOptions, ...rest], valueField: bareField };
  }
  const options = optionsAfter(before, fields);
  return { from, to, options: filterOptions(options, typed) };
}

function isCompletable(t: SqlToken): boolean {
  return t.kind === 'identifier' || t.kind === 'keyword' || t.kind === 'quotedIdentifier' || t.kind === 'string';
}

function optionsAfter(before: readonly SqlToken[], known: KnownFields): CompletionOption[] {
  const prev = before[before.length - 1];
  const word = prev?.text.toLowerCase();
  if (word === '.') return [];
  if (prev?.kind === 'keyword' && word === 'from') return [logTable()];
  if (prev?.kind === 'keyword' && word === 'as') return insideCast(before) ? typeOptions() : [];
  const afterExpression = prev !== undefined && (prev.kind === 'identifier' || prev.kind === 'quotedIdentifier' || prev.kind === 'number' || prev.kind === 'string' || prev.text === ')');
  const fields = fieldOptions(known);
  return afterExpression ? [...keywordOptions(), ...fields] : [...fields, ...functionOptions(), ...keywordOptions()];
}

/** Whether the innermost open parenthesis belongs to cast/try_cast. */
function insideCast(before: readonly SqlToken[]): boolean {
  const openedBy: string[] = [];
  before.forEach((t, i) => {
    if (t.text === '(') openedBy.push(before[i - 1]?.text.toLowerCase() ?? '');
    else if (t.text === ')') openedBy.pop();
  });
  const inner = openedBy[openedBy.length - 1];
  return inner === 'cast' || inner === 'try_cast';
}

/** The field a string literal is compared with: `"log-status" = '`, `direction in ('in', '`. */
function comparedField(before: readonly SqlToken[], fields: KnownFields): string | undefined {
  const skippable = new Set(['=', '!=', '<>', '(', ',', 'in', 'not', 'like']);
  for (let i = before.length - 1; i >= 0 && i >= before.length - 12; i--) {
    const t = before[i];
    if (t.kind === 'identifier' || t.kind === 'quotedIdentifier') {
      const name = t.kind === 'quotedIdentifier' ? t.text.slice(1, -1) : t.text;
      const match = fields.names.find((n) => n.toLowerCase() === name.toLowerCase());
      return match;
    }
    if (t.kind !== 'string' && !skippable.has(t.text.toLowerCase())) return undefined;
  }
  return undefined;
}

/**
 * The field a bare value is being typed for: `field = |`, `field <> |`, `field in (|`,
 * `field not in ('a', |`. A comma elsewhere (`select dstport, |`) is not a value position.
 */
function bareComparedField(before: readonly SqlToken[], fields: KnownFields): string | undefined {
  const last = before.length - 1;
  const prev = before[last];
  if (!prev) return undefined;
  if (prev.kind === 'operator' && (prev.text === '=' || prev.text === '!=' || prev.text === '<>')) return fieldOf(before[last - 1], fields);
  if (prev.text !== '(' && prev.text !== ',') return undefined;
  // Back over the values already listed to the parenthesis, which must follow IN.
  let i = last;
  while (i >= 0 && before[i].text !== '(') {
    const t = before[i];
    if (t.text !== ',' && t.kind !== 'string' && t.kind !== 'number') return undefined;
    i--;
  }
  if (i < 1 || before[i - 1].text.toLowerCase() !== 'in') return undefined;
  const subject = before[i - 2]?.text.toLowerCase() === 'not' ? before[i - 3] : before[i - 2];
  return fieldOf(subject, fields);
}

function fieldOf(t: SqlToken | undefined, fields: KnownFields): string | undefined {
  if (!t || (t.kind !== 'identifier' && t.kind !== 'quotedIdentifier')) return undefined;
  const name = t.kind === 'quotedIdentifier' ? t.text.slice(1, -1).replace(/""/g, '"') : t.text;
  return t.kind === 'quotedIdentifier' ? fields.names.find((n) => n === name) : fields.names.find((n) => n.toLowerCase() === name.toLowerCase());
}

/** A value as SQL compares it with the field: numbers bare for numeric fields, text in single quotes. */
export function sqlValueLiteral(value: string, numeric: boolean): string {
  return numeric && /^-?\d+(\.\d+)?$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function bareValueOptions(field: string, values: ValueSource): CompletionOption[] {
  const numeric = values.numeric(field);
  return values.values(field).map((v) => {
    const literal = sqlValueLiteral(v.value, numeric);
    return { label: literal, apply: literal, type: 'value', detail: v.detail, info: `${sqlFieldReference(field)} = ${literal}` };
  });
}

function stringValueOptions(field: string, values: ValueSource): CompletionOption[] {
  return values.values(field).map((v) => ({
    label: `'${v.value}'`,
    apply: `'${v.value.replace(/'/g, "''")}'`,
    type: 'value',
    detail: v.detail,
    info: `${sqlFieldReference(field)} = '${v.value}'`,
  }));
}

function fieldInfo(name: string): { detail: string; info: string } {
  const reserved = RESERVED_FIELDS.find((r) => r.name === name);
  if (reserved) return { detail: l10n.t('reserved field'), info: reserved.description };
  const spec = fieldSpec(name);
  if (spec) return { detail: l10n.t('{0} field', spec.type), info: spec.description };
  return { detail: l10n.t('field'), info: l10n.t('Field from the logstore index') };
}

/** Field options for unquoted context: the apply text quotes where SQL needs it. */
function fieldOptions(fields: KnownFields): CompletionOption[] {
  return fields.names.map((name) => ({ label: name, apply: sqlFieldReference(name), type: 'field', ...fieldInfo(name) }));
}

function quotedFieldOptions(fields: KnownFields): CompletionOption[] {
  return fields.names.map((name) => ({ label: `"${name}"`, apply: `"${name.replace(/"/g, '""')}"`, type: 'field', ...fieldInfo(name) }));
}

function functionOptions(): CompletionOption[] {
  return SQL_FUNCTIONS.map((f) => ({ label: f.name, apply: `${f.name}(`, type: 'function', detail: f.signature, info: f.description }));
}

function keywordOptions(): CompletionOption[] {
  return SQL_COMPLETION_KEYWORDS.map((k) => ({ label: k, apply: `${k} `, type: 'keyword', detail: l10n.t('keyword'), info: `SQL ${k}` }));
}

function typeOptions(): CompletionOption[] {
  return [...SQL_TYPE_NAMES].map((t) => ({ label: t, apply: t, type: 'keyword', detail: l10n.t('type'), info: l10n.t('Convert to {0}', t) }));
}

function logTable(): CompletionOption {
  return { label: 'log', apply: 'log', type: 'keyword', detail: l10n.t('table'), info: l10n.t('The logstore being queried (FROM log is optional).') };
}
