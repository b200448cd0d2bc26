/**
 * Compare sources over one logstore: a flow log from the explorer, or a workbench panel's target.
 * Each aggregation is one SlsApi.query, so it takes a slot of the shared request limiter and
 * honours cancel. A CEN panel's target compares through its own merged queries (targetCompareSource).
 */
import type { FlowLog } from '../../cloud/cenApi';
import type { LogstoreRef, SlsApi } from '../../cloud/slsApi';
import { writtenFields } from '../../flowlogs/fieldSchema';
import type { FlowLogInterval } from '../../flowlogs/catalog';
import type { CompareSource } from '../../query/compareRun';
import type { TargetQueries } from '../workbench/targetQuery';

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

/**
 * A workbench target compared through its panel's queries: for a CEN, each aggregation runs on
 * every flow log and is merged exactly (its statements are sums and counts grouped by a key).
 * A flow log that failed is named with those that answered Incomplete: its traffic is missing.
 */
export function targetCompareSource(queries: TargetQueries, target: { readonly title: string; readonly interval: FlowLogInterval; readonly fields: readonly string[] }): CompareSource {
  return {
    title: target.title,
    interval: target.interval,
    fields: target.fields,
    aggregate: async (sql, range, signal) => {
      const r = await queries.query({ query: sql, from: range.from, to: range.to }, { signal });
      const missing = r.shortfalls.map((s) => s.flowLog);
      return { columns: r.columns, rows: r.rows, incomplete: r.progress === 'Incomplete' && missing.length === 0 ? [target.title] : missing, ...(r.counting ? { counting: r.counting.text } : {}) };
    },
  };
}
