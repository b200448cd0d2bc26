/**
 * Every failure of a Log Service call, mapped once to a CloudError. Input: what
 * @alicloud/sls20201230 throws (an Error with `code` = the service's errorCode, `message`
 * "<code>: <errorMessage>", `data.{statusCode, requestId}`), a network error, or anything else.
 * Query errors keep the position the service named ("line L:C: …") so the editor can mark it.
 */
import { t } from '@vscode/l10n';
import { CloudError } from './cloudError';
import { checkAccessKey, mapServiceError, prop, text, type ErrorMeaning, type ServiceErrorFacts, type ServiceErrorReader } from './errorMapping';
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
      return { kind: 'credentials', message: t('Log Service rejected the request signature: the AccessKey secret does not match the AccessKey ID.'), nextStep: checkAccessKey() };
    case 'Unauthorized':
      return unauthorizedMeaning(serviceMessage);
    case 'InvalidAccessKeyId':
      return { kind: 'credentials', message: t('Log Service does not recognise this AccessKey ID.'), nextStep: checkAccessKey() };
    case 'SecurityTokenExpired':
    case 'InvalidSecurityToken':
      return { kind: 'credentials', message: t('The STS security token is invalid or has expired.'), nextStep: t('Refresh your temporary credentials and try again.') };
    case 'RequestTimeExpired':
    case 'RequestTimeTooSkewed':
      // Signed requests carry the local time; the service refuses them when it is 15+ minutes off.
      return { kind: 'credentials', message: serviceMessage ? t("Log Service refused the request because this computer's clock is more than 15 minutes off the service's time ({0}).", serviceMessage) : t("Log Service refused the request because this computer's clock is more than 15 minutes off the service's time."), nextStep: fixClock() };
    case 'ProjectNotExist':
      return { kind: 'notFound', message: `${t('The Log Service project does not exist.')} ${serviceMessage}`.trim(), nextStep: t('Check the project name and region, or create the project.') };
    case 'LogStoreNotExist':
      return { kind: 'notFound', message: `${t('The logstore does not exist.')} ${serviceMessage}`.trim(), nextStep: t('Check the logstore name, or create it.') };
    case 'IndexConfigNotExist':
      return { kind: 'notFound', message: t('The logstore has no index, so it cannot be queried (Log Service: IndexConfigNotExist).'), nextStep: createIndex() };
    case 'ProjectAlreadyExist':
    case 'LogStoreAlreadyExist':
    case 'IndexAlreadyExist':
      return { kind: 'conflict', message: serviceMessage || code };
    case 'ParameterInvalid': {
      const column = unindexedColumn(serviceMessage);
      if (column) {
        return { kind: 'invalidInput', message: t("The field {0} is not in the logstore's index, so queries cannot use it (Log Service: {1}).", column, serviceMessage), nextStep: t('Add {0} to the index (Create Index in the workbench), or query another field.', column) };
      }
      return { kind: 'invalidInput', message: serviceMessage || t('Log Service rejected a parameter.'), nextStep: t('Fix the query or parameter and try again.') };
    }
    case 'PostBodyInvalid':
    case 'InvalidContentMD5':
      return { kind: 'invalidInput', message: serviceMessage || t('Log Service rejected a parameter.'), nextStep: t('Fix the query or parameter and try again.') };
    case 'ExceedQuota':
      return { kind: 'quota', message: t('A Log Service quota was exceeded: {0}', serviceMessage), nextStep: t('Free some capacity or raise the quota in the Log Service console.') };
    case 'QpsLimit':
    case 'WriteQuotaExceed':
    case 'ReadQuotaExceed':
      return { kind: 'throttled', message: t('Log Service is throttling requests.'), nextStep: t('Wait a moment and try again.'), retryable: true };
    case 'ServerBusy':
    case 'InternalServerError':
    case 'RequestTimeout':
      return { kind: 'serverError', message: t('Log Service had a temporary failure.'), nextStep: t('Try again in a moment.'), retryable: true };
    case 'ProjectForbidden':
    case 'LogServiceNotActivated':
      return { kind: 'serviceNotActivated', message: t('Log Service is not activated for this account (or the project is disabled).'), nextStep: t('Activate Log Service in the Alibaba Cloud console, then try again.') };
    default:
      if (f.httpStatus !== undefined && f.httpStatus >= 500) {
        return { kind: 'serverError', message: t('Log Service had a temporary failure.'), nextStep: t('Try again in a moment.'), retryable: true };
      }
      return { kind: 'unknown', message: t('Log Service answered {0}: {1}', code, serviceMessage) };
  }
}

