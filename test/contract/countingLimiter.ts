/** A request limiter that counts the slots taken and the most held at once (contract tests of the shared limit). */
import { RequestLimiter } from '../../src/cloud/requestLimiter';

export interface CountingLimiter {
  readonly limiter: RequestLimiter;
  /** Slots asked for so far. */
  readonly slots: () => number;
  /** The most slots held at once. */
  readonly peak: () => number;
}

export function countingLimiter(limit: number): CountingLimiter {
  const limiter = new RequestLimiter(limit);
  let slots = 0;
  let peak = 0;
  const run = limiter.run.bind(limiter);
  limiter.run = <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    slots++;
    return run(() => {
      peak = Math.max(peak, limiter.active);
      return task();
    }, signal);
  };
  return { limiter, slots: () => slots, peak: () => peak };
}
