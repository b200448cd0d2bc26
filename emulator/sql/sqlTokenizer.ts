/** Lexes SLS (Presto-flavoured) SQL into tokens that keep their offsets in the user's query. */
import { QueryError } from './queryError';

export type SqlTokenKind = 'ident' | 'qident' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'lbracket' | 'rbracket' | 'other';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  text: string;
  /** Offset in the full query text. */
  readonly offset: number;
  /** Whitespace/comments before the token, kept so the rewritten SQL stays readable. */
  readonly before: string;
}

const OPERATORS = ['::', '->', '>=', '<=', '<>', '!=', '||', '**', '//', '=', '<', '>', '+', '-', '*', '/', '%', '.', ';', '{', '}', '?', '$', '&', '|', '^', '~', '@', '!', ':'];

export function tokenizeSql(sql: string, base: number, full: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let before = '';
  const push = (kind: SqlTokenKind, text: string, at: number): void => {
    tokens.push({ kind, text, offset: base + at, before });
    before = '';
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      before += ch;
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      before += sql.slice(i, stop);
      i = stop;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw QueryError.at(full, base + i, 'unterminated comment');
      before += ' ';
      i = end + 2;
    } else if (ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw QueryError.at(full, base + i, 'unterminated string literal');
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      push('string', sql.slice(i, j + 1), i);
      i = j + 1;
    } else if (ch === '"' || ch === '`') {
      const j = sql.indexOf(ch, i + 1);
      if (j < 0) throw QueryError.at(full, base + i, 'unterminated quoted identifier');
      // Backticks (MySQL style, accepted by SLS) become standard double quotes.
      push('qident', '"' + sql.slice(i + 1, j).replace(/"/g, '""') + '"', i);
      i = j + 1;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
      const text = m ? m[0] : ch;
      push('number', text, i);
      i += text.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i));
      const text = m ? m[0] : ch;
      push('ident', text, i);
      i += text.length;
    } else if (ch === '(' || ch === ')') {
      push(ch === '(' ? 'lparen' : 'rparen', ch, i);
      i++;
    } else if (ch === '[' || ch === ']') {
      push(ch === '[' ? 'lbracket' : 'rbracket', ch, i);
      i++;
    } else if (ch === ',') {
      push('comma', ch, i);
      i++;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (!op) throw QueryError.at(full, base + i, `unexpected character '${ch}'`);
      push('op', op, i);
      i += op.length;
    }
  }
  return tokens;
}
