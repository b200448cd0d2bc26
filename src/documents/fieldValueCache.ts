/**
 * Recent values of a field, kept per target and field for a while so completion does not query
 * Log Service on every keystroke. At most one load per key runs at a time: callers asking while it
 * runs share it. A caller that cancels (its completion request ended) stops waiting; the load
 * itself is aborted only when no caller waits for it any more. A failed load is remembered for a
 * short time, so a target that cannot answer is not asked again on every keystroke. Pure (the
 * clock is passed in).
 */
import { cancelledError } from '../cloud/retry';

export interface FieldValueCacheOptions {
  /** How long loaded values are offered before they are loaded again. */
  readonly ttlMs: number;
  /** How long a failed load is remembered (nothing offered, nothing asked). */
  readonly failureTtlMs: number;
  readonly now?: () => number;
}

type Entry<T> =
  | { readonly kind: 'loaded'; readonly value: T; readonly until: number }
  | { readonly kind: 'failed'; readonly error: unknown; readonly until: number }
  | { readonly kind: 'loading'; readonly promise: Promise<T>; readonly controller: AbortController; waiters: number };

export class FieldValueCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: FieldValueCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The key of a target's field. */
  static key(target: string, field: string): string {
    return `${target}\u0000${field}`;
  }

  /**
   * The values under `key`: fresh ones at once, else the running load's, else a new load's.
   * `signal` cancels this caller's wait (rejecting with a 'cancelled' error).
   */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError(signal.reason));
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry?.kind === 'loaded' && now < entry.until) return Promise.resolve(entry.value);
    if (entry?.kind === 'failed' && now < entry.until) return Promise.reject(entry.error);
    const loading = entry?.kind === 'loading' ? entry : this.start(key, load);
    return this.wait(key, loading, signal);
  }

  /** Loads running now (for tests and logs). */
  get loading(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.kind === 'loading') n++;
    return n;
  }

  /** Forget everything (sign-in changed); running loads are aborted. */
  clear(): void {
    for (const e of this.entries.values()) if (e.kind === 'loading') e.controller.abort();
    this.entries.clear();
  }

  private start(key: string, load: (signal: AbortSignal) => Promise<T>): Extract<Entry<T>, { kind: 'loading' }> {
    const controller = new AbortController();
    const promise = Promise.resolve()
      .then(() => load(controller.signal))
      .then(
        (value) => {
          if (this.entries.get(key) === entry) this.entries.set(key, { kind: 'loaded', value, until: this.now() + this.options.ttlMs });
          return value;
        },
        (error: unknown) => {
          // An abandoned load is not a failure of the target: the next caller loads again.
          if (this.entries.get(key) === entry) {
            if (controller.signal.aborted) this.entries.delete(key);
            else this.entries.set(key, { kind: 'failed', error, until: this.now() + this.options.failureTtlMs });
          }
          throw error;
        },
      );
    // Callers see the outcome through wait(); this keeps an unwatched rejection quiet.
    promise.catch(() => undefined);
    const entry: Extract<Entry<T>, { kind: 'loading' }> = { kind: 'loading', promise, controller, waiters: 0 };
    this.entries.set(key, entry);
    return entry;
  }

  private wait(key: string, entry: Extract<Entry<T>, { kind: 'loading' }>, signal: AbortSignal | undefined): Promise<T> {
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = (): void => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        if (settled) return;
        leave();
        entry.waiters--;
        // Nobody waits for these values any more: stop asking for them.
        if (entry.waiters === 0 && this.entries.get(key) === entry) {
          this.entries.delete(key);
          entry.controller.abort();
        }
        reject(cancelledError(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort);
      entry.promise.then(
        (value) => {
          if (settled) return;
          leave();
          entry.waiters--;
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          entry.waiters--;
          reject(error);
        },
      );
    });
  }
}
