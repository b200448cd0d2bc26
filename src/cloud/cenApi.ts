/**
 * The CEN operations the extension needs, shaped for our domain (not for the wire).
 * Implemented over @alicloud/pop-core in cenClient.ts; talks to real Alibaba Cloud or the emulator
 * depending only on endpoint and credentials.
 */
import type { FlowLogInterval, FlowLogStatus } from '../flowlogs/catalog';

export interface CenInstance {
  readonly cenId: string;
  readonly name: string;
  readonly description: string;
  /** Raw: Creating | Active | Deleting today; anything else is shown as the service sent it. */
  readonly status: string;
  readonly creationTime: string;
}

/** The legacy child-instance view (DescribeCenAttachedChildInstances); values kept raw. */
export interface CenChildInstance {
  readonly cenId: string;
  readonly childInstanceId: string;
  /** VPC | VBR | CCN documented; anything else kept raw. */
  readonly childInstanceType: string;
  readonly childInstanceRegionId: string;
  readonly childInstanceOwnerId: string;
  readonly status: string;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** Enterprise routers (and their attachments) can have flow logs; Basic ones cannot (api-current.md §1.1). */
export type TransitRouterEdition = 'Enterprise' | 'Basic' | 'Unknown';

export interface TransitRouter {
  readonly transitRouterId: string;
  readonly name: string;
  readonly description: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly edition: TransitRouterEdition;
  /** The Type as the service sent it (differs from edition only when edition is 'Unknown'). */
  readonly rawType: string;
  readonly status: string;
}

/** The five attachment lists; the value is the attachment's ResourceType (TR = inter-region connection). */
export const ATTACHMENT_KINDS = ['VPC', 'VPN', 'VBR', 'ECR', 'TR'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface TransitRouterAttachment {
  readonly attachmentId: string;
  readonly name: string;
  readonly description: string;
  readonly cenId: string;
  readonly transitRouterId: string;
  /** Which list it came from. */
  readonly kind: AttachmentKind;
  /** ResourceType as the service sent it. */
  readonly resourceType: string;
  readonly status: string;
  /** The attached thing: vpc-…, vbr-…, vpn-…, ecr-…, or the peer transit router tr-…. */
  readonly resourceId: string;
  /** Region of the attached thing (the peer router's region for an inter-region connection). */
  readonly resourceRegionId: string;
}

/** The router (and optionally one attachment) a flow log or a request is about. */
export interface TransitRouterRef {
  readonly cenId: string;
  readonly regionId: string;
  readonly transitRouterId: string;
}

export interface ChildInstanceRegion {
  readonly regionId: string;
  readonly localName: string;
}

export interface FlowLog {
  readonly flowLogId: string;
  readonly name: string;
  readonly description: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly status: FlowLogStatus;
  /** The Status text the service sent (differs from status only when status is 'Unknown'). */
  readonly rawStatus: string;
  readonly creationTime: string;
  /** Empty when the flow log delivers elsewhere (e.g. NIS): api-current.md §1.4. */
  readonly projectName: string;
  readonly logStoreName: string;
  readonly interval: FlowLogInterval;
  /** Empty = every current field. */
  readonly logFormatString?: string;
  readonly flowLogVersion?: string;
  /** Absent on flow logs of the older per-CEN form (before 2022). */
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
  readonly tags: readonly Tag[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  readonly pageNumber: number;
  readonly pageSize: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface CreateFlowLogInput {
  readonly regionId: string;
  readonly cenId: string;
  /** Always sent: flow logs belong to Enterprise transit routers (api-current.md §1.5). */
  readonly transitRouterId: string;
  /** Set for a flow log on one attachment; absent for the whole router. */
  readonly transitRouterAttachmentId?: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly name?: string;
  readonly description?: string;
  readonly interval?: FlowLogInterval;
  readonly logFormatString?: string;
  readonly tags?: readonly Tag[];
  /** Idempotency token; the client generates one if absent and reuses it for every retry. */
  readonly clientToken?: string;
}

export interface ModifyFlowLogInput {
  readonly name?: string;
  readonly description?: string;
  readonly interval?: FlowLogInterval;
}

/** Identifies a flow log for the calls that need its region and CEN. */
export interface FlowLogRef {
  readonly flowLogId: string;
  readonly regionId: string;
  readonly cenId?: string;
}

/** DescribeFlowlogs filters. RegionId is always sent: every real caller lists one region per call (§3). */
export interface FlowLogFilter {
  readonly regionId: string;
  readonly cenId?: string;
  readonly flowLogId?: string;
  readonly transitRouterId?: string;
  readonly status?: 'Active' | 'Inactive';
}

/** One page of an attachment list; more pages while nextToken is set. */
export interface AttachmentPage {
  readonly items: readonly TransitRouterAttachment[];
  readonly nextToken?: string;
}

export interface CenApi {
  /** One page of CEN instances (PageSize ≤ 50). */
  listCensPage(pageNumber: number, pageSize?: number, opts?: CallOptions): Promise<Page<CenInstance>>;
  /** Every CEN instance, page by page. */
  listCens(opts?: CallOptions): AsyncIterable<readonly CenInstance[]>;
  /** Network instances attached to a CEN (legacy view, no attachment ids). */
  listChildInstances(cenId: string, opts?: CallOptions): Promise<readonly CenChildInstance[]>;
  /** Every transit router of a CEN, in every region, Enterprise and Basic (ListTransitRouters, paged). */
  listTransitRouters(cenId: string, opts?: CallOptions): Promise<readonly TransitRouter[]>;
  /** One page of a router's attachments of one kind (ListTransitRouter<Kind>Attachments, NextToken paging). */
  listAttachmentsPage(kind: AttachmentKind, router: TransitRouterRef, nextToken?: string, opts?: CallOptions): Promise<AttachmentPage>;
  /** Every attachment of one kind, every page. */
  listAttachments(kind: AttachmentKind, router: TransitRouterRef, opts?: CallOptions): Promise<readonly TransitRouterAttachment[]>;
  /** Regions the service offers for CEN network instances (DescribeChildInstanceRegions). */
  listChildInstanceRegions(opts?: CallOptions): Promise<readonly ChildInstanceRegion[]>;
  /** Flow logs of one region matching the filter, every page. */
  listFlowLogs(filter: FlowLogFilter, opts?: CallOptions): Promise<readonly FlowLog[]>;
  getFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<FlowLog | undefined>;
  createFlowLog(input: CreateFlowLogInput, opts?: CallOptions): Promise<string /* flowLogId */>;
  startFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void>;
  stopFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void>;
  modifyFlowLog(ref: FlowLogRef, changes: ModifyFlowLogInput, opts?: CallOptions): Promise<void>;
  deleteFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void>;
  /**
   * Polls until the flow log reaches a stable status (Active/Inactive) or disappears (undefined,
   * after a delete). onStatus sees each observed status.
   */
  waitForStable(
    ref: FlowLogRef,
    opts?: CallOptions & { timeoutMs?: number; onStatus?: (status: FlowLogStatus) => void },
  ): Promise<FlowLog | undefined>;
}
