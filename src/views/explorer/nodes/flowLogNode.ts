import type { FlowLog } from '../../../cloud/cenApi';
import { isTransitional, regionName, type FlowLogStatus } from '../../../flowlogs/catalog';
import { contextValue } from '../contextValue';
import { md, type NodeBase, type NodeIcon, type NodePresentation } from './explorerNode';

/** A flow log under its CEN. `flowLog` is public: other commands (the query workbench) take this node. */
export class FlowLogNode implements NodeBase {
  readonly kind = 'flowLog';
  readonly id: string;

  constructor(readonly flowLog: FlowLog) {
    this.id = flowLogNodeId(flowLog.cenId, flowLog.flowLogId);
  }

  present(): NodePresentation {
    const f = this.flowLog;
    const label = f.name || f.flowLogId;
    return {
      label,
      description: `${f.regionId} · ${statusText(f.status)}`,
      tooltip: [
        `**${md(label)}** — ${statusText(f.status)}`,
        '',
        `- Flow log: \`${f.flowLogId}\``,
        `- CEN instance: \`${f.cenId}\``,
        `- Region: ${regionName(f.regionId)} (\`${f.regionId}\`)`,
        `- Log Service: project \`${f.projectName}\`, logstore \`${f.logStoreName}\``,
        `- Capture window: ${f.interval === 60 ? '1 minute' : '10 minutes'} (${f.interval} s)`,
        f.description ? `- Description: ${md(f.description)}` : undefined,
        f.transitRouterId ? `- Transit router: \`${f.transitRouterId}\`` : undefined,
        `- Created: ${f.creationTime}`,
      ]
        .filter((l): l is string => l !== undefined)
        .join('\n'),
      icon: statusIcon(f.status),
      collapsible: 'none',
      contextValue: contextValue({ kind: 'flowLog', status: f.status }),
      command: { command: 'cenFlowLogs.flowLog.view', title: 'View Flow Log', arguments: [this] },
    };
  }
}

export function flowLogNodeId(cenId: string, flowLogId: string): string {
  return `cen/${cenId}/flowLog/${flowLogId}`;
}

/** Transitional states end in an ellipsis: they are still moving. */
export function statusText(status: FlowLogStatus): string {
  return isTransitional(status) ? `${status}…` : status;
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
  }
}
