/**
 * What a panel's queries run on: one logstore (here), or every flow log of a CEN (cenQueries.ts),
 * chosen by the target's kind. Free of `vscode`.
 */
import type { CallOptions } from '../../cloud/cenApi';
import type { HistogramBucket, LogstoreRef, QueryOptions, QueryResult, SlsApi } from '../../cloud/slsApi';
import type { FlowLogShortfall, WorkbenchTarget } from '../../protocol/messages';
import { loadCenQueriesModule } from './cenQueriesLoader';
import { targetResult, type PagesOptions, type TargetQueries, type TargetRequest, type TargetResult } from './targetQuery';

export type { PagesOptions, TargetQueries, TargetRequest, TargetResult } from './targetQuery';

const NONE: readonly FlowLogShortfall[] = [];

function withRef(result: QueryResult): TargetResult {
  return targetResult(result, NONE);
}

/** One logstore: the SLS client's calls with the logstore filled in. */
export class LogstoreQueries implements TargetQueries {
  constructor(
    private readonly sls: () => Promise<SlsApi>,
    private readonly ref: LogstoreRef,
  ) {}

  async query(req: TargetRequest, opts?: QueryOptions): Promise<TargetResult> {
    return withRef(await (await this.sls()).query({ ...req, ...this.ref }, opts));
  }

  async *queryPages(req: TargetRequest, opts?: PagesOptions): AsyncIterable<TargetResult> {
    for await (const page of (await this.sls()).queryPages({ ...req, ...this.ref }, opts)) yield withRef(page);
  }

  async histogram(req: Omit<TargetRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]> {
    return (await this.sls()).histogram({ ...req, ...this.ref }, opts);
  }
}

/** A query runner's source and window for one logstore (tests and tools that have no target). */
export function logstoreQuerying(sls: () => Promise<SlsApi>, ref: LogstoreRef & { readonly interval: number }): { queries: TargetQueries; interval: number } {
  return { queries: new LogstoreQueries(sls, { regionId: ref.regionId, projectName: ref.projectName, logStoreName: ref.logStoreName }), interval: ref.interval };
}

/** The queries of a target: one per panel (a CEN's keeps the merge of the raw pages shown so far). */
export function targetQueries(sls: () => Promise<SlsApi>, target: WorkbenchTarget): TargetQueries {
  switch (target.kind) {
    case 'logstore':
      return new LogstoreQueries(sls, { regionId: target.regionId, projectName: target.projectName, logStoreName: target.logStoreName });
    case 'cen':
      return new (loadCenQueriesModule().CenQueries)(sls, target.members);
  }
}
