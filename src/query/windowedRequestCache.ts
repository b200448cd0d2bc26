/**
 * At most one request per key per capture window, its answer kept for that window: hovers ask for
 * an address's summary as often as the mouse passes, Log Service is asked once. Waiters of the same
 * key share the request; it is aborted when the last of them goes away (a hover closed), and then
 * counts as this window's request. The clock is injected (UNIX seconds).
 */

export type WindowedLookup<T> =
  | { readonly kind: 'value'; readonly value: T; readonly windowStart: number }
  | { readonly kind: 'failed'; readonly error: unknown; readonly retryAt: number }
  /** This window's request was cancelled before it answered; the next window may ask again. */
  | { readonly kind: 'spent'; readonly retryAt: number };

type Entry<T> =
  | { readonly kind: 'pending'; readonly windowStart: number; readonly promise: Promise<WindowedLookup<T>>; readonly abort: AbortController; waiters: number }
  | { readonly kind: 'settled'; readonly windowStart: number; readonly lookup: WindowedLookup<T> };

export interface WindowedRequestCacheOptions {
  readonly now: () => number;
  /** Most keys kept; the oldest go first (hovers over a long log file touch many addresses). */
  readonly maxEntries?: number;
}

export class WindowedRequestCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private started = 0;

  constructor(private readonly options: WindowedRequestCacheOptions) {}

  /** Requests started so far (each one Log Service call). */
  get requestsStarted(): number {
    return this.started;
  }

  /**
   * This window's answer for `key`, fetching it only if nothing was asked for it in this window.
   * Rejects with the signal's reason when `signal` aborts first.
   */
  lookup(key: string, intervalSeconds: number, fetch: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<WindowedLookup<T>> {
    signal?.throwIfAborted();
    const windowStart = Math.floor(this.options.now() / intervalSeconds) * intervalSeconds;
    const retryAt = windowStart + intervalSeconds;
    const existing = this.entries.get(key);
    if (existing && existing.windowStart === windowStart) {
      return existing.kind === 'settled' ? Promise.resolve(existing.lookup) : this.wait(key, existing, signal);
    }
    const abort = new AbortController();
    this.started++;
    const promise = fetch(abort.signal).then(
      (value): WindowedLookup<T> => ({ kind: 'value', value, windowStart }),
      (error: unknown): WindowedLookup<T> => (abort.signal.aborted ? { kind: 'spent', retryAt } : { kind: 'failed', error, retryAt }),
    );
    const entry: Entry<T> = { kind: 'pending', windowStart, promise, abort, waiters: 0 };
    this.set(key, entry);
    void promise.then((lookup) => {
      if (this.entries.get(key) === entry) this.entries.set(key, { kind: 'settled', windowStart, lookup });
    });
    return this.wait(key, entry, signal);
  }

  private wait(key: string, entry: Extract<Entry<T>, { kind: 'pending' }>, signal: AbortSignal | undefined): Promise<WindowedLookup<T>> {
    entry.waiters++;
    if (!signal) return entry.promise;
    return new Promise<WindowedLookup<T>>((resolve, reject) => {
      const leave = (): void => {
        signal.removeEventListener('abort', onAbort);
        entry.waiters--;
      };
      const onAbort = (): void => {
        leave();
        // Nobody is left to read the answer: stop the request (it still counts for this window).
        if (entry.waiters === 0 && this.entries.get(key) === entry) entry.abort.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void entry.promise.then((lookup) => {
        if (signal.aborted) return;
        leave();
        resolve(lookup);
      });
    });
  }

  private set(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries ?? 500;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }
}
