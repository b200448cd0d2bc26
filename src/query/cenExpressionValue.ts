/**
 * The values of an expression over aggregates (cenExpression.ts) for one merged group of a CEN's
 * answer, with Log Service's (Presto's) semantics. Apart from the parser: only the merge needs it,
 * and it loads with the merge (the lazy UI chunk), not with the editor's checks. Pure.
 */
import { t } from '@vscode/l10n';
import type { ArithmeticOp, CenExpression, CompareOp, SqlValue } from './cenExpression';

/** A computation Log Service would refuse while running (division by zero, a type it cannot use). */
export class CenExpressionError extends Error {}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A merged aggregate's text as SLS returns values: integers exact, other numbers doubles, `null` NULL. */
export function slsValue(text: string | undefined): SqlValue {
  if (text === undefined || text === 'null' || text === '') return null;
  if (INTEGER.test(text)) return { type: 'bigint', value: BigInt(text) };
  if (NUMBER.test(text)) return { type: 'double', value: Number(text) };
  return { type: 'varchar', value: text };
}

/** A GROUP BY column's text: NULL as SLS writes it, otherwise text (numbers are read from it where used as numbers). */
export function keyValue(text: string | undefined): SqlValue {
  return text === undefined || text === 'null' ? null : { type: 'varchar', value: text };
}

/** As a single logstore's answer shows the value (the merge renders doubles as the rest of it does). */
export function renderSqlValue(v: SqlValue): string {
  if (v === null) return 'null';
  switch (v.type) {
    case 'bigint':
      return v.value.toString();
    case 'double':
      return String(v.value);
    case 'varchar':
      return v.value;
    case 'boolean':
      return v.value ? 'true' : 'false';
  }
}

export interface EvaluationScope {
  partial(index: number): SqlValue;
  key(at: number): SqlValue;
}

type NumberValue = Extract<SqlValue, { type: 'bigint' | 'double' }>;

function numeric(v: Exclude<SqlValue, null>): NumberValue {
  if (v.type === 'bigint' || v.type === 'double') return v;
  // Text is read as SLS's answers are (a GROUP BY key used as a number).
  const read = v.type === 'varchar' ? slsValue(v.value) : null;
  if (read?.type === 'bigint' || read?.type === 'double') return read;
  throw new CenExpressionError(t('Cannot compute with "{0}": it is not a number.', renderSqlValue(v)));
}

function truth(v: SqlValue): boolean | null {
  if (v === null) return null;
  if (v.type === 'boolean') return v.value;
  throw new CenExpressionError(t('Cannot use "{0}" as a condition: it is not true or false.', renderSqlValue(v)));
}

const divisionByZero = (): CenExpressionError => new CenExpressionError(t('Division by zero.'));

function arithmetic(op: ArithmeticOp, a: NumberValue, b: NumberValue): NumberValue {
  if (a.type === 'bigint' && b.type === 'bigint') {
    const x = a.value;
    const y = b.value;
    switch (op) {
      case '+':
        return { type: 'bigint', value: x + y };
      case '-':
        return { type: 'bigint', value: x - y };
      case '*':
        return { type: 'bigint', value: x * y };
      case '/':
        if (y === 0n) throw divisionByZero();
        return { type: 'bigint', value: x / y }; // BigInt division truncates toward zero, as Presto's
      case '%':
        if (y === 0n) throw divisionByZero();
        return { type: 'bigint', value: x % y };
    }
  }
  const x = Number(a.value);
  const y = Number(b.value);
  switch (op) {
    case '+':
      return { type: 'double', value: x + y };
    case '-':
      return { type: 'double', value: x - y };
    case '*':
      return { type: 'double', value: x * y };
    case '/':
      return { type: 'double', value: x / y };
    case '%':
      return { type: 'double', value: x % y };
  }
}

/** -1, 0 or 1; text compares by code unit, numbers by value, as SLS (Presto) orders them. */
function compareValues(a: Exclude<SqlValue, null>, b: Exclude<SqlValue, null>): number {
  if (a.type === 'varchar' && b.type === 'varchar') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a.type === 'boolean' && b.type === 'boolean') return Number(a.value) - Number(b.value);
  const x = numeric(a);
  const y = numeric(b);
  if (x.type === 'bigint' && y.type === 'bigint') return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  const d = Number(x.value) - Number(y.value);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

