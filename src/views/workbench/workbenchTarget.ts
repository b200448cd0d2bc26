/**
 * What a workbench panel looks at, built from a flow log, a bare logstore or a CEN's flow logs.
 * Its fields are the flow log's schema (src/flowlogs/fieldSchema.ts): what its LogFormatString
 * writes, checked against the logstore's index; a CEN's are the fields all its flow logs have.
 */
import type { FlowLog, TransitRouterRef } from '../../cloud/cenApi';
import type { IndexField } from '../../cloud/slsApi';
import { DEFAULT_INTERVAL } from '../../flowlogs/catalog';
import { fieldSchema, type FieldSchema, type FlowLogFormat, type IndexState } from '../../flowlogs/fieldSchema';
import type { CenMember, CenTarget, FieldInfo, LogstoreTarget } from '../../protocol/messages';

export interface LogstoreTargetInput {
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly flowLogId?: string;
  readonly cenId?: string;
  readonly interval?: number;
  readonly title?: string;
  /** The flow log's format; absent for a bare logstore. */
  readonly format?: FlowLogFormat;
  /** attachment-id → a readable name ("VPC vpc-… (cn-shanghai)"), where known. */
  readonly attachmentNames?: Readonly<Record<string, string>>;
  /** The flow log's transit router: the panel names its attachments (a router-level flow log sees them all). */
  readonly transitRouter?: TransitRouterRef;
}

/** The input with every attachment of its transit router named (the caller's names win); unchanged without a router. */
export async function withRouterAttachmentNames(
  input: LogstoreTargetInput,
  namesOf: (router: TransitRouterRef) => Promise<Readonly<Record<string, string>>>,
): Promise<LogstoreTargetInput> {
  if (!input.transitRouter) return input;
  const names = await namesOf(input.transitRouter);
  return Object.keys(names).length === 0 ? input : { ...input, attachmentNames: { ...names, ...input.attachmentNames } };
}

/** The schema's fields as the protocol carries them. */
export function schemaFields(schema: FieldSchema): FieldInfo[] {
  return schema.fields.map((f) => ({ name: f.name, type: f.type, description: f.description }));
}

/** The schema of a target from what GetIndex answered (undefined = IndexConfigNotExist). */
export function targetSchema(input: Pick<LogstoreTargetInput, 'format'>, index: Readonly<Record<string, IndexField>> | undefined | 'unknown'): FieldSchema {
  const state: IndexState = index === 'unknown' ? { kind: 'unknown' } : index === undefined ? { kind: 'missing' } : { kind: 'present', keys: index };
  return fieldSchema(input.format, state);
}

/**
 * A flow log without a transit router is of the 2019 per-CEN form (api-current.md §1.5); the
 * attachment's name comes from the caller, who may know it (the explorer's attachment lists).
 */
export function flowLogTargetInput(flowLog: FlowLog, attachmentName?: string): LogstoreTargetInput {
  const attachment = flowLog.transitRouterAttachmentId;
  return {
    regionId: flowLog.regionId,
    projectName: flowLog.projectName,
    logStoreName: flowLog.logStoreName,
    flowLogId: flowLog.flowLogId,
    cenId: flowLog.cenId,
    interval: flowLog.interval,
    title: flowLog.name || flowLog.flowLogId,
    format: { logFormatString: flowLog.logFormatString ?? '', olderForm: !flowLog.transitRouterId },
    attachmentNames: attachment && attachmentName ? { [attachment]: attachmentName } : undefined,
    transitRouter: flowLog.transitRouterId ? { cenId: flowLog.cenId, regionId: flowLog.regionId, transitRouterId: flowLog.transitRouterId } : undefined,
  };
}

export function buildTarget(input: LogstoreTargetInput, fields: readonly FieldInfo[]): LogstoreTarget {
  return {
    kind: 'logstore',
    title: input.title ?? `${input.projectName}/${input.logStoreName}`,
    regionId: input.regionId,
    projectName: input.projectName,
    logStoreName: input.logStoreName,
    flowLogId: input.flowLogId,
    cenId: input.cenId,
    interval: input.interval ?? DEFAULT_INTERVAL,
    fields,
    ...(input.attachmentNames ? { attachmentNames: input.attachmentNames } : {}),
  };
}

/** A CEN's flow log as a member of its panel's target. */
export function cenMember(flowLog: FlowLog): CenMember {
  return {
    flowLogId: flowLog.flowLogId,
    title: flowLog.name || flowLog.flowLogId,
    regionId: flowLog.regionId,
    projectName: flowLog.projectName,
    logStoreName: flowLog.logStoreName,
    interval: flowLog.interval,
    ...(flowLog.logFormatString ? { logFormatString: flowLog.logFormatString } : {}),
    ...(flowLog.transitRouterId ? { transitRouterId: flowLog.transitRouterId } : { olderForm: true }),
    ...(flowLog.transitRouterAttachmentId ? { transitRouterAttachmentId: flowLog.transitRouterAttachmentId } : {}),
  };
}

/** One member's own panel (a statement that cannot be merged runs there). */
export function memberTargetInput(cenId: string, m: CenMember): LogstoreTargetInput {
  return {
    regionId: m.regionId,
    projectName: m.projectName,
    logStoreName: m.logStoreName,
    flowLogId: m.flowLogId,
    cenId,
    interval: m.interval,
    title: m.title,
    format: { logFormatString: m.logFormatString ?? '', olderForm: m.olderForm === true },
  };
}

/**
 * The merged schema is the fields every flow log has (a 2019-form flow log lacks today's router
 * fields): a query naming a field one logstore's index lacks fails on that logstore, so the editor
 * flags it before running instead. Search rows still show every field each record carries.
 */
export function commonFields(schemas: readonly (readonly FieldInfo[])[]): FieldInfo[] {
  const [first, ...rest] = schemas;
  if (!first) return [];
  const others = rest.map((fields) => new Set(fields.map((f) => f.name)));
  return first.filter((f) => others.every((names) => names.has(f.name)));
}

/** Every flow log of a CEN; ranges snap to the coarsest capture window among them. */
export function buildCenTarget(cenId: string, title: string, members: readonly CenMember[], fields: readonly FieldInfo[]): CenTarget {
  const interval = members.reduce((coarsest, m) => Math.max(coarsest, m.interval), 0) || DEFAULT_INTERVAL;
  return { kind: 'cen', cenId, title, members, interval, fields };
}
