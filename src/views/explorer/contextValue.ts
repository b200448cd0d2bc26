/**
 * The explorer's contextValues, generated in one place so package.json `when` clauses (anchored
 * regexes on `viewItem`) and the nodes can never drift apart; test/unit/views checks both sides.
 */
import type { TransitRouterEdition } from '../../cloud/cenApi';
import type { FlowLogStatus } from '../../flowlogs/catalog';
import type { DirectionState } from '../../flowlogs/coverage';

/** What the menus need to know about a flow log: which operations its status allows. */
export type FlowLogState = 'active' | 'inactive' | 'transitional' | 'unknown';

/** Whether a CEN or router is known to have no flow log (create offered inline), has some, or not loaded yet. */
export type CenFlowLogState = 'noFlowLog' | 'hasFlowLog' | 'unknown';

export type NodeContext =
  | { readonly kind: 'cen'; readonly flowLogs: CenFlowLogState }
  | { readonly kind: 'transitRouter'; readonly edition: TransitRouterEdition; readonly flowLogs: CenFlowLogState }
  | { readonly kind: 'flowLog'; readonly status: FlowLogStatus }
  | { readonly kind: 'createFlowLog' }
  | { readonly kind: 'loadMore' }
  | { readonly kind: 'error' }
  | { readonly kind: 'message' }
  | { readonly kind: 'coverage' }
  | { readonly kind: 'coverageDirection'; readonly state: DirectionState };

export function flowLogState(status: FlowLogStatus): FlowLogState {
  switch (status) {
    case 'Active':
      return 'active';
    case 'Inactive':
      return 'inactive';
    case 'Creating':
    case 'Modifying':
    case 'Deleting':
      return 'transitional';
    case 'Unknown':
      return 'unknown';
  }
}

function editionTag(edition: TransitRouterEdition): string {
  switch (edition) {
    case 'Enterprise':
      return 'enterprise';
    case 'Basic':
      return 'basic';
    case 'Unknown':
      return 'unknownEdition';
  }
}

export function contextValue(ctx: NodeContext): string {
  switch (ctx.kind) {
    case 'cen':
      return `cen.${ctx.flowLogs}`;
    case 'transitRouter':
      return `transitRouter.${editionTag(ctx.edition)}.${ctx.flowLogs}`;
    case 'flowLog':
      return `flowLog.${flowLogState(ctx.status)}`;
    case 'createFlowLog':
      return 'createFlowLog';
    case 'loadMore':
      return 'loadMore';
    case 'error':
      return 'error';
    case 'message':
      return 'message';
    case 'coverage':
      return 'coverage';
    case 'coverageDirection':
      return `coverageDirection.${ctx.state}`;
  }
}
