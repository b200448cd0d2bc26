/**
 * The narrow interfaces the CEN and SLS stores need of each other, declared apart from both so
 * neither store imports the other (issue 19 item 6): each gets its side through its options, and
 * the context that owns both wires them and seeds the demo.
 */
import type { FlowLogInterval, FlowLogStatus } from '../src/flowlogs/catalog';
import type { TrafficShift } from './data/trafficShift';

/** The kinds of transit-router attachment (their ResourceType; TR = inter-region connection). */
export type AttachmentType = 'VPC' | 'VPN' | 'VBR' | 'ECR' | 'TR';

/** What the SLS side (and its record generator) needs to know about one flow log. */
export interface FlowLogView {
  readonly flowLogId: string;
  readonly accountId: string;
  readonly cenId: string;
  readonly regionId: string;
  readonly status: FlowLogStatus;
  readonly interval: FlowLogInterval;
  readonly projectName: string;
  readonly logStoreName: string;
  /** The fields the flow log writes, `${a}${b}…`; empty = every current field. */
  readonly logFormatString: string;
  /** The 2019 per-CEN form (no transit router): its records carry the 2019 fields (rtt, log-status). */
  readonly olderForm: boolean;
  /** Empty for the older form. */
  readonly transitRouterId: string;
  /** Set for a flow log on one attachment; absent for a router-level (or older-form) flow log. */
  readonly attachment?: {
    readonly id: string;
    readonly type: AttachmentType;
    /** Region of the attached resource; for TR, the peer router's region (traffic is outbound only). */
    readonly resourceRegionId: string;
  };
  /** A router-level flow log's router's attachments: its records name the connection of the local network. */
  readonly routerAttachments?: readonly { readonly id: string; readonly type: AttachmentType; readonly resourceRegionId: string }[];
  /** ms since epoch */
  readonly creationTime: number;
}

/** The CEN side as the SLS store sees it. */
export interface FlowLogSource {
  /** Every flow log of every account, transitions settled. */
  listFlowLogs(): FlowLogView[];
  /** The regions a CEN spans (its transit routers' and attachments' regions), sorted. */
  cenRegions(cenId: string): string[];
  /** The traffic shift seeded in a CEN's records, if any (the demo's before/after story). */
  trafficShift(cenId: string): TrafficShift | undefined;
}

/** The SLS side as the CEN store sees it: CreateFlowlog creates a missing project/logstore. */
export interface SlsProjectEnsurer {
  ensureProjectAndLogstore(
    accountId: string,
    regionId: string,
    projectName: string,
    logStoreName: string,
  ): { ok: true } | { ok: false; code: string; message: string };
}
