/**
 * CEN state: instances, transit routers, their attachments and flow logs, per owning account.
 * Transitions (Creating/Modifying/Deleting) are settled lazily against the clock on every read, so
 * there are no timers to leak and a test clock moves them deterministically. Error codes and
 * message shapes are the service's (api-current.md §4.1). The demo state is seeded from outside
 * (demoState.ts, by the context), and the SLS side is reached only through `options.projects`.
 */
import type { AccountRegistry, EmulatorAccount } from '../accounts';
import type { AttachmentType, FlowLogSource, FlowLogView, SlsProjectEnsurer } from '../storeSeams';
import { DEFAULT_INTERVAL, isTransitional, type CenStatus, type FlowLogInterval, type FlowLogStatus } from '../../src/flowlogs/catalog';
import { CenApiError, invalidParameter } from './apiError';
import { SeededRandom } from '../seededRandom';
import type { TrafficShift } from '../data/trafficShift';

export type { AttachmentType, FlowLogView } from '../storeSeams';

export interface CenStoreOptions {
  seed: number;
  transitionMs: number;
  now: () => number;
  accounts: AccountRegistry;
  /** The SLS side: CreateFlowlog creates a missing project/logstore there. */
  projects?: SlsProjectEnsurer;
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

export type TransitRouterType = 'Enterprise' | 'Basic';

export interface TransitRouterRecord {
  readonly transitRouterId: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly type: TransitRouterType;
  readonly name: string;
  readonly description: string;
  readonly status: 'Active';
  readonly creationTime: number;
}

export interface AttachmentRecord {
  readonly attachmentId: string;
  readonly cenId: string;
  readonly transitRouterId: string;
  /** The router's region. */
  readonly regionId: string;
  readonly type: AttachmentType;
  /** vpc-…, vbr-…, vpn-…, ecr-…, or the peer router tr-…. */
  readonly resourceId: string;
  readonly resourceRegionId: string;
  readonly resourceOwnerId: string;
  readonly name: string;
  readonly status: 'Attached';
  readonly creationTime: number;
}

/** The legacy child-instance view (DescribeCenAttachedChildInstances) of VPC and VBR attachments. */
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
  /** As the service returns it: empty = every current field. */
  readonly logFormatString: string;
  /** Empty for a flow log of the older per-CEN form. */
  readonly transitRouterId: string;
  readonly transitRouterAttachmentId: string;
  /** The attachment's type when the flow log is on one. */
  readonly attachmentType?: AttachmentType;
  readonly flowLogVersion: string;
  readonly tags: Tag[];
  pending?: PendingTransition;
}

/** The version the service gives new flow logs (api-current.md §1.4). */
export const CURRENT_FLOW_LOG_VERSION = '3';

export interface CreateFlowLogRequest {
  readonly regionId: string;
  readonly cenId: string;
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
  readonly projectName?: string;
  readonly logStoreName?: string;
  readonly name?: string;
  readonly description?: string;
  readonly interval?: FlowLogInterval;
  readonly logFormatString?: string;
  readonly tags?: readonly Tag[];
}

export class CenStore implements FlowLogSource {
  /** Mutable at run time (admin endpoint) so tests can shorten or lengthen transitions. */
  transitionMs: number;
  readonly cens = new Map<string, CenRecord>();
  readonly routers = new Map<string, TransitRouterRecord>();
  readonly attachments = new Map<string, AttachmentRecord>();
  readonly children: ChildInstanceRecord[] = [];
  private readonly flowLogs = new Map<string, FlowLogRecord>();
  private readonly shifts = new Map<string, TrafficShift>();
  private random: SeededRandom;

  constructor(readonly options: CenStoreOptions) {
    this.transitionMs = options.transitionMs;
    this.random = new SeededRandom(options.seed);
  }

  /** A fresh random source for seeding, the same for the same seed. */
  seedRandom(): SeededRandom {
    return new SeededRandom(this.options.seed);
  }

  /** Empty, with the start-up transition time (admin reset; the context seeds again). */
  reset(): void {
    this.dispose();
    this.random = new SeededRandom(this.options.seed);
    this.transitionMs = this.options.transitionMs;
  }

  dispose(): void {
    this.cens.clear();
    this.routers.clear();
    this.attachments.clear();
    this.children.length = 0;
    this.flowLogs.clear();
    this.shifts.clear();
  }

  // ---- ids ---------------------------------------------------------------------------------

  newId(prefix: string, length: number): string {
    for (;;) {
      const id = `${prefix}-${this.random.id(length)}`;
      if (!this.cens.has(id) && !this.flowLogs.has(id) && !this.routers.has(id) && !this.attachments.has(id)) return id;
    }
  }

  // ---- CENs, routers, attachments ------------------------------------------------------------

  addCen(cen: CenRecord): void {
    this.cens.set(cen.cenId, cen);
  }

  addRouter(router: TransitRouterRecord): void {
    this.routers.set(router.transitRouterId, router);
  }

