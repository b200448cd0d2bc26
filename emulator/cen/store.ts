/**
 * CEN state: instances, attached child instances and flow logs, per owning account. Transitions
 * (Creating/Modifying/Deleting) are settled lazily against the clock on every read, so there are
 * no timers to leak and a test clock moves them deterministically.
 */
import type { AccountRegistry, EmulatorAccount } from '../accounts';
import type { SlsStore } from '../sls/store';
import {
  DEFAULT_INTERVAL,
  isSupportedRegion,
  isTransitional,
  type CenStatus,
  type FlowLogInterval,
  type FlowLogStatus,
} from '../../src/flowlogs/catalog';
import { CenApiError, invalidParameter } from './apiError';
import { seedDemoState } from './demoState';
import { SeededRandom } from '../seededRandom';

export interface CenStoreOptions {
  seed: number;
  transitionMs: number;
  now: () => number;
  accounts: AccountRegistry;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface CenRecord {
  readonly cenId: string;
  readonly ownerAccountId: string;
  name: string;
  description: string;
  status: CenStatus;
  readonly creationTime: number;
  readonly protectionLevel: 'REDUCED' | 'FULL';
  tags: Tag[];
}

export type ChildInstanceType = 'VPC' | 'VBR' | 'CCN';

export interface ChildInstanceRecord {
  readonly cenId: string;
  readonly childInstanceId: string;
  readonly childInstanceType: ChildInstanceType;
  readonly childInstanceRegionId: string;
  readonly childInstanceOwnerId: string;
  readonly status: 'Attaching' | 'Attached' | 'Detaching';
  readonly attachTime: number;
}

interface PendingTransition {
  readonly until: number;
  /** The status reached when the transition ends; 'gone' removes the flow log. */
  readonly then: FlowLogStatus | 'gone';
}

export interface FlowLogRecord {
  readonly flowLogId: string;
  readonly accountId: string;
  readonly cenId: string;
  readonly regionId: string;
  name: string;
  description: string;
  status: FlowLogStatus;
  readonly creationTime: number;
  readonly projectName: string;
  readonly logStoreName: string;
  interval: FlowLogInterval;
  readonly logFormatString: string;
  readonly transitRouterId: string;
  readonly transitRouterAttachmentId: string;
  readonly flowLogVersion: string;
  readonly tags: Tag[];
  pending?: PendingTransition;
}

/** What the SLS side needs to know about a flow log to write and serve its records. */
export interface FlowLogView {
  readonly flowLogId: string;
  readonly accountId: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly status: FlowLogStatus;
  readonly interval: FlowLogInterval;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly logFormatString: string;
  readonly transitRouterId: string;
  readonly transitRouterAttachmentId: string;
  /** ms since epoch */
  readonly creationTime: number;
}

/** CreateFlowlog without LogFormatString: "all fields are included" (api-current.md §1.4). */
export const DEFAULT_LOG_FORMAT = '';

export interface CreateFlowLogRequest {
  readonly regionId: string;
  readonly cenId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly name?: string;
  readonly description?: string;
  readonly interval?: FlowLogInterval;
  readonly logFormatString?: string;
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
  readonly tags?: readonly Tag[];
}

/** The part of the SLS store the CEN side calls when a flow log is created. */
export interface SlsProjectEnsurer {
  ensureProjectAndLogstore(
    accountId: string,
    regionId: string,
    projectName: string,
    logStoreName: string,
  ): { ok: true } | { ok: false; code: string; message: string };
}

export class CenStore {
  sls?: SlsStore;
  /** Mutable at run time (admin endpoint) so tests can shorten or lengthen transitions. */
  transitionMs: number;
  readonly cens = new Map<string, CenRecord>();
  readonly children: ChildInstanceRecord[] = [];
  private readonly flowLogs = new Map<string, FlowLogRecord>();
  private random: SeededRandom;
  private seededWith?: { extraCens: number };

  constructor(readonly options: CenStoreOptions) {
    this.transitionMs = options.transitionMs;
    this.random = new SeededRandom(options.seed);
  }

  attachSls(sls: SlsStore): void {
    this.sls = sls;
  }

  seedDemo(opts: { extraCens: number }): void {
    this.seededWith = opts;
    seedDemoState(this, this.options.accounts, new SeededRandom(this.options.seed), opts.extraCens, this.options.now());
  }

