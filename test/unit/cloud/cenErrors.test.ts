import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapCenError } from '../../../src/cloud/cenErrors';
import { CloudError, type CloudErrorKind } from '../../../src/cloud/cloudError';

/** What @alicloud/pop-core throws for an error body: message + URL, code, data, entry. */
function popCoreError(code: string, message: string, status = 400): Error {
  const e = new Error(`${message}, URL: http://127.0.0.1:1/?AccessKeyId=LTAIx&Signature=abc`);
  e.name = `${code}Error`;
  return Object.assign(e, {
    code,
    data: { RequestId: 'REQ-1', HostId: 'cbn.aliyuncs.com', Code: code, Message: message, Recommend: 'https://…' },
    entry: { response: { statusCode: status, headers: {} } },
  });
}

/**
 * code, service message, HTTP status → kind, retryable, what the next step must say (undefined: no check).
 * The codes are the service's (api-current.md §4.1); those our emulator once invented
 * (Forbidden.NotWhitelisted, InvalidOperation.FlowLogExists, InvalidRegionId.NotSupported) are gone
 * and fall through to the service's own message.
 */
const cases: readonly [string, string, number, CloudErrorKind, boolean, RegExp | undefined][] = [
  ['InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404, 'credentials', false, /AccessKey/],
  ['SignatureDoesNotMatch', 'Specified signature does not match our calculation. server string to sign is:POST&…', 400, 'credentials', false, /AccessKey/],
  ['InvalidTimeStamp.Expired', 'Specified time stamp is expired.', 400, 'credentials', false, /clock/],
  ['Throttling', 'Request was denied due to request throttling.', 400, 'throttled', true, /try again/],
  ['Throttling.User', 'Request was denied due to user flow control.', 400, 'throttled', true, /try again/],
  ['Rejected.Throttling', 'Request was denied due to request throttling.', 400, 'throttled', true, /try again/],
  ['InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.', 400, 'credentials', false, /Refresh the temporary credentials|sign in again/],
  ['InternalError', 'The request processing has failed due to some unknown error.', 500, 'serverError', true, /again/],
  ['ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', 503, 'serverError', true, /again/],
  ['SomethingNew', 'Gateway exploded', 502, 'serverError', true, /again/],
  ['IncorrectStatus.flowlog', 'The flow log is Creating.', 400, 'incorrectStatus', true, /Active or Inactive/],
  ['Operation.Blocking', 'blocked', 400, 'incorrectStatus', true, undefined],
  ['IncorrectStatus.TrFlowlog', 'The flow log is Modifying.', 400, 'incorrectStatus', true, /Active or Inactive/],
  ['LOCK_ERROR', 'Another operation holds the lock.', 400, 'incorrectStatus', true, undefined],
  ['InvalidOperation.CenInstanceStatus', 'The CEN instance is busy.', 400, 'incorrectStatus', true, undefined],
  ['InvalidFlowlogId.NotFound', 'The specified flow log does not exist.', 404, 'notFound', false, /Refresh/],
  ['ParameterCenInstanceId', 'The specified CenId does not exist.', 400, 'notFound', false, /Refresh/],
  ['InvalidTransitRouterId.NotFound', 'The specified TransitRouterId does not exist.', 400, 'notFound', false, /Refresh/],
  ['ProjectOrLogstoreNotExist', 'The project or logstore does not exist.', 400, 'notFound', false, undefined],
  ['SourceProjectNotExist', 'The source project does not exist.', 400, 'notFound', false, undefined],
  ['Forbidden.RAM', 'User not authorized to operate on the specified resource.', 403, 'permission', false, /RAM/],
  ['Forbidden.NotWhitelisted', 'The account 1 is not whitelisted for CEN flow logs.', 403, 'permission', false, /RAM/],
  ['QuotaExceeded.FlowLog', 'The number of flow logs exceeds the quota.', 400, 'quota', false, /quota/],
  ['SomeNewRefusal', 'A flow log already exists on this attachment.', 400, 'unknown', false, /SomeNewRefusal/],
  ['MissingParameter', 'The input parameter "CenId" that is mandatory for processing this request is not supplied.', 400, 'invalidInput', false, undefined],
  ['InvalidParameter', 'The parameter "Interval" is invalid: must be 60 or 600 (seconds), got "30".', 400, 'invalidInput', false, undefined],
];

describe('mapCenError', () => {
  for (const [code, message, status, kind, retryable, nextStep] of cases) {
    it(`${code} → ${kind}${retryable ? ' (retryable)' : ''}`, () => {
      const c = mapCenError(popCoreError(code, message, status));
      assert.equal(c.kind, kind);
      assert.equal(c.retryable, retryable);
      assert.equal(c.code, code);
      assert.equal(c.requestId, 'REQ-1');
      assert.equal(c.httpStatus, status);
      if (nextStep) assert.match(c.nextStep ?? '', nextStep);
      // The URL pop-core appends (with the AccessKeyId and signature) never reaches the user.
      assert.doesNotMatch(c.userMessage, /URL:|Signature=|LTAI/);
    });
  }

  it('keeps the service message where it tells the user what to fix', () => {
    const c = mapCenError(popCoreError('MissingParameter', 'The input parameter "CenId" that is mandatory for processing this request is not supplied.'));
    assert.match(c.message, /"CenId"/);
  });

  it('shows the service’s own message for a refusal it has no mapping for (the service decides how many flow logs)', () => {
    assert.match(mapCenError(popCoreError('SomeNewRefusal', 'A flow log already exists on this attachment.')).message, /already exists on this attachment/);
  });

  it('retries busy codes as Terraform does for each flow-log action', () => {
    const retried = (code: string, action: string): boolean => mapCenError(popCoreError(code, 'busy'), action).retryable;
    assert.equal(retried('IncorrectStatus.TrFlowlog', 'DeactiveFlowLog'), true);
    assert.equal(retried('IncorrectStatus.TrFlowlog', 'DeleteFlowlog'), true);
    assert.equal(retried('IncorrectStatus.flowlog', 'ModifyFlowLogAttribute'), true);
    assert.equal(retried('LOCK_ERROR', 'ActiveFlowLog'), true);
    assert.equal(retried('LOCK_ERROR', 'DeleteFlowlog'), false);
    assert.equal(retried('IncorrectStatus.TrFlowlog', 'CreateFlowlog'), false);
    assert.equal(retried('Operation.Blocking', 'CreateFlowlog'), true);
    assert.equal(retried('InvalidOperation.CenInstanceStatus', 'CreateFlowlog'), true);
    assert.equal(retried('Rejected.Throttling', 'DescribeFlowlogs'), true);
  });

  it('names the cen: action a RAM refusal needs when the call is known', () => {
    assert.match(mapCenError(popCoreError('Forbidden.RAM', 'User not authorized.', 403), 'CreateFlowlog').nextStep ?? '', /cen:CreateFlowlog/);
  });

  it('maps connection failures to retryable network errors', () => {
    const c = mapCenError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    assert.equal(c.kind, 'network');
    assert.equal(c.retryable, true);
  });

  it('maps an unreadable body to unexpectedResponse', () => {
    assert.equal(mapCenError(new SyntaxError('Unexpected token < in JSON')).kind, 'unexpectedResponse');
  });

  it('passes CloudErrors through and maps anything else to unknown without the URL', () => {
    const original = new CloudError({ kind: 'cancelled', message: 'x' });
    assert.equal(mapCenError(original), original);
    const c = mapCenError(new Error('weird, URL: http://h/?Signature=s'));
    assert.equal(c.kind, 'unknown');
    assert.doesNotMatch(c.message, /URL|Signature/);
  });
});
