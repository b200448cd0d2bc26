/**
 * Reads CEN API response bodies (untyped JSON from pop-core) into our domain types. Lenient where
 * the service is loose (api-current.md §2.2, §7.4): counters may be numbers or numeric strings, a
 * status or type we do not know is kept raw and never fails the list; a body of the wrong shape
 * becomes an 'unexpectedResponse' CloudError naming the field. Every field read can be traced, so
 * the contract test can hold the reads to Alibaba's published response models.
 * pop-core parses with json-bigint, so long numbers may arrive as BigNumber objects.
 */
import { t } from '@vscode/l10n';
import { FLOW_LOG_INTERVALS, flowLogStatusOf, type FlowLogInterval } from '../flowlogs/catalog';
import type {
  AttachmentKind,
  AttachmentPage,
  CenChildInstance,
  CenInstance,
  ChildInstanceRegion,
  FlowLog,
  Page,
  Tag,
  TransitRouter,
  TransitRouterAttachment,
  TransitRouterEdition,
} from './cenApi';
import { CloudError } from './cloudError';

type Json = Record<string, unknown>;

/** Called with each response field read, as `Action:Path.To[].Field`. */
export type FieldTrace = (field: string) => void;

function unexpected(path: string, what: string): CloudError {
  return new CloudError({
    kind: 'unexpectedResponse',
    message: t('The CEN API answered something unexpected: {0} {1}.', path, what),
    nextStep: t('Check the cenFlowLogs.cenEndpoint setting; if it is right, report this.'),
  });
}

/** json-bigint's BigNumber (it has toFixed) as text; any other object is not a scalar. */
function bigNumberText(v: object): string | undefined {
  return typeof (v as { toFixed?: unknown }).toFixed === 'function' ? String(v) : undefined;
}

/** One object of a body, read field by field; `path` is for messages, `model` for the trace. */
class Obj {
  constructor(
    private readonly o: Json,
    readonly path: string,
    private readonly model: string,
    private readonly trace: FieldTrace | undefined,
  ) {}

  static of(v: unknown, path: string, model: string, trace: FieldTrace | undefined): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw unexpected(path, t('is not an object'));
    return new Obj(v as Json, path, model, trace);
  }

  /** `asList`: traced as the model names lists, `Key[]`. */
  private get(key: string, asList = false): unknown {
    this.trace?.(`${this.model}${this.model.endsWith(':') ? '' : '.'}${key}${asList ? '[]' : ''}`);
    return this.o[key];
  }

  private sub(key: string): { path: string; model: string } {
    return { path: `${this.path}.${key}`, model: `${this.model}${this.model.endsWith(':') ? '' : '.'}${key}` };
  }

  /** A nested object; absent means empty (XML-to-JSON style wrappers drop empty lists). */
  obj(key: string): Obj {
    const v = this.get(key);
    const s = this.sub(key);
    return v === undefined || v === null ? new Obj({}, s.path, s.model, this.trace) : Obj.of(v, s.path, s.model, this.trace);
  }

  /** A list of objects; absent means empty. */
  list(key: string): Obj[] {
    const v = this.get(key, true);
    const s = this.sub(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw unexpected(s.path, t('is not a list'));
    return v.map((item, i) => Obj.of(item, `${s.path}[${i}]`, `${s.model}[]`, this.trace));
  }

  text(key: string, fallback?: string): string {
    const v = this.get(key);
    const path = `${this.path}.${key}`;
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      throw unexpected(path, 'is missing');
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const big = typeof v === 'object' ? bigNumberText(v) : undefined;
    if (big !== undefined) return big;
    throw unexpected(path, t('is not text'));
  }

  optionalText(key: string): string | undefined {
    const v = this.text(key, '');
    return v === '' ? undefined : v;
  }

  /** Numbers arrive as numbers, numeric strings (DescribeFlowlogs) or BigNumbers. */
  integer(key: string, fallback?: number): number {
    const v = this.get(key);
    if ((v === undefined || v === null || v === '') && fallback !== undefined) return fallback;
    const n = Number(typeof v === 'object' && v !== null ? (bigNumberText(v) ?? Number.NaN) : v);
    if (!Number.isInteger(n)) throw unexpected(`${this.path}.${key}`, t('is not an integer ({0})', JSON.stringify(v)));
    return n;
  }
}

function body(v: unknown, action: string, trace: FieldTrace | undefined): Obj {
  return Obj.of(v, action, `${action}:`, trace);
}

/** TotalCount is always sent (a body without it is not a listing); the SDKs type it as text or number. */
function paging(b: Obj): Omit<Page<never>, 'items'> {
  return { totalCount: b.integer('TotalCount'), pageNumber: b.integer('PageNumber', 1), pageSize: b.integer('PageSize', 0) };
}

