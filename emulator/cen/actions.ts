/**
 * The CEN actions of api-current.md §2: parameter validation, paging (PageNumber/PageSize, or
 * NextToken/MaxResults for the attachment lists), filters and the response shapes of Alibaba's
 * generated SDK models (numeric paging in DescribeCens/ListTransitRouters, string paging and
 * Success in DescribeFlowlogs). Action names are case sensitive, as on the real API.
 */
import type { EmulatorAccount } from '../accounts';
import { FLOW_LOG_FIELDS, FLOW_LOG_INTERVALS, KNOWN_REGIONS, type FlowLogInterval } from '../../src/flowlogs/catalog';
import type { AttachmentType } from '../storeSeams';
import { CenApiError, invalidParameter } from './apiError';
import type { IdempotencyRegistry } from './idempotency';
import { RpcParams } from './params';
import {
  requireFlowLogPermission,
  type AttachmentRecord,
  type CenRecord,
  type CenStore,
  type ChildInstanceRecord,
  type FlowLogRecord,
  type Tag,
  type TransitRouterRecord,
} from './store';

export interface ActionContext {
  readonly store: CenStore;
  readonly account: EmulatorAccount;
  readonly params: RpcParams;
  readonly idempotency: IdempotencyRegistry;
  readonly action: string;
}

type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;

export const CEN_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeCens: describeCens,
  DescribeCenAttachedChildInstances: describeChildInstances,
  DescribeChildInstanceRegions: describeChildInstanceRegions,
  ListTransitRouters: listTransitRouters,
  ListTransitRouterVpcAttachments: (ctx) => listAttachments(ctx, 'VPC'),
  ListTransitRouterVbrAttachments: (ctx) => listAttachments(ctx, 'VBR'),
  ListTransitRouterVpnAttachments: (ctx) => listAttachments(ctx, 'VPN'),
  ListTransitRouterEcrAttachments: (ctx) => listAttachments(ctx, 'ECR'),
  ListTransitRouterPeerAttachments: (ctx) => listAttachments(ctx, 'TR'),
  CreateFlowlog: createFlowlog,
  DescribeFlowlogs: describeFlowlogs,
  ActiveFlowLog: (ctx) => lifecycle(ctx, (fl, region) => ctx.store.activate(ctx.account, fl, region)),
  DeactiveFlowLog: (ctx) => lifecycle(ctx, (fl, region) => ctx.store.deactivate(ctx.account, fl, region)),
  ModifyFlowLogAttribute: modifyFlowLogAttribute,
  DeleteFlowlog: (ctx) => lifecycle(ctx, (fl, region) => ctx.store.delete(ctx.account, fl, region)),
};

/** "2019-10-22T07:44Z", the CEN API's minute-precision time. */
function minuteTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** "2021-07-24T13:00:52Z" */
function secondTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

const tagsOut = (tags: readonly Tag[]): { Tag: { Key: string; Value: string }[] } => ({
  Tag: tags.map((t) => ({ Key: t.key, Value: t.value })),
});

interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
}

/** PageNumber/PageSize as every Describe* action reads them (PageSize at most 50; defaults differ per action). */
function pagingOf(params: RpcParams, defaultPageSize: number): Paging {
  return {
    pageNumber: params.int('PageNumber', { min: 1, max: 1_000_000, default: 1 }),
    pageSize: params.int('PageSize', { min: 1, max: 50, default: defaultPageSize }),
  };
}

function page<T>(items: readonly T[], { pageNumber, pageSize }: Paging): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}

function describeCens({ store, account, params }: ActionContext): Record<string, unknown> {
  const paging = pagingOf(params, 10);
  const filters = params.filterList('Filter');
  for (const [i, f] of filters.entries()) {
    if (f.key !== 'CenId' && f.key !== 'Name') {
      throw invalidParameter(`Filter.${i + 1}.Key`, `must be CenId or Name, got "${f.key}".`);
    }
  }
  const tags = params.keyValueList('Tag');
  const matching = store.censOf(account.accountId).filter(
    (c) =>
      filters.every((f) => f.values.length === 0 || f.values.includes(f.key === 'CenId' ? c.cenId : c.name)) &&
      tags.every((t) => c.tags.some((ct) => ct.key === t.key && (t.value === '' || ct.value === t.value))),
  );
  return {
    TotalCount: matching.length,
    PageNumber: paging.pageNumber,
    PageSize: paging.pageSize,
    Cens: { Cen: page(matching, paging).map(cenOut) },
  };
}

