/**
 * SLS search statements (the part before `|`) parsed into a small tree: full-text terms,
 * `field:value` (with `*`/`?` wildcards), numeric comparisons and `in [a b]` ranges on long
 * fields, `and`/`or`/`not` (a space means `and`), parentheses and double-quoted values/names.
 */
import { QueryError } from './queryError';

export type SearchNode =
  | { readonly type: 'all' }
  | { readonly type: 'text'; readonly value: string; readonly quoted: boolean; readonly offset: number }
  | { readonly type: 'field'; readonly field: string; readonly value: string; readonly quoted: boolean; readonly offset: number }
  | {
      readonly type: 'compare';
      readonly field: string;
      readonly op: '>' | '>=' | '<' | '<=' | '=';
      readonly value: number;
      readonly offset: number;
    }
  | {
      readonly type: 'range';
      readonly field: string;
      readonly low: number;
      readonly high: number;
      readonly lowInclusive: boolean;
      readonly highInclusive: boolean;
      readonly offset: number;
    }
  | { readonly type: 'and' | 'or'; readonly left: SearchNode; readonly right: SearchNode }
  | { readonly type: 'not'; readonly operand: SearchNode };

type TokenKind = 'word' | 'quoted' | 'lparen' | 'rparen' | 'colon' | 'op' | 'lbracket' | 'rbracket';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

const SPECIAL = new Set(['(', ')', ':', '"', '[', ']', '<', '>', '=']);

function tokenize(text: string, base: number, full: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, offset: base + i });
      i++;
    } else if (ch === '[' || ch === ']') {
      tokens.push({ kind: ch === '[' ? 'lbracket' : 'rbracket', text: ch, offset: base + i });
      i++;
    } else if (ch === ':') {
      tokens.push({ kind: 'colon', text: ch, offset: base + i });
      i++;
    } else if (ch === '<' || ch === '>' || ch === '=') {
      const op = text[i + 1] === '=' && ch !== '=' ? ch + '=' : ch;
      tokens.push({ kind: 'op', text: op, offset: base + i });
      i += op.length;
    } else if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) throw QueryError.at(full, base + i, 'unterminated double quote in the search statement');
      tokens.push({ kind: 'quoted', text: value, offset: base + i });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]) && !SPECIAL.has(text[j])) j++;
      // A word may contain `:` only as field separator; `(` inside a word is not SLS syntax.
      tokens.push({ kind: 'word', text: text.slice(i, j), offset: base + i });
      i = j;
    }
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in']);

/** Deepest nesting of parentheses and `not` the parser follows. */
const MAX_NESTING = 200;

class SearchParser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly full: string,
    private readonly endOffset: number,
  ) {}

  parse(): SearchNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw QueryError.at(this.full, extra.offset, `unexpected '${extra.text}' in the search statement`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isKeyword(t: Token | undefined, kw: string): boolean {
    return t !== undefined && t.kind === 'word' && t.text.toLowerCase() === kw;
  }

  private parseOr(): SearchNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.pos++;
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): SearchNode {
    let left = this.parseNot();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'rparen' || this.isKeyword(t, 'or')) return left;
      if (this.isKeyword(t, 'and')) this.pos++;
      left = { type: 'and', left, right: this.parseNot() };
    }
  }

  private parseNot(): SearchNode {
    const t = this.peek();
    if (t && this.isKeyword(t, 'not')) {
      if (++this.depth > MAX_NESTING) throw QueryError.at(this.full, t.offset, `more than ${MAX_NESTING} nested 'not'`);
      this.pos++;
      const operand = this.parseNot();
      this.depth--;
      return { type: 'not', operand };
    }
    return this.parsePrimary();
  }

  private expectNumber(t: Token | undefined, what: string): number {
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted') || !/^-?\d+(\.\d+)?$/.test(t.text)) {
      throw QueryError.at(this.full, t?.offset ?? this.endOffset, `expected a number ${what}`);
    }
    return Number(t.text);
  }

  private parsePrimary(): SearchNode {
    const t = this.peek();
    if (!t) throw QueryError.at(this.full, this.endOffset, 'the search statement ends where a term was expected');
    if (t.kind === 'lparen') {
      // Bounded so a pathological query is refused at its position instead of overflowing the stack.
      if (++this.depth > MAX_NESTING) throw QueryError.at(this.full, t.offset, `parentheses are nested more than ${MAX_NESTING} deep`);
      this.pos++;
      const inner = this.parseOr();
      this.depth--;
      const close = this.peek();
      if (!close || close.kind !== 'rparen') throw QueryError.at(this.full, close?.offset ?? this.endOffset, "missing ')'");
      this.pos++;
      return inner;
    }
    if (t.kind !== 'word' && t.kind !== 'quoted') {
      throw QueryError.at(this.full, t.offset, `unexpected '${t.text}' in the search statement`);
    }
    if (t.kind === 'word' && KEYWORDS.has(t.text.toLowerCase())) {
      throw QueryError.at(this.full, t.offset, `'${t.text}' needs a term before it`);
    }
    this.pos++;
    const next = this.peek();
    if (next?.kind === 'colon') {
      this.pos++;
      const v = this.peek();
      if (!v || (v.kind !== 'word' && v.kind !== 'quoted')) {
        throw QueryError.at(this.full, v?.offset ?? this.endOffset, `expected a value after '${t.text}:'`);
      }
      this.pos++;
      this.checkWildcard(v);
      return { type: 'field', field: t.text, value: v.text, quoted: v.kind === 'quoted', offset: t.offset };
    }
    if (next?.kind === 'op') {
      this.pos++;
      const value = this.expectNumber(this.peek(), `after '${t.text} ${next.text}'`);
      this.pos++;
      return { type: 'compare', field: t.text, op: next.text as '>' | '>=' | '<' | '<=' | '=', value, offset: t.offset };
    }
    if (this.isKeyword(next, 'in')) {
      this.pos++;
      const open = this.peek();
      if (!open || (open.kind !== 'lbracket' && open.kind !== 'lparen')) {
        throw QueryError.at(this.full, open?.offset ?? this.endOffset, "expected '[' or '(' after 'in'");
      }
      this.pos++;
      const low = this.expectNumber(this.peek(), 'as the range start');
      this.pos++;
      const high = this.expectNumber(this.peek(), 'as the range end');
      this.pos++;
      const close = this.peek();
      if (!close || (close.kind !== 'rbracket' && close.kind !== 'rparen')) {
        throw QueryError.at(this.full, close?.offset ?? this.endOffset, "expected ']' or ')' to close the range");
      }
      this.pos++;
      return {
        type: 'range', field: t.text, low, high,
        lowInclusive: open.kind === 'lbracket', highInclusive: close.kind === 'rbracket', offset: t.offset,
      };
    }
    if (t.kind === 'word' && t.text === '*') return { type: 'all' };
    this.checkWildcard(t);
    return { type: 'text', value: t.text, quoted: t.kind === 'quoted', offset: t.offset };
  }

  private checkWildcard(t: Token): void {
    if (t.kind === 'word' && (t.text.startsWith('*') || t.text.startsWith('?')) && t.text !== '*') {
      throw QueryError.at(this.full, t.offset, `a wildcard cannot start a term ('${t.text}')`);
    }
  }
}

/** Parses the search part found at `offset` of the full query text. */
export function parseSearch(search: string, offset = 0, full = search): SearchNode {
  return new SearchParser(tokenize(search, offset, full), full, offset + search.length).parse();
}