export function requestIdOf(v: unknown): string | undefined {
  const id = typeof v === 'object' && v !== null ? (v as Json).RequestId : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function readCensPage(raw: unknown, trace?: FieldTrace): Page<CenInstance> {
  const b = body(raw, 'DescribeCens', trace);
  const items = b
    .obj('Cens')
    .list('Cen')
    .map(
      (c): CenInstance => ({
        cenId: c.text('CenId'),
        name: c.text('Name', ''),
        description: c.text('Description', ''),
        status: c.text('Status', ''),
        creationTime: c.text('CreationTime', ''),
      }),
    );
  return { items, ...paging(b) };
}

export function readChildInstancesPage(raw: unknown, trace?: FieldTrace): Page<CenChildInstance> {
  const b = body(raw, 'DescribeCenAttachedChildInstances', trace);
  const items = b
    .obj('ChildInstances')
    .list('ChildInstance')
    .map(
      (c): CenChildInstance => ({
        cenId: c.text('CenId'),
        childInstanceId: c.text('ChildInstanceId'),
        childInstanceType: c.text('ChildInstanceType', ''),
        childInstanceRegionId: c.text('ChildInstanceRegionId'),
        childInstanceOwnerId: c.text('ChildInstanceOwnerId', ''),
        status: c.text('Status', ''),
      }),
    );
  return { items, ...paging(b) };
}

function editionOf(type: string): TransitRouterEdition {
  return type === 'Enterprise' || type === 'Basic' ? type : 'Unknown';
}

export function readTransitRoutersPage(raw: unknown, trace?: FieldTrace): Page<TransitRouter> {
  const b = body(raw, 'ListTransitRouters', trace);
  const items = b.list('TransitRouters').map((t): TransitRouter => {
    const rawType = t.text('Type', '');
    return {
      transitRouterId: t.text('TransitRouterId'),
      name: t.text('TransitRouterName', ''),
      description: t.text('TransitRouterDescription', ''),
      cenId: t.text('CenId'),
      regionId: t.text('RegionId'),
      edition: editionOf(rawType),
      rawType,
      status: t.text('Status', ''),
    };
  });
  return { items, ...paging(b) };
}

/** The action of each attachment list and its type-specific resource fields (api-current.md §2.9). */
export const ATTACHMENT_LISTS: Readonly<Record<AttachmentKind, { action: string; resourceId: string; resourceRegionId: string }>> = {
  VPC: { action: 'ListTransitRouterVpcAttachments', resourceId: 'VpcId', resourceRegionId: 'VpcRegionId' },
  VPN: { action: 'ListTransitRouterVpnAttachments', resourceId: 'VpnId', resourceRegionId: 'VpnRegionId' },
  VBR: { action: 'ListTransitRouterVbrAttachments', resourceId: 'VbrId', resourceRegionId: 'VbrRegionId' },
  ECR: { action: 'ListTransitRouterEcrAttachments', resourceId: 'EcrId', resourceRegionId: 'TransitRouterRegionId' },
  TR: { action: 'ListTransitRouterPeerAttachments', resourceId: 'PeerTransitRouterId', resourceRegionId: 'PeerTransitRouterRegionId' },
};

export function readAttachmentsPage(kind: AttachmentKind, raw: unknown, trace?: FieldTrace): AttachmentPage {
  const spec = ATTACHMENT_LISTS[kind];
  const b = body(raw, spec.action, trace);
  const items = b.list('TransitRouterAttachments').map(
    (a): TransitRouterAttachment => ({
      attachmentId: a.text('TransitRouterAttachmentId'),
      name: a.text('TransitRouterAttachmentName', ''),
      description: a.text('TransitRouterAttachmentDescription', ''),
      cenId: a.text('CenId', ''),
      transitRouterId: a.text('TransitRouterId', ''),
      kind,
      resourceType: a.text('ResourceType', kind),
      status: a.text('Status', ''),
      resourceId: a.text(spec.resourceId, ''),
      resourceRegionId: a.text(spec.resourceRegionId, ''),
    }),
  );
  return { items, nextToken: b.optionalText('NextToken') };
}

export function readChildInstanceRegions(raw: unknown, trace?: FieldTrace): ChildInstanceRegion[] {
  return body(raw, 'DescribeChildInstanceRegions', trace)
    .obj('Regions')
    .list('Region')
    .map((r) => ({ regionId: r.text('RegionId'), localName: r.text('LocalName', '') }));
}

function tagsOf(tags: Obj): Tag[] {
  return tags.list('Tag').map((t) => ({ key: t.text('Key'), value: t.text('Value', '') }));
}

export function readFlowLogsPage(raw: unknown, trace?: FieldTrace): Page<FlowLog> {
  const b = body(raw, 'DescribeFlowlogs', trace);
  const items = b
    .obj('FlowLogs')
    .list('FlowLog')
    .map((f): FlowLog => {
      const interval = f.integer('Interval', 600);
      if (!(FLOW_LOG_INTERVALS as readonly number[]).includes(interval)) throw unexpected(`${f.path}.Interval`, t('is {0}, not 60 or 600', interval));
      const rawStatus = f.text('Status', '');
      return {
        flowLogId: f.text('FlowLogId'),
        name: f.text('FlowLogName', ''),
        description: f.text('Description', ''),
        cenId: f.text('CenId'),
        regionId: f.text('RegionId'),
        status: flowLogStatusOf(rawStatus),
        rawStatus,
        creationTime: f.text('CreationTime', ''),
        projectName: f.text('ProjectName', ''),
        logStoreName: f.text('LogStoreName', ''),
        interval: interval as FlowLogInterval,
        logFormatString: f.optionalText('LogFormatString'),
        flowLogVersion: f.optionalText('FlowLogVersion'),
        transitRouterId: f.optionalText('TransitRouterId'),
        transitRouterAttachmentId: f.optionalText('TransitRouterAttachmentId'),
        tags: tagsOf(f.obj('Tags')),
      };
    });
  return { items, ...paging(b) };
}

export function readCreatedFlowLogId(raw: unknown, trace?: FieldTrace): string {
  return body(raw, 'CreateFlowlog', trace).text('FlowLogId');
}
