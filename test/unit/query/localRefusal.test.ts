import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRefusal, lineAndColumn, localRefusal } from '../../../src/query/localRefusal';
import { parseWebviewMessage } from '../../../src/protocol/messages';

test('a query with error-severity diagnostics is refused, each error positioned', () => {
  const problems = localRefusal('srcaddr:"10.0.0.1');
  assert.equal(problems.length, 1);
  assert.deepEqual({ ...problems[0], message: undefined }, { from: 8, to: 17, line: 1, column: 9, code: 'unterminated-string', message: undefined });
  assert.match(describeRefusal(problems), /^Line 1, column 9: .*closing/);
});

test('several errors, on later lines, keep their order and lines', () => {
  const problems = localRefusal('dstport:443\n* | select count(*) limit 2000000');
  assert.ok(problems.length >= 1);
  const limit = problems.find((p) => p.code === 'limit-too-large');
  assert.ok(limit, 'the LIMIT error is among them');
  assert.equal(limit.line, 2);
  const two = localRefusal('dstport:(22');
  assert.deepEqual(two.map((p) => p.code), ['missing-value', 'unbalanced-paren']);
  assert.match(describeRefusal(two), /\(and 1 more\)$/);
});

test('warnings never refuse: an unknown field or an empty search still runs', () => {
  assert.deepEqual(localRefusal('nosuchfield:1'), []);
  assert.deepEqual(localRefusal('| select count(*)'), []);
  assert.deepEqual(localRefusal(''), []);
  assert.deepEqual(localRefusal('* | select "log-status" as s, count(*) as n group by s order by s'), []);
});

test('the index fields decide what is known', () => {
  // A field the index has is fine; one it lacks is only a warning, so neither refuses.
  assert.deepEqual(localRefusal('custom:1', ['custom']), []);
  assert.deepEqual(localRefusal('custom:1'), []);
});

test('lineAndColumn is 1-based and clamps', () => {
  assert.deepEqual(lineAndColumn('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
  assert.deepEqual(lineAndColumn('ab', 99), { line: 1, column: 3 });
});

test('"Run anyway" travels only as an explicit true', () => {
  const base = { type: 'runQuery', requestId: 'r1', query: 'a:"', range: { kind: 'quick', minutes: 60 } };
  assert.deepEqual(parseWebviewMessage({ ...base, runAnyway: true }), { ...base, runAnyway: true });
  assert.deepEqual(parseWebviewMessage({ ...base, runAnyway: 'yes' }), base);
  assert.deepEqual(parseWebviewMessage(base), base);
});
