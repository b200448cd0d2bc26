import type { CenInstance } from '../../../cloud/cenApi';
import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** Shown under a CEN without a flow log; clicking it starts the create wizard for that CEN. */
export class CreateFlowLogNode implements NodeBase {
  readonly kind = 'createFlowLog';
  readonly id: string;

  constructor(readonly cen: CenInstance) {
    this.id = `cen/${cen.cenId}/create`;
  }

  present(): NodePresentation {
    return {
      label: 'No flow log — create one',
      tooltip: `Create a flow log for ${this.cen.cenId} to capture its cross-region traffic into Log Service.`,
      icon: { id: 'add' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'createFlowLog' }),
      command: { command: 'cenFlowLogs.flowLog.create', title: 'Create Flow Log', arguments: [this] },
    };
  }
}
