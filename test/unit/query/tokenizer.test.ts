import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitQuery, tokenizeQuery, tokenizeSearch, tokenizeSql, type SearchTokenKind, type SqlTokenKind } from '../../../src/query/tokenizer';

const kinds = <K extends string>(tokens: readonly { kind: K; text: string }[]): string[] => tokens.map((t) => `${t.kind}:${t.text}`);

describe('splitQuery', () => {
  const cases: { query: string; search: string; sql?: string; pipe?: number }[] = [
    { query: '*', search: '*' },
    { query: '* | select 1', search: '* ', sql: ' select 1', pipe: 2 },
    { query: 'a:"x|y" | select 1', search: 'a:"x|y" ', sql: ' select 1', pipe: 8 },
    { query: 'a:"x\\"|y" | s', search: 'a:"x\\"|y" ', sql: ' s', pipe: 10 },
    { query: "a:'x|y'", search: "a:'x", sql: "y'", pipe: 4 },
    { query: '* | select a || b', search: '* ', sql: ' select a || b', pipe: 2 },
    { query: '|', search: '', sql: '', pipe: 0 },
  ];
  for (const c of cases) {
    it(`splits ${JSON.stringify(c.query)}`, () => {
      const parts = splitQuery(c.query);
      assert.equal(parts.search.text, c.search);
      assert.equal(parts.sql?.text, c.sql);
      assert.equal(parts.pipe, c.pipe);
      if (parts.sql) assert.equal(c.query.slice(parts.sql.from, parts.sql.to), parts.sql.text);
    });
  }
});

describe('tokenizeSearch', () => {
  const cases: { text: string; expected: string[] }[] = [
    { text: 'dstport:443', expected: ['field:dstport', 'colon::', 'word:443'] },
    { text: 'direction:out AND NOT log-status:OK', expected: ['field:direction', 'colon::', 'word:out', 'operator:AND', 'operator:NOT', 'field:log-status', 'colon::', 'word:OK'] },
    { text: '"log-status":"NODATA"', expected: ['field:"log-status"', 'colon::', 'string:"NODATA"'] },
    { text: 'bytes >= 1000', expected: ['word:bytes', 'comparison:>=', 'word:1000'] },
    { text: 'dstport in [1 1024]', expected: ['word:dstport', 'in:in', 'lbracket:[', 'word:1', 'word:1024', 'rbracket:]'] },
    { text: '(a or b)', expected: ['lparen:(', 'word:a', 'operator:or', 'word:b', 'rparen:)'] },
    { text: "x:'y'", expected: ['field:x', 'colon::', "singleQuoted:'y'"] },
    { text: '10.0.* fe80::1', expected: ['word:10.0.*', 'word:fe80::1'] },
    { text: 'srcaddr:"fe80::1"', expected: ['field:srcaddr', 'colon::', 'string:"fe80::1"'] },
    { text: 'index', expected: ['word:index'] },
  ];
  for (const c of cases) {
    it(`tokenizes ${JSON.stringify(c.text)}`, () => assert.deepEqual(kinds<SearchTokenKind>(tokenizeSearch(c.text)), c.expected));
  }

  it('marks an unterminated string and offsets by base', () => {
    const [field, , value] = tokenizeSearch('a:"open', 10);
    assert.equal(field.from, 10);
    assert.equal(value.kind, 'string');
    assert.equal(value.terminated, false);
    assert.deepEqual([value.from, value.to], [12, 17]);
  });
});

describe('tokenizeSql', () => {
  const cases: { text: string; expected: string[] }[] = [
    { text: 'SELECT "log-status", count(*) AS c', expected: ['keyword:SELECT', 'quotedIdentifier:"log-status"', 'punctuation:,', 'identifier:count', 'punctuation:(', 'operator:*', 'punctuation:)', 'keyword:AS', 'identifier:c'] },
    { text: "where x = 'it''s'", expected: ['keyword:where', 'identifier:x', 'operator:=', "string:'it''s'"] },
    { text: 'a<>b and c>=1.5e3', expected: ['identifier:a', 'operator:<>', 'identifier:b', 'keyword:and', 'identifier:c', 'operator:>=', 'number:1.5e3'] },
    { text: 'log-status', expected: ['identifier:log', 'operator:-', 'identifier:status'] },
    { text: '-- note\nselect 1 /* x */;', expected: ['comment:-- note', 'keyword:select', 'number:1', 'comment:/* x */', 'punctuation:;'] },
    { text: 'v -> v + .5', expected: ['identifier:v', 'operator:->', 'identifier:v', 'operator:+', 'number:.5'] },
    { text: 'select #', expected: ['keyword:select', 'unknown:#'] },
  ];
  for (const c of cases) {
    it(`tokenizes ${JSON.stringify(c.text)}`, () => assert.deepEqual(kinds<SqlTokenKind>(tokenizeSql(c.text)), c.expected));
  }

  it('reports unterminated strings, identifiers and comments', () => {
    const tokens = tokenizeSql(`'a "b /* c`);
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0].terminated, false);
    assert.equal(tokenizeSql('"b')[0].terminated, false);
    assert.equal(tokenizeSql('/* c')[0].terminated, false);
  });
});

describe('tokenizer robustness', () => {
  it('gives SQL tokens offsets into the full query', () => {
    const q = '* | select bytes';
    const { sql } = tokenizeQuery(q);
    for (const t of sql) assert.equal(q.slice(t.from, t.to), t.text);
  });

  it('never throws and keeps tokens ordered and inside the input on random text', () => {
    const alphabet = 'ab:"\'()[]|<>=*? \n\t-_.,;/\u0000\u00e9\u{1F600}\\0123456789';
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const chars = [...alphabet];
    for (let n = 0; n < 300; n++) {
      const q = Array.from({ length: next() % 60 }, () => chars[next() % chars.length]).join('');
      const { search, sql } = tokenizeQuery(q);
      let last = 0;
      for (const t of [...search, ...sql]) {
        assert.ok(t.from >= last && t.to > t.from && t.to <= q.length, `bad token ${JSON.stringify(t)} in ${JSON.stringify(q)}`);
        assert.equal(q.slice(t.from, t.to), t.text);
        last = t.to;
      }
    }
  });

  // Speed on huge input is measured by `npm run bench -- query-language`; here: it finishes and covers the input.
  it('handles pathological quotes', () => {
    const q = '"'.repeat(100_000) + "'".repeat(100_000) + '/*'.repeat(50_000);
    const { search } = tokenizeQuery(q);
    assert.ok(search.length > 0);
    assert.ok(tokenizeSql(q).length > 0);
  });
});