function cenOut(c: CenRecord): Record<string, unknown> {
  return {
    CenId: c.cenId,
    Name: c.name,
    Description: c.description,
    Status: c.status,
    CreationTime: minuteTime(c.creationTime),
    ProtectionLevel: c.protectionLevel,
    Tags: tagsOut(c.tags),
  };
}

function describeChildInstances({ store, account, params }: ActionContext): Record<string, unknown> {
  const cen = store.cenOf(account, params.required('CenId'));
  const region = params.optional('ChildInstanceRegionId');
  const type = params.oneOf('ChildInstanceType', ['VPC', 'VBR', 'CCN'] as const);
  const paging = pagingOf(params, 10);
  const matching = store
    .childrenOf(cen.cenId)
    .filter((c) => (!region || c.childInstanceRegionId === region) && (!type || c.childInstanceType === type));
  return {
    TotalCount: matching.length,
    PageNumber: paging.pageNumber,
    PageSize: paging.pageSize,
    ChildInstances: { ChildInstance: page(matching, paging).map(childOut) },
  };
}

function childOut(c: ChildInstanceRecord): Record<string, unknown> {
  return {
    CenId: c.cenId,
    ChildInstanceId: c.childInstanceId,
    ChildInstanceType: c.childInstanceType,
    ChildInstanceRegionId: c.childInstanceRegionId,
    ChildInstanceOwnerId: Number(c.childInstanceOwnerId),
    Status: c.status,
    ChildInstanceAttachTime: minuteTime(c.attachTime),
  };
}

/**
 * Regions the service offers that the product has no name of its own for: the product must take
 * the service's name. Malaysia (Johor), ap-southeast-8, is on Alibaba's ACS region page; its
 * Chinese name here is the emulator's.
 */
const SERVICE_ONLY_REGIONS = [{ id: 'ap-southeast-8', name: 'Malaysia (Johor)', localName: '马来西亚（柔佛）' }];

function describeChildInstanceRegions({ params }: ActionContext): Record<string, unknown> {
  const english = params.optional('AcceptLanguage') === 'en-US';
  // The closed regions (2024) are no longer offered.
  const open = [...KNOWN_REGIONS.filter((r) => !r.closed), ...SERVICE_ONLY_REGIONS];
  return { Regions: { Region: open.map((r) => ({ RegionId: r.id, LocalName: english ? r.name : r.localName })) } };
}

function listTransitRouters({ store, account, params }: ActionContext): Record<string, unknown> {
  const paging = pagingOf(params, 10);
  const cenId = params.optional('CenId');
  if (cenId) store.cenOf(account, cenId);
  const want = (name: string, value: string): boolean => {
    const v = params.optional(name);
    return v === undefined || v === value;
  };
  const owned = new Set(store.censOf(account.accountId).map((c) => c.cenId));
  const matching = [...store.routers.values()].filter(
    (r) =>
      owned.has(r.cenId) &&
      want('CenId', r.cenId) &&
      want('RegionId', r.regionId) &&
      want('TransitRouterId', r.transitRouterId) &&
      want('TransitRouterName', r.name) &&
      want('Type', r.type) &&
      want('Status', r.status),
  );
  return {
    TotalCount: matching.length,
    PageNumber: paging.pageNumber,
    PageSize: paging.pageSize,
    TransitRouters: page(matching, paging).map((r) => routerOut(r, account.accountId)),
  };
}

