/** Fault injection (owned by the CEN emulator work; SLS uses the same injector). STUB — to be completed. */
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

export class FaultInjector {
  settings: FaultSettings;
  constructor(initial: Partial<FaultSettings>, readonly seed: number) {
    this.settings = { ...NO_FAULTS, ...initial };
  }
}
