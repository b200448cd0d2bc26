import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFilter, searchClause } from '../../../src/query/searchFilter';
import { queryShape } from '../../../src/query/queryShape';
import { localRefusal } from '../../../src/query/localRefusal';

describe('searchClause', () => {
  it('writes numbers bare for numeric fields and quotes values SLS would split', () => {
    assert.equal(searchClause('dstport', '22', true), 'dstport:22');
    assert.equal(searchClause('src-region-id', 'cn-hangzhou'), 'src-region-id:"cn-hangzhou"');
    assert.equal(searchClause('srcaddr', 'fe80::1'), 'srcaddr:"fe80::1"');
    assert.equal(searchClause('direction', 'out'), 'direction:out');
    assert.equal(searchClause('note', 'say "hi"'), 'note:"say \\"hi\\""');
    assert.equal(searchClause('direction', 'and'), 'direction:"and"', 'an operator word is quoted');
  });
});

describe('applyFilter', () => {
  const cases: { query: string; mode: 'include' | 'exclude'; expected: string; why: string }[] = [
    { query: '', mode: 'exclude', expected: 'not dstport:22', why: 'an empty search becomes the term' },
    { query: '*', mode: 'include', expected: 'dstport:22', why: '* becomes the term' },
    { query: 'protocol:6', mode: 'exclude', expected: 'protocol:6 and not dstport:22', why: 'and-ed after the search' },
    { query: 'protocol:6 | select count(*) as n', mode: 'exclude', expected: 'protocol:6 and not dstport:22 | select count(*) as n', why: 'the SQL part is kept, the filter goes in the search part' },
    { query: '* | select dstport, count(*) as n group by dstport', mode: 'include', expected: 'dstport:22 | select dstport, count(*) as n group by dstport', why: 'the SQL part of a * query is kept' },
    { query: 'srcport:22 or dstport:80', mode: 'exclude', expected: '(srcport:22 or dstport:80) and not dstport:22', why: 'an or search is parenthesised' },
    { query: 'protocol:6 and not dstport:22', mode: 'exclude', expected: 'protocol:6 and not dstport:22', why: 'the same term is not repeated' },
    { query: 'protocol:6 and dstport:22', mode: 'exclude', expected: 'protocol:6 and not dstport:22', why: 'the opposite term is replaced' },
    { query: 'protocol:6 AND not dstport:22 | select 1', mode: 'include', expected: 'protocol:6 and dstport:22 | select 1', why: 'replaced whatever the case of and' },
    { query: 'dstport:22', mode: 'exclude', expected: 'not dstport:22', why: 'the only term, replaced by its opposite' },
    { query: 'dstport in [1 1024] and direction:out', mode: 'include', expected: 'dstport in [1 1024] and direction:out and dstport:22', why: 'brackets are not split' },
  ];
  for (const c of cases) {
    it(`${c.mode} dstport=22 on ${JSON.stringify(c.query)}: ${c.why}`, () => {
      const out = applyFilter(c.query, 'dstport', '22', c.mode, true);
      assert.equal(out, c.expected);
      assert.equal(queryShape(out).sql?.text, queryShape(c.query).sql?.text, 'the SQL part is untouched');
    });
  }

  it('− on * or an empty search writes a leading "not field:value", a form the SLS search syntax documents', () => {
    // https://www.alibabacloud.com/help/en/sls/user-guide/search-syntax — Operators: "not status:200"; examples: "not request_method:GET".
    for (const query of ['*', '', '  *  ']) assert.equal(applyFilter(query, 'dstport', '22', 'exclude', true), 'not dstport:22');
    assert.equal(applyFilter('* | select count(*) as n', 'dstport', '22', 'exclude', true), 'not dstport:22 | select count(*) as n');
    assert.deepEqual(localRefusal('not dstport:22 | select count(*) as n', ['dstport']), [], 'our own checks accept it before it is sent');
  });

  it('quotes hyphenated values of hyphenated fields', () => {
    assert.equal(applyFilter('* | select 1', 'dst-region-id', 'cn-shanghai', 'exclude'), 'not dst-region-id:"cn-shanghai" | select 1');
  });

  it('keeps a | inside a quoted search value in the search part', () => {
    assert.equal(applyFilter('note:"a|b" | select 1', 'direction', 'in', 'include'), 'note:"a|b" and direction:"in" | select 1');
  });
});
