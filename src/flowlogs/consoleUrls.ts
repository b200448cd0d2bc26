/** Alibaba Cloud console pages for the things the explorer shows, so users can hand over to the console. */
import type { FlowLog } from '../cloud/cenApi';

const CEN_CONSOLE = 'https://cen.console.aliyun.com';
const SLS_CONSOLE = 'https://sls.console.aliyun.com';

/** The CEN instance's flow-log tab, opened in the flow log's region. */
export function flowLogConsoleUrl(flowLog: Pick<FlowLog, 'cenId' | 'regionId' | 'flowLogId'>): string {
  const q = new URLSearchParams({ regionId: flowLog.regionId, flowLogId: flowLog.flowLogId });
  return `${CEN_CONSOLE}/cen/detail/${encodeURIComponent(flowLog.cenId)}/flowlog?${q.toString()}`;
}

export function cenConsoleUrl(cenId: string): string {
  return `${CEN_CONSOLE}/cen/detail/${encodeURIComponent(cenId)}/overview`;
}

/**
 * The logstore's search page in the SLS console. A project lives in one region and the console opens
 * the region named by `slsRegion` (without it, the console's last-used region, where the project may not exist).
 */
export function logstoreConsoleUrl(ref: Pick<FlowLog, 'projectName' | 'logStoreName' | 'regionId'>): string {
  const q = new URLSearchParams({ slsRegion: ref.regionId });
  return `${SLS_CONSOLE}/lognext/project/${encodeURIComponent(ref.projectName)}/logsearch/${encodeURIComponent(ref.logStoreName)}?${q.toString()}`;
}
