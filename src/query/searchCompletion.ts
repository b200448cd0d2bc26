/**
 * Completion inside the search statement: field names (with `:`), values after `field:`,
 * the and/or/not operators and the `|` that starts the SQL part.
 */
// Namespace import: `t` names tokens in this module.
import * as l10n from '@vscode/l10n';
import { RESERVED_FIELDS, fieldSpec } from '../flowlogs/catalog';
import { filterOptions, type CompletionOption, type CompletionResult, type ValueSource } from './completionTypes';
import type { KnownFields } from './knownFields';
import { searchFieldName, searchValueLiteral } from './searchLiteral';
import { tokenizeSearch, type SearchToken } from './tokenizer';

/** Completes at `cursor` (an offset in the full query) within a search text starting at `base`. */
export function completeSearch(text: string, base: number, cursor: number, fields: KnownFields, values: ValueSource): CompletionResult {
  const tokens = tokenizeSearch(text, base);
  const at = tokens.findIndex((t) => t.from < cursor && cursor <= t.to && isCompletable(t));
  const token = at >= 0 ? tokens[at] : undefined;
  const before = at >= 0 ? tokens[at - 1] : lastBefore(tokens, cursor);
  const field = valueFieldFor(tokens, at, before, cursor);
  if (field !== undefined) {
    const from = token ? token.from : cursor;
    return { from, to: token ? token.to : cursor, options: filterOptions(valueOptions(field, values), typedText(text, base, from, cursor)), valueField: field };
  }
  if (token?.kind === 'field') {
    return { from: token.from, to: token.to, options: filterOptions(fieldOptions(fields, false), typedText(text, base, token.from, cursor)) };
  }
  const wordLike = token && (token.kind === 'word' || token.kind === 'operator' || token.kind === 'in');
  const from = wordLike ? token.from : cursor;
  const to = wordLike ? token.to : cursor;
  const previous = wordLike ? tokens[at - 1] : before;
  const options = [...fieldOptions(fields, true), ...operatorOptions(previous)];
  return { from, to, options: filterOptions(options, typedText(text, base, from, cursor)) };
}

/** Tokens the cursor can be "in"; punctuation and colons only mark context. */
function isCompletable(t: SearchToken): boolean {
  return t.kind === 'word' || t.kind === 'field' || t.kind === 'string' || t.kind === 'operator' || t.kind === 'in';
}

function typedText(text: string, base: number, from: number, cursor: number): string {
  return text.slice(from - base, cursor - base);
}

function lastBefore(tokens: readonly SearchToken[], cursor: number): SearchToken | undefined {
  let found: SearchToken | undefined;
  for (const t of tokens) if (t.to <= cursor) found = t;
  return found;
}

/** The field whose value is being typed: `field:|`, `field:va|`, `field:"va|`. */
function valueFieldFor(tokens: readonly SearchToken[], at: number, before: SearchToken | undefined, cursor: number): string | undefined {
  const token = at >= 0 ? tokens[at] : undefined;
  if (token && (token.kind === 'word' || token.kind === 'string')) {
    const colon = tokens[at - 1];
    const name = tokens[at - 2];
    if (colon?.kind === 'colon' && colon.to === token.from && name?.kind === 'field') return unquoteName(name.text);
    return undefined;
  }
  if (!token && before?.kind === 'colon' && before.to === cursor) {
    const index = tokens.indexOf(before);
    const name = tokens[index - 1];
    if (name?.kind === 'field') return unquoteName(name.text);
  }
  return undefined;
}

function unquoteName(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1) : text;
}

function valueOptions(field: string, values: ValueSource): CompletionOption[] {
  return values.values(field).map((v) => ({
    label: v.value,
    apply: searchValueLiteral(v.value),
    type: 'value',
    detail: v.detail,
    info: `${field}:${searchValueLiteral(v.value)}`,
  }));
}

/** Field options; `withColon` when the colon is not typed yet. */
export function fieldOptions(fields: KnownFields, withColon: boolean): CompletionOption[] {
  return fields.names.map((name) => {
    const spec = fieldSpec(name);
    const reserved = RESERVED_FIELDS.find((r) => r.name === name);
    const written = searchFieldName(name);
    return {
      label: name,
      apply: withColon ? `${written}:` : written,
      type: 'field',
      detail: reserved ? l10n.t('reserved field') : spec ? l10n.t('{0} field', spec.type) : l10n.t('field'),
      info: reserved?.description ?? spec?.description ?? l10n.t('Field from the logstore index'),
    };
  });
}

function operatorOptions(previous: SearchToken | undefined): CompletionOption[] {
  if (!previous) return [{ label: '*', apply: '*', type: 'operator', detail: l10n.t('every record'), info: l10n.t('Matches all records; add | SELECT … to analyse them.') }];
  const afterTerm = previous.kind === 'word' || previous.kind === 'string' || previous.kind === 'rparen' || previous.kind === 'rbracket';
  if (!afterTerm) return [{ label: 'not', apply: 'not ', type: 'operator', detail: l10n.t('negation'), info: l10n.t('Excludes records matching the next term.') }];
  return [
    { label: 'and', apply: 'and ', type: 'operator', detail: l10n.t('both terms'), info: l10n.t('Records matching both terms.') },
    { label: 'or', apply: 'or ', type: 'operator', detail: l10n.t('either term'), info: l10n.t('Records matching either term.') },
    { label: 'not', apply: 'not ', type: 'operator', detail: l10n.t('negation'), info: l10n.t('Excludes records matching the next term.') },
    { label: '|', apply: '| SELECT ', type: 'operator', detail: l10n.t('analytic SQL'), info: l10n.t('Starts the SQL part that analyses the matching records.') },
  ];
}
