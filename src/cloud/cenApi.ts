/**
 * The CEN operations the extension needs, shaped for our domain (not for the wire).
 * Implemented over @alicloud/pop-core in cenClient.ts; talks to real Alibaba Cloud or the emulator
 * depending only on endpoint and credentials.
 */
import type { CenStatus, FlowLogInterval, FlowLogStatus } from '../flowlogs/catalog';

export interface CenInstance {
  readonly cenId: string;
  readonly name: string;
  readonly description: string;
  readonly status: CenStatus;
  readonly creationTime: string;
}

export type ChildInstanceType = 'VPC' | 'VBR' | 'CCN';

export interface CenChildInstance {
  readonly cenId: string;
  readonly childInstanceId: string;
  readonly childInstanceType: ChildInstanceType;
  readonly childInstanceRegionId: string;
  readonly childInstanceOwnerId: string;
  readonly status: 'Attaching' | 'Attached' | 'Detaching';
}

export interface FlowLog {
  readonly flowLogId: string;
  readonly name: string;
  readonly description: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly status: FlowLogStatus;
  readonly creationTime: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly interval: FlowLogInterval;
  readonly logFormatString?: string;
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
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
  readonly projectName: string;
  readonly logStoreName: string;
  readonly name?: string;
  readonly description?: string;
  readonly interval?: FlowLogInterval;
  readonly logFormatString?: string;
  readonly transitRouterId?: string;
  readonly transitRouterAttachmentId?: string;
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

export interface FlowLogFilter {
  readonly regionId?: string;
  readonly cenId?: string;
  readonly flowLogId?: string;
  readonly status?: 'Active' | 'Inactive';
}

export interface CenApi {
  /** One page of CEN instances (PageSize ≤ 50). */
  listCensPage(pageNumber: number, pageSize?: number, opts?: CallOptions): Promise<Page<CenInstance>>;
  /** Every CEN instance, page by page. */
  listCens(opts?: CallOptions): AsyncIterable<readonly CenInstance[]>;
  /** Network instances attached to a CEN; their distinct regions are the CEN's regions. */
  listChildInstances(cenId: string, opts?: CallOptions): Promise<readonly CenChildInstance[]>;
  /** Flow logs matching the filter, every page. */
  listFlowLogs(filter?: FlowLogFilter, opts?: CallOptions): Promise<readonly FlowLog[]>;
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
