/**
 * Region display names only. Which regions exist, and where flow logs can be created, is the
 * service's answer (ListTransitRouters, DescribeChildInstanceRegions): nothing here refuses a region.
 * The first 16 are the 2019 flow-log list (api-current.md §3), kept for their English and console
 * (Chinese) names; two of them were closed in 2024.
 */
import { t } from '@vscode/l10n';

export interface Region {
  readonly id: string;
  /** English name as the international console shows it. */
  readonly name: string;
  /** Name as the China-site console shows it. */
  readonly localName: string;
  /** When Alibaba Cloud closed the region (api-current.md §3, U10), if it did. */
  readonly closed?: string;
}

export const KNOWN_REGIONS: readonly Region[] = [
  { id: 'cn-hangzhou', name: 'China (Hangzhou)', localName: '华东1（杭州）' },
  { id: 'cn-shanghai', name: 'China (Shanghai)', localName: '华东2（上海）' },
  { id: 'cn-zhangjiakou', name: 'China (Zhangjiakou)', localName: '华北3（张家口）' },
  { id: 'cn-shenzhen', name: 'China (Shenzhen)', localName: '华南1（深圳）' },
  { id: 'cn-beijing', name: 'China (Beijing)', localName: '华北2（北京）' },
  { id: 'cn-huhehaote', name: 'China (Hohhot)', localName: '华北5（呼和浩特）' },
  { id: 'cn-hongkong', name: 'China (Hong Kong)', localName: '中国香港' },
  { id: 'eu-west-1', name: 'UK (London)', localName: '英国（伦敦）' },
  { id: 'us-west-1', name: 'US (Silicon Valley)', localName: '美国（硅谷）' },
  { id: 'us-east-1', name: 'US (Virginia)', localName: '美国（弗吉尼亚）' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)', localName: '德国（法兰克福）' },
  { id: 'ap-south-1', name: 'India (Mumbai)', localName: '印度（孟买）', closed: '2024-07-15' },
  { id: 'ap-southeast-1', name: 'Singapore', localName: '新加坡' },
  { id: 'ap-southeast-5', name: 'Indonesia (Jakarta)', localName: '印度尼西亚（雅加达）' },
  { id: 'ap-southeast-2', name: 'Australia (Sydney)', localName: '澳大利亚（悉尼）', closed: '2024-09-30' },
  { id: 'ap-southeast-3', name: 'Malaysia (Kuala Lumpur)', localName: '马来西亚（吉隆坡）' },
  { id: 'cn-qingdao', name: 'China (Qingdao)', localName: '华北1（青岛）' },
  { id: 'cn-wulanchabu', name: 'China (Ulanqab)', localName: '华北6（乌兰察布）' },
  { id: 'cn-heyuan', name: 'China (Heyuan)', localName: '华南2（河源）' },
  { id: 'cn-guangzhou', name: 'China (Guangzhou)', localName: '华南3（广州）' },
  { id: 'cn-chengdu', name: 'China (Chengdu)', localName: '西南1（成都）' },
  { id: 'ap-northeast-1', name: 'Japan (Tokyo)', localName: '日本（东京）' },
  { id: 'ap-northeast-2', name: 'South Korea (Seoul)', localName: '韩国（首尔）' },
  { id: 'ap-southeast-6', name: 'Philippines (Manila)', localName: '菲律宾（马尼拉）' },
  { id: 'ap-southeast-7', name: 'Thailand (Bangkok)', localName: '泰国（曼谷）' },
  { id: 'me-east-1', name: 'UAE (Dubai)', localName: '阿联酋（迪拜）' },
  { id: 'cn-nanjing', name: 'China (Nanjing - Local Region)', localName: '华东5（南京-本地地域）' },
  { id: 'cn-fuzhou', name: 'China (Fuzhou - Local Region)', localName: '华东6（福州-本地地域）' },
  { id: 'cn-wuhan-lr', name: 'China (Wuhan - Local Region)', localName: '华中1（武汉-本地地域）' },
  // Both ids are in the endpoint map of Alibaba's generated CBN SDK (com.aliyun.cbn20170912 Client).
  // "Mexico": Alibaba's OSS "Regions and endpoints" page (help.aliyun.com/en/oss/user-guide/regions-and-endpoints,
  // Europe and Americas table); its Chinese name 墨西哥 is from third-party code only, not yet from an Alibaba page.
  { id: 'na-south-1', name: 'Mexico', localName: '墨西哥' },
  // "Saudi Arabia (Riyadh)" / 沙特(利雅得): Alibaba's ApsaraVideo Live endpoint pages, English and Chinese
  // (help.aliyun.com/en/live/developer-reference/api-live-2016-11-01-endpoint, Middle East table); OSS calls it "SAU (Riyadh - Partner Region)".
  { id: 'me-central-1', name: 'Saudi Arabia (Riyadh)', localName: '沙特（利雅得）' },
];

