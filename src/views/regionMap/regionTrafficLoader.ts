/**
 * Asks Log Service for traffic by region pair: one SQL aggregation per flow log (in parallel; the
 * shared SLS client keeps to the request limit), each answer named ok / failed / not contributing,
 * and for a CEN the answers summed in cenRegionTraffic — the one place that decides how a CEN's
 * answer is made.
 */
import { t } from '@vscode/l10n';
import type { FlowLog } from '../../cloud/cenApi';
import type { SlsApi, TimeRange } from '../../cloud/slsApi';
import { errorText } from '../../errorText';
import { missingRegionFields, parseRegionTraffic, regionTrafficQuery, writesDirection, type RegionPairTraffic } from '../../flowlogs/regionTraffic';
import { uniqueRegionTraffic, type CaptureSource, type PairBasis } from '../../flowlogs/uniqueTraffic';
import type { RegionMapSource } from '../../protocol/regionMapMessages';

export interface FlowLogTraffic {
  readonly source: RegionMapSource;
  readonly traffic: readonly RegionPairTraffic[];
}

export interface TrafficRequest {
  readonly range: TimeRange;
  readonly byAttachment: boolean;
  readonly signal?: AbortSignal;
  /** Called as each flow log answers. */
  readonly onAnswer?: (answer: FlowLogTraffic, done: number, total: number) => void;
}

/** What the aggregation needs to know of a flow log (a CEN panel's members carry this much). */
export type TrafficFlowLog = Pick<FlowLog, 'flowLogId' | 'name' | 'regionId' | 'projectName' | 'logStoreName' | 'logFormatString' | 'transitRouterId' | 'transitRouterAttachmentId'>;

function sourceOf(f: TrafficFlowLog, state: RegionMapSource['state'], reason?: string, incomplete?: boolean): RegionMapSource {
  return { flowLogId: f.flowLogId, name: f.name || f.flowLogId, regionId: f.regionId, state, ...(reason ? { reason } : {}), ...(incomplete ? { incomplete } : {}) };
}

/** One flow log's region-pair totals, or why it has none (its format lacks the fields, or its query failed). */
export async function flowLogRegionTraffic(sls: SlsApi, flowLog: TrafficFlowLog, request: Omit<TrafficRequest, 'onAnswer'>): Promise<FlowLogTraffic> {
  const format = { logFormatString: flowLog.logFormatString ?? '', olderForm: !flowLog.transitRouterId };
  const missing = missingRegionFields(format, false);
  if (missing.length > 0) {
    const why = format.olderForm ? t('a flow log of the 2019 form does not write {0}', missing.join(', ')) : t('its log format does not write {0}', missing.join(', '));
    return { source: sourceOf(flowLog, 'notContributing', why), traffic: [] };
  }
  if (!flowLog.projectName || !flowLog.logStoreName) return { source: sourceOf(flowLog, 'notContributing', t('it delivers to no Log Service logstore')), traffic: [] };
  // A format without attachment-id still answers the pair totals; its records count as "attachment unknown".
  const byAttachment = request.byAttachment && missingRegionFields(format, true).length === 0;
  // Split by direction where written: it tells the router's outbound leg from a local connection's (uniqueTraffic.ts).
  const byDirection = writesDirection(format);
  try {
    const result = await sls.query(
      { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, from: request.range.from, to: request.range.to, query: regionTrafficQuery(byAttachment, byDirection) },
      { signal: request.signal },
    );
    let traffic = parseRegionTraffic(result.columns, result.rows);
    if (request.byAttachment && !byAttachment) traffic = traffic.map((row) => ({ ...row, attachmentId: '-' }));
    return { source: sourceOf(flowLog, 'ok', undefined, result.progress === 'Incomplete'), traffic };
  } catch (e) {
    if (request.signal?.aborted) throw e;
    return { source: sourceOf(flowLog, 'failed', errorText(e)), traffic: [] };
  }
}

/** Every flow log's answer, in the order given; throws only when cancelled. */
export async function perFlowLogTraffic(sls: SlsApi, flowLogs: readonly TrafficFlowLog[], request: TrafficRequest): Promise<FlowLogTraffic[]> {
  let done = 0;
  return Promise.all(
    flowLogs.map(async (f) => {
      const answer = await flowLogRegionTraffic(sls, f, request);
      request.onAnswer?.(answer, ++done, flowLogs.length);
      return answer;
    }),
  );
}

/** Where a flow log captures, for counting each flow once. */
export function captureSourceOf(f: TrafficFlowLog): CaptureSource {
  const common = { flowLogId: f.flowLogId, name: f.name || f.flowLogId, regionId: f.regionId };
  if (!f.transitRouterId) return { ...common, kind: 'olderForm' };
  if (!f.transitRouterAttachmentId) return { ...common, kind: 'router', transitRouterId: f.transitRouterId };
  return { ...common, kind: 'connection', transitRouterId: f.transitRouterId, attachmentId: f.transitRouterAttachmentId };
}

/**
 * A CEN's traffic by region pair: each flow counted once when several flow logs capture the same
 * pair (uniqueTraffic.ts decides which one counts; `bases` says which did). The only place that
 * makes a CEN's answer.
 */
export async function cenRegionTraffic(
  sls: SlsApi,
  flowLogs: readonly FlowLog[],
  request: TrafficRequest,
): Promise<{ traffic: RegionPairTraffic[]; perFlowLog: FlowLogTraffic[]; bases: PairBasis[] }> {
  const perFlowLog = await perFlowLogTraffic(sls, flowLogs, request);
  const unique = uniqueRegionTraffic(perFlowLog.map((a, i) => ({ source: captureSourceOf(flowLogs[i]), traffic: a.traffic })));
  return { traffic: unique.traffic, perFlowLog, bases: unique.bases };
}
