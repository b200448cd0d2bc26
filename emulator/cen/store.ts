/** CEN state: instances, child instances, flow logs. STUB — to be completed. */
import type { AccountRegistry } from '../accounts';
import type { SlsStore } from '../sls/store';

export interface CenStoreOptions {
  seed: number;
  transitionMs: number;
  now: () => number;
  accounts: AccountRegistry;
}

export class CenStore {
  sls?: SlsStore;
  constructor(readonly options: CenStoreOptions) {}
  attachSls(sls: SlsStore): void {
    this.sls = sls;
  }
  seedDemo(_opts: { extraCens: number }): void {}
  dispose(): void {}
}
