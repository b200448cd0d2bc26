/**
 * The hostile-query corpus against the local checks: every case the corpus says can be refused
 * locally gets an error-severity diagnostic of the named code at the named text; every other case
 * is runnable (nothing blocks it). Speed on huge inputs is a benchmark's business, not asserted here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, isRunnable } from '../../../src/query/diagnostics';
import { QUERY_CASES } from '../../reliability/corpus/queries';

describe('hostile queries: local diagnostics', () => {
  for (const c of QUERY_CASES) {
    it(`${c.expect.kind}: ${c.name}`, () => {
      const found = diagnose(c.query);
      for (const d of found) {
        assert.ok(d.from >= 0 && d.from <= d.to && d.to <= c.query.length, `diagnostic ${d.code} is inside the query`);
        assert.ok(d.message.length > 0 && d.message.length < 1_000, `message of ${d.code} is short and present`);
      }
      switch (c.expect.kind) {
        case 'local': {
          const { code, at } = c.expect;
          const errors = found.filter((d) => d.code === code && d.severity === 'error');
          assert.ok(errors.length > 0, `no ${code} error in ${JSON.stringify(found.map((d) => `${d.severity}:${d.code}`))}`);
          if (at !== undefined) assert.equal(c.query.slice(errors[0].from, errors[0].to), at);
          assert.equal(isRunnable(found), false);
          break;
        }
        case 'service':
        case 'runs':
          assert.ok(isRunnable(found), `blocked locally by ${JSON.stringify(found.filter((d) => d.severity === 'error'))}`);
          break;
      }
    });
  }
});