function routerOut(r: TransitRouterRecord, accountId: string): Record<string, unknown> {
  return {
    TransitRouterId: r.transitRouterId,
    TransitRouterName: r.name,
    TransitRouterDescription: r.description,
    CenId: r.cenId,
    RegionId: r.regionId,
    Type: r.type,
    Status: r.status,
    AliUid: Number(accountId),
    CreationTime: minuteTime(r.creationTime),
    SupportMulticast: false,
    Tags: [],
  };
}

/** Opaque to the client, as the service's tokens are: where the next page starts. */
const nextTokenOf = (offset: number): string => Buffer.from(`attachments:${offset}`).toString('base64url');

function offsetOf(token: string | undefined): number {
  if (token === undefined) return 0;
  const m = /^attachments:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw invalidParameter('NextToken', 'is not a token this API returned.');
  return Number(m[1]);
}

/** The region field of each list (api-current.md §2.9). */
const REGION_FIELD: Readonly<Record<AttachmentType, string>> = {
  VPC: 'VpcRegionId',
  VBR: 'VbrRegionId',
  VPN: 'VpnRegionId',
  ECR: 'TransitRouterRegionId',
  TR: 'RegionId',
};

function listAttachments({ store, account, params }: ActionContext, type: AttachmentType): Record<string, unknown> {
  const maxResults = params.int('MaxResults', { min: 1, max: 100, default: 20 });
  const offset = offsetOf(params.optional('NextToken'));
  const cenId = params.optional('CenId');
  const regionId = params.optional('RegionId');
  const routerId = params.optional('TransitRouterId');
  const attachmentId = params.optional('TransitRouterAttachmentId');
  if (cenId) store.cenOf(account, cenId);
  if (routerId && cenId && regionId) store.routerOf(cenId, regionId, routerId);
  const owned = new Set(store.censOf(account.accountId).map((c) => c.cenId));
  const matching = [...store.attachments.values()].filter(
    (a) =>
      a.type === type &&
      owned.has(a.cenId) &&
      (!cenId || a.cenId === cenId) &&
      (!regionId || a.regionId === regionId) &&
      (!routerId || a.transitRouterId === routerId) &&
      (!attachmentId || a.attachmentId === attachmentId),
  );
  const slice = matching.slice(offset, offset + maxResults);
  const next = offset + maxResults < matching.length ? nextTokenOf(offset + maxResults) : undefined;
  return {
    TotalCount: matching.length,
    MaxResults: maxResults,
    ...(next ? { NextToken: next } : {}),
    TransitRouterAttachments: slice.map((a) => attachmentOut(a, type)),
  };
}

function attachmentOut(a: AttachmentRecord, type: AttachmentType): Record<string, unknown> {
  const common: Record<string, unknown> = {
    TransitRouterAttachmentId: a.attachmentId,
    TransitRouterAttachmentName: a.name,
    TransitRouterAttachmentDescription: '',
    TransitRouterId: a.transitRouterId,
    CenId: a.cenId,
    ResourceType: a.type,
    Status: a.status,
    CreationTime: minuteTime(a.creationTime),
    AutoPublishRouteEnabled: false,
    Tags: [],
    [REGION_FIELD[type]]: a.resourceRegionId,
  };
  switch (type) {
    case 'VPC':
      return { ...common, VpcId: a.resourceId, VpcOwnerId: Number(a.resourceOwnerId), ChargeType: 'POSTPAY', OrderType: 'PayByCenOwner', ZoneMappings: [] };
    case 'VBR':
      return { ...common, VbrId: a.resourceId, VbrOwnerId: Number(a.resourceOwnerId), OrderType: 'PayByCenOwner' };
    case 'VPN':
      return { ...common, VpnId: a.resourceId, VpnOwnerId: Number(a.resourceOwnerId), ChargeType: 'POSTPAY', OrderType: 'PayByCenOwner', Zones: [] };
    case 'ECR':
      return { ...common, EcrId: a.resourceId, EcrOwnerId: Number(a.resourceOwnerId), OrderType: 'PayByCenOwner' };
    case 'TR':
      // The peer list's RegionId is the peer router's region (§2.9 table).
      return {
        ...common,
        PeerTransitRouterId: a.resourceId,
        PeerTransitRouterRegionId: a.resourceRegionId,
        PeerTransitRouterOwnerId: Number(a.resourceOwnerId),
        Bandwidth: 10,
        BandwidthType: 'DataTransfer',
        DefaultLinkType: 'Gold',
      };
  }
}

