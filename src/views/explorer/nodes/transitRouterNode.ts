import type { CenInstance, TransitRouter } from '../../../cloud/cenApi';
import { regionLabel } from '../../../flowlogs/catalog';
import { contextValue, type CenFlowLogState } from '../contextValue';
import { md, type NodeBase, type NodePresentation } from './explorerNode';

/** Why a Basic Edition router has no flow logs (api-current.md §1.1, U1). */
export const BASIC_EDITION_WHY =
  'Only Enterprise Edition transit routers and their connections support flow logs. Upgrade this Basic Edition transit router in the CEN console first.';

/** A transit router of a CEN in one region; Enterprise ones hold flow logs, Basic ones say why not. */
export class TransitRouterNode implements NodeBase {
  readonly kind = 'transitRouter';
  readonly id: string;

  constructor(
    readonly cen: CenInstance,
    readonly router: TransitRouter,
    /** Updated in place by the model once the router's flow logs are known. */
    public flowLogState: CenFlowLogState,
    /** The service's name of the router's region, when we have none of our own (DescribeChildInstanceRegions). */
    readonly serviceRegionName?: string,
  ) {
    this.id = transitRouterNodeId(cen.cenId, router.transitRouterId);
  }

  present(): NodePresentation {
    const r = this.router;
    const supports = r.edition === 'Enterprise';
    const edition = r.edition === 'Unknown' ? `type ${r.rawType || '(none)'}` : `${r.edition} Edition`;
    return {
      label: regionLabel(r.regionId, this.serviceRegionName),
      description: [r.name || r.transitRouterId, supports ? undefined : r.edition === 'Basic' ? 'Basic Edition — no flow logs' : edition, r.status && r.status !== 'Active' ? r.status : undefined]
        .filter((p): p is string => p !== undefined)
        .join(' · '),
      tooltip: [
        `**Transit router ${md(r.name || r.transitRouterId)}**`,
        '',
        `- Transit router: \`${r.transitRouterId}\``,
        `- Region: ${regionLabel(r.regionId, this.serviceRegionName)}`,
        `- Edition: ${edition}`,
        `- Status: ${r.status || 'not reported'}`,
        supports ? undefined : '',
        supports ? undefined : r.edition === 'Basic' ? BASIC_EDITION_WHY : `The service reports type "${r.rawType}"; flow logs need an Enterprise Edition transit router.`,
      ]
        .filter((l): l is string => l !== undefined)
        .join('\n'),
      icon: { id: 'server-environment', color: supports ? undefined : 'disabledForeground' },
      collapsible: supports ? 'collapsed' : 'none',
      contextValue: contextValue({ kind: 'transitRouter', edition: r.edition, flowLogs: this.flowLogState }),
    };
  }
}

export function transitRouterNodeId(cenId: string, transitRouterId: string): string {
  return `cen/${cenId}/tr/${transitRouterId}`;
}