function compared(op: CompareOp, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Presto's round: half away from zero, to `digits` places (tens, hundreds… when negative); integers stay integers. */
function round(v: NumberValue, digits: bigint): NumberValue {
  if (v.type === 'bigint') {
    if (digits >= 0n) return v;
    const unit = 10n ** -digits;
    const x = v.value < 0n ? -v.value : v.value;
    const down = (x / unit) * unit;
    const r = x - down >= unit - (x - down) ? down + unit : down;
    return { type: 'bigint', value: v.value < 0n ? -r : r };
  }
  const x = v.value;
  // Beyond a double's range of places, nothing is left to round.
  if (!Number.isFinite(x) || digits > 300n) return v;
  const factor = Number(`1e${digits.toString()}`);
  const r = Math.round(Math.abs(x) * factor) / factor;
  return { type: 'double', value: x < 0 ? -r : r };
}

/** The value of `e` in one merged group. Throws CenExpressionError where Log Service would fail the query. */
export function evaluateCenExpression(e: CenExpression, scope: EvaluationScope): SqlValue {
  const ev = (x: CenExpression): SqlValue => evaluateCenExpression(x, scope);
  switch (e.kind) {
    case 'number':
      return INTEGER.test(e.text) ? { type: 'bigint', value: BigInt(e.text) } : { type: 'double', value: Number(e.text) };
    case 'literal':
      return e.value;
    case 'partial': {
      const v = scope.partial(e.index);
      return e.double && v?.type === 'bigint' ? { type: 'double', value: Number(v.value) } : v;
    }
    case 'average': {
      const sum = scope.partial(e.sum);
      const count = scope.partial(e.count);
      if (sum === null || count === null) return null;
      const n = Number(numeric(count).value);
      return n === 0 ? null : { type: 'double', value: Number(numeric(sum).value) / n };
    }
    case 'key':
      return scope.key(e.at);
    case 'negate': {
      const v = ev(e.arg);
      if (v === null) return null;
      const n = numeric(v);
      return n.type === 'bigint' ? { type: 'bigint', value: -n.value } : { type: 'double', value: -n.value };
    }
    case 'arithmetic': {
      const a = ev(e.left);
      const b = ev(e.right);
      return a === null || b === null ? null : arithmetic(e.op, numeric(a), numeric(b));
    }
    case 'compare': {
      const a = ev(e.left);
      const b = ev(e.right);
      return a === null || b === null ? null : { type: 'boolean', value: compared(e.op, compareValues(a, b)) };
    }
    case 'isNull':
      return { type: 'boolean', value: (ev(e.arg) === null) !== e.negated };
    case 'logic': {
      const a = truth(ev(e.left));
      const b = truth(ev(e.right));
      // Three-valued: false AND NULL is false, true OR NULL is true, otherwise NULL wins.
      if (e.op === 'and') return a === false || b === false ? { type: 'boolean', value: false } : a === null || b === null ? null : { type: 'boolean', value: true };
      return a === true || b === true ? { type: 'boolean', value: true } : a === null || b === null ? null : { type: 'boolean', value: false };
    }
    case 'not': {
      const a = truth(ev(e.arg));
      return a === null ? null : { type: 'boolean', value: !a };
    }
    case 'round': {
      const v = ev(e.arg);
      const d = e.digits ? ev(e.digits) : { type: 'bigint' as const, value: 0n };
      if (v === null || d === null) return null;
      const digits = numeric(d);
      if (digits.type !== 'bigint') throw new CenExpressionError(t('round(…) takes a whole number of decimal places, not {0}.', renderSqlValue(digits)));
      return round(numeric(v), digits.value);
    }
    case 'case': {
      let result: SqlValue = null;
      const hit = e.whens.find((w) => truth(ev(w.when)) === true);
      if (hit) result = ev(hit.then);
      else if (e.otherwise) result = ev(e.otherwise);
      return e.double && result?.type === 'bigint' ? { type: 'double', value: Number(result.value) } : result;
    }
    case 'toDouble': {
      const v = ev(e.arg);
      return v === null ? null : { type: 'double', value: Number(numeric(v).value) };
    }
  }
}
