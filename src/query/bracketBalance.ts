/**
 * Bracket matching for both halves of a query: reports closers with no opener, closers of the
 * wrong kind, and openers never closed.
 */
// Namespace import: `t` names the bracket tokens below.
import * as l10n from '@vscode/l10n';
import { diagnostic, type Diagnostic } from './diagnostic';

/** One bracket character and its place in the query. */
export interface BracketToken {
  readonly char: string;
  readonly from: number;
  readonly to: number;
}

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']' };
const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** Checks that every ( and [ among `tokens` is closed by its own kind, in order. */
export function checkBrackets(tokens: Iterable<BracketToken>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: BracketToken[] = [];
  for (const t of tokens) {
    if (PAIRS[t.char]) {
      stack.push(t);
      continue;
    }
    const opener = OPENER_OF[t.char];
    if (!opener) continue;
    const top = stack[stack.length - 1];
    if (top?.char === opener) {
      stack.pop();
    } else if (top) {
      out.push(diagnostic(codeFor(t.char), 'error', t, l10n.t('"{0}" does not match the "{1}" before it; expected "{2}".', t.char, top.char, PAIRS[top.char] ?? '')));
      stack.pop();
    } else {
      out.push(diagnostic(codeFor(t.char), 'error', t, l10n.t('"{0}" has no matching "{1}" before it.', t.char, opener)));
    }
  }
  for (const open of stack) {
    out.push(diagnostic(codeFor(open.char), 'error', open, l10n.t('"{0}" is never closed; add "{1}".', open.char, PAIRS[open.char] ?? '')));
  }
  return out;
}

function codeFor(char: string): 'unbalanced-paren' | 'unbalanced-bracket' {
  return char === '(' || char === ')' ? 'unbalanced-paren' : 'unbalanced-bracket';
}