const BY_ID = new Map(KNOWN_REGIONS.map((r) => [r.id, r]));

export type RegionLanguage = 'en' | 'zh';

// Set once by the host from VS Code's display language (src/activation/hostL10n.ts), as @vscode/l10n's bundle is.
let displayLanguage: RegionLanguage = 'en';

/** Region names follow the display language: the China-site console's names for Simplified Chinese, else English. */
export function setRegionDisplayLanguage(vscodeLanguage: string): void {
  displayLanguage = /^zh(-cn|-hans|-sg)?$/i.test(vscodeLanguage) ? 'zh' : 'en';
}

/** The region's name in English or as the China-site console shows it (default: the display language); an id we have no name for is shown as it is. */
export function regionName(regionId: string, language: RegionLanguage = displayLanguage): string {
  const r = BY_ID.get(regionId);
  if (!r) return regionId;
  return language === 'zh' ? r.localName : r.name;
}

/** A region's display names in both languages (for value lists). */
export interface RegionNames {
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  readonly closed?: string;
}

export const REGION_NAMES: readonly RegionNames[] = KNOWN_REGIONS.map((r) => ({ id: r.id, en: r.name, zh: r.localName, ...(r.closed ? { closed: r.closed } : {}) }));

/** True for a region Alibaba Cloud has closed (India (Mumbai), Australia (Sydney)): not a choice to offer. */
export function isClosedRegion(regionId: string): boolean {
  return BY_ID.get(regionId)?.closed !== undefined;
}

/** The region ids the API returned that may be offered as choices: closed regions left out, order kept. */
export function offerableRegions(regionIds: readonly string[]): string[] {
  return [...new Set(regionIds)].filter((id) => !isClosedRegion(id));
}

/** The region's console (Chinese) name, or the id. */
export function regionLocalName(regionId: string): string {
  return BY_ID.get(regionId)?.localName ?? regionId;
}

/**
 * "China (Shanghai) (cn-shanghai)"; for an id we have no name for, the service's own name
 * (DescribeChildInstanceRegions' LocalName) when given, else the bare id.
 */
export function regionLabel(regionId: string, serviceName?: string): string {
  const name = BY_ID.has(regionId) ? regionName(regionId) : serviceName?.trim() || regionId;
  return name === regionId ? regionId : t('{0} ({1})', name, regionId);
}

/** The service's region names (id → LocalName) for the ids among `regionIds` we have no name for. */
export function serviceNamesFor(regionIds: readonly string[], service: readonly { readonly regionId: string; readonly localName: string }[]): Map<string, string> {
  const unknown = new Set(regionIds.filter((id) => !BY_ID.has(id)));
  return new Map(service.filter((r) => unknown.has(r.regionId) && r.localName.trim() !== '').map((r) => [r.regionId, r.localName.trim()]));
}

/** Whether we have a display name for the id (never whether the service accepts it). */
export function isKnownRegion(regionId: string): boolean {
  return BY_ID.has(regionId);
}

/** Known display order: the 2019 list first, then the others; unknown ids last. */
export function regionRank(regionId: string): number {
  const i = KNOWN_REGIONS.findIndex((r) => r.id === regionId);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