// ---- flow logs --------------------------------------------------------------------------------

function validName(params: RpcParams, name: string, max: number): string | undefined {
  const v = params.optional(name);
  if (v === undefined) return undefined;
  if (v.length > max) throw invalidParameter(name, `must be 1 to ${max} characters, got ${v.length}.`);
  if (/^https?:\/\//i.test(v)) throw invalidParameter(name, 'must not start with http:// or https://.');
  return v;
}

function validInterval(params: RpcParams): FlowLogInterval | undefined {
  const v = params.optional('Interval');
  if (v === undefined) return undefined;
  const n = Number(v);
  const allowed: readonly number[] = FLOW_LOG_INTERVALS;
  if (!/^\d+$/.test(v) || !allowed.includes(n)) throw invalidParameter('Interval', `must be 60 or 600 (seconds), got "${v}".`);
  return n as FlowLogInterval;
}

const LOG_FORMAT_PREFIX = '${srcaddr}${dstaddr}${bytes}';
const KNOWN_FIELDS = new Set(FLOW_LOG_FIELDS.map((f) => f.name));

/** Exported for unit tests: a LogFormatString is a run of `${field}` tokens starting with the three mandatory ones. */
export function validateLogFormat(v: string): void {
  if (!v.startsWith(LOG_FORMAT_PREFIX)) {
    throw invalidParameter('LogFormatString', `must start with ${LOG_FORMAT_PREFIX}.`);
  }
  const token = /\$\{([^}]*)\}/y;
  const seen = new Set<string>();
  let at = 0;
  while (at < v.length) {
    token.lastIndex = at;
    const m = token.exec(v);
    if (!m) throw invalidParameter('LogFormatString', `expected \${field} at position ${at}.`);
    const field = m[1]!;
    if (!KNOWN_FIELDS.has(field)) throw invalidParameter('LogFormatString', `unknown field "${field}" at position ${at}.`);
    if (seen.has(field)) throw invalidParameter('LogFormatString', `field "${field}" appears twice (position ${at}).`);
    seen.add(field);
    at = token.lastIndex;
  }
}

const PROJECT_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const LOGSTORE_NAME = /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;

function createFlowlog(ctx: ActionContext): Record<string, unknown> {
  const { params, store, account } = ctx;
  const regionId = params.required('RegionId');
  const cenId = params.required('CenId');
  // Optional in the metadata: without them the flow log delivers elsewhere (api-current.md §1.4).
  const projectName = params.optional('ProjectName');
  const logStoreName = params.optional('LogStoreName');
  if (projectName !== undefined && !PROJECT_NAME.test(projectName)) {
    throw invalidParameter('ProjectName', `"${projectName}" is not a valid Log Service project name (3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit).`);
  }
  if (logStoreName !== undefined && !LOGSTORE_NAME.test(logStoreName)) {
    throw invalidParameter('LogStoreName', `"${logStoreName}" is not a valid logstore name (3-63 lower-case letters, digits, hyphens and underscores, starting and ending with a letter or digit).`);
  }
  const name = validName(params, 'FlowLogName', 128);
  const description = validName(params, 'Description', 256);
  const interval = validInterval(params);
  const logFormatString = params.optional('LogFormatString');
  if (logFormatString !== undefined) validateLogFormat(logFormatString);
  const tags = params.keyValueList('Tag');
  if (tags.length > 20) throw invalidParameter('Tag', `at most 20 tags, got ${tags.length}.`);
  return ctx.idempotency.run(account.accountId, ctx.action, params.raw, () => {
    const fl = store.createFlowLog(account, {
      regionId,
      cenId,
      projectName,
      logStoreName,
      name,
      description,
      interval,
      logFormatString,
      transitRouterId: params.optional('TransitRouterId'),
      transitRouterAttachmentId: params.optional('TransitRouterAttachmentId'),
      tags,
    });
    return { Success: 'true', FlowLogId: fl.flowLogId };
  });
}

