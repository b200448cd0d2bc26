/**
 * Which highlight class each token of an SLS query gets, from the shared tokenizer. Pure (no
 * CodeMirror), so the colouring rules are unit-tested; queryHighlight.ts turns them into marks.
 */
import { tokenizeQuery, type SearchTokenKind, type SqlToken } from '../../src/query/tokenizer';

export type TokenClass = 'tok-field' | 'tok-string' | 'tok-keyword' | 'tok-operator' | 'tok-punct' | 'tok-function' | 'tok-number' | 'tok-comment' | 'tok-pipe';

export interface HighlightRange {
  readonly from: number;
  readonly to: number;
  readonly cls: TokenClass;
}

function searchClass(kind: SearchTokenKind): TokenClass | undefined {
  switch (kind) {
    case 'field': return 'tok-field';
    case 'string': return 'tok-string';
    case 'singleQuoted': return 'tok-string';
    case 'operator': case 'in': return 'tok-keyword';
    case 'comparison': case 'colon': return 'tok-operator';
    case 'lparen': case 'rparen': case 'lbracket': case 'rbracket': return 'tok-punct';
    case 'word': return undefined;
    case 'unknown': return undefined;
  }
}

function sqlClass(t: SqlToken, next: SqlToken | undefined): TokenClass | undefined {
  switch (t.kind) {
    case 'keyword': return 'tok-keyword';
    case 'identifier': return next?.text === '(' ? 'tok-function' : 'tok-field';
    case 'quotedIdentifier': return 'tok-field';
    case 'string': return 'tok-string';
    case 'number': return 'tok-number';
    case 'operator': return 'tok-operator';
    case 'punctuation': return 'tok-punct';
    case 'comment': return 'tok-comment';
    case 'unknown': return undefined;
  }
}

/** Highlight ranges in document order (search tokens, the pipe, then SQL tokens). */
export function highlightRanges(text: string): HighlightRange[] {
  const { parts, search, sql } = tokenizeQuery(text);
  const out: HighlightRange[] = [];
  for (const t of search) {
    const cls = searchClass(t.kind);
    if (cls && t.to > t.from) out.push({ from: t.from, to: t.to, cls });
  }
  if (parts.pipe !== undefined) out.push({ from: parts.pipe, to: parts.pipe + 1, cls: 'tok-pipe' });
  for (let i = 0; i < sql.length; i++) {
    const t = sql[i];
    const cls = sqlClass(t, sql[i + 1]);
    if (cls && t.to > t.from) out.push({ from: t.from, to: t.to, cls });
  }
  return out;
}
