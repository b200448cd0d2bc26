import { regionName } from '../../../flowlogs/catalog';
import { contextValue } from '../contextValue';
import type { NodeBase, NodePresentation } from './explorerNode';

/** A region the CEN spans where flow logs cannot be created: shown, never hidden silently. */
export class UnsupportedRegionNode implements NodeBase {
  readonly kind = 'unsupportedRegion';
  readonly id: string;

  constructor(
    readonly cenId: string,
    readonly regionId: string,
  ) {
    this.id = `cen/${cenId}/region/${regionId}`;
  }

  present(): NodePresentation {
    const name = regionName(this.regionId);
    return {
      label: name === this.regionId ? this.regionId : `${name} (${this.regionId})`,
      description: 'flow logs not supported',
      tooltip: `The CEN has network instances in ${this.regionId}, but CEN flow logs are available only in 16 regions; traffic of this region cannot be captured by a flow log created here.`,
      icon: { id: 'circle-slash', color: 'disabledForeground' },
      collapsible: 'none',
      contextValue: contextValue({ kind: 'unsupportedRegion' }),
    };
  }
}