  /** Back to the state right after start (admin reset): same seed, same demo data. */
  reset(): void {
    this.dispose();
    this.random = new SeededRandom(this.options.seed);
    this.transitionMs = this.options.transitionMs;
    if (this.seededWith) this.seedDemo(this.seededWith);
  }

  dispose(): void {
    this.cens.clear();
    this.children.length = 0;
    this.flowLogs.clear();
  }

  // ---- ids ---------------------------------------------------------------------------------

  newId(prefix: string, length: number): string {
    for (;;) {
      const id = `${prefix}-${this.random.id(length)}`;
      if (!this.cens.has(id) && !this.flowLogs.has(id)) return id;
    }
  }

  // ---- CENs ---------------------------------------------------------------------------------

  addCen(cen: CenRecord, children: readonly Omit<ChildInstanceRecord, 'cenId'>[]): void {
    this.cens.set(cen.cenId, cen);
    for (const c of children) this.children.push({ ...c, cenId: cen.cenId });
  }

  censOf(accountId: string): CenRecord[] {
    return [...this.cens.values()].filter((c) => c.ownerAccountId === accountId);
  }

  /** The CEN if it exists and belongs to the account (another account's CEN is "not found"). */
  cenOf(account: EmulatorAccount, cenId: string): CenRecord {
    const cen = this.cens.get(cenId);
    if (!cen || cen.ownerAccountId !== account.accountId) {
      throw new CenApiError(404, 'InvalidCenInstanceId.NotFound', `The specified CEN instance ${cenId} does not exist.`);
    }
    return cen;
  }

  childrenOf(cenId: string): ChildInstanceRecord[] {
    return this.children.filter((c) => c.cenId === cenId);
  }

  /** Distinct regions of a CEN's attached instances, sorted. */
  cenRegions(cenId: string): string[] {
    return [...new Set(this.childrenOf(cenId).map((c) => c.childInstanceRegionId))].sort();
  }

  // ---- flow logs ----------------------------------------------------------------------------

  /** Applies every transition whose time has come. */
  settle(): void {
    const now = this.options.now();
    for (const [id, fl] of this.flowLogs) {
      if (!fl.pending || fl.pending.until > now) continue;
      if (fl.pending.then === 'gone') {
        this.flowLogs.delete(id);
      } else {
        fl.status = fl.pending.then;
        fl.pending = undefined;
      }
    }
  }

  /** Every flow log of every account (for the SLS side), settled. */
  listFlowLogs(): FlowLogView[] {
    this.settle();
    return [...this.flowLogs.values()].map(toView);
  }

  /** Flow logs of the account, settled, in creation order. */
  flowLogsOf(accountId: string): FlowLogRecord[] {
    this.settle();
    return [...this.flowLogs.values()].filter((f) => f.accountId === accountId);
  }

  flowLogOf(account: EmulatorAccount, flowLogId: string, regionId: string): FlowLogRecord {
    this.settle();
    const fl = this.flowLogs.get(flowLogId);
    if (!fl || fl.accountId !== account.accountId || fl.regionId !== regionId) {
      throw new CenApiError(404, 'InvalidFlowlogId.NotFound', `The specified flow log ${flowLogId} does not exist in region ${regionId}.`);
    }
    return fl;
  }

  /** Seeds a flow log directly in a stable status (demo state, tests). */
  insertFlowLog(record: FlowLogRecord): void {
    this.flowLogs.set(record.flowLogId, record);
  }

  createFlowLog(account: EmulatorAccount, req: CreateFlowLogRequest): FlowLogRecord {
    requireWhitelisted(account);
    requireSupportedRegion(req.regionId);
    const cen = this.cenOf(account, req.cenId);
    this.settle();
    const existing = [...this.flowLogs.values()].find((f) => f.cenId === cen.cenId);
    if (existing?.status === 'Deleting') {
      // The old flow log is on its way out: a retry after it is gone will succeed.
      throw new CenApiError(400, 'IncorrectStatus.flowlog', `CEN instance ${cen.cenId} still has flow log ${existing.flowLogId}, which is Deleting; try again when it is gone.`);
    }
    if (existing) {
      throw new CenApiError(
        400,
        'InvalidOperation.FlowLogExists',
        `CEN instance ${cen.cenId} already has flow log ${existing.flowLogId} (in ${existing.regionId}); a CEN instance can have only one flow log.`,
      );
    }
    // The SLS store may not implement this yet; it records the project/logstore when it does.
    const ensurer = this.sls as Partial<SlsProjectEnsurer> | undefined;
    const ensured = ensurer?.ensureProjectAndLogstore?.(account.accountId, req.regionId, req.projectName, req.logStoreName);
    if (ensured && !ensured.ok) throw new CenApiError(400, ensured.code, ensured.message);
    const now = this.options.now();
    const record: FlowLogRecord = {
      flowLogId: this.newId('flowlog', 20),
      accountId: account.accountId,
      cenId: cen.cenId,
      regionId: req.regionId,
      name: req.name ?? '',
      description: req.description ?? '',
      status: 'Creating',
      creationTime: now,
      projectName: req.projectName,
      logStoreName: req.logStoreName,
      interval: req.interval ?? DEFAULT_INTERVAL,
      logFormatString: req.logFormatString ?? DEFAULT_LOG_FORMAT,
      transitRouterId: req.transitRouterId ?? `tr-${this.random.id(20)}`,
      transitRouterAttachmentId: req.transitRouterAttachmentId ?? '',
      flowLogVersion: '2',
      tags: [...(req.tags ?? [])],
      pending: { until: now + this.transitionMs, then: 'Active' },
    };
    this.flowLogs.set(record.flowLogId, record);
    return record;
  }

