/** Typed builders for CEN domain values (routers, connections, flow logs) in pure unit tests. */
import type { FlowLog, TransitRouter, TransitRouterAttachment } from '../../src/cloud/cenApi';

export function router(regionId: string, edition: TransitRouter['edition'] = 'Enterprise'): TransitRouter {
  return { transitRouterId: `tr-${regionId}`, name: '', description: '', cenId: 'cen-1', regionId, edition, rawType: edition, status: 'Active' };
}

/** The inter-region connection of `from`'s router toward `to`'s router. */
export function connection(from: string, to: string): TransitRouterAttachment {
  return {
    attachmentId: `tr-attach-${from}-${to}`,
    name: `${from}-to-${to}`,
    description: '',
    cenId: 'cen-1',
    transitRouterId: `tr-${from}`,
    kind: 'TR',
    resourceType: 'TR',
    status: 'Attached',
    resourceId: `tr-${to}`,
    resourceRegionId: to,
  };
}

export function flowLog(regionId: string, opts: { status?: FlowLog['status']; attachmentId?: string; name?: string; logFormatString?: string; olderForm?: boolean } = {}): FlowLog {
  const name = opts.name ?? `fl-${regionId}${opts.attachmentId ? '-' + opts.attachmentId : ''}`;
  return {
    flowLogId: `flowlog-${name}`,
    name,
    description: '',
    cenId: 'cen-1',
    regionId,
    status: opts.status ?? 'Active',
    rawStatus: opts.status ?? 'Active',
    creationTime: '',
    projectName: 'p',
    logStoreName: 's',
    interval: 600,
    logFormatString: opts.logFormatString,
    transitRouterId: opts.olderForm ? undefined : `tr-${regionId}`,
    transitRouterAttachmentId: opts.attachmentId,
    tags: [],
  };
}