function describeFlowlogs({ store, account, params }: ActionContext): Record<string, unknown> {
  const paging = pagingOf(params, 20);
  const status = params.oneOf('Status', ['Active', 'Inactive'] as const);
  const interval = validInterval(params);
  const eq = (name: string, value: string): boolean => {
    const want = params.optional(name);
    return want === undefined || want === value;
  };
  const matching = store
    .flowLogsOf(account.accountId)
    .filter(
      (f) =>
        eq('RegionId', f.regionId) &&
        eq('CenId', f.cenId) &&
        eq('FlowLogId', f.flowLogId) &&
        eq('FlowLogName', f.name) &&
        eq('Description', f.description) &&
        eq('ProjectName', f.projectName) &&
        eq('LogStoreName', f.logStoreName) &&
        eq('TransitRouterId', f.transitRouterId) &&
        eq('TransitRouterAttachmentId', f.transitRouterAttachmentId) &&
        eq('FlowLogVersion', f.flowLogVersion) &&
        (!status || f.status === status) &&
        (interval === undefined || f.interval === interval),
    );
  // DescribeFlowlogs is the one action whose paging fields are strings.
  return {
    Success: 'true',
    TotalCount: String(matching.length),
    PageNumber: String(paging.pageNumber),
    PageSize: String(paging.pageSize),
    FlowLogs: { FlowLog: page(matching, paging).map(flowLogOut) },
  };
}

function flowLogOut(f: FlowLogRecord): Record<string, unknown> {
  return {
    FlowLogId: f.flowLogId,
    FlowLogName: f.name,
    Description: f.description,
    CenId: f.cenId,
    RegionId: f.regionId,
    Status: f.status,
    CreationTime: secondTime(f.creationTime),
    ProjectName: f.projectName,
    LogStoreName: f.logStoreName,
    Interval: f.interval,
    FlowLogVersion: f.flowLogVersion,
    LogFormatString: f.logFormatString,
    TransitRouterId: f.transitRouterId,
    TransitRouterAttachmentId: f.transitRouterAttachmentId,
    Tags: tagsOut(f.tags),
  };
}

/** Shared shape of Active/Deactive/Delete: FlowLogId*, RegionId*, optional CenId that must match. */
function lifecycle(ctx: ActionContext, op: (flowLogId: string, regionId: string) => void): Record<string, unknown> {
  const flowLogId = ctx.params.required('FlowLogId');
  const regionId = ctx.params.required('RegionId');
  return ctx.idempotency.run(ctx.account.accountId, ctx.action, ctx.params.raw, () => {
    checkCenMatches(ctx, flowLogId, regionId);
    op(flowLogId, regionId);
    return { Success: 'true' };
  });
}

function checkCenMatches(ctx: ActionContext, flowLogId: string, regionId: string): void {
  requireFlowLogPermission(ctx.account, ctx.action);
  const cenId = ctx.params.optional('CenId');
  if (cenId === undefined) return;
  const fl = ctx.store.flowLogOf(ctx.account, flowLogId, regionId);
  if (fl.cenId !== cenId) {
    throw new CenApiError(400, 'ParameterCenInstanceId', `The flow log ${flowLogId} belongs to CEN instance ${fl.cenId}, not ${cenId}.`);
  }
}

function modifyFlowLogAttribute(ctx: ActionContext): Record<string, unknown> {
  const flowLogId = ctx.params.required('FlowLogId');
  const regionId = ctx.params.required('RegionId');
  const name = validName(ctx.params, 'FlowLogName', 128);
  const description = validName(ctx.params, 'Description', 256);
  const interval = validInterval(ctx.params);
  return ctx.idempotency.run(ctx.account.accountId, ctx.action, ctx.params.raw, () => {
    checkCenMatches(ctx, flowLogId, regionId);
    ctx.store.modify(ctx.account, flowLogId, regionId, { name, description, interval });
    return { Success: 'true' };
  });
}