  activate(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    this.transition(account, flowLogId, regionId, 'Active');
  }

  deactivate(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    this.transition(account, flowLogId, regionId, 'Inactive');
  }

  modify(
    account: EmulatorAccount,
    flowLogId: string,
    regionId: string,
    changes: { name?: string; description?: string; interval?: FlowLogInterval },
  ): void {
    requireWhitelisted(account);
    const fl = this.flowLogOf(account, flowLogId, regionId);
    requireStable(fl);
    if (changes.name !== undefined) fl.name = changes.name;
    if (changes.description !== undefined) fl.description = changes.description;
    if (changes.interval !== undefined) fl.interval = changes.interval;
    fl.pending = { until: this.options.now() + this.transitionMs, then: fl.status };
    fl.status = 'Modifying';
  }

  delete(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    requireWhitelisted(account);
    const fl = this.flowLogOf(account, flowLogId, regionId);
    requireStable(fl);
    fl.status = 'Deleting';
    fl.pending = { until: this.options.now() + this.transitionMs, then: 'gone' };
  }

  private transition(account: EmulatorAccount, flowLogId: string, regionId: string, target: 'Active' | 'Inactive'): void {
    requireWhitelisted(account);
    const fl = this.flowLogOf(account, flowLogId, regionId);
    requireStable(fl);
    // Starting an active flow log (or stopping an inactive one) changes nothing, as on the console.
    if (fl.status === target) return;
    fl.status = 'Modifying';
    fl.pending = { until: this.options.now() + this.transitionMs, then: target };
  }

  /** For the state dump: plain data, no internals. */
  snapshot(): { cens: CenRecord[]; children: ChildInstanceRecord[]; flowLogs: FlowLogRecord[]; transitionMs: number } {
    this.settle();
    return { cens: [...this.cens.values()], children: [...this.children], flowLogs: [...this.flowLogs.values()], transitionMs: this.transitionMs };
  }
}

function toView(f: FlowLogRecord): FlowLogView {
  return {
    flowLogId: f.flowLogId,
    accountId: f.accountId,
    cenId: f.cenId,
    regionId: f.regionId,
    status: f.status,
    interval: f.interval,
    projectName: f.projectName,
    logStoreName: f.logStoreName,
    logFormatString: f.logFormatString,
    transitRouterId: f.transitRouterId,
    transitRouterAttachmentId: f.transitRouterAttachmentId,
    creationTime: f.creationTime,
  };
}

export function requireWhitelisted(account: EmulatorAccount): void {
  if (!account.flowLogWhitelisted) {
    throw new CenApiError(
      403,
      'Forbidden.NotWhitelisted',
      `The account ${account.accountId} is not whitelisted for CEN flow logs. Submit a ticket to apply for the flow log whitelist.`,
    );
  }
}

export function requireSupportedRegion(regionId: string): void {
  if (!isSupportedRegion(regionId)) {
    throw invalidParameter('RegionId', `flow logs are not supported in region ${regionId}.`, 'InvalidRegionId.NotSupported');
  }
}

function requireStable(fl: FlowLogRecord): void {
  if (isTransitional(fl.status)) {
    throw new CenApiError(
      400,
      'IncorrectStatus.flowlog',
      `The flow log ${fl.flowLogId} is ${fl.status}; try again when it is Active or Inactive.`,
    );
  }
}
