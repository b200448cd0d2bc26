/**
 * ClientToken idempotency: a repeated call with the same token (same account and action) returns
 * the first call's answer without doing anything again; the same token with different parameters
 * is refused, as the real API does.
 */
import { CenApiError } from './apiError';

const COMMON = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature', 'SecurityToken', 'ClientToken']);

export class IdempotencyRegistry {
  private readonly done = new Map<string, { fingerprint: string; result: Record<string, unknown> }>();

  /** Runs op once per (account, action, token); without a token it always runs. */
  run(accountId: string, action: string, params: ReadonlyMap<string, string>, op: () => Record<string, unknown>): Record<string, unknown> {
    const token = params.get('ClientToken');
    if (!token) return op();
    if (token.length > 64) throw new CenApiError(400, 'InvalidParameter', 'The parameter "ClientToken" must be at most 64 characters.');
    const key = `${accountId}\n${action}\n${token}`;
    const fingerprint = [...params.entries()]
      .filter(([k]) => !COMMON.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const previous = this.done.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new CenApiError(400, 'IdempotentParameterMismatch', `The ClientToken "${token}" was already used with different parameters.`);
      }
      return previous.result;
    }
    const result = op();
    this.done.set(key, { fingerprint, result });
    return result;
  }

  clear(): void {
    this.done.clear();
  }
}
