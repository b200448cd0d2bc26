/**
 * Turns any failure into the one message a notification shows: what happened and what to do next,
 * plus the service's code and request id for support. Pure (no vscode) so it is unit-tested.
 * Never includes credentials: CloudError messages are built from codes, not from request data.
 */
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
      return 'Flow logs are not enabled for this account.';
    case 'credentials':
      return 'Alibaba Cloud did not accept the credentials.';
    case 'permission':
      return 'Permission denied.';
    case 'throttled':
      return 'Alibaba Cloud is throttling requests.';
    case 'serverError':
      return 'Alibaba Cloud had a server error.';
    case 'network':
      return 'Could not reach Alibaba Cloud.';
    case 'notFound':
      return 'Not found.';
    case 'conflict':
      return 'Conflict.';
    case 'incorrectStatus':
      return 'The flow log is busy.';
    case 'invalidInput':
      return 'Invalid input.';
    case 'unsupportedRegion':
      return 'Unsupported region.';
    case 'quota':
      return 'Quota exceeded.';
    case 'serviceNotActivated':
      return 'Log Service is not activated.';
    case 'cancelled':
      return 'Cancelled.';
    case 'unexpectedResponse':
      return 'Unexpected answer from Alibaba Cloud.';
    case 'unknown':
      return 'Something went wrong.';
  }
}

export function presentError(error: unknown, action?: string): ErrorPresentation {
  const prefix = action ? `${action} failed: ` : '';
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
