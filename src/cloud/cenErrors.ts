/**
 * Every failure of a CEN API call, mapped once to a CloudError with a plain-language message and a
 * next step. Input: whatever @alicloud/pop-core threw (an Error with `code` and `data` carrying the
 * service's {RequestId, Code, Message}), a network error, or anything else.
 */
import { SUPPORTED_REGIONS } from '../flowlogs/catalog';
import { CloudError } from './cloudError';
import { CHECK_ACCESS_KEY, mapServiceError, prop, text, type ErrorMeaning, type ServiceErrorFacts, type ServiceErrorReader } from './errorMapping';

/** The service's answer inside a pop-core error, if there is one. */
function cenFacts(e: unknown): ServiceErrorFacts | undefined {
  const data = prop(e, 'data');
  const code = text(prop(data, 'Code')) ?? text(prop(e, 'code'));
  if (!code || !data) return undefined;
  const status = prop(prop(prop(e, 'entry'), 'response'), 'statusCode');
  return {
    code,
    serviceMessage: text(prop(data, 'Message')) ?? '',
    requestId: text(prop(data, 'RequestId')),
    httpStatus: typeof status === 'number' ? status : undefined,
  };
}

export const SUPPORTED_REGIONS_TEXT = SUPPORTED_REGIONS.map((r) => `${r.id} (${r.name})`).join(', ');

/** Exhaustive over the codes we know; anything else falls through to a generic mapping. */
function cenMeaning(f: ServiceErrorFacts): ErrorMeaning {
  const { code, serviceMessage: sm } = f;
  if (/whitelist/i.test(code) || /whitelist/i.test(sm)) {
    return {
      kind: 'notWhitelisted',
      message: 'This Alibaba Cloud account is not whitelisted for CEN flow logs.',
      nextStep: 'Open a ticket with Alibaba Cloud support to be whitelisted for CEN flow logs, then try again.',
    };
  }
  if (code.startsWith('InvalidAccessKeyId')) {
    return { kind: 'credentials', message: 'Alibaba Cloud does not recognise this AccessKey ID (or it is disabled).', nextStep: CHECK_ACCESS_KEY };
  }
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') {
    return { kind: 'credentials', message: 'The request signature was rejected: the AccessKey secret does not match the AccessKey ID.', nextStep: CHECK_ACCESS_KEY };
  }
  if (code.startsWith('InvalidSecurityToken')) {
    return { kind: 'credentials', message: 'The STS security token is invalid or has expired.', nextStep: 'Refresh your temporary credentials and try again.' };
  }
  if (code.startsWith('InvalidTimeStamp')) {
    return { kind: 'credentials', message: "The request was refused because this computer's clock is more than 15 minutes off.", nextStep: 'Correct the system clock and try again.' };
  }
  if (code === 'SignatureNonceUsed') {
    // Each attempt signs with a fresh nonce, so a repeat simply goes through.
    return { kind: 'unknown', message: 'The service saw this request twice.', retryable: true };
  }
  if (code.startsWith('Throttling')) {
    return { kind: 'throttled', message: 'Alibaba Cloud is throttling requests.', nextStep: 'Wait a moment and try again.', retryable: true };
  }
  if (code === 'ServiceUnavailable' || code === 'InternalError' || code === 'UnknownError' || (f.httpStatus !== undefined && f.httpStatus >= 500)) {
    return { kind: 'serverError', message: 'The CEN service had a temporary failure.', nextStep: 'Try again in a moment.', retryable: true };
  }
  if (code.startsWith('IncorrectStatus') || code === 'Operation.Blocking' || code === 'LOCK_ERROR') {
    return {
      kind: 'incorrectStatus',
      message: 'The flow log is busy with another change (creating, modifying or deleting).',
      nextStep: 'Wait until it is Active or Inactive, then try again.',
      retryable: true,
    };
  }
  if (/^InvalidRegionId|Region.*NotSupport|Unsupported.*Region/i.test(code)) {
    return { kind: 'unsupportedRegion', message: 'CEN flow logs are not available in this region.', nextStep: `Choose one of the 16 supported regions: ${SUPPORTED_REGIONS_TEXT}.` };
  }
  if (/FlowLogExist|FlowlogExist/i.test(code)) {
    return {
      kind: 'conflict',
      message: `This CEN instance already has a flow log; a CEN instance can have only one. ${sm}`.trim(),
      nextStep: 'Use the existing flow log, or delete it first.',
    };
  }
  if (code === 'InvalidFlowlogId.NotFound') {
    return { kind: 'notFound', message: 'The flow log no longer exists.', nextStep: 'Refresh the explorer.' };
  }
  if (code === 'InvalidCenInstanceId.NotFound' || code.startsWith('InvalidCenId')) {
    return { kind: 'notFound', message: 'The CEN instance does not exist in this account.', nextStep: 'Refresh the explorer.' };
  }
  if (code === 'ProjectOrLogstoreNotExist' || code === 'SourceProjectNotExist' || code.startsWith('ProjectNotExist') || code.startsWith('LogStoreNotExist')) {
    return { kind: 'notFound', message: `The Log Service project or logstore does not exist. ${sm}`.trim(), nextStep: 'Create the project and logstore first, or pick existing ones.' };
  }
  if (code.startsWith('Forbidden') || code === 'NoPermission' || code.startsWith('NoPermission')) {
    return {
      kind: 'permission',
      message: 'Your RAM user is not allowed to perform this action.',
      nextStep: 'Ask an administrator to grant the CEN permissions (for example AliyunCENFullAccess) to your RAM user.',
    };
  }
  if (code === 'MissingParameter' || code.startsWith('InvalidParameter') || code === 'IdempotentParameterMismatch' || code.startsWith('InvalidVersion')) {
    return { kind: 'invalidInput', message: `The CEN service rejected the request: ${sm || code}` };
  }
  if (code === 'InvalidAction.NotFound') {
    return { kind: 'unexpectedResponse', message: 'The endpoint does not offer this CEN API action.', nextStep: 'Check the cenFlowLogs.cenEndpoint setting.' };
  }
  return { kind: 'unknown', message: `The CEN service returned an error: ${sm || code}` };
}

/**
 * What pop-core throws when the body is not the JSON it expects: a parser error (json-bigint throws
 * plain `{name: 'SyntaxError'}` objects, not Errors), a TypeError/RangeError from reading a body of
 * the wrong shape or depth, or an error body whose Code is not text.
 */
function isUnreadableAnswer(e: unknown): boolean {
  const code = prop(prop(e, 'data'), 'Code');
  return (
    e instanceof SyntaxError ||
    e instanceof TypeError ||
    e instanceof RangeError ||
    prop(e, 'name') === 'SyntaxError' ||
    (code !== undefined && code !== null && typeof code !== 'string')
  );
}

const CEN_ERRORS: ServiceErrorReader = {
  facts: cenFacts,
  meaning: cenMeaning,
  unreadable: isUnreadableAnswer,
  unreadableMeaning: {
    kind: 'unexpectedResponse',
    message: 'The CEN endpoint answered something that is not a CEN API response.',
    nextStep: 'Check the cenFlowLogs.cenEndpoint setting and any proxy in between.',
  },
  lastResort: (e) => new CloudError({ kind: 'unknown', message: `The CEN call failed: ${e instanceof Error ? e.message.replace(/, URL: .*$/s, '') : String(e)}`, cause: e }),
};

/** Maps anything a CEN call threw to a CloudError (CloudErrors pass through unchanged). */
export const mapCenError = (e: unknown): CloudError => mapServiceError(e, CEN_ERRORS);
