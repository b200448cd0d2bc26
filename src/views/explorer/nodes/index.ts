import type { CenNode } from './cenNode';
import type { CoverageDirectionNode, CoverageNode } from './coverageNode';
import type { CreateFlowLogNode } from './createFlowLogNode';
import type { ErrorNode } from './errorNode';
import type { FlowLogNode } from './flowLogNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { MessageNode } from './messageNode';
import type { TransitRouterNode } from './transitRouterNode';

/** Every kind of row the explorer shows; switch on `kind`. */
export type ExplorerNode =
  | CenNode
  | FlowLogNode
  | CreateFlowLogNode
  | TransitRouterNode
  | LoadMoreNode
  | ErrorNode
  | MessageNode
  | CoverageNode
  | CoverageDirectionNode;
