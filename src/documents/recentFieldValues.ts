/**
 * Field-value completion's source: a field's top values over the flow log's last hour (the
 * workbench's default range), asked of Log Service through the shared client (so its request
 * limit applies) and cached per flow log and field. No `vscode` import.
 */
import type { FlowLog } from '../cloud/cenApi';
import { recordsOf, type SlsApi } from '../cloud/slsApi';
import type { DisplayFormat } from '../l10n/displayFormat';
import { DEFAULT_TIME_RANGE } from '../protocol/messages';
import type { SuggestedValue } from '../query/fieldValues';
import { topValuesFromRecords, topValuesQuery } from '../query/topValues';
import { resolveWorkbenchRange } from '../views/workbench/workbenchLanguage';
import { FieldValueCache } from './fieldValueCache';

/** Values stay offered this long: long enough for a session of typing, short enough to follow traffic. */
export const FIELD_VALUES_TTL_MS = 5 * 60_000;
/** A target that failed to answer is not asked again for this long. */
export const FIELD_VALUES_FAILURE_TTL_MS = 30_000;

export interface RecentFieldValuesDeps {
  readonly sls: () => Promise<SlsApi>;
  readonly now?: () => number;
  /** How counts are written (the display language); English when absent. */
  readonly format?: Pick<DisplayFormat, 'count'>;
}

export class RecentFieldValues {
  private readonly cache: FieldValueCache<readonly SuggestedValue[]>;

  constructor(private readonly deps: RecentFieldValuesDeps) {
    this.cache = new FieldValueCache({ ttlMs: FIELD_VALUES_TTL_MS, failureTtlMs: FIELD_VALUES_FAILURE_TTL_MS, ...(deps.now ? { now: deps.now } : {}) });
  }

  /** The field's top values on the flow log of late; `signal` is the completion request's. */
  values(flowLog: FlowLog, field: string, signal?: AbortSignal): Promise<readonly SuggestedValue[]> {
    return this.cache.get(FieldValueCache.key(flowLog.flowLogId, field), (loadSignal) => this.load(flowLog, field, loadSignal), signal);
  }

  clear(): void {
    this.cache.clear();
  }

  private async load(flowLog: FlowLog, field: string, signal: AbortSignal): Promise<readonly SuggestedValue[]> {
    // A flow log delivering elsewhere (no logstore) has no values to read.
    if (!flowLog.projectName || !flowLog.logStoreName) return [];
    const range = resolveWorkbenchRange(DEFAULT_TIME_RANGE, flowLog.interval, new Date((this.deps.now ?? Date.now)()));
    const sls = await this.deps.sls();
    const result = await sls.query(
      { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, from: range.from, to: range.to, query: topValuesQuery(field) },
      { signal },
    );
    return topValuesFromRecords(recordsOf(result), this.deps.format);
  }
}
