/**
 * An SlsApi whose query-path calls (GetLogsV2 queries and their pages, GetHistograms) each take a
 * slot of a shared RequestLimiter; the other calls (projects, logstores, index) pass straight
 * through. A query holds its slot through its retries and Incomplete polls, which are sequential,
 * so each slot is at most one request in flight at the service.
 */
import type { CallOptions } from './cenApi';
import type { RequestLimiter } from './requestLimiter';
import type { HistogramBucket, QueryOptions, QueryRequest, QueryResult, SlsApi } from './slsApi';

type PageOptions = Parameters<SlsApi['queryPages']>[1];
type HistogramRequest = Parameters<SlsApi['histogram']>[0];

export function limitSlsQueries(inner: SlsApi, limiter: RequestLimiter): SlsApi {
  const query = (req: QueryRequest, opts?: QueryOptions): Promise<QueryResult> => limiter.run(() => inner.query(req, opts), opts?.signal);
  // The client fetches each page with its own `this.query`, several at a time. Paging through a
  // delegate whose `query` is the limited one makes every page take a slot while keeping the
  // client's single paging implementation and its page parallelism (a contract test pins this).
  const pager: SlsApi = Object.create(inner, { query: { value: query } }) as SlsApi;
  return {
    listProjects: (regionId: string, opts?: CallOptions) => inner.listProjects(regionId, opts),
    listLogStores: (regionId: string, projectName: string, opts?: CallOptions) => inner.listLogStores(regionId, projectName, opts),
    getIndex: (ref, opts) => inner.getIndex(ref, opts),
    ensureFlowLogStore: (ref, opts) => inner.ensureFlowLogStore(ref, opts),
    addIndexKeys: (ref, keys, opts) => inner.addIndexKeys(ref, keys, opts),
    query,
    queryPages: (req: QueryRequest, opts?: PageOptions): AsyncIterable<QueryResult> => pager.queryPages(req, opts),
    histogram: (req: HistogramRequest, opts?: CallOptions): Promise<readonly HistogramBucket[]> => limiter.run(() => inner.histogram(req, opts), opts?.signal),
  };
}