const fixClock = (): string =>
  t("Set this computer's clock right (turn on automatic time synchronisation, e.g. `timedatectl set-ntp true` on Linux, \"Set time automatically\" on Windows or macOS), then try again.");
const createIndex = (): string => t("Create the index (the workbench offers Create Index with the flow log's fields), then run the query again.");
const refreshToken = (): string =>
  t('Temporary (STS) credentials expire: get a fresh security token and sign in again (Switch Credentials), or refresh the aliyun CLI profile or the ALIBABA_CLOUD_SECURITY_TOKEN environment variable.');

/** Log Service answers Unauthorized for very different causes; its message says which (api-current.md §4.2). */
function unauthorizedMeaning(serviceMessage: string): ErrorMeaning {
  if (/security token[^.]*expired/i.test(serviceMessage)) {
    return { kind: 'credentials', message: t('The security token (STS) of these credentials has expired.'), nextStep: refreshToken() };
  }
  if (/security token/i.test(serviceMessage)) {
    return { kind: 'credentials', message: t('Log Service did not accept the security token: {0}', serviceMessage), nextStep: refreshToken() };
  }
  if (/AccessKeyId is disabled/i.test(serviceMessage)) {
    return { kind: 'credentials', message: t('This AccessKey is disabled.'), nextStep: t('Enable it in the RAM console or sign in with another AccessKey.') };
  }
  if (/AccessKeyId/i.test(serviceMessage)) {
    return { kind: 'credentials', message: t('Log Service does not recognise this AccessKey ID.'), nextStep: checkAccessKey() };
  }
  if (/SLS service has been forbidden/i.test(serviceMessage)) {
    return { kind: 'serviceNotActivated', message: t('Log Service is disabled for this account: {0}', serviceMessage), nextStep: t('Check the account\'s Log Service status (overdue payment?) in the Alibaba Cloud console.') };
  }
  return { kind: 'permission', message: t('Log Service refused access: {0}', serviceMessage), nextStep: t('Check that the project belongs to this account and that your RAM policy allows the log:* actions.') };
}

/** "Column 'x' cannot be resolved" (SQL) or "key (x) is not config as key value config" (search): a field the index lacks. */
export function unindexedColumn(message: string): string | undefined {
  const m = /Column '"?([^'"]{1,200})"?' cannot be resolved/i.exec(message) ?? /\bkey \(([^)]{1,200})\) is not config/i.exec(message);
  return m?.[1];
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
  // A getter: read when an error is shown, after the display language is configured.
  get unreadableMeaning(): ErrorMeaning {
    return {
      kind: 'unexpectedResponse',
      message: t('Log Service answered something that is not a Log Service response.'),
      nextStep: t('Check the cenFlowLogs.slsEndpoint setting and any proxy in between.'),
    };
  },
  lastResort(e) {
    const complaint = sdkShapeComplaint(e);
    return complaint
      ? new CloudError({
          kind: 'unexpectedResponse',
          message: t('Log Service answered something unexpected: {0}.', complaint),
          nextStep: t('Check the cenFlowLogs.slsEndpoint setting and any proxy in between; if they are right, report this.'),
          cause: e,
        })
      : new CloudError({ kind: 'unexpectedResponse', message: t('Log Service call failed: {0}', errorText(e)), cause: e });
  },
};

/** Maps anything a Log Service call threw; `query` lets query errors carry their position. */
export function mapSlsError(e: unknown, query?: string): CloudError {
  return mapServiceError(e, { ...SLS_ERRORS, position: (f, m) => (m.kind === 'invalidInput' ? queryPosition(f.serviceMessage, query) : undefined) });
}

/** The SDK's own typing of an answer (`$dara.cast` into its models) failed: say what was wrong. */
function sdkShapeComplaint(e: unknown): string | undefined {
  const message = e instanceof Error ? e.message : '';
  if (/^can not cast to Map$/.test(message)) return t('the answer (or a part of it) is not an object');
  const m = /^type of (\w+) is mismatch, expect (\w+), but (\w+)$/.exec(message);
  if (!m) return undefined;
  const found = m[3] === 'object' ? t('an object') : t('a {0}', m[3] ?? '');
  const expected = m[2] === 'array' ? t('a list') : t('a {0}', m[2] ?? '');
  return t('{0} is {1} where {2} belongs', m[1] ?? '', found, expected);
}
