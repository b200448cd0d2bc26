/**
 * An expression over aggregates in a CEN statement (e.g. `round(sum(bytes) / 1073741824.0 * CASE …
 * END, 4)`): parsed here from the select item's tokens, its aggregates merged across the flow logs
 * (cenAnswerMerge.ts), then evaluated per merged group with Log Service's (Presto's) semantics —
 * integer / integer truncates, NULL propagates, CASE without a match and no ELSE is NULL, round
 * rounds half away from zero (cenExpressionValue.ts, loaded with the merge, not with the editor's
 * checks). Pure: no vscode, shared by the planner and the merge.
 */
import type { SqlToken } from './tokenizer';

/** A value as the evaluator sees it (SLS answers are strings; they are typed on the way in). */
export type SqlValue =
  | null
  | { readonly type: 'bigint'; readonly value: bigint }
  | { readonly type: 'double'; readonly value: number }
  | { readonly type: 'varchar'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean };

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Plain data (no bigint), so a plan can be logged or posted as JSON. */
export type CenExpression =
  /** A number as written: with `.` or an exponent a double, otherwise an integer. */
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: null | { readonly type: 'varchar'; readonly value: string } | { readonly type: 'boolean'; readonly value: boolean } }
  /**
   * A merged aggregate: the index of a partial the planner asked each logstore for. `double` when its
   * argument is a double (`sum(bytes * 1.0)`): a whole value written without a point is still one.
   */
  | { readonly kind: 'partial'; readonly index: number; readonly double?: boolean }
  /** avg as the merged sum over the merged count. */
  | { readonly kind: 'average'; readonly sum: number; readonly count: number }
  /** A GROUP BY column's value in the group: its position in each logstore's answer. */
  | { readonly kind: 'key'; readonly at: number }
  | { readonly kind: 'negate'; readonly arg: CenExpression }
  | { readonly kind: 'arithmetic'; readonly op: ArithmeticOp; readonly left: CenExpression; readonly right: CenExpression }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: CenExpression; readonly right: CenExpression }
  | { readonly kind: 'isNull'; readonly arg: CenExpression; readonly negated: boolean }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: CenExpression; readonly right: CenExpression }
  | { readonly kind: 'not'; readonly arg: CenExpression }
  | { readonly kind: 'round'; readonly arg: CenExpression; readonly digits?: CenExpression }
  /** `double`: some branch is a double, so an integer result is coerced to double (Presto's common type). */
  | { readonly kind: 'case'; readonly whens: readonly { readonly when: CenExpression; readonly then: CenExpression }[]; readonly otherwise?: CenExpression; readonly double: boolean }
  | { readonly kind: 'toDouble'; readonly arg: CenExpression };

/** What the planner resolves while the expression is parsed. */
export interface ExpressionScope {
  /** A mergeable aggregate call (`name` lower case, `call` from its name to its closing bracket); undefined when it is not one. */
  aggregate(name: string, call: readonly SqlToken[]): CenExpression | undefined;
  /** A GROUP BY column named by `token`, as a key reference; undefined when it is not one. */
  column(token: SqlToken): CenExpression | undefined;
}

/** Why an expression cannot be computed after the merge, and where. */
export interface ExpressionFailure {
  readonly from: number;
  readonly to: number;
  /** The part that cannot be computed: a function's name, a column, or the token where parsing stopped. */
  readonly part: string;
  readonly reason: 'function' | 'column' | 'syntax';
}

export type ParsedExpression = { readonly ok: true; readonly expression: CenExpression } | ({ readonly ok: false } & ExpressionFailure);

class ParseFailure {
  constructor(readonly failure: ExpressionFailure) {}
}