  /** Adds an attachment; VPC and VBR ones also show in the legacy child-instance view. */
  addAttachment(a: AttachmentRecord): void {
    this.attachments.set(a.attachmentId, a);
    if (a.type === 'VPC' || a.type === 'VBR') {
      this.children.push({
        cenId: a.cenId,
        childInstanceId: a.resourceId,
        childInstanceType: a.type,
        childInstanceRegionId: a.resourceRegionId,
        childInstanceOwnerId: a.resourceOwnerId,
        status: 'Attached',
        attachTime: a.creationTime,
      });
    }
  }

  censOf(accountId: string): CenRecord[] {
    return [...this.cens.values()].filter((c) => c.ownerAccountId === accountId);
  }

  /** The CEN if it exists and belongs to the account (another account's CEN is "not found"). */
  cenOf(account: EmulatorAccount, cenId: string): CenRecord {
    const cen = this.cens.get(cenId);
    if (!cen || cen.ownerAccountId !== account.accountId) {
      throw new CenApiError(400, 'ParameterCenInstanceId', `The specified CenId ${cenId} does not exist.`);
    }
    return cen;
  }

  routersOf(cenId: string): TransitRouterRecord[] {
    return [...this.routers.values()].filter((r) => r.cenId === cenId);
  }

  /** The router if it belongs to the CEN and sits in the region. */
  routerOf(cenId: string, regionId: string, transitRouterId: string): TransitRouterRecord {
    const r = this.routers.get(transitRouterId);
    if (!r || r.cenId !== cenId || r.regionId !== regionId) {
      throw new CenApiError(400, 'InvalidTransitRouterId.NotFound', `The specified TransitRouterId ${transitRouterId} does not exist in region ${regionId} of CEN ${cenId}.`);
    }
    return r;
  }

  attachmentsOf(transitRouterId: string, type?: AttachmentType): AttachmentRecord[] {
    return [...this.attachments.values()].filter((a) => a.transitRouterId === transitRouterId && (!type || a.type === type));
  }

  childrenOf(cenId: string): ChildInstanceRecord[] {
    return this.children.filter((c) => c.cenId === cenId);
  }

  /** Distinct regions of a CEN's routers and attached resources, sorted. */
  cenRegions(cenId: string): string[] {
    const regions = new Set<string>();
    for (const r of this.routersOf(cenId)) regions.add(r.regionId);
    for (const a of this.attachments.values()) if (a.cenId === cenId) regions.add(a.resourceRegionId);
    return [...regions].sort();
  }

  /** Seeds a traffic shift into every flow log of the CEN (the demo's before/after story). */
  setTrafficShift(cenId: string, shift: TrafficShift): void {
    this.shifts.set(cenId, shift);
  }

