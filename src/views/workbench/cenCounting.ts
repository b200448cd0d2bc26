/**
 * How an analytic query on a CEN panel counts traffic that several flow logs captured: each flow
 * once, as the region map counts it. Runs the region map's pair aggregation on every flow log for
 * the range (regionTrafficLoader.ts), then countedRecords.ts says which records each contributes.
 * Free of `vscode`.
 */
import { t } from '@vscode/l10n';
import type { SlsApi, TimeRange } from '../../cloud/slsApi';
import { countedRecords } from '../../flowlogs/countedRecords';
import { basisSentence } from '../../flowlogs/uniqueTraffic';
import type { CenMember, CountingNote, FlowLogShortfall } from '../../protocol/messages';
import { captureSourceOf, perFlowLogTraffic, type TrafficFlowLog } from '../regionMap/regionTrafficLoader';

export interface CenCounting {
  /** Flow log id → the search for its counted records; a member not in it is not asked. Absent: every member runs the statement as typed. */
  readonly filters?: ReadonlyMap<string, string>;
  readonly note: CountingNote;
  /** Members whose pair aggregation failed or was Incomplete: left out, or maybe short. */
  readonly shortfalls: readonly FlowLogShortfall[];
}

/** A member as the aggregation sees it. A member restored without its router (an older panel) is taken as a whole router. */
function trafficFlowLog(m: CenMember): TrafficFlowLog {
  const router = m.olderForm ? {} : { transitRouterId: m.transitRouterId ?? m.flowLogId };
  return {
    flowLogId: m.flowLogId,
    name: m.title,
    regionId: m.regionId,
    projectName: m.projectName,
    logStoreName: m.logStoreName,
    ...(m.logFormatString ? { logFormatString: m.logFormatString } : {}),
    ...router,
    ...(m.transitRouterAttachmentId ? { transitRouterAttachmentId: m.transitRouterAttachmentId } : {}),
  };
}

/** Every member's pair aggregation over the range → which records each member contributes (a member that fails is a shortfall). */
export async function cenCounting(sls: SlsApi, members: readonly CenMember[], range: TimeRange): Promise<CenCounting> {
  const flowLogs = members.map(trafficFlowLog);
  const answers = await perFlowLogTraffic(sls, flowLogs, { range, byAttachment: false });
  const shortfalls: FlowLogShortfall[] = [];
  const notCounted: string[] = [];
  answers.forEach((a, i) => {
    const name = members[i].title;
    switch (a.source.state) {
      case 'ok':
        if (a.source.incomplete) shortfalls.push({ flowLog: name, kind: 'incomplete' });
        return;
      case 'failed':
        shortfalls.push({ flowLog: name, kind: 'failed', message: a.source.reason });
        return;
      case 'notContributing':
        notCounted.push(t('{0} ({1})', name, a.source.reason ?? ''));
        return;
    }
  });
  const ok = answers.flatMap((a, i) => (a.source.state === 'ok' ? [{ source: captureSourceOf(flowLogs[i]), traffic: a.traffic }] : []));
  const { filters, bases } = countedRecords(ok);
  if (filters.size === 0) {
    // Nothing to choose between (no flow log wrote region pairs in the range): the statement runs as typed.
    return { note: { text: t('Every flow log added up: none has region-pair traffic in this range to count once') }, shortfalls: [] };
  }
  const counted = members.filter((m) => filters.has(m.flowLogId)).map((m) => m.title);
  const same = members.filter((m, i) => !filters.has(m.flowLogId) && answers[i].source.state === 'ok' && answers[i].traffic.length > 0).map((m) => m.title);
  const parts = [t('Each flow counted once, as on the region map: from {0}', counted.join(', '))];
  if (same.length > 0) parts.push(t('{0} left out (the same traffic)', same.join(', ')));
  if (notCounted.length > 0) parts.push(t('not counted, as on the region map: {0}', notCounted.join('; ')));
  const detail = bases.map(basisSentence).filter((s): s is string => s !== undefined).join('\n');
  return { filters, note: { text: parts.join('; '), ...(detail ? { detail } : {}) }, shortfalls };
}

/** The status note of a search on a CEN panel: its records are every capture, not de-duplicated. */
export function everyCaptureNote(): CountingNote {
  return { text: t('Every capture: a flow seen by two flow logs shows once for each (see flow_log); SQL counts each flow once') };
}
