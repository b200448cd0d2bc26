/**
 * Local checks of the search statement (the part before `|`): quoting, brackets, fields,
 * wildcards, operators and numeric comparisons — what SLS would reject or silently match nothing on.
 */
// Namespace import: `t` names tokens throughout this module.
import * as l10n from '@vscode/l10n';
import { fieldSpec } from '../flowlogs/catalog';
import { checkBrackets } from './bracketBalance';
import { diagnostic, quoteForMessage, type Diagnostic } from './diagnostic';
import { absentFieldNote, type KnownFields } from './knownFields';
import type { SearchToken } from './tokenizer';

/** Diagnoses search tokens against the known fields. */
export function diagnoseSearch(tokens: readonly SearchToken[], fields: KnownFields): Diagnostic[] {
  const out: Diagnostic[] = [];
  out.push(...checkQuotes(tokens));
  out.push(...checkBrackets(searchBrackets(tokens)));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.kind) {
      case 'field':
        out.push(...checkField(tokens, i, fields));
        break;
      case 'word':
        out.push(...checkWord(t));
        break;
      case 'comparison':
        out.push(...checkComparison(tokens, i, fields));
        break;
      case 'in':
        out.push(...checkRangeField(tokens, i, fields));
        break;
      case 'operator':
        out.push(...checkOperator(tokens, i));
        break;
      case 'colon':
      case 'string':
      case 'singleQuoted':
      case 'lparen':
      case 'rparen':
      case 'lbracket':
      case 'rbracket':
      case 'unknown':
        break;
    }
  }
  return out;
}

function* searchBrackets(tokens: readonly SearchToken[]): Iterable<{ char: string; from: number; to: number }> {
  for (const t of tokens) {
    if (t.kind === 'lparen' || t.kind === 'rparen' || t.kind === 'lbracket' || t.kind === 'rbracket') {
      yield { char: t.text, from: t.from, to: t.to };
    }
  }
}

function checkQuotes(tokens: readonly SearchToken[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tokens) {
    if ((t.kind === 'string' || t.kind === 'field') && t.terminated === false) {
      out.push(diagnostic('unterminated-string', 'error', t, l10n.t('This double-quoted text has no closing ".')));
    } else if (t.kind === 'singleQuoted') {
      out.push(singleQuoted(t));
    }
  }
  return out;
}

