/**
 * Alibaba Cloud console pages for the things the explorer shows (api-current.md §6), on the China
 * site (aliyun.com) or the international one (alibabacloud.com): the `cenFlowLogs.consoleSite` setting.
 * The current console has no per-CEN flow-log page: a flow log is found under the CEN's Transit
 * Router tab, so links open the CEN instance (its deeper paths are UNCONFIRMED in the spec).
 */
import type { FlowLog } from '../cloud/cenApi';

export type ConsoleSite = 'china' | 'international';

function host(product: 'cen' | 'sls', site: ConsoleSite): string {
  switch (site) {
    case 'china':
      return `https://${product}.console.aliyun.com`;
    case 'international':
      return `https://${product}.console.alibabacloud.com`;
  }
}

/** The CEN instance whose Transit Router tab holds the flow log (the region travels along for the console). */
export function flowLogConsoleUrl(flowLog: Pick<FlowLog, 'cenId' | 'regionId'>, site: ConsoleSite = 'china'): string {
  const q = new URLSearchParams({ regionId: flowLog.regionId });
  return `${host('cen', site)}/cen/detail/${encodeURIComponent(flowLog.cenId)}?${q.toString()}`;
}

export function cenConsoleUrl(cenId: string, site: ConsoleSite = 'china'): string {
  return `${host('cen', site)}/cen/detail/${encodeURIComponent(cenId)}`;
}

/** The CEN instance list (documented on both sites). */
export function cenListConsoleUrl(site: ConsoleSite = 'china'): string {
  return `${host('cen', site)}/cen/list`;
}

/**
 * The logstore's search page in the SLS console. A project lives in one region and the console opens
 * the region named by `slsRegion` (without it, the console's last-used region, where the project may not exist).
 */
export function logstoreConsoleUrl(ref: Pick<FlowLog, 'projectName' | 'logStoreName' | 'regionId'>, site: ConsoleSite = 'china'): string {
  const q = new URLSearchParams({ slsRegion: ref.regionId });
  return `${host('sls', site)}/lognext/project/${encodeURIComponent(ref.projectName)}/logsearch/${encodeURIComponent(ref.logStoreName)}?${q.toString()}`;
}
