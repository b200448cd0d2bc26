import { errorHeadline, presentError } from '../../commands/errorPresentation';
import { t } from '@vscode/l10n';
import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** A failed load, shown in place of the children it stands for; clicking shows details and Retry. */
export class ErrorNode implements NodeBase {
  readonly kind = 'error';
  readonly id: string;

  constructor(
    parentId: string,
    /** What we tried, e.g. "Could not load CEN instances". */
    readonly what: string,
    readonly error: unknown,
    /** Forgets the cached failure so the next expansion loads again. */
    readonly retry: () => void,
  ) {
    this.id = `${parentId}/error`;
  }

  get message(): string {
    return presentError(this.error).message;
  }

  present(): NodePresentation {
    const p = presentError(this.error);
    return {
      label: this.what,
      description: p.message,
      tooltip: [`**${errorHeadline(p.kind)}**`, p.message, p.detail, t('Click for details and Retry.')].filter((l) => l).join('\n\n'),
      icon: { id: 'error', color: 'errorForeground' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'error' }),
      command: { command: 'cenFlowLogs.explorer.showError', title: t('Show Details'), arguments: [this] },
    };
  }
}
