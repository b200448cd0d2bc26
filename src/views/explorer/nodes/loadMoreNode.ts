import { contextValue } from '../contextValue';
import { t } from '@vscode/l10n';
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
      label: t('Load more…'),
      description: t('{0} of {1} CEN instances shown', this.loaded, this.total),
      icon: { id: 'more' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'loadMore' }),
      command: { command: 'cenFlowLogs.explorer.loadMore', title: t('Load More') },
    };
  }
}
