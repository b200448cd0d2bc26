/**
 * The frame both services' error mappings share (cenErrors.ts, slsErrors.ts): what is read out of
 * a service's error answer, what a code means to the user, and the order in which anything a call
 * threw is tried — a CloudError passes, then the service's answer, a network failure, an answer
 * that is not the service's, and a last resort. Each service brings its own readers and codes.
 */
import { t } from '@vscode/l10n';
import { CloudError, isCloudError, type CloudErrorKind } from './cloudError';
import { networkErrorToCloudError } from './retry';

/** What a service's error answer says, read out of what its SDK threw. */
export interface ServiceErrorFacts {
  readonly code: string;
  readonly serviceMessage: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
}

/** What a service error code means to the user. */
export interface ErrorMeaning {
  readonly kind: CloudErrorKind;
  readonly message: string;
  readonly nextStep?: string;
  readonly retryable?: boolean;
}

export function checkAccessKey(): string {
  return t('Check your AccessKey ID and secret (or the selected credential profile) and sign in again.');
}

/** `o[key]` when o is an object (SDK errors are untyped at this boundary). */
export const prop = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined);
/** The value when it is a non-empty string. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export interface ServiceErrorReader {
  /** The service's answer inside what the SDK threw, if there is one. */
  facts(e: unknown): ServiceErrorFacts | undefined;
  meaning(f: ServiceErrorFacts): ErrorMeaning;
  /** Where in the user's input the service located the error, if it did. */
  position?(f: ServiceErrorFacts, m: ErrorMeaning): { offset: number } | undefined;
  /** True when the endpoint answered something that is not this service's answer. */
  unreadable(e: unknown): boolean;
  readonly unreadableMeaning: ErrorMeaning;
  /** Anything else. */
  lastResort(e: unknown): CloudError;
}

/** Maps anything a call threw to one CloudError, trying each kind of failure in turn. */
export function mapServiceError(e: unknown, reader: ServiceErrorReader): CloudError {
  if (isCloudError(e)) return e;
  const facts = reader.facts(e);
  if (facts) {
    const m = reader.meaning(facts);
    return new CloudError({ ...m, code: facts.code, requestId: facts.requestId, httpStatus: facts.httpStatus, position: reader.position?.(facts, m), cause: e });
  }
  const network = networkErrorToCloudError(e);
  if (network) return network;
  if (reader.unreadable(e)) return new CloudError({ ...reader.unreadableMeaning, cause: e });
  return reader.lastResort(e);
}
