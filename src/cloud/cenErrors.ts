/**
 * Every failure of a CEN API call, mapped once to a CloudError with a plain-language message and a
 * next step. Input: whatever @alicloud/pop-core threw (an Error with `code` and `data` carrying the
 * service's {RequestId, Code, Message}), a network error, or anything else.
 */
import { t } from '@vscode/l10n';
import { CloudError } from './cloudError';
import { checkAccessKey, mapServiceError, prop, text, type ErrorMeaning, type ServiceErrorFacts, type ServiceErrorReader } from './errorMapping';

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

/** Busy codes Terraform retries per flow-log action (api-current.md §2.1-§2.4, TF resource_alicloud_cen_flowlog.go). */
const RETRIED_BY_ACTION: Readonly<Record<string, ReadonlySet<string>>> = {
  CreateFlowlog: new Set(['Operation.Blocking']),
  ActiveFlowLog: new Set(['LOCK_ERROR', 'Operation.Blocking', 'IncorrectStatus.TrFlowlog']),
  DeactiveFlowLog: new Set(['LOCK_ERROR', 'Operation.Blocking', 'IncorrectStatus.TrFlowlog']),
  ModifyFlowLogAttribute: new Set(['LOCK_ERROR', 'Operation.Blocking', 'IncorrectStatus.flowlog']),
  DeleteFlowlog: new Set(['Operation.Blocking', 'IncorrectStatus.TrFlowlog']),
};

/** CEN-wide passing states Terraform's CEN resources retry on any call (§4.1). */
const RETRIED_ANYWHERE = new Set(['InvalidOperation.CenInstanceStatus', 'IncorrectStatus.Status', 'IncorrectStatus.TransitRouter', 'IncorrectStatus.Attachment']);

const BUSY_CODES = new Set([...Object.values(RETRIED_BY_ACTION).flatMap((c) => [...c]), ...RETRIED_ANYWHERE]);

/** Whether a busy code is retried for this call: Terraform's set for the action; any busy code when the action is not known. */
function retriedBusy(code: string, action: string | undefined): boolean {
  if (RETRIED_ANYWHERE.has(code)) return true;
  const forAction = action ? RETRIED_BY_ACTION[action] : undefined;
  return forAction ? forAction.has(code) : action === undefined || !Object.hasOwn(RETRIED_BY_ACTION, action);
}

