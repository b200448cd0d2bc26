import type { CenNode } from './cenNode';
import type { CreateFlowLogNode } from './createFlowLogNode';
import type { ErrorNode } from './errorNode';
import type { FlowLogNode } from './flowLogNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { MessageNode } from './messageNode';
import type { UnsupportedRegionNode } from './unsupportedRegionNode';

/** Every kind of row the explorer shows; switch on `kind`. */
export type ExplorerNode =
  | CenNode
  | FlowLogNode
  | CreateFlowLogNode
  | UnsupportedRegionNode
  | LoadMoreNode
  | ErrorNode
  | MessageNode;
