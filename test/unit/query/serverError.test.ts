import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateServerError, serverErrorDiagnostic } from '../../../src/query/serverError';

describe('locateServerError', () => {
  const cases: { name: string; query: string; message: string; at?: string; relativeTo?: 'sql' | 'query' }[] = [
    { name: 'line:column relative to the SQL part (SLS/Presto), told apart by the name', query: '* | select foo(bytes) from log', message: "line 1:9: Function 'foo' not registered", at: 'foo' },
    { name: 'line:column relative to the full query (emulator), told apart by the name', query: '* | select foo(bytes) from log', message: "line 1:12: Function 'foo' not registered", at: 'foo' },
    { name: 'emulator refusing a statement kind', query: 'dstport:443 | delete from log', message: "line 1:15: only SELECT statements are supported, found 'delete'", at: 'delete' },
    { name: 'emulator, no name in the message: full query', query: "* | select 'abc", message: 'line 1:12: unterminated string literal', at: "'abc" },
    { name: 'emulator, a later line of the full query', query: '* | select count(*)\nfrom log\nwhere bad > 1', message: 'ParameterInvalid: line 3:7: Column bad cannot be resolved', at: 'bad' },
    { name: 'emulator, an unknown key in the search part', query: 'direction:out and colour:red | select 1', message: 'line 1:19: key (colour) is not indexed; add it to the logstore', at: 'colour' },
    { name: 'SQL-relative line 3 when told so', query: '* | select count(*)\nfrom log\nwhere bad > 1', message: 'line 3:7: oops', at: 'bad', relativeTo: 'sql' },
    { name: 'at position N (0-based in the SQL part when told so)', query: '* | select nosuch from log', message: 'unknown column at position 8', at: 'nosuch', relativeTo: 'sql' },
    { name: 'position: N in the full query by default', query: '* |select x', message: 'syntax error, position: 10', at: 'x' },
    { name: 'search part when there is no SQL', query: 'dstport:443 and x:"y', message: 'bad search at position 16', at: 'x' },
    { name: 'a quoted column name', query: '* | select "bytez" from log', message: "Column '\"bytez\"' cannot be resolved", at: '"bytez"' },
    { name: "Presto column 'x' cannot be resolved", query: '* | select total_bytes from log', message: "Column 'total_bytes' cannot be resolved", at: 'total_bytes' },
    { name: 'SLS key (x) message', query: 'foo:bar', message: 'key (foo) is not config as key value config,if symbol : is in your log,please wrap : with quotation mark "', at: 'foo' },
    { name: 'near "x"', query: '* | select * form log', message: 'syntax error at or near "form"', at: 'form' },
    { name: 'a function name', query: '* | select nope(1)', message: 'function nope not registered', at: 'nope' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const loc = locateServerError(c.message, c.query, { relativeTo: c.relativeTo });
      assert.ok(loc, 'not located');
      if (c.at !== undefined) assert.equal(c.query.slice(loc.from, loc.to), c.at);
    });
  }

  it('returns line and column when given', () => {
    const loc = locateServerError('line 1:6: x', '* | select 1');
    assert.deepEqual([loc?.line, loc?.column, loc?.from], [1, 6, 4]);
  });

  it('returns undefined for plain messages and out-of-range positions', () => {
    assert.equal(locateServerError('The query is invalid.', '* | select 1'), undefined);
    assert.equal(locateServerError('error at position 999', '* | select 1'), undefined);
    assert.equal(locateServerError('line 7:1: bad', '* | select 1'), undefined);
  });

  it('a diagnostic covers the whole query when the message names no position', () => {
    const d = serverErrorDiagnostic('Something went wrong', '* | select 1');
    assert.deepEqual([d.from, d.to, d.code, d.severity, d.message], [0, 12, 'server-error', 'error', 'Something went wrong']);
  });

  it('a diagnostic sits at the located token', () => {
    const q = '* | select bad';
    const d = serverErrorDiagnostic('line 1:12: Column bad cannot be resolved', q);
    assert.equal(q.slice(d.from, d.to), 'bad');
  });
});
