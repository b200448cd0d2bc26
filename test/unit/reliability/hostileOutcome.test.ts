/**
 * The soak's classification of a hostile query's fate: a retryable error after the retry budget is
 * its own outcome (the fault profile won), never counted as the input being handled as expected,
 * and never confused with a mishandled input.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError } from '../../../src/cloud/cloudError';
import { networkErrorToCloudError } from '../../../src/cloud/retry';
import { classifyHostile } from '../../reliability/hostileOutcome';
import { QUERY_CASES, type QueryCase } from '../../reliability/corpus/queries';

const caseOf = (kind: QueryCase['expect']['kind']): QueryCase => {
  const c = QUERY_CASES.find((x) => x.expect.kind === kind);
  assert.ok(c, `the corpus has a ${kind} case`);
  return c;
};
const throttled = new CloudError({ kind: 'throttled', message: 'Log Service is throttling requests.', nextStep: 'Wait a moment and try again.', code: 'QpsLimit', retryable: true });
const dropped = networkErrorToCloudError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
const positioned = new CloudError({ kind: 'invalidInput', message: 'line 1, column 12: mismatched input', code: 'ParameterInvalid', position: { offset: 11 } });
const unpositioned = new CloudError({ kind: 'invalidInput', message: 'bad query', code: 'ParameterInvalid' });
const unexpected = new CloudError({ kind: 'unexpectedResponse', message: 'Log Service answered something that is not a Log Service response.' });

describe('classifyHostile', () => {
  it('a query that should run: rows are as expected, a throttle after retries is retriesExhausted, anything else mishandled', () => {
    const c = caseOf('runs');
    assert.equal(classifyHostile(c, true, { ok: true }), 'asExpected');
    assert.equal(classifyHostile(c, true, { ok: false, error: throttled }), 'retriesExhausted');
    assert.ok(dropped);
    assert.equal(classifyHostile(c, true, { ok: false, error: dropped }), 'retriesExhausted');
    assert.equal(classifyHostile(c, true, { ok: false, error: unexpected }), 'mishandled');
    assert.equal(classifyHostile(c, true, { ok: false, error: new TypeError('x is undefined') }), 'mishandled');
    assert.equal(classifyHostile(c, false, { ok: true }), 'mishandled', 'refused locally although legal');
  });

  it('a query the service refuses: only a positioned invalidInput is as expected', () => {
    const c = caseOf('service');
    assert.equal(classifyHostile(c, true, { ok: false, error: positioned }), 'asExpected');
    assert.equal(classifyHostile(c, true, { ok: false, error: unpositioned }), 'mishandled');
    assert.equal(classifyHostile(c, true, { ok: false, error: throttled }), 'retriesExhausted');
    assert.equal(classifyHostile(c, true, { ok: true }), 'mishandled', 'rows for a bad query');
  });

  it('a query refused locally: handled by the refusal whatever the service then says, unless it crashes', () => {
    const c = caseOf('local');
    assert.equal(classifyHostile(c, false, { ok: false, error: throttled }), 'asExpected');
    assert.equal(classifyHostile(c, false, { ok: false, error: positioned }), 'asExpected');
    assert.equal(classifyHostile(c, false, { ok: false, error: new RangeError('boom') }), 'mishandled');
    assert.equal(classifyHostile(c, true, { ok: true }), 'mishandled', 'not refused locally');
  });
});
