import type { CenInstance } from '../../../cloud/cenApi';
import { t } from '@vscode/l10n';
import { contextValue, type CenFlowLogState } from '../contextValue';
import { md, type NodeBase, type NodePresentation } from './explorerNode';

export class CenNode implements NodeBase {
  readonly kind = 'cen';
  readonly id: string;

  constructor(
    readonly cen: CenInstance,
    /** Updated in place by the model so a change event on this exact node redraws it. */
    public flowLogState: CenFlowLogState,
  ) {
    this.id = cenNodeId(cen.cenId);
  }

  present(): NodePresentation {
    const { cen } = this;
    const label = cen.name || cen.cenId;
    const description = [cen.name ? cen.cenId : undefined, cen.status === 'Active' ? undefined : cen.status]
      .filter((p): p is string => p !== undefined)
      .join(' · ');
    return {
      label,
      description: description || undefined,
      tooltip: [
        `**${md(label)}**`,
        '',
        t('- CEN instance: `{0}`', cen.cenId),
        t('- Status: {0}', cen.status),
        cen.description ? t('- Description: {0}', md(cen.description)) : undefined,
        cen.creationTime ? t('- Created: {0}', cen.creationTime) : undefined,
        t('- Flow log: {0}', flowLogSummary(this.flowLogState)),
      ]
        .filter((l): l is string => l !== undefined)
        .join('\n'),
      icon: { id: 'type-hierarchy', color: cen.status === 'Active' ? undefined : 'disabledForeground' },
      collapsible: 'collapsed',
      contextValue: contextValue({ kind: 'cen', flowLogs: this.flowLogState }),
    };
  }
}

export function cenNodeId(cenId: string): string {
  return `cen/${cenId}`;
}

function flowLogSummary(state: CenFlowLogState): string {
  switch (state) {
    case 'noFlowLog':
      return t('none');
    case 'hasFlowLog':
      return t('yes');
    case 'unknown':
      return t('not loaded yet');
  }
}