function singleQuoted(t: SearchToken): Diagnostic {
  if (t.terminated === false) {
    return diagnostic('unterminated-string', 'error', t, l10n.t("This single-quoted text has no closing ' — and single quotes are not search syntax; use double quotes."));
  }
  const inner = t.text.slice(1, -1);
  const replacement = `"${inner.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
  return diagnostic(
    'single-quoted-value',
    'warning',
    t,
    l10n.t('Single quotes are not search syntax in SLS, so {0} would not match as intended; use double quotes.', quoteForMessage(t.text)),
    { title: l10n.t('Use {0}', quoteForMessage(replacement)), from: t.from, to: t.to, insert: replacement },
  );
}

function fieldName(t: SearchToken): string {
  return t.text.startsWith('"') ? t.text.slice(1, -1) : t.text;
}

function unknownField(t: SearchToken, name: string, fields: KnownFields): Diagnostic {
  const note = absentFieldNote(name);
  if (note) return diagnostic('unknown-field', 'warning', t, l10n.t('{0} Nothing would match.', note));
  const hint = fields.suggest(name);
  const message = hint
    ? l10n.t("Unknown field \"{0}\": this logstore's index has no such field, so nothing would match. Did you mean {1}?", quoteForMessage(name), hint)
    : l10n.t("Unknown field \"{0}\": this logstore's index has no such field, so nothing would match. Known fields: {1}.", quoteForMessage(name), fields.names.join(', '));
  return diagnostic('unknown-field', 'warning', t, message);
}

function checkField(tokens: readonly SearchToken[], i: number, fields: KnownFields): Diagnostic[] {
  const t = tokens[i];
  const name = fieldName(t);
  const out: Diagnostic[] = [];
  const previous = tokens[i - 2];
  // __tag__:__path__:value — the part after __tag__: is the tag name, not a field.
  const isTagName = previous?.kind === 'field' && fieldName(previous) === '__tag__' && tokens[i - 1]?.kind === 'colon';
  if (!isTagName && !fields.has(name)) out.push(unknownField(t, name, fields));
  const colon = tokens[i + 1];
  const value = tokens[i + 2];
  if (name === '__tag__') return out;
  const range = { from: t.from, to: colon.to };
  const example = `${quoteForMessage(t.text)}:${exampleValue(name)}`;
  if (value === undefined || !isValueToken(value)) {
    out.push(diagnostic('missing-value', 'error', range, l10n.t('{0}: needs a value after the colon, e.g. {1}.', quoteForMessage(t.text), example)));
  } else if (value.from !== colon.to) {
    // Whether SLS joins a value written after a space is not something to rely on: say so, do not block.
    out.push(diagnostic('missing-value', 'warning', range, l10n.t('Write the value right after the colon ({0}); with a space, {1} may be searched as a separate term.', example, quoteForMessage(value.text)), { title: l10n.t('Remove the space'), from: colon.to, to: value.from, insert: '' }));
  }
  return out;
}

function isValueToken(t: SearchToken): boolean {
  return t.kind === 'word' || t.kind === 'string' || t.kind === 'singleQuoted' || t.kind === 'field';
}

function exampleValue(name: string): string {
  switch (fieldSpec(name)?.kind) {
    case 'direction':
      return 'out';
    case 'logStatus':
      return 'OK';
    case 'protocol':
      return '6';
    case 'port':
      return '443';
    case 'ip':
      return '10.0.0.1';
    default:
      return 'value';
  }
}

function checkWord(t: SearchToken): Diagnostic[] {
  if (t.text.length > 1 && (t.text[0] === '*' || t.text[0] === '?')) {
    return [
      diagnostic('leading-wildcard', 'error', t, l10n.t('Search terms cannot start with a wildcard ({0}); SLS matches * and ? only after a prefix, e.g. 10.0.*.', quoteForMessage(t.text))),
    ];
  }
  return [];
}

function checkComparison(tokens: readonly SearchToken[], i: number, fields: KnownFields): Diagnostic[] {
  const op = tokens[i];
  const left = tokens[i - 1];
  const right = tokens[i + 1];
  const out: Diagnostic[] = [];
  if (left?.kind !== 'word') {
    out.push(diagnostic('missing-value', 'error', op, l10n.t('{0} needs a field on its left, e.g. bytes {0} 1000.', op.text)));
  } else {
    out.push(...checkNumericField(left, fields));
  }
  if (right?.kind !== 'word' || !isNumber(right.text)) {
    out.push(diagnostic('missing-value', 'error', right ?? op, l10n.t('{0} needs a number on its right, e.g. bytes {0} 1000.', op.text)));
  }
  return out;
}

function checkRangeField(tokens: readonly SearchToken[], i: number, fields: KnownFields): Diagnostic[] {
  const left = tokens[i - 1];
  if (left?.kind !== 'word') {
    return [diagnostic('missing-value', 'error', tokens[i], l10n.t('in [a b] needs a field on its left, e.g. dstport in [1 1024].'))];
  }
  return checkNumericField(left, fields);
}

/** Numeric comparisons work only on fields indexed as long/double. */
function checkNumericField(left: SearchToken, fields: KnownFields): Diagnostic[] {
  if (!fields.has(left.text)) return [unknownField(left, left.text, fields)];
  const spec = fieldSpec(left.text);
  if (spec?.type === 'text') {
    return [
      diagnostic('numeric-comparison-on-text', 'warning', left, l10n.t('{0} is indexed as text, so numeric comparisons on it match nothing; compare a long field such as bytes or dstport.', left.text)),
    ];
  }
  return [];
}

function isNumber(text: string): boolean {
  return text !== '' && Number.isFinite(Number(text));
}

function checkOperator(tokens: readonly SearchToken[], i: number): Diagnostic[] {
  const t = tokens[i];
  const word = t.text.toLowerCase();
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const binary = word === 'and' || word === 'or';
  const nextMissing = next === undefined || next.kind === 'rparen' || (next.kind === 'operator' && next.text.toLowerCase() !== 'not');
  const prevMissing = prev === undefined || prev.kind === 'lparen' || prev.kind === 'operator';
  if (nextMissing || (binary && prevMissing)) {
    const message = binary
      ? l10n.t('{0} needs a term on both sides, e.g. direction:out {1} dstport:443.', t.text, word)
      : l10n.t('{0} needs a term after it, e.g. not dstport:443.', t.text);
    return [diagnostic('dangling-operator', 'error', t, message)];
  }
  return [];
}
