/**
 * Bracket matching for both halves of a query: reports closers with no opener, closers of the
 * wrong kind, and openers never closed.
 */
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
      out.push(diagnostic(codeFor(t.char), 'error', t, `"${t.char}" does not match the "${top.char}" before it; expected "${PAIRS[top.char]}".`));
      stack.pop();
    } else {
      out.push(diagnostic(codeFor(t.char), 'error', t, `"${t.char}" has no matching "${opener}" before it.`));
    }
  }
  for (const open of stack) {
    out.push(diagnostic(codeFor(open.char), 'error', open, `"${open.char}" is never closed; add "${PAIRS[open.char]}".`));
  }
  return out;
}

function codeFor(char: string): 'unbalanced-paren' | 'unbalanced-bracket' {
  return char === '(' || char === ')' ? 'unbalanced-paren' : 'unbalanced-bracket';
}
