import type { CenInstance, TransitRouter } from '../../../cloud/cenApi';
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
      label: 'No flow log — create one',
      tooltip: `Create a flow log on transit router ${this.router.transitRouterId} (the whole router or one of its connections) to capture its traffic into Log Service.`,
      icon: { id: 'add' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'createFlowLog' }),
      command: { command: 'cenFlowLogs.flowLog.create', title: 'Create Flow Log', arguments: [this] },
    };
  }
}
