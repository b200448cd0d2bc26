/**
 * Every failure of a Log Service call, mapped once to a CloudError. Input: what
 * @alicloud/sls20201230 throws (an Error with `code` = the service's errorCode, `message`
 * "<code>: <errorMessage>", `data.{statusCode, requestId}`), a network error, or anything else.
 * Query errors keep the position the service named ("line L:C: …") so the editor can mark it.
 */
import { CloudError } from './cloudError';
import { CHECK_ACCESS_KEY, mapServiceError, prop, text, type ErrorMeaning, type ServiceErrorFacts, type ServiceErrorReader } from './errorMapping';
import { errorText } from '../errorText';

function slsFacts(e: unknown): ServiceErrorFacts | undefined {
  const data = prop(e, 'data');
  const code = text(prop(e, 'code'));
  const status = prop(data, 'statusCode') ?? prop(data, 'httpCode') ?? prop(e, 'statusCode');
  if (!code || typeof status !== 'number') return undefined;
  const message = text(prop(e, 'message')) ?? '';
  return {
    code,
    // The SDK prefixes the service's message with "<code>: ".
    serviceMessage: message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message,
    requestId: text(prop(data, 'requestId')),
    httpStatus: status,
  };
}

/** "line 2:7: …" in a message → 0-based offset into the query text. */
export function queryPosition(message: string, query: string | undefined): { offset: number } | undefined {
  const m = /line (\d+):(\d+)/.exec(message);
  if (!m || query === undefined) return undefined;
  const line = Number(m[1]);
  const column = Number(m[2]);
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = query.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  return { offset: Math.min(query.length, offset + column - 1) };
}

function slsMeaning(f: ServiceErrorFacts): ErrorMeaning {
  const { code, serviceMessage } = f;
  switch (code) {
    case 'SignatureNotMatch':
      return { kind: 'credentials', message: 'Log Service rejected the request signature: the AccessKey secret does not match the AccessKey ID.', nextStep: CHECK_ACCESS_KEY };
    case 'Unauthorized':
      return /AccessKeyId/i.test(serviceMessage)
        ? { kind: 'credentials', message: 'Log Service does not recognise this AccessKey ID.', nextStep: CHECK_ACCESS_KEY }
        : { kind: 'permission', message: `Log Service refused access: ${serviceMessage}`, nextStep: 'Check that the project belongs to this account and that your RAM policy allows the log:* actions.' };
    case 'InvalidAccessKeyId':
      return { kind: 'credentials', message: 'Log Service does not recognise this AccessKey ID.', nextStep: CHECK_ACCESS_KEY };
    case 'SecurityTokenExpired':
    case 'InvalidSecurityToken':
      return { kind: 'credentials', message: 'The STS security token is invalid or has expired.', nextStep: 'Refresh your temporary credentials and try again.' };
    case 'RequestTimeTooSkewed':
      return { kind: 'credentials', message: "Log Service refused the request because this computer's clock is off.", nextStep: 'Correct the system clock and try again.' };
    case 'ProjectNotExist':
      return { kind: 'notFound', message: `The Log Service project does not exist. ${serviceMessage}`.trim(), nextStep: 'Check the project name and region, or create the project.' };
    case 'LogStoreNotExist':
      return { kind: 'notFound', message: `The logstore does not exist. ${serviceMessage}`.trim(), nextStep: 'Check the logstore name, or create it.' };
    case 'IndexConfigNotExist':
      return { kind: 'notFound', message: 'The logstore has no index, so it cannot be queried.', nextStep: 'Create the flow-log index on the logstore, then run the query again.' };
    case 'ProjectAlreadyExist':
    case 'LogStoreAlreadyExist':
    case 'IndexAlreadyExist':
      return { kind: 'conflict', message: serviceMessage || code };
    case 'ParameterInvalid':
    case 'PostBodyInvalid':
    case 'InvalidContentMD5':
      return { kind: 'invalidInput', message: serviceMessage || 'Log Service rejected a parameter.', nextStep: 'Fix the query or parameter and try again.' };
    case 'ExceedQuota':
      return { kind: 'quota', message: `A Log Service quota was exceeded: ${serviceMessage}`, nextStep: 'Free some capacity or raise the quota in the Log Service console.' };
    case 'QpsLimit':
    case 'WriteQuotaExceed':
    case 'ReadQuotaExceed':
      return { kind: 'throttled', message: 'Log Service is throttling requests.', nextStep: 'Wait a moment and try again.', retryable: true };
    case 'ServerBusy':
    case 'InternalServerError':
    case 'RequestTimeout':
      return { kind: 'serverError', message: 'Log Service had a temporary failure.', nextStep: 'Try again in a moment.', retryable: true };
    case 'ProjectForbidden':
    case 'LogServiceNotActivated':
      return { kind: 'serviceNotActivated', message: 'Log Service is not activated for this account (or the project is disabled).', nextStep: 'Activate Log Service in the Alibaba Cloud console, then try again.' };
    default:
      if (f.httpStatus !== undefined && f.httpStatus >= 500) {
        return { kind: 'serverError', message: 'Log Service had a temporary failure.', nextStep: 'Try again in a moment.', retryable: true };
      }
      return { kind: 'unknown', message: `Log Service answered ${code}: ${serviceMessage}` };
  }
}

/** A body that is not JSON (an HTML page, a cut-off answer) or headers Node cannot parse (HPE_*). */
function isUnreadableAnswer(e: unknown): boolean {
  const code = prop(e, 'code') ?? prop(prop(e, 'cause'), 'code');
  const message = e instanceof Error ? e.message : '';
  return e instanceof SyntaxError || prop(e, 'name') === 'SyntaxError' || (typeof code === 'string' && code.startsWith('HPE_')) || /^Parse Error/.test(message);
}

const SLS_ERRORS: ServiceErrorReader = {
  facts: slsFacts,
  meaning: slsMeaning,
  unreadable: isUnreadableAnswer,
  unreadableMeaning: {
    kind: 'unexpectedResponse',
    message: 'Log Service answered something that is not a Log Service response.',
    nextStep: 'Check the cenFlowLogs.slsEndpoint setting and any proxy in between.',
  },
  lastResort(e) {
    const complaint = sdkShapeComplaint(e);
    return complaint
      ? new CloudError({
          kind: 'unexpectedResponse',
          message: `Log Service answered something unexpected: ${complaint}.`,
          nextStep: 'Check the cenFlowLogs.slsEndpoint setting and any proxy in between; if they are right, report this.',
          cause: e,
        })
      : new CloudError({ kind: 'unexpectedResponse', message: `Log Service call failed: ${errorText(e)}`, cause: e });
  },
};

/** Maps anything a Log Service call threw; `query` lets query errors carry their position. */
export function mapSlsError(e: unknown, query?: string): CloudError {
  return mapServiceError(e, { ...SLS_ERRORS, position: (f, m) => (m.kind === 'invalidInput' ? queryPosition(f.serviceMessage, query) : undefined) });
}

/** The SDK's own typing of an answer (`$dara.cast` into its models) failed: say what was wrong. */
function sdkShapeComplaint(e: unknown): string | undefined {
  const message = e instanceof Error ? e.message : '';
  if (message === 'can not cast to Map') return 'the answer (or a part of it) is not an object';
  const m = /^type of (\w+) is mismatch, expect (\w+), but (\w+)$/.exec(message);
  return m ? `${m[1]} is ${m[3] === 'object' ? 'an object' : `a ${m[3]}`} where ${m[2] === 'array' ? 'a list' : `a ${m[2]}`} belongs` : undefined;
}