const COMPARE: ReadonlyMap<string, CompareOp> = new Map<string, CompareOp>([
  ['=', '='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

export const isPunct = (tok: SqlToken | undefined, p: string): boolean => tok !== undefined && tok.kind === 'punctuation' && tok.text === p;
export const isWord = (tok: SqlToken | undefined, word: string): boolean => tok !== undefined && tok.kind === 'keyword' && tok.text.toLowerCase() === word;
const isOp = (tok: SqlToken | undefined, op: string): boolean => tok !== undefined && tok.kind === 'operator' && tok.text === op;

/** Index of the bracket closing the one at `open`; undefined when unbalanced. */
export function closingBracket(tokens: readonly SqlToken[], open: number): number | undefined {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isPunct(tokens[k], '(') || isPunct(tokens[k], '[')) depth++;
    else if (isPunct(tokens[k], ')') || isPunct(tokens[k], ']')) {
      depth--;
      if (depth === 0) return k;
    }
  }
  return undefined;
}

/** Recursive descent over one select item's tokens: OR < AND < NOT < comparison < + - < * / % < unary. */
class Parser {
  private i = 0;

  constructor(
    private readonly tokens: readonly SqlToken[],
    private readonly scope: ExpressionScope,
  ) {}

  parseAll(): CenExpression {
    const e = this.or();
    if (this.i < this.tokens.length) this.fail(this.tokens[this.i], 'syntax');
    return e;
  }

  private peek(offset = 0): SqlToken | undefined {
    return this.tokens[this.i + offset];
  }

  private fail(tok: SqlToken | undefined, reason: ExpressionFailure['reason'], to?: SqlToken): never {
    const at = tok ?? this.tokens[this.tokens.length - 1];
    throw new ParseFailure({ from: at.from, to: (to ?? at).to, part: at.text, reason });
  }

  private expect(test: (tok: SqlToken | undefined) => boolean): SqlToken {
    const tok = this.peek();
    if (!test(tok) || tok === undefined) this.fail(tok, 'syntax');
    this.i++;
    return tok;
  }

  private or(): CenExpression {
    let left = this.and();
    while (isWord(this.peek(), 'or')) {
      this.i++;
      left = { kind: 'logic', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): CenExpression {
    let left = this.not();
    while (isWord(this.peek(), 'and')) {
      this.i++;
      left = { kind: 'logic', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): CenExpression {
    if (isWord(this.peek(), 'not')) {
      this.i++;
      return { kind: 'not', arg: this.not() };
    }
    return this.comparison();
  }

  private comparison(): CenExpression {
    const left = this.additive();
    const tok = this.peek();
    const op = tok?.kind === 'operator' ? COMPARE.get(tok.text) : undefined;
    if (op) {
      this.i++;
      return { kind: 'compare', op, left, right: this.additive() };
    }
    if (isWord(tok, 'is')) {
      this.i++;
      const negated = isWord(this.peek(), 'not');
      if (negated) this.i++;
      this.expect((x) => isWord(x, 'null'));
      return { kind: 'isNull', arg: left, negated };
    }
    return left;
  }

  private additive(): CenExpression {
    let left = this.multiplicative();
    for (let tok = this.peek(); isOp(tok, '+') || isOp(tok, '-'); tok = this.peek()) {
      this.i++;
      left = { kind: 'arithmetic', op: tok?.text === '+' ? '+' : '-', left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): CenExpression {
    let left = this.unary();
    for (let tok = this.peek(); isOp(tok, '*') || isOp(tok, '/') || isOp(tok, '%'); tok = this.peek()) {
      this.i++;
      const op: ArithmeticOp = tok?.text === '*' ? '*' : tok?.text === '/' ? '/' : '%';
      left = { kind: 'arithmetic', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): CenExpression {
    const tok = this.peek();
    if (isOp(tok, '-')) {
      this.i++;
      return { kind: 'negate', arg: this.unary() };
    }
    if (isOp(tok, '+')) {
      this.i++;
      return this.unary();
    }
    return this.primary();
  }

  private primary(): CenExpression {
    const tok = this.peek();
    if (tok === undefined) return this.fail(tok, 'syntax');
    if (tok.kind === 'number') {
      this.i++;
      return { kind: 'number', text: tok.text };
    }
    if (tok.kind === 'string' && tok.terminated) {
      this.i++;
      return { kind: 'literal', value: { type: 'varchar', value: tok.text.slice(1, -1).replace(/''/g, "'") } };
    }
    if (isWord(tok, 'null') || isWord(tok, 'true') || isWord(tok, 'false')) {
      this.i++;
      const word = tok.text.toLowerCase();
      return { kind: 'literal', value: word === 'null' ? null : { type: 'boolean', value: word === 'true' } };
    }
    if (isPunct(tok, '(')) {
      this.i++;
      const inner = this.or();
      this.expect((x) => isPunct(x, ')'));
      return inner;
    }
    if (isWord(tok, 'case')) return this.caseExpression();
    if ((tok.kind === 'identifier' || tok.kind === 'keyword') && isPunct(this.peek(1), '(')) return this.call(tok);
    if (tok.kind === 'identifier' || tok.kind === 'quotedIdentifier') {
      const key = this.scope.column(tok);
      if (!key) this.fail(tok, 'column');
      this.i++;
      return key;
    }
    return this.fail(tok, 'syntax');
  }

  private call(name: SqlToken): CenExpression {
    const fn = name.text.toLowerCase();
    const close = closingBracket(this.tokens, this.i + 1);
    if (fn === 'round') {
      this.i += 2;
      const arg = this.or();
      let digits: CenExpression | undefined;
      if (isPunct(this.peek(), ',')) {
        this.i++;
        digits = this.or();
      }
      this.expect((x) => isPunct(x, ')'));
      return digits ? { kind: 'round', arg, digits } : { kind: 'round', arg };
    }
    if (fn === 'cast') {
      this.i += 2;
      const arg = this.or();
      this.expect((x) => isWord(x, 'as'));
      this.expect((x) => x?.kind === 'identifier' && x.text.toLowerCase() === 'double');
      this.expect((x) => isPunct(x, ')'));
      return { kind: 'toDouble', arg };
    }
    const aggregate = close !== undefined ? this.scope.aggregate(fn, this.tokens.slice(this.i, close + 1)) : undefined;
    if (!aggregate || close === undefined) return this.fail(name, 'function', this.tokens[close ?? this.i]);
    this.i = close + 1;
    return aggregate;
  }

  /** `CASE WHEN c THEN x … [ELSE y] END`, or the simple form `CASE v WHEN w THEN x … END` (v = w). */
  private caseExpression(): CenExpression {
    this.i++;
    const operand = isWord(this.peek(), 'when') ? undefined : this.or();
    const whens: { when: CenExpression; then: CenExpression }[] = [];
    while (isWord(this.peek(), 'when')) {
      this.i++;
      const cond = this.or();
      this.expect((x) => isWord(x, 'then'));
      whens.push({ when: operand ? { kind: 'compare', op: '=', left: operand, right: cond } : cond, then: this.or() });
    }
    if (whens.length === 0) this.fail(this.peek(), 'syntax');
    let otherwise: CenExpression | undefined;
    if (isWord(this.peek(), 'else')) {
      this.i++;
      otherwise = this.or();
    }
    this.expect((x) => isWord(x, 'end'));
    const double = [...whens.map((w) => w.then), ...(otherwise ? [otherwise] : [])].some((e) => staticType(e) === 'double');
    return otherwise ? { kind: 'case', whens, otherwise, double } : { kind: 'case', whens, double };
  }
}

const INTEGER = /^-?\d+$/;

/** The type an expression has whatever the data ('unknown' where only the merged values tell). */
function staticType(e: CenExpression): 'bigint' | 'double' | 'unknown' {
  switch (e.kind) {
    case 'number':
      return INTEGER.test(e.text) ? 'bigint' : 'double';
    case 'average':
    case 'toDouble':
      return 'double';
    case 'partial':
      return e.double ? 'double' : 'unknown';
    case 'negate':
    case 'round':
      return staticType(e.arg);
    case 'arithmetic': {
      const l = staticType(e.left);
      const r = staticType(e.right);
      return l === 'double' || r === 'double' ? 'double' : l === 'bigint' && r === 'bigint' ? 'bigint' : 'unknown';
    }
    case 'case':
      return e.double ? 'double' : 'unknown';
    case 'literal':
    case 'key':
    case 'compare':
    case 'isNull':
    case 'logic':
    case 'not':
      return 'unknown';
  }
}

/** Parses one select item's expression tokens (alias excluded), or says which part cannot be computed. */
export function parseCenExpression(tokens: readonly SqlToken[], scope: ExpressionScope): ParsedExpression {
  try {
    return { ok: true, expression: new Parser(tokens, scope).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, ...e.failure };
    throw e;
  }
}
