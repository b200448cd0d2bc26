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

test('RequestTimeExpired says the clock is off and how to fix it, not the credentials', () => {
  const e = mapSlsError(sdkError('RequestTimeExpired', 'Request time Mon, 01 Jan 2024 00:00:00 GMT has been expired while server time is Mon, 01 Jan 2024 01:00:00 GMT.', 400));
  assert.match(e.message, /clock is more than 15 minutes off/);
  assert.match(e.message, /server time is/);
  assert.match(e.nextStep ?? '', /time synchronisation/);
  assert.doesNotMatch(e.userMessage, /AccessKey|RAM/);
});

test('Unauthorized "security token … has expired" asks for fresh credentials, not a RAM policy check', () => {
  const e = mapSlsError(sdkError('Unauthorized', 'The security token you provided has expired.', 401));
  assert.equal(e.kind, 'credentials');
  assert.match(e.message, /security token .* has expired/);
  assert.match(e.nextStep ?? '', /fresh security token and sign in again/);
  assert.doesNotMatch(e.userMessage, /RAM policy/);
  assert.equal(mapSlsError(sdkError('Unauthorized', 'The security token you provided is invalid.', 401)).kind, 'credentials');
  assert.equal(mapSlsError(sdkError('Unauthorized', 'The project does not belong to you.', 401)).kind, 'permission');
});

test('IndexConfigNotExist and a column the index lacks point at Create Index, the column keeping its position', () => {
  assert.match(mapSlsError(sdkError('IndexConfigNotExist', 'Logstore without index config.', 400)).nextStep ?? '', /Create Index/);
  const query = '* | select "src-region-id", rtt from log';
  const e = mapSlsError(sdkError('ParameterInvalid', "line 1:29: Column 'rtt' cannot be resolved;please add the column in the index attribute", 400), query);
  assert.equal(e.kind, 'invalidInput');
  assert.match(e.message, /The field rtt is not in the logstore's index/);
  assert.match(e.nextStep ?? '', /Add rtt to the index/);
  assert.deepEqual(e.position, { offset: query.indexOf('rtt') });
  assert.match(mapSlsError(sdkError('ParameterInvalid', 'key (rtt) is not config as key value config,if symbol : is in your log,please wrap : with quotation mark "', 400)).message, /field rtt/);
});
