/**
 * Turns any failure into the one message a notification shows: what happened and what to do next,
 * plus the service's code and request id for support. Pure (no vscode) so it is unit-tested.
 * Never includes credentials: CloudError messages are built from codes, not from request data.
 */
import { t } from '@vscode/l10n';
import { isCloudError, type CloudErrorKind } from '../../cloud/cloudError';

export interface ErrorPresentation {
  /** One line for the notification. */
  readonly message: string;
  /** Code and request id, for the log and the "details" view. */
  readonly detail?: string;
  /** Whether the user cancelled (then nothing is shown). */
  readonly cancelled: boolean;
  readonly kind: CloudErrorKind;
}

/** A short lead-in per kind so the user sees at a glance which part failed. */
export function errorHeadline(kind: CloudErrorKind): string {
  switch (kind) {
    case 'notWhitelisted':
      return t('Flow logs are not enabled for this account.');
    case 'credentials':
      return t('Alibaba Cloud did not accept the credentials.');
    case 'permission':
      return t('Permission denied.');
    case 'throttled':
      return t('Alibaba Cloud is throttling requests.');
    case 'serverError':
      return t('Alibaba Cloud had a server error.');
    case 'network':
      return t('Could not reach Alibaba Cloud.');
    case 'notFound':
      return t('Not found.');
    case 'conflict':
      return t('Conflict.');
    case 'incorrectStatus':
      return t('The flow log is busy.');
    case 'invalidInput':
      return t('Invalid input.');
    case 'unsupportedRegion':
      return t('Unsupported region.');
    case 'quota':
      return t('Quota exceeded.');
    case 'serviceNotActivated':
      return t('Log Service is not activated.');
    case 'cancelled':
      return t('Cancelled.');
    case 'unexpectedResponse':
      return t('Unexpected answer from Alibaba Cloud.');
    case 'unknown':
      return t('Something went wrong.');
  }
}

export function presentError(error: unknown, action?: string): ErrorPresentation {
  // The action as the registrar names it, already in the display language.
  const prefix = action ? t('{0} failed: ', action) : '';
  if (isCloudError(error)) {
    const detailParts = [
      error.code ? `code ${error.code}` : undefined,
      error.requestId ? `request id ${error.requestId}` : undefined,
      error.httpStatus ? `HTTP ${error.httpStatus}` : undefined,
    ].filter((p): p is string => p !== undefined);
    return {
      message: prefix + error.userMessage,
      detail: detailParts.length > 0 ? detailParts.join(', ') : undefined,
      cancelled: error.kind === 'cancelled',
      kind: error.kind,
    };
  }
  if (error instanceof Error) {
    const cancelled = error.name === 'AbortError';
    return { message: prefix + (error.message || error.name), cancelled, kind: cancelled ? 'cancelled' : 'unknown' };
  }
  return { message: prefix + String(error), cancelled: false, kind: 'unknown' };
}
