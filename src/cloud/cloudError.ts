/**
 * Every failure of a cloud call becomes one CloudError: a stable kind the UI can switch on, the
 * service's own code and request id for support, and a plain-language message with a next step.
 * Messages never contain credentials.
 */

export type CloudErrorKind =
  | 'notWhitelisted' // account not whitelisted for flow logs
  | 'credentials' // unknown AccessKey, bad signature, expired STS token
  | 'permission' // RAM policy denies the action
  | 'throttled' // Throttling / QpsLimit / ServerBusy (retried first)
  | 'serverError' // 5xx (retried first)
  | 'network' // connection refused/reset, DNS, timeout (retried first)
  | 'notFound' // flow log, project, logstore, index not found
  | 'conflict' // one flow log per CEN, name taken
  | 'incorrectStatus' // operation on a flow log in a transitional state
  | 'invalidInput' // the service rejected a parameter (ParameterInvalid, InvalidParameter…)
  | 'unsupportedRegion' // region outside the 16 flow-log regions
  | 'quota' // ExceedQuota
  | 'serviceNotActivated' // Log Service not activated
  | 'cancelled' // the user cancelled
  | 'unexpectedResponse' // the service answered something we cannot read
  | 'unknown';

export interface CloudErrorInit {
  kind: CloudErrorKind;
  message: string;
  nextStep?: string;
  code?: string;
  requestId?: string;
  httpStatus?: number;
  /** Position in the query (0-based offset) for query errors the service located. */
  position?: { offset: number; length?: number };
  retryable?: boolean;
  cause?: unknown;
}

export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly nextStep?: string;
  readonly code?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly position?: { offset: number; length?: number };
  readonly retryable: boolean;

  constructor(init: CloudErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'CloudError';
    this.kind = init.kind;
    this.nextStep = init.nextStep;
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.position = init.position;
    this.retryable = init.retryable ?? false;
  }

  /** One line for a notification: what happened and what to do next. */
  get userMessage(): string {
    return this.nextStep ? `${this.message} ${this.nextStep}` : this.message;
  }
}

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError;
}