  trafficShift(cenId: string): TrafficShift | undefined {
    return this.shifts.get(cenId);
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
    return [...this.flowLogs.values()].map((f) => this.toView(f));
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
      throw new CenApiError(400, 'InvalidFlowlogId.NotFound', `The specified FlowLogId ${flowLogId} does not exist in region ${regionId}.`);
    }
    return fl;
  }

  /** Seeds a flow log directly in a stable status (demo state, tests). */
  insertFlowLog(record: FlowLogRecord): void {
    this.flowLogs.set(record.flowLogId, record);
  }

  createFlowLog(account: EmulatorAccount, req: CreateFlowLogRequest): FlowLogRecord {
    requireFlowLogPermission(account, 'CreateFlowlog');
    const cen = this.cenOf(account, req.cenId);
    const router = this.routerForCreate(cen.cenId, req);
    if (router.type !== 'Enterprise') {
      throw invalidParameter('TransitRouterId', `flow logs are supported only by Enterprise Edition transit routers; ${router.transitRouterId} is a Basic Edition transit router. Upgrade it first.`);
    }
    let attachment: AttachmentRecord | undefined;
    if (req.transitRouterAttachmentId) {
      attachment = this.attachments.get(req.transitRouterAttachmentId);
      if (!attachment || attachment.transitRouterId !== router.transitRouterId) {
        throw invalidParameter('TransitRouterAttachmentId', `${req.transitRouterAttachmentId} is not an attachment of transit router ${router.transitRouterId}.`);
      }
    }
    this.settle();
    if (req.projectName && req.logStoreName) {
      const ensured = this.options.projects?.ensureProjectAndLogstore(account.accountId, req.regionId, req.projectName, req.logStoreName);
      if (ensured && !ensured.ok) throw new CenApiError(400, ensured.code, ensured.message);
    }
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
      projectName: req.projectName ?? '',
      logStoreName: req.logStoreName ?? '',
      interval: req.interval ?? DEFAULT_INTERVAL,
      logFormatString: req.logFormatString ?? '',
      transitRouterId: router.transitRouterId,
      transitRouterAttachmentId: attachment?.attachmentId ?? '',
      attachmentType: attachment?.type,
      flowLogVersion: CURRENT_FLOW_LOG_VERSION,
      tags: [...(req.tags ?? [])],
      pending: { until: now + this.transitionMs, then: 'Active' },
    };
    this.flowLogs.set(record.flowLogId, record);
    return record;
  }

  /** The router named, or (TransitRouterId is optional in the metadata) the CEN's one Enterprise router in the region. */
  private routerForCreate(cenId: string, req: CreateFlowLogRequest): TransitRouterRecord {
    if (req.transitRouterId) return this.routerOf(cenId, req.regionId, req.transitRouterId);
    const inRegion = this.routersOf(cenId).filter((r) => r.regionId === req.regionId && r.type === 'Enterprise');
    if (inRegion.length !== 1) {
      throw invalidParameter('TransitRouterId', `CEN ${cenId} has ${inRegion.length} Enterprise Edition transit routers in ${req.regionId}; specify TransitRouterId.`);
    }
    return inRegion[0];
  }

  activate(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    this.transition(account, flowLogId, regionId, 'Active', 'ActiveFlowLog');
  }

  deactivate(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    this.transition(account, flowLogId, regionId, 'Inactive', 'DeactiveFlowLog');
  }

  modify(
    account: EmulatorAccount,
    flowLogId: string,
    regionId: string,
    changes: { name?: string; description?: string; interval?: FlowLogInterval },
  ): void {
    requireFlowLogPermission(account, 'ModifyFlowLogAttribute');
    const fl = this.flowLogOf(account, flowLogId, regionId);
    // Terraform retries ModifyFlowLogAttribute on IncorrectStatus.flowlog.
    requireStable(fl, 'IncorrectStatus.flowlog');
    if (changes.name !== undefined) fl.name = changes.name;
    if (changes.description !== undefined) fl.description = changes.description;
    if (changes.interval !== undefined) fl.interval = changes.interval;
    fl.pending = { until: this.options.now() + this.transitionMs, then: fl.status };
    fl.status = 'Modifying';
  }

  delete(account: EmulatorAccount, flowLogId: string, regionId: string): void {
    requireFlowLogPermission(account, 'DeleteFlowlog');
    const fl = this.flowLogOf(account, flowLogId, regionId);
    requireStable(fl, 'IncorrectStatus.TrFlowlog');
    fl.status = 'Deleting';
    fl.pending = { until: this.options.now() + this.transitionMs, then: 'gone' };
  }

  private transition(account: EmulatorAccount, flowLogId: string, regionId: string, target: 'Active' | 'Inactive', action: string): void {
    requireFlowLogPermission(account, action);
    const fl = this.flowLogOf(account, flowLogId, regionId);
    // Terraform retries ActiveFlowLog/DeactiveFlowLog on IncorrectStatus.TrFlowlog.
    requireStable(fl, 'IncorrectStatus.TrFlowlog');
    // Starting an active flow log (or stopping an inactive one) changes nothing, as on the console.
    if (fl.status === target) return;
    fl.status = 'Modifying';
    fl.pending = { until: this.options.now() + this.transitionMs, then: target };
  }

  /** For the state dump: plain data, no internals. */
  snapshot(): {
    cens: CenRecord[];
    routers: TransitRouterRecord[];
    attachments: AttachmentRecord[];
    children: ChildInstanceRecord[];
    flowLogs: FlowLogRecord[];
    transitionMs: number;
  } {
    this.settle();
    return {
      cens: [...this.cens.values()],
      routers: [...this.routers.values()],
      attachments: [...this.attachments.values()],
      children: [...this.children],
      flowLogs: [...this.flowLogs.values()],
      transitionMs: this.transitionMs,
    };
  }

  private toView(f: FlowLogRecord): FlowLogView {
    const a = f.transitRouterAttachmentId ? this.attachments.get(f.transitRouterAttachmentId) : undefined;
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
      olderForm: f.transitRouterId === '',
      transitRouterId: f.transitRouterId,
      attachment: a ? { id: a.attachmentId, type: a.type, resourceRegionId: a.resourceRegionId } : undefined,
      routerAttachments:
        !a && f.transitRouterId ? this.attachmentsOf(f.transitRouterId).map((r) => ({ id: r.attachmentId, type: r.type, resourceRegionId: r.resourceRegionId })) : undefined,
      creationTime: f.creationTime,
    };
  }
}

/**
 * The second built-in account is a RAM user without the flow-log permissions (its `flowLogWhitelisted`
 * flag is false): flow-log writes answer as the RAM gateway does.
 */
export function requireFlowLogPermission(account: EmulatorAccount, action: string): void {
  if (!account.flowLogWhitelisted) {
    throw new CenApiError(403, 'Forbidden.RAM', `User not authorized to operate on the specified resource, or this API doesn't support RAM. (cen:${action})`);
  }
}

function requireStable(fl: FlowLogRecord, code: string): void {
  if (isTransitional(fl.status)) {
    throw new CenApiError(400, code, `The status of flow log ${fl.flowLogId} is ${fl.status}; the operation is not allowed in this status.`);
  }
}
