/**
 * What a workbench panel looks at, built from a flow log or a bare logstore. Fields come from the
 * logstore's index (a custom LogFormatString may choose a subset); without an index, the catalog.
 */
import type { FlowLog } from '../../cloud/cenApi';
import type { IndexField } from '../../cloud/slsApi';
import { DEFAULT_INTERVAL, FLOW_LOG_FIELDS, fieldSpec } from '../../flowlogs/catalog';
import type { FieldInfo, WorkbenchTarget } from '../../protocol/messages';

export interface LogstoreTargetInput {
  readonly regionId: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly flowLogId?: string;
  readonly cenId?: string;
  readonly interval?: number;
  readonly title?: string;
}

export function catalogFields(): FieldInfo[] {
  return FLOW_LOG_FIELDS.map((f) => ({ name: f.name, type: f.type, description: f.description }));
}

/** Index keys in catalog order first (familiar), then any others alphabetically. */
export function fieldsFromIndex(index: Readonly<Record<string, IndexField>>): FieldInfo[] {
  const names = Object.keys(index);
  const known = FLOW_LOG_FIELDS.map((f) => f.name).filter((n) => names.includes(n));
  const others = names.filter((n) => !known.includes(n)).sort();
  return [...known, ...others].map((name) => ({ name, type: index[name].type, description: fieldSpec(name)?.description }));
}

export function flowLogTargetInput(flowLog: FlowLog): LogstoreTargetInput {
  return {
    regionId: flowLog.regionId,
    projectName: flowLog.projectName,
    logStoreName: flowLog.logStoreName,
    flowLogId: flowLog.flowLogId,
    cenId: flowLog.cenId,
    interval: flowLog.interval,
    title: flowLog.name || flowLog.flowLogId,
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
  };
}
