/**
 * Everything one emulator instance holds: accounts, clock, fault injection, and the CEN and SLS
 * stores. One context per server, so each test gets a clean, independent state.
 */
import type { AccountRegistry } from './accounts';
import { FaultInjector, type FaultSettings } from './faults';
import { CenStore } from './cen/store';
import { seedDemoState } from './cen/demoState';
import { SlsStore } from './sls/store';
import { NonceRegistry } from './cen/rpcGateway';
import { IdempotencyRegistry } from './cen/idempotency';
import { ScriptedAnswers } from './cen/scriptedAnswers';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Seed for the demo state and the flow-log record generator (deterministic per seed). */
  seed?: number;
  accountsFile?: string;
  /** Whether to seed the demo CENs and flow logs (default true). */
  demo?: boolean;
  /** How long Creating/Modifying/Deleting last, in ms (default 2000). */
  transitionMs?: number;
  /** Days of flow-log history to generate for the demo flow logs (default 7). */
  historyDays?: number;
  /** Mean generated records per hour per flow log (default: the generator's); tests that need days of history use fewer. */
  recordsPerHour?: number;
  /** Extra CEN instances to generate (scale tests), spread over the 16 regions. */
  extraCens?: number;
  faults?: Partial<FaultSettings>;
  /** Clock override for tests (ms since epoch). */
  now?: () => number;
  /** Where emulator diagnostics go (default: stderr). */
  log?: (line: string) => void;
}

/** One query Log Service answered: what the product actually sent (tests compare it with what the page showed). */
export interface AnsweredQuery {
  readonly api: 'GetLogs' | 'GetLogsV2' | 'GetHistograms';
  readonly project: string;
  readonly logstore: string;
  readonly query: string;
  readonly from: number;
  readonly to: number;
}

/** The newest answered queries kept (older ones drop off). */
const ANSWERED_QUERIES_KEPT = 1_000;

export class EmulatorContext {
  port = 0;
  /** The query requests answered, oldest first (bounded). */
  readonly answeredQueries: AnsweredQuery[] = [];
  /** CEN gateway state: used SignatureNonces and ClientToken results. */
  readonly cenNonces: NonceRegistry;
  readonly cenIdempotency = new IdempotencyRegistry();
  /** Error answers tests script for the next CEN calls (admin endpoint cen-errors). */
  readonly cenScripted = new ScriptedAnswers();

  private constructor(
    readonly options: EmulatorOptions,
    readonly accounts: AccountRegistry,
    readonly faults: FaultInjector,
    readonly cen: CenStore,
    readonly sls: SlsStore,
    readonly now: () => number,
    readonly log: (line: string) => void,
  ) {
    this.cenNonces = new NonceRegistry(now);
  }

  static async create(options: EmulatorOptions, accounts: AccountRegistry): Promise<EmulatorContext> {
    const now = options.now ?? (() => Date.now());
    const log = options.log ?? ((line: string) => process.stderr.write(`[emulator] ${line}\n`));
    const faults = new FaultInjector(options.faults ?? {}, options.seed ?? 1);
    // The two stores meet only here, each through the narrow interface it needs of the other:
    // flow logs need projects/logstores, and records come from flow logs.
    const projects = { ensureProjectAndLogstore: (a: string, r: string, p: string, l: string) => sls.ensureProjectAndLogstore(a, r, p, l) };
    const cen = new CenStore({ seed: options.seed ?? 1, transitionMs: options.transitionMs ?? 2000, now, accounts, projects });
    const sls: SlsStore = new SlsStore({ seed: options.seed ?? 1, now, accounts, historyDays: options.historyDays ?? 7, recordsPerHour: options.recordsPerHour, log, flowLogs: cen });
    const ctx = new EmulatorContext(options, accounts, faults, cen, sls, now, log);
    if (options.demo !== false) {
      ctx.seedCenDemo();
      await sls.seedDemo();
    }
    return ctx;
  }

  recordQuery(q: AnsweredQuery): void {
    this.answeredQueries.push(q);
    if (this.answeredQueries.length > ANSWERED_QUERIES_KEPT) this.answeredQueries.splice(0, this.answeredQueries.length - ANSWERED_QUERIES_KEPT);
  }

  /** The demo CEN state for this context's seed (at start, and again after an admin reset). */
  seedCenDemo(): void {
    seedDemoState(this.cen, this.accounts, this.cen.seedRandom(), this.options.extraCens ?? 0, this.now());
  }

  /** Back to the state right after start: same seed, same demo data. */
  resetCen(): void {
    this.cen.reset();
    if (this.options.demo !== false) this.seedCenDemo();
  }

  setPort(port: number): void {
    this.port = port;
  }

  async dispose(): Promise<void> {
    this.cen.dispose();
    await this.sls.dispose();
  }
}
