/**
 * Reads CEN API response bodies (untyped JSON from pop-core) into our domain types, checking each
 * field; anything unreadable becomes an 'unexpectedResponse' CloudError naming the field.
 * pop-core parses with json-bigint, so long numbers may arrive as BigNumber objects: numbers are
 * read through their string form.
 */
import {
  CEN_STATUSES,
  FLOW_LOG_INTERVALS,
  FLOW_LOG_STATUSES,
  type CenStatus,
  type FlowLogInterval,
  type FlowLogStatus,
} from '../flowlogs/catalog';
import type { CenChildInstance, CenInstance, ChildInstanceType, FlowLog, Page } from './cenApi';
import { CloudError } from './cloudError';

type Json = Record<string, unknown>;

function unexpected(path: string, what: string): CloudError {
  return new CloudError({
    kind: 'unexpectedResponse',
    message: `The CEN API answered something unexpected: ${path} ${what}.`,
    nextStep: 'Check the cenFlowLogs.cenEndpoint setting; if it is right, report this.',
  });
}

function record(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw unexpected(path, 'is not an object');
  return v as Json;
}

function list(v: unknown, path: string): unknown[] {
  // XML-to-JSON style wrappers drop empty lists entirely.
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw unexpected(path, 'is not a list');
  return v;
}

/** json-bigint's BigNumber (it has toFixed) as text; any other object is not a scalar. */
function bigNumberText(v: object): string | undefined {
  return typeof (v as { toFixed?: unknown }).toFixed === 'function' ? String(v) : undefined;
}

function text(o: Json, key: string, path: string, fallback?: string): string {
  const v = o[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw unexpected(`${path}.${key}`, 'is missing');
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  const big = typeof v === 'object' ? bigNumberText(v) : undefined;
  if (big !== undefined) return big;
  throw unexpected(`${path}.${key}`, 'is not text');
}

function optionalText(o: Json, key: string, path: string): string | undefined {
  const v = text(o, key, path, '');
  return v === '' ? undefined : v;
}

/** Numbers arrive as numbers, numeric strings (DescribeFlowlogs) or BigNumbers. */
function integer(o: Json, key: string, path: string, fallback?: number): number {
  const v = o[key];
  if ((v === undefined || v === null || v === '') && fallback !== undefined) return fallback;
  const n = Number(typeof v === 'object' && v !== null ? (bigNumberText(v) ?? Number.NaN) : v);
  if (!Number.isInteger(n)) throw unexpected(`${path}.${key}`, `is not an integer (${JSON.stringify(v)})`);
  return n;
}

function oneOf<T extends string>(o: Json, key: string, allowed: readonly T[], path: string): T {
  const v = text(o, key, path);
  if (!(allowed as readonly string[]).includes(v)) throw unexpected(`${path}.${key}`, `has an unknown value "${v}"`);
  return v as T;
}

function paging(body: Json, path: string): Omit<Page<never>, 'items'> {
  return {
    totalCount: integer(body, 'TotalCount', path),
    pageNumber: integer(body, 'PageNumber', path, 1),
    pageSize: integer(body, 'PageSize', path, 0),
  };
}

export function requestIdOf(body: unknown): string | undefined {
  const v = typeof body === 'object' && body !== null ? (body as Json).RequestId : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function readCensPage(body: unknown): Page<CenInstance> {
  const b = record(body, 'DescribeCens');
  const items = list(record(b.Cens ?? {}, 'Cens').Cen, 'Cens.Cen').map((raw, i): CenInstance => {
    const path = `Cens.Cen[${i}]`;
    const c = record(raw, path);
    return {
      cenId: text(c, 'CenId', path),
      name: text(c, 'Name', path, ''),
      description: text(c, 'Description', path, ''),
      status: oneOf<CenStatus>(c, 'Status', CEN_STATUSES, path),
      creationTime: text(c, 'CreationTime', path, ''),
    };
  });
  return { items, ...paging(b, 'DescribeCens') };
}

const CHILD_TYPES: readonly ChildInstanceType[] = ['VPC', 'VBR', 'CCN'];
const CHILD_STATUSES = ['Attaching', 'Attached', 'Detaching'] as const;

export function readChildInstancesPage(body: unknown): Page<CenChildInstance> {
  const b = record(body, 'DescribeCenAttachedChildInstances');
  const items = list(record(b.ChildInstances ?? {}, 'ChildInstances').ChildInstance, 'ChildInstances.ChildInstance').map(
    (raw, i): CenChildInstance => {
      const path = `ChildInstances.ChildInstance[${i}]`;
      const c = record(raw, path);
      return {
        cenId: text(c, 'CenId', path),
        childInstanceId: text(c, 'ChildInstanceId', path),
        childInstanceType: oneOf(c, 'ChildInstanceType', CHILD_TYPES, path),
        childInstanceRegionId: text(c, 'ChildInstanceRegionId', path),
        childInstanceOwnerId: text(c, 'ChildInstanceOwnerId', path, ''),
        status: oneOf(c, 'Status', CHILD_STATUSES, path),
      };
    },
  );
  return { items, ...paging(b, 'DescribeCenAttachedChildInstances') };
}

export function readFlowLogsPage(body: unknown): Page<FlowLog> {
  const b = record(body, 'DescribeFlowlogs');
  const items = list(record(b.FlowLogs ?? {}, 'FlowLogs').FlowLog, 'FlowLogs.FlowLog').map((raw, i): FlowLog => {
    const path = `FlowLogs.FlowLog[${i}]`;
    const f = record(raw, path);
    const interval = integer(f, 'Interval', path, 600);
    if (!(FLOW_LOG_INTERVALS as readonly number[]).includes(interval)) throw unexpected(`${path}.Interval`, `is ${interval}, not 60 or 600`);
    return {
      flowLogId: text(f, 'FlowLogId', path),
      name: text(f, 'FlowLogName', path, ''),
      description: text(f, 'Description', path, ''),
      cenId: text(f, 'CenId', path),
      regionId: text(f, 'RegionId', path),
      status: oneOf<FlowLogStatus>(f, 'Status', FLOW_LOG_STATUSES, path),
      creationTime: text(f, 'CreationTime', path, ''),
      projectName: text(f, 'ProjectName', path, ''),
      logStoreName: text(f, 'LogStoreName', path, ''),
      interval: interval as FlowLogInterval,
      logFormatString: optionalText(f, 'LogFormatString', path),
      transitRouterId: optionalText(f, 'TransitRouterId', path),
      transitRouterAttachmentId: optionalText(f, 'TransitRouterAttachmentId', path),
    };
  });
  return { items, ...paging(b, 'DescribeFlowlogs') };
}

export function readCreatedFlowLogId(body: unknown): string {
  return text(record(body, 'CreateFlowlog'), 'FlowLogId', 'CreateFlowlog');
}
