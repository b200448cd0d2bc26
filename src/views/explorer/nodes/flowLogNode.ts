import type { FlowLog, TransitRouterAttachment } from '../../../cloud/cenApi';
import { t } from '@vscode/l10n';
import { attachmentLabel } from '../../../flowlogs/attachmentLabel';
import { isTransitional, regionLabel, type FlowLogStatus } from '../../../flowlogs/catalog';
import { contextValue } from '../contextValue';
import { md, type NodeBase, type NodeIcon, type NodePresentation } from './explorerNode';

/** A flow log under its transit router (or, for the older per-CEN form, under its CEN). `flowLog` is public: other commands take this node. */
export class FlowLogNode implements NodeBase {
  readonly kind = 'flowLog';
  readonly id: string;

  constructor(
    readonly flowLog: FlowLog,
    /** The attachment the flow log is on, when known (resolved from the router's attachment lists). */
    readonly attachment?: TransitRouterAttachment,
  ) {
    this.id = flowLogNodeId(flowLog.cenId, flowLog.flowLogId);
  }

  present(): NodePresentation {
    const f = this.flowLog;
    const label = f.name || f.flowLogId;
    const status = statusText(f);
    return {
      label,
      description: `${flowLogTarget(f, this.attachment)} · ${status}`,
      tooltip: [
        `**${md(label)}** — ${status}`,
        '',
        t('- Flow log: `{0}`', f.flowLogId),
        t('- CEN instance: `{0}`', f.cenId),
        t('- Region: {0}', regionLabel(f.regionId)),
        f.transitRouterId ? t('- Transit router: `{0}`', f.transitRouterId) : t('- Form: per-CEN flow log from before transit routers (2019); shown and managed where the API allows'),
        f.transitRouterAttachmentId ? t('- Captures: {0} (`{1}`)', md(flowLogTarget(f, this.attachment)), f.transitRouterAttachmentId) : f.transitRouterId ? t('- Captures: every connection of the transit router') : undefined,
        this.attachment?.kind === 'TR' ? t('- Only outbound traffic of this router is captured on an inter-region connection; the peer router needs its own flow log for the other direction.') : undefined,
        f.projectName ? t('- Log Service: project `{0}`, logstore `{1}`', f.projectName, f.logStoreName) : t('- Log Service: none (the flow log delivers elsewhere)'),
        t('- Capture window: {0} ({1} s)', f.interval === 60 ? t('1 minute') : t('10 minutes'), f.interval),
        t('- Log format: {0}', f.logFormatString ? `\`${f.logFormatString}\`` : t('every field (default)')),
        f.flowLogVersion ? t('- Version: {0}', f.flowLogVersion) : undefined,
        f.tags.length > 0 ? t('- Tags: {0}', f.tags.map((tag) => `${md(tag.key)}=${md(tag.value)}`).join(', ')) : undefined,
        f.description ? t('- Description: {0}', md(f.description)) : undefined,
        t('- Created: {0}', f.creationTime),
      ]
        .filter((l): l is string => l !== undefined)
        .join('\n'),
      icon: statusIcon(f.status),
      collapsible: 'none',
      contextValue: contextValue({ kind: 'flowLog', status: f.status }),
      command: { command: 'cenFlowLogs.flowLog.view', title: t('View Flow Log'), arguments: [this] },
    };
  }
}

export function flowLogNodeId(cenId: string, flowLogId: string): string {
  return `cen/${cenId}/flowLog/${flowLogId}`;
}

/** What the flow log captures: the whole router, one attachment, or the whole CEN (older form). */
export function flowLogTarget(f: FlowLog, attachment?: TransitRouterAttachment): string {
  if (!f.transitRouterId) return t('whole CEN (older form)');
  if (!f.transitRouterAttachmentId) return t('whole router');
  return attachment ? attachmentLabel(attachment) : f.transitRouterAttachmentId;
}

/** Transitional states end in an ellipsis: they are still moving; an unknown one is shown as the service sent it. */
export function statusText(f: Pick<FlowLog, 'status' | 'rawStatus'>): string {
  if (f.status === 'Unknown') return f.rawStatus || t('no status');
  return isTransitional(f.status) ? `${f.status}…` : f.status;
}

export function statusIcon(status: FlowLogStatus): NodeIcon {
  switch (status) {
    case 'Active':
      return { id: 'pass-filled', color: 'charts.green' };
    case 'Inactive':
      return { id: 'debug-pause', color: 'disabledForeground' };
    case 'Creating':
    case 'Modifying':
    case 'Deleting':
      return { id: 'loading~spin' };
    case 'Unknown':
      return { id: 'question', color: 'charts.yellow' };
  }
}
