/**
 * A first-in, first-out limit on how many calls run at once. Every workbench panel's query-path
 * requests share one, so twenty panels never put more than `limit` requests in flight toward Log
 * Service, and a request waits behind at most the ones queued before it (no panel starves). The
 * limit can change while calls run: raising it admits waiters at once, lowering it lets running
 * calls finish and admits no one until fewer than the new limit run.
 */
import { cancelledError } from './retry';

/** The setting that holds the limit, and its bounds (package.json declares the same). */
export const MAX_CONCURRENT_REQUESTS_SETTING = 'query.maxConcurrentRequests';
/**
 * Log Service runs at most 15 analytic statements at once per project (Standard SQL; 100 with
 * Dedicated SQL), shared with everyone else using it (console, dashboards, alerts): 8 leaves about
 * half of one project's quota to them and lets a CEN of 8 flow logs answer in one round.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 8;
export const MIN_CONCURRENT_REQUESTS = 1;
export const MAX_CONCURRENT_REQUESTS = 32;

/** A usable limit from whatever settings.json holds: the default when not a number, else rounded and clamped. */
export function normaliseRequestLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_MAX_CONCURRENT_REQUESTS;
  return Math.min(MAX_CONCURRENT_REQUESTS, Math.max(MIN_CONCURRENT_REQUESTS, Math.round(value)));
}

interface Waiter {
  readonly admit: () => void;
}

export class RequestLimiter {
  private readonly queue: Waiter[] = [];
  private running = 0;
  private max: number;

  constructor(limit: number) {
    this.max = normaliseRequestLimit(limit);
  }

  get limit(): number {
    return this.max;
  }

  /** Calls holding a slot now. */
  get active(): number {
    return this.running;
  }

  /** Calls queued for a slot now. */
  get waiting(): number {
    return this.queue.length;
  }

  setLimit(limit: number): void {
    this.max = normaliseRequestLimit(limit);
    this.admitWaiters();
  }

  /**
   * Runs task once a slot is free, in arrival order, and frees the slot when it settles. The task
   * gets the same signal and must honour it (the cloud clients do), so a cancel frees its slot at
   * once. A call cancelled while queued leaves the queue and never runs.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.running--;
      this.admitWaiters();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError(signal.reason));
    if (this.running < this.max && this.queue.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(cancelledError(signal?.reason));
      };
      const waiter: Waiter = {
        admit: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private admitWaiters(): void {
    while (this.running < this.max) {
      const next = this.queue.shift();
      if (!next) return;
      this.running++;
      next.admit();
    }
  }
}