/** Service codes of api-current.md §4.1 to their meaning; anything else shows the service's own message. */
function cenMeaning(f: ServiceErrorFacts, action: string | undefined): ErrorMeaning {
  const { code, serviceMessage: sm } = f;
  if (code.startsWith('InvalidAccessKeyId')) {
    return { kind: 'credentials', message: t('Alibaba Cloud does not recognise this AccessKey ID (or it is disabled).'), nextStep: checkAccessKey() };
  }
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') {
    return { kind: 'credentials', message: t('The request signature was rejected: the AccessKey secret does not match the AccessKey ID.'), nextStep: checkAccessKey() };
  }
  if (code.startsWith('InvalidSecurityToken') || /security ?token.*expired/i.test(sm)) {
    const expired = /expired/i.test(code) || /expired/i.test(sm);
    return {
      kind: 'credentials',
      message: expired ? t('The STS security token has expired (temporary credentials).') : t('The STS security token is invalid.'),
      nextStep: t('Refresh the temporary credentials (or sign in again with Switch Credentials), then try again.'),
    };
  }
  if (code.startsWith('InvalidTimeStamp')) {
    return { kind: 'credentials', message: t("The request was refused because this computer's clock is more than 15 minutes off."), nextStep: t('Correct the system clock and try again.') };
  }
  if (code === 'SignatureNonceUsed') {
    // Each attempt signs with a fresh nonce, so a repeat simply goes through.
    return { kind: 'unknown', message: t('The service saw this request twice.'), retryable: true };
  }
  // Terraform's NeedRetry: any code containing Throttling, Rejected.Throttling among them.
  if (code.includes('Throttling')) {
    return { kind: 'throttled', message: t('Alibaba Cloud is throttling requests.'), nextStep: t('Wait a moment and try again.'), retryable: true };
  }
  if (code === 'ServiceUnavailable' || code === 'InternalError' || code === 'UnknownError' || (f.httpStatus !== undefined && f.httpStatus >= 500)) {
    return { kind: 'serverError', message: t('The CEN service had a temporary failure.'), nextStep: t('Try again in a moment.'), retryable: true };
  }
  if (BUSY_CODES.has(code) || code.startsWith('IncorrectStatus')) {
    return {
      kind: 'incorrectStatus',
      message: `${t('The flow log, transit router or CEN instance is busy with another change.')} ${sm}`.trim(),
      nextStep: t('Wait until it is Active or Inactive, then try again.'),
      retryable: retriedBusy(code, action),
    };
  }
  if (code === 'InvalidFlowlogId.NotFound') {
    return { kind: 'notFound', message: t('The flow log no longer exists.'), nextStep: t('Refresh the explorer.') };
  }
  if (code === 'ParameterCenInstanceId' || code === 'InvalidCenInstanceId.NotFound') {
    return { kind: 'notFound', message: t('The CEN instance does not exist in this account.'), nextStep: t('Refresh the explorer.') };
  }
  if (code === 'InvalidTransitRouterId.NotFound') {
    return { kind: 'notFound', message: t('The transit router does not exist (it may have been deleted).'), nextStep: t('Refresh the explorer.') };
  }
  if (code === 'IllegalParam.Region') {
    return { kind: 'invalidInput', message: t('The CEN service refused the region: {0}', sm || code), nextStep: t('Pick a region where this CEN instance has a transit router.') };
  }
  if (code === 'ProjectOrLogstoreNotExist' || code === 'SourceProjectNotExist') {
    return { kind: 'notFound', message: `${t('The Log Service project or logstore of the flow log does not exist.')} ${sm}`.trim(), nextStep: t('Pick an existing project and logstore, or refresh the explorer.') };
  }
  if (code === 'Forbidden.InstanceNotFound' || (f.httpStatus === 404 && code !== 'InvalidAction.NotFound')) {
    return { kind: 'notFound', message: t('The CEN service did not find it: {0}', sm || code), nextStep: t('Refresh the explorer.') };
  }
  if (code.startsWith('Forbidden') || code.startsWith('NoPermission')) {
    const nextStep = action ? t('Ask an administrator to grant the RAM permission cen:{0} to your RAM user.', action) : t('Ask an administrator to grant the CEN permissions (for example AliyunCENFullAccess) to your RAM user.');
    return { kind: 'permission', message: `${t('Your RAM user is not allowed to do this.')} ${sm}`.trim(), nextStep };
  }
  if (/Quota|Exceed/i.test(code)) {
    return { kind: 'quota', message: t('The CEN service refused: {0}', sm || code), nextStep: t('Delete a flow log you no longer need, or ask Alibaba Cloud for a higher quota.') };
  }
  if (code === 'MissingParameter' || code.startsWith('InvalidParameter') || code === 'IdempotentParameterMismatch' || code.startsWith('InvalidVersion')) {
    return { kind: 'invalidInput', message: t('The CEN service rejected the request: {0}', sm || code) };
  }
  if (code === 'InvalidAction.NotFound') {
    return { kind: 'unexpectedResponse', message: t('The endpoint does not offer this CEN API action.'), nextStep: t('Check the cenFlowLogs.cenEndpoint setting.') };
  }
  return { kind: 'unknown', message: t('The CEN service refused: {0}', sm || code), nextStep: sm ? t('Service code {0}.', code) : undefined };
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

const cenErrors = (action: string | undefined): ServiceErrorReader => ({
  facts: cenFacts,
  meaning: (f) => cenMeaning(f, action),
  unreadable: isUnreadableAnswer,
  unreadableMeaning: {
    kind: 'unexpectedResponse',
    message: t('The CEN endpoint answered something that is not a CEN API response.'),
    nextStep: t('Check the cenFlowLogs.cenEndpoint setting and any proxy in between.'),
  },
  lastResort: (e) => new CloudError({ kind: 'unknown', message: t('The CEN call failed: {0}', e instanceof Error ? e.message.replace(/, URL: .*$/s, '') : String(e)), cause: e }),
});

/** Maps anything a CEN call (of `action`, when known) threw to a CloudError (CloudErrors pass through unchanged). */
export const mapCenError = (e: unknown, action?: string): CloudError => mapServiceError(e, cenErrors(action));
