import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** An informational row: "No CEN instance matches the filter", "Loading…". */
export class MessageNode implements NodeBase {
  readonly kind = 'message';

  constructor(
    readonly id: string,
    readonly label: string,
    readonly iconId = 'info',
  ) {}

  present(): NodePresentation {
    return {
      label: this.label,
      icon: { id: this.iconId },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'message' }),
    };
  }
}
