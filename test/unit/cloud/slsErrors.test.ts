/** SLS errorCodes → CloudError kinds, retryability and query positions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapSlsError, queryPosition } from '../../../src/cloud/slsErrors';

/** The shape @alicloud/sls20201230 throws for an error answer. */
function sdkError(code: string, message: string, statusCode: number): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code, data: { statusCode, httpCode: statusCode, requestId: 'REQ1' } });
}

const cases: [string, number, string, boolean][] = [
  ['SignatureNotMatch', 401, 'credentials', false],
  ['Unauthorized', 401, 'permission', false],
  ['ProjectNotExist', 404, 'notFound', false],
  ['LogStoreNotExist', 404, 'notFound', false],
  ['IndexConfigNotExist', 404, 'notFound', false],
  ['ParameterInvalid', 400, 'invalidInput', false],
  ['ExceedQuota', 403, 'quota', false],
  ['QpsLimit', 403, 'throttled', true],
  ['ServerBusy', 503, 'serverError', true],
  ['InternalServerError', 500, 'serverError', true],
  ['ProjectAlreadyExist', 400, 'conflict', false],
  ['SomethingNew', 502, 'serverError', true],
];
for (const [code, status, kind, retryable] of cases) {
  test(`${code} → ${kind}`, () => {
    const e = mapSlsError(sdkError(code, 'detail', status));
    assert.equal(e.kind, kind);
    assert.equal(e.retryable, retryable);
    assert.equal(e.code, code);
    assert.equal(e.requestId, 'REQ1');
  });
}

test('an unknown AccessKey is a credentials error', () => {
  assert.equal(mapSlsError(sdkError('Unauthorized', 'AccessKeyId not found: LTAIx', 401)).kind, 'credentials');
});

test('ParameterInvalid keeps the position the service named', () => {
  const query = '* | select\n  foo(bytes)';
  const e = mapSlsError(sdkError('ParameterInvalid', "line 2:3: Function 'foo' not registered", 400), query);
  assert.deepEqual(e.position, { offset: query.indexOf('foo') });
  assert.equal(queryPosition('no position here', query), undefined);
});

test('connection failures are retryable network errors', () => {
  const e = mapSlsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
  assert.equal(e.kind, 'network');
  assert.equal(e.retryable, true);
});
