/**
 * What a workbench panel looks at, built from a flow log or a bare logstore. Its fields are the
 * flow log's schema (src/flowlogs/fieldSchema.ts): what its LogFormatString writes, checked
 * against the logstore's index.
 */
import type { FlowLog, TransitRouterRef } from '../../cloud/cenApi';
import type { IndexField } from '../../cloud/slsApi';
import { DEFAULT_INTERVAL } from '../../flowlogs/catalog';
import { fieldSchema, type FieldSchema, type FlowLogFormat, type IndexState } from '../../flowlogs/fieldSchema';
import type { FieldInfo, WorkbenchTarget } from '../../protocol/messages';

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

export function buildTarget(input: LogstoreTargetInput, fields: readonly FieldInfo[]): WorkbenchTarget {
  return {
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
