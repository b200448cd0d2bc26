import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightRanges } from '../../../webview/editor/tokenClasses';

function classes(q: string): [string, string][] {
  return highlightRanges(q).map((r) => [q.slice(r.from, r.to), r.cls]);
}

test('search: fields, operators, quoted values and the pipe are coloured; plain words are not', () => {
  assert.deepEqual(classes('dstport:443 and "log-status":OK | '), [
    ['dstport', 'tok-field'],
    [':', 'tok-operator'],
    ['and', 'tok-keyword'],
    ['"log-status"', 'tok-field'],
    [':', 'tok-operator'],
    ['|', 'tok-pipe'],
  ]);
});

test('SQL: keywords, functions (name before a parenthesis), fields, strings and numbers', () => {
  const got = classes("* | SELECT count(*) AS n, \"log-status\" WHERE direction = 'in' LIMIT 10");
  const want: [string, string][] = [
    ['|', 'tok-pipe'],
    ['SELECT', 'tok-keyword'],
    ['count', 'tok-function'],
    ['AS', 'tok-keyword'],
    ['n', 'tok-field'],
    ['"log-status"', 'tok-field'],
    ['WHERE', 'tok-keyword'],
    ['direction', 'tok-field'],
    ["'in'", 'tok-string'],
    ['LIMIT', 'tok-keyword'],
    ['10', 'tok-number'],
  ];
  for (const w of want) assert.ok(got.some((g) => g[0] === w[0] && g[1] === w[1]), `${w[0]} as ${w[1]} in ${JSON.stringify(got)}`);
});

test('ranges are sorted and non-overlapping (CodeMirror requires it)', () => {
  const q = '(srcaddr:10.0.0.1 or dstaddr:"10.0.0.2") | select srcaddr, sum(bytes) group by srcaddr -- top';
  const r = highlightRanges(q);
  for (let i = 1; i < r.length; i++) assert.ok(r[i].from >= r[i - 1].to, `range ${i} overlaps`);
});

test('never throws on odd input', () => {
  for (const q of ['', '|', '"unterminated', "* | select 'x", '\u0000\u202e|||', 'a'.repeat(10_000)]) assert.ok(Array.isArray(highlightRanges(q)));
});
