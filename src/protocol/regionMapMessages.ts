/**
 * The typed messages between the extension host and the region map webview, declared once and
 * imported by both sides, in the style of messages.ts (tagged unions both ways, a requestId on
 * every load, everything the webview sends validated by parseRegionMapMessage before use).
 */
import type { CostEstimate } from '../flowlogs/cost';
import type { DirectionState } from '../flowlogs/coverage';
import type { RegionPairTraffic } from '../flowlogs/regionTraffic';
import type { L10nSetup } from '../l10n/l10nSetup';
import { parseTimeRangeSpec, type TimeRangeSpec } from './messages';

export type { TimeRangeSpec };

/** What the host writes into the page (data-boot) before it starts. */
export interface RegionMapBoot {
  /** The display language and its strings (issue 22): the page speaks it without loading anything. */
  readonly l10n?: L10nSetup;
}

/** What the map is of: a whole CEN (every flow log) or one flow log. */
export interface RegionMapScope {
  readonly kind: 'cen' | 'flowLog';
  readonly title: string;
  readonly cenId: string;
  readonly flowLogId?: string;
}

/** One flow log's part in the answer. */
export interface RegionMapSource {
  readonly flowLogId: string;
  readonly name: string;
  readonly regionId: string;
  /** ok: answered; failed: its query failed (named, the rest still shows); notContributing: its format lacks fields. */
  readonly state: 'ok' | 'failed' | 'notContributing';
  readonly reason?: string;
  /** The service said Incomplete (the sums may be low). */
  readonly incomplete?: boolean;
}

/** One direction of a region pair the CEN connects, as the map flags it. */
export interface CoverageInfo {
  readonly from: string;
  readonly to: string;
  readonly state: DirectionState;
  readonly sentence: string;
  /** A flow log for it can be created (an Enterprise router on the sending side). */
  readonly canCreate: boolean;
}

/** The cost lens: the user's prices applied to the captured bytes, or why there is none. */
export interface CostInfo {
  readonly currency: string;
  /** False while the price setting is empty: the view says so and links to it. */
  readonly configured: boolean;
  /** Keys or prices of the setting that could not be used, each with why. */
  readonly problems: readonly string[];
  readonly estimate?: CostEstimate;
}

export interface RegionMapResult {
  readonly requestId: string;
  /** Human text of the snapped range. */
  readonly rangeLabel: string;
  readonly byAttachment: boolean;
  readonly traffic: readonly RegionPairTraffic[];
  readonly sources: readonly RegionMapSource[];
  readonly coverage: readonly CoverageInfo[];
  /** Why coverage is missing (e.g. the CEN API failed); the map still shows. */
  readonly coverageError?: string;
  readonly cost: CostInfo;
  /** attachment-id → readable name, where known. */
  readonly attachmentNames: Readonly<Record<string, string>>;
  /** Pairs whose total needs a word on where it was counted from (captured by several flow logs, or only by local connections): src/flowlogs/uniqueTraffic.ts. */
  readonly countNotes?: readonly { readonly src: string; readonly dst: string; readonly sentence: string }[];
}

// ---- host → webview -------------------------------------------------------------------------

export type RegionMapHostMessage =
  | { readonly type: 'init'; readonly scope: RegionMapScope; readonly range: TimeRangeSpec; readonly byAttachment: boolean; readonly metric?: 'bytes' | 'packets' }
  | { readonly type: 'loading'; readonly requestId: string; readonly done: number; readonly total: number; readonly message: string }
  | { readonly type: 'result'; readonly result: RegionMapResult }
  | { readonly type: 'failed'; readonly requestId: string; readonly message: string }
  | { readonly type: 'cancelled'; readonly requestId: string };

// ---- webview → host -------------------------------------------------------------------------

export type RegionMapWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'load'; readonly requestId: string; readonly range: TimeRangeSpec; readonly byAttachment: boolean }
  | { readonly type: 'cancel'; readonly requestId: string }
  /** Open the records behind a cell or link in a workbench (for the flow log(s) concerned). */
  | { readonly type: 'openPair'; readonly src: string; readonly dst: string; readonly attachmentId?: string }
  /** Open the create-flow-log wizard prefilled for the sending side of an unlogged direction. */
  | { readonly type: 'createMissing'; readonly from: string; readonly to: string }
  | { readonly type: 'openPriceSetting' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const REGION_ID = /^[a-z0-9-]{1,64}$/;

function isRegionId(v: unknown): v is string {
  return typeof v === 'string' && REGION_ID.test(v);
}

function isShortString(v: unknown, max = 200): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

/** The message if it is well-formed, otherwise undefined (the host ignores and logs it). */
export function parseRegionMapMessage(v: unknown): RegionMapWebviewMessage | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'openPriceSetting':
      return { type: v.type };
    case 'load': {
      const range = parseTimeRangeSpec(v.range);
      return isShortString(v.requestId, 100) && range && typeof v.byAttachment === 'boolean' ? { type: 'load', requestId: v.requestId, range, byAttachment: v.byAttachment } : undefined;
    }
    case 'cancel':
      return isShortString(v.requestId, 100) ? { type: 'cancel', requestId: v.requestId } : undefined;
    case 'openPair':
      if (!isRegionId(v.src) || !isRegionId(v.dst)) return undefined;
      if (v.attachmentId !== undefined && !isShortString(v.attachmentId)) return undefined;
      return { type: 'openPair', src: v.src, dst: v.dst, ...(typeof v.attachmentId === 'string' ? { attachmentId: v.attachmentId } : {}) };
    case 'createMissing':
      return isRegionId(v.from) && isRegionId(v.to) ? { type: 'createMissing', from: v.from, to: v.to } : undefined;
    default:
      return undefined;
  }
}

// ---- persisted by the webview (getState/setState), read by the host's serializer after a reload ----

/** What a region map panel needs to come back after Reload Window: its subject, range and mode. */
export interface RegionMapPersistedState {
  readonly cenId: string;
  readonly flowLogId?: string;
  readonly title: string;
  readonly range: TimeRangeSpec;
  readonly byAttachment: boolean;
  readonly metric: 'bytes' | 'packets';
}

/** The saved state if well-formed (it comes from storage VS Code keeps for the webview). */
export function parseRegionMapPersistedState(v: unknown): RegionMapPersistedState | undefined {
  if (!isObject(v) || !isShortString(v.cenId) || !isShortString(v.title, 1_000) || typeof v.byAttachment !== 'boolean') return undefined;
  if (v.flowLogId !== undefined && !isShortString(v.flowLogId)) return undefined;
  const range = parseTimeRangeSpec(v.range);
  if (!range) return undefined;
  const metric = v.metric === 'packets' ? 'packets' : 'bytes';
  return { cenId: v.cenId, ...(typeof v.flowLogId === 'string' ? { flowLogId: v.flowLogId } : {}), title: v.title, range, byAttachment: v.byAttachment, metric };
}
