import type { CenInstance, TransitRouter } from '../../../cloud/cenApi';
import { t } from '@vscode/l10n';
import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** Shown under an Enterprise transit router without a flow log; clicking it starts the create wizard there. */
export class CreateFlowLogNode implements NodeBase {
  readonly kind = 'createFlowLog';
  readonly id: string;

  constructor(
    readonly cen: CenInstance,
    readonly router: TransitRouter,
  ) {
    this.id = `cen/${cen.cenId}/tr/${router.transitRouterId}/create`;
  }

  present(): NodePresentation {
    return {
      label: t('No flow log — create one'),
      tooltip: t('Create a flow log on transit router {0} (the whole router or one of its connections) to capture its traffic into Log Service.', this.router.transitRouterId),
      icon: { id: 'add' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'createFlowLog' }),
      command: { command: 'cenFlowLogs.flowLog.create', title: t('Create Flow Log'), arguments: [this] },
    };
  }
}
