/**
 * Expressions over merged aggregates, evaluated as Log Service (Presto) evaluates them: integer
 * division truncates toward zero, NULL propagates, a CASE without a match and no ELSE is NULL,
 * round rounds half away from zero — each expected value worked out by hand here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCenExpression, type CenExpression, type ExpressionScope } from '../../../src/query/cenExpression';
import { CenExpressionError, evaluateCenExpression, keyValue, renderSqlValue, slsValue } from '../../../src/query/cenExpressionValue';
import { tokenizeSql } from '../../../src/query/tokenizer';

/** Aggregates a(…) … are partials by the order they first appear; `src`, `dst`, `port` are keys 0, 1, 2. */
function parse(sql: string): CenExpression {
  const r = parseCenExpression(tokenizeSql(sql), scope());
  assert.ok(r.ok, JSON.stringify(r));
  return r.expression;
}

function scope(): ExpressionScope {
  const seen: string[] = [];
  return {
    aggregate: (name, call) => {
      if (!['sum', 'count', 'min', 'max', 'avg'].includes(name)) return undefined;
      const text = call.map((t) => t.text).join('');
      if (name === 'avg') return { kind: 'average', sum: 0, count: 1 };
      if (!seen.includes(text)) seen.push(text);
      return { kind: 'partial', index: seen.indexOf(text) };
    },
    column: (token) => {
      const at = ['src', 'dst', 'port'].indexOf(token.text.replace(/"/g, ''));
      return at < 0 ? undefined : { kind: 'key', at };
    },
  };
}

/** The expression's value as a merged answer shows it, with the merged partials and keys given as SLS texts. */
function value(sql: string, partials: readonly string[] = [], keys: readonly string[] = ['cn-hangzhou', 'cn-beijing', '443']): string {
  return renderSqlValue(evaluateCenExpression(parse(sql), { partial: (i) => slsValue(partials[i]), key: (at) => keyValue(keys[at]) }));
}

describe('arithmetic as Log Service does it', () => {
  it('integer / integer is integer division, truncated toward zero', () => {
    assert.equal(value('7 / 2'), '3');
    assert.equal(value('-7 / 2'), '-3');
    assert.equal(value('7 / -2'), '-3');
    assert.equal(value('sum(bytes) / 1024', ['5000']), '4');
    assert.equal(value('sum(bytes) % 1024', ['5000']), String(5000 - 4 * 1024));
  });

  it('a number with a point is a double, and so is what it touches', () => {
    assert.equal(value('7.0 / 2'), '3.5');
    assert.equal(value('sum(bytes) / 1024.0', ['5000']), String(5000 / 1024));
    assert.equal(value('sum(bytes) * 1e3', ['5']), '5000');
    assert.equal(value('count(*) * 1.0 / 4', ['3']), '0.75');
  });

  it('precedence: * / before + -, left to right, brackets first', () => {
    assert.equal(value('1 + 2 * 3'), '7');
    assert.equal(value('(1 + 2) * 3'), '9');
    assert.equal(value('100 / 10 / 5'), '2');
    assert.equal(value('- sum(x) + 1', ['5']), '-4');
  });

  it('integer sums beyond 2^53 stay exact', () => {
    assert.equal(value('sum(bytes) + 1', ['9007199254740993']), '9007199254740994');
  });

  it('NULL propagates through arithmetic and round', () => {
    assert.equal(value('sum(bytes) * 2', ['null']), 'null');
    assert.equal(value('1 + NULL'), 'null');
    assert.equal(value('round(sum(bytes) / 3.0, 2)', ['null']), 'null');
    assert.equal(value('sum(bytes) * CAST(NULL AS double)', ['10']), 'null');
  });

  it('integer division by zero fails as Log Service fails the query; a double gives Infinity', () => {
    assert.throws(() => value('sum(bytes) / 0', ['10']), (e) => e instanceof CenExpressionError && /Division by zero/.test(e.message));
    assert.equal(value('sum(bytes) / 0.0', ['10']), 'Infinity');
  });

  it('a value that is not a number cannot be computed with, and says which', () => {
    assert.throws(() => value('max(name) + 1', ['abc']), /"abc": it is not a number/);
  });

  it('avg is the merged sum over the merged count, a double; over no records NULL', () => {
    assert.equal(value('avg(bytes) * 2', ['7', '2']), '7');
    assert.equal(value('round(avg(bytes), 2)', ['10', '3']), '3.33');
    assert.equal(value('avg(bytes) + 1', ['null', '0']), 'null');
  });
});

describe('round: half away from zero', () => {
  const cases: [string, string][] = [
    ['round(2.5)', '3'],
    ['round(-2.5)', '-3'],
    ['round(2.4999)', '2'],
    ['round(0.125, 2)', '0.13'], // 0.125 is exact in binary: a true half
    ['round(-0.125, 2)', '-0.13'],
    ['round(1.23456, 3)', '1.235'],
    ['round(1234.5678, -2)', '1200'],
    ['round(7)', '7'],
    ['round(15, -1)', '20'],
    ['round(-15, -1)', '-20'],
    ['round(14, -1)', '10'],
    ['round(7, 2)', '7'],
  ];
  for (const [sql, expected] of cases) it(`${sql} = ${expected}`, () => assert.equal(value(sql), expected));

  it('to n places of a merged double', () => {
    // 5000 / 1024 = 4.8828125: to 3 places the half rounds up (away from zero).
    assert.equal(value('round(sum(b) / 1024.0, 3)', ['5000']), '4.883');
    assert.equal(value('round(sum(b) / 1024.0, 1)', ['5000']), '4.9');
    assert.equal(value('round(sum(b) / -1024.0, 3)', ['5000']), '-4.883');
  });

  it('a fractional number of places is refused', () => {
    assert.throws(() => value('round(2.5, 1.5)'), /whole number of decimal places/);
  });
});

describe('CASE and conditions over the GROUP BY columns', () => {
  it('the first WHEN that holds wins; none and no ELSE is NULL', () => {
    assert.equal(value("CASE WHEN src = 'cn-hangzhou' AND dst = 'cn-beijing' THEN 1 WHEN src = 'cn-hangzhou' THEN 2 ELSE 3 END"), '1');
    assert.equal(value("CASE WHEN src = 'cn-hangzhou' AND dst = 'cn-beijing' THEN 1 WHEN src = 'cn-hangzhou' THEN 2 ELSE 3 END", [], ['cn-hangzhou', 'us-east-1', '80']), '2');
    assert.equal(value("CASE WHEN src = 'cn-hangzhou' THEN 2 ELSE 3 END", [], ['cn-shanghai', 'cn-beijing', '80']), '3');
    assert.equal(value("CASE WHEN src = 'eu-central-1' THEN 2 END"), 'null');
    assert.equal(value("sum(bytes) * CASE WHEN src = 'eu-central-1' THEN 2 END", ['10']), 'null');
  });

  it('a CASE with a double branch is a double: dividing by it is not integer division', () => {
    assert.equal(value('sum(b) / CASE WHEN src = dst THEN 2.5 ELSE 2 END', ['7']), '3.5');
    assert.equal(value('sum(b) / CASE WHEN src = dst THEN 3 ELSE 2 END', ['7']), '3');
  });

  it('the simple form compares its operand with each WHEN', () => {
    assert.equal(value("CASE dst WHEN 'cn-shanghai' THEN 'east' WHEN 'cn-beijing' THEN 'north' ELSE 'other' END"), 'north');
  });

  it('<>, !=, NOT, OR and a numeric key compared with a number', () => {
    assert.equal(value("CASE WHEN src <> 'cn-hangzhou' THEN 1 ELSE 0 END"), '0');
    assert.equal(value("CASE WHEN src != 'x' AND NOT dst = 'x' THEN 1 ELSE 0 END"), '1');
    assert.equal(value("CASE WHEN src = 'x' OR port = 443 THEN 1 ELSE 0 END"), '1');
    assert.equal(value('CASE WHEN port > 1024 THEN 1 ELSE 0 END'), '0');
  });

  it('three-valued logic: NULL AND false is false, NULL OR true is true, otherwise NULL does not match', () => {
    const keysWithNull = ['null', 'cn-beijing', '443'];
    assert.equal(value("CASE WHEN src = 'a' AND dst = 'x' THEN 1 ELSE 0 END", [], keysWithNull), '0');
    assert.equal(value("CASE WHEN NOT (src = 'a' AND dst = 'x') THEN 1 ELSE 0 END", [], keysWithNull), '1');
    assert.equal(value("CASE WHEN src = 'a' OR dst = 'cn-beijing' THEN 1 ELSE 0 END", [], keysWithNull), '1');
    assert.equal(value("CASE WHEN src = 'a' OR dst = 'x' THEN 1 ELSE 0 END", [], keysWithNull), '0');
    assert.equal(value("CASE WHEN NOT src = 'a' THEN 1 ELSE 0 END", [], keysWithNull), '0');
    assert.equal(value('CASE WHEN src IS NULL THEN 1 ELSE 0 END', [], keysWithNull), '1');
    assert.equal(value('CASE WHEN dst IS NOT NULL THEN 1 ELSE 0 END', [], keysWithNull), '1');
  });

  it('strings: quotes doubled inside, returned as they are', () => {
    assert.equal(value("CASE WHEN src = 'cn-hangzhou' THEN 'it''s' END"), "it's");
  });
});

describe('what cannot be computed after the merge is named, positioned', () => {
  const refused: [string, string, string][] = [
    ['coalesce(sum(b), 0)', 'coalesce(sum(b), 0)', 'function'],
    ["sum(b) || 'x'", '||', 'syntax'],
    ['sum(b) * bytes', 'bytes', 'column'],
    ['sum(b) * 2 2', '2', 'syntax'],
    ['round(sum(b), 2', '2', 'syntax'],
    ["CASE WHEN src LIKE 'cn-%' THEN 1 END", 'LIKE', 'syntax'],
    ['CAST(sum(b) AS varchar)', 'varchar', 'syntax'],
  ];
  for (const [sql, marked, reason] of refused) {
    it(`${sql}: ${marked} (${reason})`, () => {
      const r = parseCenExpression(tokenizeSql(sql), scope());
      assert.ok(!r.ok);
      assert.equal(r.reason, reason);
      // The last occurrence for a token repeated earlier in the text (the trailing "2").
      const at = sql === 'sum(b) * 2 2' ? sql.lastIndexOf(marked) : sql.indexOf(marked);
      assert.deepEqual([r.from, r.to], [at, at + marked.length]);
    });
  }
});
