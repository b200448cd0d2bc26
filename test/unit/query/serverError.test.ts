import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateServerError, serverErrorDiagnostic } from '../../../src/query/serverError';

describe('locateServerError', () => {
  const cases: { name: string; query: string; message: string; at?: string; from?: number }[] = [
    { name: 'line:column relative to the SQL part', query: '* | select foo(bytes) from log', message: "line 1:9: Function 'foo' not registered", at: 'foo' },
    { name: 'line:column on a later line', query: '* | select count(*)\nfrom log\nwhere bad > 1', message: 'ParameterInvalid: line 3:7: Column bad cannot be resolved', at: 'bad' },
    { name: 'at position N (0-based in the SQL part)', query: '* | select nosuch from log', message: 'unknown column at position 8', at: 'nosuch' },
    { name: 'position: N', query: '* |select x', message: 'syntax error, position: 7', at: 'x' },
    { name: 'search part when there is no SQL', query: 'dstport:443 and x:"y', message: 'bad search at position 16', at: 'x' },
    { name: 'a quoted column name', query: '* | select "bytez" from log', message: "Column '\"bytez\"' cannot be resolved", at: '"bytez"' },
    { name: "Presto column 'x' cannot be resolved", query: '* | select total_bytes from log', message: "Column 'total_bytes' cannot be resolved", at: 'total_bytes' },
    { name: 'SLS key (x) message', query: 'foo:bar', message: 'key (foo) is not config as key value config,if symbol : is in your log,please wrap : with quotation mark "', at: 'foo' },
    { name: 'near "x"', query: '* | select * form log', message: 'syntax error at or near "form"', at: 'form' },
    { name: 'a function name', query: '* | select nope(1)', message: 'function nope not registered', at: 'nope' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const loc = locateServerError(c.message, c.query);
      assert.ok(loc, 'not located');
      if (c.at !== undefined) assert.equal(c.query.slice(loc.from, loc.to), c.at);
    });
  }

  it('returns line and column when given', () => {
    const loc = locateServerError('line 1:2: x', '* | select 1');
    assert.deepEqual([loc?.line, loc?.column], [1, 2]);
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
    const d = serverErrorDiagnostic('line 1:9: Column bad cannot be resolved', q);
    assert.equal(q.slice(d.from, d.to), 'bad');
  });
});
