/**
 * Fault injection shared by the CEN and SLS sides of the emulator: throttling, 5xx, dropped
 * connections and added latency at configurable rates, decided by a seeded generator so a run with
 * the same seed and the same request order sees the same faults. Settable per run (CLI flags) and
 * at run time (POST /__emulator/faults).
 */
import { SeededRandom } from './seededRandom';

export interface FaultSettings {
  /** 0..1 rate of Throttling (CEN) / QpsLimit (SLS) answers. */
  throttleRate: number;
  /** 0..1 rate of 500/503 answers. */
  serverErrorRate: number;
  /** 0..1 rate of dropped connections (socket destroyed without an answer). */
  dropRate: number;
  /** Added latency per request in ms. */
  latencyMs: number;
  /** SLS: answer Incomplete for the first N calls of each distinct query. */
  incompletePolls: number;
}

export const NO_FAULTS: FaultSettings = { throttleRate: 0, serverErrorRate: 0, dropRate: 0, latencyMs: 0, incompletePolls: 0 };

export type FaultTarget = 'cen' | 'sls';

export type FaultDecision =
  | { readonly type: 'none' }
  | { readonly type: 'throttle' }
  | { readonly type: 'serverError'; readonly status: 500 | 503 }
  | { readonly type: 'drop' };

const RATE_KEYS = ['throttleRate', 'serverErrorRate', 'dropRate'] as const;
const COUNT_KEYS = ['latencyMs', 'incompletePolls'] as const;

/** Validates a partial settings object from JSON or flags; throws with the offending key named. */
export function parseFaultSettings(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('fault settings: expected a JSON object');
  }
  const out: Partial<FaultSettings> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new Error(`fault settings: ${key} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
      }
      out[key as (typeof RATE_KEYS)[number]] = value;
    } else if ((COUNT_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new Error(`fault settings: ${key} must be a non-negative integer, got ${JSON.stringify(value)}`);
      }
      out[key as (typeof COUNT_KEYS)[number]] = value;
    } else {
      throw new Error(
        `fault settings: unknown key ${JSON.stringify(key)} (known: ${[...RATE_KEYS, ...COUNT_KEYS].join(', ')})`,
      );
    }
  }
  return out;
}

export class FaultInjector {
  settings: FaultSettings;
  private random: SeededRandom;
  /** How many faults of each type were injected, for tests and the state dump. */
  readonly injected = { throttle: 0, serverError: 0, drop: 0 };

  constructor(
    initial: Partial<FaultSettings>,
    readonly seed: number,
  ) {
    this.settings = { ...NO_FAULTS, ...initial };
    this.random = new SeededRandom(seed ^ 0x5eed_fa17);
  }

  /** Merges a partial update (admin endpoint, tests). */
  update(partial: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...partial };
    return this.settings;
  }

  reset(): void {
    this.settings = { ...NO_FAULTS };
    this.random = new SeededRandom(this.seed ^ 0x5eed_fa17);
    this.injected.throttle = this.injected.serverError = this.injected.drop = 0;
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  /**
   * What to do with the next request. One draw per request, split into bands, so the rates add up
   * exactly as configured (drop, then throttle, then server error).
   */
  decide(_target: FaultTarget): FaultDecision {
    const { dropRate, throttleRate, serverErrorRate } = this.settings;
    if (dropRate + throttleRate + serverErrorRate <= 0) return { type: 'none' };
    const r = this.random.next();
    if (r < dropRate) {
      this.injected.drop++;
      return { type: 'drop' };
    }
    if (r < dropRate + throttleRate) {
      this.injected.throttle++;
      return { type: 'throttle' };
    }
    if (r < dropRate + throttleRate + serverErrorRate) {
      this.injected.serverError++;
      return { type: 'serverError', status: this.random.next() < 0.5 ? 500 : 503 };
    }
    return { type: 'none' };
  }
}
