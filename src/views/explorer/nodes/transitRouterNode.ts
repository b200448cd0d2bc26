import type { CenInstance, TransitRouter } from '../../../cloud/cenApi';
import { t } from '@vscode/l10n';
import { regionLabel } from '../../../flowlogs/catalog';
import { contextValue, type CenFlowLogState } from '../contextValue';
import { md, type NodeBase, type NodePresentation } from './explorerNode';

/** Why a Basic Edition router has no flow logs (api-current.md §1.1, U1). */
export function basicEditionWhy(): string {
  return t('Only Enterprise Edition transit routers and their connections support flow logs. Upgrade this Basic Edition transit router in the CEN console first.');
}

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
    const edition = r.edition === 'Unknown' ? t('type {0}', r.rawType || t('(none)')) : r.edition === 'Basic' ? t('Basic Edition') : t('Enterprise Edition');
    return {
      label: regionLabel(r.regionId, this.serviceRegionName),
      description: [r.name || r.transitRouterId, supports ? undefined : r.edition === 'Basic' ? t('Basic Edition — no flow logs') : edition, r.status && r.status !== 'Active' ? r.status : undefined]
        .filter((p): p is string => p !== undefined)
        .join(' · '),
      tooltip: [
        t('**Transit router {0}**', md(r.name || r.transitRouterId)),
        '',
        t('- Transit router: `{0}`', r.transitRouterId),
        t('- Region: {0}', regionLabel(r.regionId, this.serviceRegionName)),
        t('- Edition: {0}', edition),
        t('- Status: {0}', r.status || t('not reported')),
        supports ? undefined : '',
        supports ? undefined : r.edition === 'Basic' ? basicEditionWhy() : t('The service reports type "{0}"; flow logs need an Enterprise Edition transit router.', r.rawType),
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
