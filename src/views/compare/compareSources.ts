/**
 * Compare sources over one logstore: a flow log from the explorer, or a workbench panel's target.
 * Each aggregation is one SlsApi.query, so it takes a slot of the shared request limiter and
 * honours cancel. (A CEN's merging engine implements the same CompareSource.)
 */
import type { FlowLog } from '../../cloud/cenApi';
import type { LogstoreRef, SlsApi } from '../../cloud/slsApi';
import { writtenFields } from '../../flowlogs/fieldSchema';
import type { FlowLogInterval } from '../../flowlogs/catalog';
import type { CompareSource } from '../../query/compareRun';

export interface LogstoreCompareTarget extends LogstoreRef {
  readonly title: string;
  readonly interval: FlowLogInterval;
  readonly fields: readonly string[];
}

export function logstoreCompareSource(sls: () => Promise<SlsApi>, target: LogstoreCompareTarget): CompareSource & { readonly target: LogstoreCompareTarget } {
  const { regionId, projectName, logStoreName } = target;
  return {
    target,
    title: target.title,
    interval: target.interval,
    fields: target.fields,
    aggregate: async (sql, range, signal) => {
      const api = await sls();
      const r = await api.query({ regionId, projectName, logStoreName, from: range.from, to: range.to, query: sql }, { signal });
      return { columns: r.columns, rows: r.rows, incomplete: r.progress === 'Incomplete' ? [target.title] : [] };
    },
  };
}

/** A flow log's compare target: the fields its LogFormatString writes. */
export function flowLogCompareTarget(flowLog: FlowLog): LogstoreCompareTarget {
  return {
    title: flowLog.name || flowLog.flowLogId,
    regionId: flowLog.regionId,
    projectName: flowLog.projectName,
    logStoreName: flowLog.logStoreName,
    interval: flowLog.interval,
    fields: writtenFields({ logFormatString: flowLog.logFormatString ?? '', olderForm: !flowLog.transitRouterId }),
  };
}
