/**
 * Alibaba Cloud console pages for the things the explorer and the workbench show (api-current.md
 * §6), on the China site (aliyun.com) or the international one (alibabacloud.com): the
 * `cenFlowLogs.consoleSite` setting. The current console has no per-CEN flow-log page: a flow log
 * is found under the CEN's Transit Router tab, so links open the CEN instance (its deeper paths
 * are UNCONFIRMED in the spec).
 */
import type { FlowLog } from '../cloud/cenApi';

export const CONSOLE_SITES = ['china', 'international'] as const;
export type ConsoleSite = (typeof CONSOLE_SITES)[number];
export const DEFAULT_CONSOLE_SITE: ConsoleSite = 'china';

/** The setting's value as a site; anything else is the default. */
export function consoleSiteOf(value: unknown): ConsoleSite {
  return CONSOLE_SITES.find((s) => s === value) ?? DEFAULT_CONSOLE_SITE;
}

function consoleHost(product: 'cen' | 'sls', site: ConsoleSite): string {
  switch (site) {
    case 'china':
      return `https://${product}.console.aliyun.com`;
    case 'international':
      return `https://${product}.console.alibabacloud.com`;
  }
}

/** The CEN instance whose Transit Router tab holds the flow log (the region travels along for the console). */
export function flowLogConsoleUrl(flowLog: Pick<FlowLog, 'cenId' | 'regionId'>, site: ConsoleSite = DEFAULT_CONSOLE_SITE): string {
  const q = new URLSearchParams({ regionId: flowLog.regionId });
  return `${consoleHost('cen', site)}/cen/detail/${encodeURIComponent(flowLog.cenId)}?${q.toString()}`;
}

export function cenConsoleUrl(cenId: string, site: ConsoleSite = DEFAULT_CONSOLE_SITE): string {
  return `${consoleHost('cen', site)}/cen/detail/${encodeURIComponent(cenId)}`;
}

/** The CEN instance list (documented on both sites). */
export function cenListConsoleUrl(site: ConsoleSite = DEFAULT_CONSOLE_SITE): string {
  return `${consoleHost('cen', site)}/cen/list`;
}

/** A query and time range (UNIX seconds, [from, to)) for the console's search page to open with. */
export interface ConsoleQuery {
  readonly query: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The logstore's search page in the Log Service console. The documented parameters (SLS "Customize
 * the UI of embedded pages"): `encode=base64&queryString=<base64>` carries the query and
 * `queryTimeType=99&startTime&endTime` a custom range. A project lives in one region; `slsRegion`
 * (seen in console URLs, not documented) opens that region rather than the last-used one.
 */
export function logstoreConsoleUrl(ref: Pick<FlowLog, 'projectName' | 'logStoreName' | 'regionId'>, site: ConsoleSite = DEFAULT_CONSOLE_SITE, view?: ConsoleQuery): string {
  const q = new URLSearchParams({ slsRegion: ref.regionId });
  if (view) {
    q.set('encode', 'base64');
    q.set('queryString', base64Utf8(view.query));
    q.set('queryTimeType', '99');
    q.set('startTime', String(Math.floor(view.from)));
    q.set('endTime', String(Math.floor(view.to)));
  }
  return `${consoleHost('sls', site)}/lognext/project/${encodeURIComponent(ref.projectName)}/logsearch/${encodeURIComponent(ref.logStoreName)}?${q.toString()}`;
}

/** Base64 of the UTF-8 bytes, in the host and the webview alike (no Buffer). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
