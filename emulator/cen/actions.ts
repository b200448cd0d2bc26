/**
 * The CEN actions of api.md §1: parameter validation, paging, filters and the response shapes
 * (numeric paging in DescribeCens/DescribeCenAttachedChildInstances, string paging in
 * DescribeFlowlogs). Action names are case sensitive, as on the real API.
 */
import type { EmulatorAccount } from '../accounts';
import { FLOW_LOG_FIELDS, FLOW_LOG_INTERVALS, type FlowLogInterval } from '../../src/flowlogs/catalog';
import { CenApiError, invalidParameter } from './apiError';
import type { IdempotencyRegistry } from './idempotency';
import { RpcParams } from './params';
import { requireWhitelisted, type CenRecord, type CenStore, type ChildInstanceRecord, type FlowLogRecord, type Tag } from './store';

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
  const projectName = params.required('ProjectName');
  const logStoreName = params.required('LogStoreName');
  if (!PROJECT_NAME.test(projectName)) {
    throw invalidParameter('ProjectName', `"${projectName}" is not a valid Log Service project name (3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit).`);
  }
  if (!LOGSTORE_NAME.test(logStoreName)) {
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
  requireWhitelisted(ctx.account);
  const cenId = ctx.params.optional('CenId');
  if (cenId === undefined) return;
  const fl = ctx.store.flowLogOf(ctx.account, flowLogId, regionId);
  if (fl.cenId !== cenId) {
    throw new CenApiError(400, 'InvalidParameter', `The flow log ${flowLogId} belongs to CEN instance ${fl.cenId}, not ${cenId}.`);
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
