/**
 * Listing flow logs as every real caller does (api-current.md §3): a CEN's transit routers
 * (ListTransitRouters) give its regions, then DescribeFlowlogs once per region with RegionId and
 * CenId. Routers of both editions count: a CEN of the older form can have flow logs where it has
 * only Basic routers.
 */
import type { CallOptions, CenApi, FlowLog, TransitRouter } from '../cloud/cenApi';
import { regionRank } from './regions';

/** The distinct regions of the routers, in display order. */
export function routerRegions(routers: readonly TransitRouter[]): string[] {
  return [...new Set(routers.map((r) => r.regionId))].sort((a, b) => regionRank(a) - regionRank(b) || a.localeCompare(b));
}

/** Every flow log of one CEN in the given regions (one DescribeFlowlogs listing per region). */
export async function listCenFlowLogs(api: CenApi, cenId: string, regions: readonly string[], opts?: CallOptions): Promise<FlowLog[]> {
  const perRegion = await Promise.all(regions.map((regionId) => api.listFlowLogs({ regionId, cenId }, opts)));
  return sortFlowLogs(perRegion.flat());
}

/** Every flow log of the account: DescribeCens → ListTransitRouters per CEN → DescribeFlowlogs per region. */
export async function listAccountFlowLogs(api: CenApi, opts?: CallOptions): Promise<FlowLog[]> {
  const all: FlowLog[] = [];
  for await (const page of api.listCens(opts)) {
    for (const cen of page) {
      const routers = await api.listTransitRouters(cen.cenId, opts);
      all.push(...(await listCenFlowLogs(api, cen.cenId, routerRegions(routers), opts)));
    }
  }
  return all;
}

/** By region in display order, router-level before per-attachment, then by id. */
export function sortFlowLogs(list: readonly FlowLog[]): FlowLog[] {
  return [...list].sort(
    (a, b) =>
      regionRank(a.regionId) - regionRank(b.regionId) ||
      a.regionId.localeCompare(b.regionId) ||
      (a.transitRouterId ?? '').localeCompare(b.transitRouterId ?? '') ||
      Number(Boolean(a.transitRouterAttachmentId)) - Number(Boolean(b.transitRouterAttachmentId)) ||
      a.flowLogId.localeCompare(b.flowLogId),
  );
}
