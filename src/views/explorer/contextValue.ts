/**
 * The explorer's contextValues, generated in one place so package.json `when` clauses (anchored
 * regexes on `viewItem`) and the nodes can never drift apart; test/unit/views checks both sides.
 */
import type { FlowLogStatus } from '../../flowlogs/catalog';

/** What the menus need to know about a flow log: which operations its status allows. */
export type FlowLogState = 'active' | 'inactive' | 'transitional';

/** A CEN's flow-log situation: known to have none (create offered), has one, or not known yet. */
export type CenFlowLogState = 'noFlowLog' | 'hasFlowLog' | 'unknown';

export type NodeContext =
  | { readonly kind: 'cen'; readonly flowLogs: CenFlowLogState }
  | { readonly kind: 'flowLog'; readonly status: FlowLogStatus }
  | { readonly kind: 'createFlowLog' }
  | { readonly kind: 'unsupportedRegion' }
  | { readonly kind: 'loadMore' }
  | { readonly kind: 'error' }
  | { readonly kind: 'message' };

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
  }
}

export function contextValue(ctx: NodeContext): string {
  switch (ctx.kind) {
    case 'cen':
      return `cen.${ctx.flowLogs}`;
    case 'flowLog':
      return `flowLog.${flowLogState(ctx.status)}`;
    case 'createFlowLog':
      return 'createFlowLog';
    case 'unsupportedRegion':
      return 'unsupportedRegion';
    case 'loadMore':
      return 'loadMore';
    case 'error':
      return 'error';
    case 'message':
      return 'message';
  }
}
