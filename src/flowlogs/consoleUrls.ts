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

/** The logstore's search page in the SLS console (projects are unique per account and region). */
export function logstoreConsoleUrl(ref: { projectName: string; logStoreName: string }): string {
  return `${SLS_CONSOLE}/lognext/project/${encodeURIComponent(ref.projectName)}/logsearch/${encodeURIComponent(ref.logStoreName)}`;
}
