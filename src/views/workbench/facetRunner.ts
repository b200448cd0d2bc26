/**
 * Runs a panel's field facets against Log Service: one SQL aggregation per expanded field (two for
 * a numeric one) over the run's whole range. Each goes through the SLS client, so the client's
 * shared request limit applies; a request for a different query (or range) cancels the older
 * ones, as does a new run. Free of `vscode` so it runs against the emulator in tests.
 */
import type { HostMessage } from '../../protocol/messages';
import { recordsOf } from '../../cloud/slsApi';
import type { TargetQueries } from './targetQuery';
import { facetStatsStatement, facetValuesStatement, readFacetStats, readFacetValues } from '../../query/fieldFacets';
import { isCloudError } from '../../cloud/cloudError';
import { errorText } from '../../errorText';

export interface FacetRunnerDeps {
  /** The panel's target's queries: one logstore's, or a CEN's merged over its flow logs. */
  readonly queries: TargetQueries;
  /** Percentiles are approximate and cannot be merged across a CEN's flow logs: asked only of one logstore. */
  readonly percentiles: boolean;
  /** The target's fields with their index types (numeric ones get min/max/percentiles). */
  readonly fields: () => readonly { readonly name: string; readonly type: string }[];
  readonly post: (message: HostMessage) => Promise<unknown>;
  readonly log?: (line: string) => void;
}

export interface FacetAsk {
  readonly requestId: string;
  readonly field: string;
  readonly query: string;
  readonly from: number;
  readonly to: number;
}

export class FacetRunner {
  private readonly inFlight = new Map<string, { readonly scope: string; readonly controller: AbortController }>();

  constructor(private readonly deps: FacetRunnerDeps) {}

  /** Requests in flight (tests and logs). */
  get pending(): number {
    return this.inFlight.size;
  }

  async run(ask: FacetAsk): Promise<void> {
    const scope = `${ask.from}\u0000${ask.to}\u0000${ask.query}`;
    for (const [id, f] of this.inFlight) if (f.scope !== scope) this.abort(id);
    const controller = new AbortController();
    this.inFlight.set(ask.requestId, { scope, controller });
    const { signal } = controller;
    const fields = this.deps.fields();
    const numeric = fields.some((f) => f.name === ask.field && (f.type === 'long' || f.type === 'double'));
    const withBytes = fields.length === 0 || fields.some((f) => f.name === 'bytes');
    const request = (query: string) => ({ query, from: ask.from, to: ask.to });
    const queries = this.deps.queries;
    try {
      const [values, stats] = await Promise.all([
        queries.query(request(facetValuesStatement(ask.query, ask.field, { withBytes })), { signal }),
        numeric ? queries.query(request(facetStatsStatement(ask.query, ask.field, { percentiles: this.deps.percentiles })), { signal }) : Promise.resolve(undefined),
      ]);
      if (signal.aborted) return;
      await this.deps.post({
        type: 'facetResult',
        requestId: ask.requestId,
        field: ask.field,
        values: readFacetValues(recordsOf(values)),
        ...(stats ? { stats: readFacetStats(recordsOf(stats)) } : {}),
      });
    } catch (e) {
      if (signal.aborted || (isCloudError(e) && e.kind === 'cancelled')) return;
      this.deps.log?.(`facet ${ask.field} failed: ${errorText(e)}`);
      await this.deps.post({ type: 'facetError', requestId: ask.requestId, field: ask.field, message: errorText(e) });
    } finally {
      if (this.inFlight.get(ask.requestId)?.controller === controller) this.inFlight.delete(ask.requestId);
    }
  }

  /** The query changed (a new run, or the page asked): every facet request in flight stops. */
  cancelAll(): void {
    for (const id of [...this.inFlight.keys()]) this.abort(id);
  }

  private abort(id: string): void {
    this.inFlight.get(id)?.controller.abort();
    this.inFlight.delete(id);
  }
}
