/**
 * The one retry mechanism every cloud call goes through: exponential backoff with full jitter,
 * bounded by attempts and by total time, cancellable with an AbortSignal. Only errors marked
 * retryable (throttling, 5xx, network, transitional status) are retried; callers decide what is
 * retryable by mapping to CloudError first.
 */
import { t } from '@vscode/l10n';
import { CloudError, isCloudError } from './cloudError';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts once this much time has passed since the first one. */
  totalTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  totalTimeoutMs: 60_000,
};

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** How long we wait before the next attempt. */
  delayMs: number;
  error: CloudError;
}

export interface RetryOptions {
  mapError: (e: unknown) => CloudError;
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  isRetryable?: (e: CloudError) => boolean;
  onRetry?: (info: RetryInfo) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of randomness for jitter (tests pass a fixed one). */
  random?: () => number;
  /** Clock for the total-time bound (tests pass a fake one). */
  now?: () => number;
}

export function cancelledError(cause?: unknown): CloudError {
  return new CloudError({ kind: 'cancelled', message: t('The operation was cancelled.'), cause });
}

/**
 * Stops waiting for p when the signal aborts, rejecting with a 'cancelled' CloudError. The SDKs
 * cannot abort a request in flight, so its eventual answer is ignored.
 */
export function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(cancelledError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Sleeps ms, rejecting with a 'cancelled' CloudError as soon as the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs op, retrying retryable CloudErrors with exponential backoff + full jitter, bounded by
 * attempts and total time; honours AbortSignal (throws CloudError kind 'cancelled').
 * mapError turns any thrown value into a CloudError.
 */
export async function withRetry<T>(op: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const isRetryable = opts.isRetryable ?? ((e: CloudError) => e.retryable);
  const sleep = opts.sleep ?? abortableSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw cancelledError(opts.signal.reason);
    let error: CloudError;
    try {
      return await op(attempt);
    } catch (e) {
      // A cancel that surfaces as an SDK/network error is still a cancel.
      if (opts.signal?.aborted) throw cancelledError(opts.signal.reason);
      error = isCloudError(e) ? e : opts.mapError(e);
    }
    if (error.kind === 'cancelled' || !isRetryable(error) || attempt >= policy.maxAttempts) throw error;
    const delayMs = backoffDelay(attempt, policy, random);
    if (now() + delayMs - started > policy.totalTimeoutMs) throw error;
    opts.onRetry?.({ attempt, delayMs, error });
    await sleep(delayMs, opts.signal);
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const NETWORK_MESSAGE = /socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|timed? ?out|network|EPIPE|other side closed/i;

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's fetch wraps the socket error in `cause`.
  const cause = (e as { cause?: unknown }).cause;
  return cause !== e ? errorCode(cause) : undefined;
}

function errorName(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const name = (e as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * A connection-level failure (reset, refused, timeout, socket hang up, DNS) as a retryable
 * 'network' CloudError; undefined when e is not one, so callers can fall through to their own
 * service-specific mapping.
 */
export function networkErrorToCloudError(e: unknown): CloudError | undefined {
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const name = errorName(e);
  const isNetwork =
    (code !== undefined && NETWORK_CODES.has(code)) ||
    name === 'RequestTimeoutError' ||
    name === 'ConnectionTimeoutError' ||
    name === 'ResponseTimeoutError' ||
    (code === undefined && NETWORK_MESSAGE.test(message));
  if (!isNetwork) return undefined;
  const what =
    code === 'ECONNREFUSED'
      ? t('The connection was refused')
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? t('The host name could not be resolved')
        : code === 'ETIMEDOUT' || /time/i.test(message) || /Timeout/.test(name ?? '')
          ? t('The request timed out')
          : t('The connection was interrupted');
  return new CloudError({
    kind: 'network',
    message: `${what}${code ? ` (${code})` : ''}.`,
    nextStep: t('Check your network connection and the endpoint setting, then try again.'),
    code,
    retryable: true,
    cause: e,
  });
}
