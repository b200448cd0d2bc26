import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** The last root row while more CEN pages exist; DescribeCens pages at 50. */
export class LoadMoreNode implements NodeBase {
  readonly kind = 'loadMore';
  readonly id = 'loadMore';

  constructor(
    readonly loaded: number,
    readonly total: number,
  ) {}

  present(): NodePresentation {
    return {
      label: 'Load more…',
      description: `${this.loaded} of ${this.total} CEN instances shown`,
      icon: { id: 'more' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'loadMore' }),
      command: { command: 'cenFlowLogs.explorer.loadMore', title: 'Load More' },
    };
  }
}
