/** SLS state: projects, logstores, indexes, flow-log records. STUB — to be completed. */
import type { AccountRegistry } from '../accounts';
import type { CenStore } from '../cen/store';

export interface SlsStoreOptions {
  seed: number;
  now: () => number;
  accounts: AccountRegistry;
  historyDays: number;
  log: (line: string) => void;
}

export class SlsStore {
  cen?: CenStore;
  constructor(readonly options: SlsStoreOptions) {}
  attachCen(cen: CenStore): void {
    this.cen = cen;
  }
  async seedDemo(): Promise<void> {}
  async dispose(): Promise<void> {}
}
