/**
 * How a hostile query fared when sent through the real SLS client, against what its corpus case
 * expects. Under injected faults a query can also end in a retryable error once its bounded
 * retries run out: that is the fault profile winning, not the input being mishandled, so it is a
 * separate outcome (the soak reruns those cases with faults off to check the input itself).
 */
import { CloudError } from '../../src/cloud/cloudError';
import type { QueryCase } from './corpus/queries';

export type HostileOutcome =
  /** What the corpus expects: refused locally, rows, or one positioned invalidInput from the service. */
  | 'asExpected'
  /** A throttling / 5xx / network CloudError with its message, after the retry budget ran out. */
  | 'retriesExhausted'
  | 'mishandled';

export type ServiceAnswer = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

const RETRYABLE_KINDS: ReadonlySet<string> = new Set(['throttled', 'serverError', 'network']);

/** A retryable CloudError with a user-facing message: the bounded-retry failure the issue allows. */
export function isRetriesExhausted(e: unknown): e is CloudError {
  return e instanceof CloudError && e.retryable && RETRYABLE_KINDS.has(e.kind) && e.userMessage.trim().length > 10;
}

/** `locallyRunnable`: diagnose() found no blocking error, so the workbench would send it. */
export function classifyHostile(c: QueryCase, locallyRunnable: boolean, answer: ServiceAnswer): HostileOutcome {
  switch (c.expect.kind) {
    case 'local':
      // Refused before any request; sent anyway, the service side must only answer clearly.
      if (locallyRunnable) return 'mishandled';
      return answer.ok || answer.error instanceof CloudError ? 'asExpected' : 'mishandled';
    case 'runs':
      if (!locallyRunnable) return 'mishandled';
      if (answer.ok) return 'asExpected';
      return isRetriesExhausted(answer.error) ? 'retriesExhausted' : 'mishandled';
    case 'service':
      if (!locallyRunnable || answer.ok) return 'mishandled';
      if (answer.error instanceof CloudError && answer.error.kind === 'invalidInput' && answer.error.position !== undefined) return 'asExpected';
      return isRetriesExhausted(answer.error) ? 'retriesExhausted' : 'mishandled';
  }
}
