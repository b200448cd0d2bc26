/**
 * Runs the workbench's queries against Log Service for one panel and reports through the typed
 * protocol: queryStarted → queryProgress* → resultPage* → queryDone | queryError | queryCancelled,
 * plus a histogram. One query at a time per panel; a new run cancels the previous one.
 *
 * Raw logs page in by line/offset (100 per request, the service's maximum) as the webview asks
 * (`loadMore`); SQL returns what the statement returns (100 rows unless LIMIT) and pages on by
 * LIMIT when asked for more. Free of `vscode` so it runs against the emulator in tests.
 */
import type { CountingNote, FlowLogShortfall, HistogramBucketInfo, HostMessage, QueryErrorInfo, ResolvedRange, TimeRangeSpec } from '../../protocol/messages';
import type { TargetQueries, TargetRequest, TargetResult } from './targetQuery';
import { sliceBatch, type PackedBatch } from '../../results/packedRows';
import { isCloudError } from '../../cloud/cloudError';
import { histogramSearch, queryShape } from '../../query/queryShape';
import { ResultPager } from './resultPages';
import { errorText } from '../../errorText';

/** Raw logs per request: the service refuses line > 100. */
export const RAW_LINE = 100;
/** Rows one "load more" adds (the grid asks again as the user scrolls). */
export const LOAD_MORE_ROWS = 2_000;
/** Upper bound of any result held by the workbench: SLS's own LIMIT ceiling. */
export const MAX_RESULT_ROWS = 1_000_000;
/** SQL rows per LIMIT page when streaming more SQL rows (LIMIT y, x takes x ≤ 10,000). */
export const SQL_PAGE_ROWS = 10_000;
/** Rows SLS returns for SQL without LIMIT. */
const SQL_DEFAULT_ROWS = 100;

export type RangeResolver = (spec: TimeRangeSpec, intervalSeconds: number, now: Date) => ResolvedRange;
export type ServerErrorLocator = (query: string, message: string) => { from: number; to: number } | undefined;

export interface QueryRunnerDeps {
  /** Where the panel's queries run: one logstore or a CEN's flow logs (targetQueries.ts). */
  readonly queries: TargetQueries;
  /** The target's capture window in seconds: ranges snap to it. */
  readonly interval: number;
  /** Awaited for each message so a slow webview slows the producer instead of queueing pages. */
  readonly post: (message: HostMessage) => Promise<unknown>;
  readonly resolveRange: RangeResolver;
  readonly locateServerError?: ServerErrorLocator;
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
}

interface ActiveQuery {
  readonly requestId: string;
  readonly query: string;
  readonly range: ResolvedRange;
  /** The operation in flight (the first fetch or a load-more); cancel aborts only it, the rows stay. */
  operation: AbortController;
  readonly pager: ResultPager;
  readonly startedAt: number;
  hasSql: boolean;
  /** SQL without LIMIT stops at 100 rows; more can be fetched by LIMIT pages. */
  sqlHasLimit: boolean;
  more: boolean;
  progress: 'Complete' | 'Incomplete';
  slsRequestId?: string;
  /** Flow logs of a CEN that failed or stayed Incomplete, by flow log. */
  readonly shortfalls: Map<string, FlowLogShortfall>;
  counting?: CountingNote;
  busy: boolean;
}

/** Length of the word starting at `offset` (at least 1), so a bare position marks the whole name. */
export function wordLengthAt(text: string, offset: number): number {
  const m = /^[\w$]+/.exec(text.slice(offset, offset + 200));
  return m ? m[0].length : 1;
}

export class QueryRunner {
  private active: ActiveQuery | undefined;

  constructor(private readonly deps: QueryRunnerDeps) {}

  /** The request id of the result the panel currently shows, if any. */
  get currentRequestId(): string | undefined {
    return this.active?.requestId;
  }

  async run(requestId: string, query: string, spec: TimeRangeSpec): Promise<void> {
    this.cancelActive();
    let range: ResolvedRange;
    try {
      range = this.deps.resolveRange(spec, this.deps.interval, (this.deps.now ?? (() => new Date()))());
    } catch (e) {
      await this.deps.post({ type: 'queryError', requestId, error: { message: errorText(e) } });
      return;
    }
    const shape = queryShape(query);
    const active: ActiveQuery = {
      requestId,
      query,
      range,
      operation: new AbortController(),
      pager: new ResultPager(),
      startedAt: Date.now(),
      hasSql: shape.sql !== undefined,
      sqlHasLimit: shape.sql?.hasLimit ?? false,
      more: false,
      progress: 'Complete',
      shortfalls: new Map(),
      busy: true,
    };
    this.active = active;
    await this.deps.post({ type: 'queryStarted', requestId, range });
    const { signal: runSignal } = active.operation;
    await this.guard(active, async (queries, signal) => {
      let attempts = 0;
      const first = await queries.query(this.request(active, 0), {
        signal,
        onIncomplete: (attempt) => {
          attempts = attempt;
          void this.deps.post({ type: 'queryProgress', requestId, incompleteAttempts: attempts, rowsSoFar: 0 });
        },
      });
      active.hasSql = first.hasSql;
      this.noteResult(active, first);
      const firstRows = first.packed.rowCount;
      active.more = first.exhaustive ? false : first.hasSql ? !active.sqlHasLimit && firstRows >= SQL_DEFAULT_ROWS : firstRows >= RAW_LINE;
      await this.deliver(active, signal, first, true);
    });
    // After the rows, never before: its requests (one per flow log of a CEN) would take the shared limiter's slots first.
    if (!runSignal.aborted) await this.histogram(active, runSignal);
  }

  /** `query` over `spec` is in the editor: an analytic statement's target fetches ahead what its Run will need. */
  async prepare(query: string, spec: TimeRangeSpec): Promise<void> {
    if (!this.deps.queries.prepare || queryShape(query).sql === undefined) return;
    let range: ResolvedRange;
    try {
      range = this.deps.resolveRange(spec, this.deps.interval, (this.deps.now ?? (() => new Date()))());
    } catch {
      return; // A range that does not resolve: its Run says why.
    }
    await this.deps.queries.prepare({ from: range.from, to: range.to });
  }

  /** More rows of the current result: the next LOAD_MORE_ROWS, or everything (up to the cap). */
  async loadMore(requestId: string, all: boolean): Promise<void> {
    const active = this.active;
    if (!active || active.requestId !== requestId || active.busy || !active.more) {
      this.deps.log?.(`loadMore ignored for ${requestId} (not current, busy or nothing more)`);
      return;
    }
    active.busy = true;
    active.operation = new AbortController();
    await this.guard(active, async (queries, signal) => {
      const already = active.pager.rowCount;
      const wanted = all ? MAX_RESULT_ROWS - already : Math.min(LOAD_MORE_ROWS, MAX_RESULT_ROWS - already);
      if (active.hasSql) await this.moreSql(active, queries, signal, already, wanted);
      else await this.moreRaw(active, queries, signal, already, wanted);
    });
  }

  cancel(requestId: string): void {
    if (this.active?.requestId === requestId) this.active.operation.abort();
  }

  dispose(): void {
    this.cancelActive();
  }

  private cancelActive(): void {
    this.active?.operation.abort();
    this.active = undefined;
  }

  private request(active: ActiveQuery, offset: number): TargetRequest {
    return {
      query: active.query,
      from: active.range.from,
      to: active.range.to,
      line: RAW_LINE,
      offset,
      // Newest first, as users read logs.
      reverse: true,
    };
  }

  private async moreRaw(active: ActiveQuery, queries: TargetQueries, signal: AbortSignal, offset: number, wanted: number): Promise<void> {
    let fetched = 0;
    let lastPageFull = false;
    for await (const page of queries.queryPages(this.request(active, offset), { signal, pageSize: RAW_LINE, maxRows: wanted, concurrency: 4 })) {
      fetched += page.packed.rowCount;
      lastPageFull = page.packed.rowCount >= RAW_LINE;
      this.noteResult(active, page);
      await this.deliver(active, signal, page, false);
      await this.deps.post({ type: 'queryProgress', requestId: active.requestId, incompleteAttempts: 0, rowsSoFar: active.pager.rowCount });
    }
    if (signal.aborted) return;
    active.more = lastPageFull && fetched >= wanted && active.pager.rowCount < MAX_RESULT_ROWS;
    await this.finish(active, signal);
  }

  /**
   * SQL pages restart the statement with LIMIT offset, n; rows already shown are skipped so the
   * grid only receives new ones.
   */
  private async moreSql(active: ActiveQuery, queries: TargetQueries, signal: AbortSignal, already: number, wanted: number): Promise<void> {
    const req: TargetRequest = { query: active.query, from: active.range.from, to: active.range.to };
    let seen = 0;
    const limit = already + wanted;
    for await (const page of queries.queryPages(req, { signal, pageSize: SQL_PAGE_ROWS, maxRows: limit, concurrency: 2 })) {
      const fresh = sliceBatch(page, Math.max(0, already - seen), page.packed.rowCount);
      seen += page.packed.rowCount;
      this.noteResult(active, page);
      if (fresh.packed.rowCount > 0) await this.deliver(active, signal, { columns: page.columns, ...fresh }, false);
      await this.deps.post({ type: 'queryProgress', requestId: active.requestId, incompleteAttempts: 0, rowsSoFar: active.pager.rowCount });
    }
    if (signal.aborted) return;
    active.more = seen >= limit && limit < MAX_RESULT_ROWS;
    await this.finish(active, signal);
  }

  private noteResult(active: ActiveQuery, r: TargetResult): void {
    if (r.progress === 'Incomplete') active.progress = 'Incomplete';
    for (const s of r.shortfalls) active.shortfalls.set(`${s.kind}:${s.flowLog}`, s);
    active.counting = r.counting ?? active.counting;
    active.slsRequestId = r.requestId ?? active.slsRequestId;
  }

  /** Sends rows as bounded pages; `finishAfter` ends the batch with queryDone. */
  private async deliver(
    active: ActiveQuery,
    signal: AbortSignal,
    { columns, packed, asciiText }: PackedBatch & { readonly columns: readonly string[] },
    finishAfter: boolean,
  ): Promise<void> {
    const pages = packed.rowCount === 0 && active.pager.rowCount === 0 ? [active.pager.emptyPage(columns)] : active.pager.pages(columns, packed, asciiText);
    for (let i = 0; i < pages.length; i++) {
      if (signal.aborted) return;
      const p = pages[i];
      await this.deps.post({ type: 'resultPage', requestId: active.requestId, ...p, last: finishAfter && i === pages.length - 1 });
    }
    if (finishAfter) await this.finish(active, signal);
  }

  private async finish(active: ActiveQuery, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    await this.deps.post({
      type: 'queryDone',
      requestId: active.requestId,
      status: {
        rowCount: active.pager.rowCount,
        elapsedMs: Date.now() - active.startedAt,
        progress: active.progress,
        slsRequestId: active.slsRequestId,
        hasSql: active.hasSql,
        more: active.more,
        ...(active.shortfalls.size > 0 ? { shortfalls: [...active.shortfalls.values()] } : {}),
        ...(active.counting ? { counting: active.counting } : {}),
      },
    });
  }

  /** Runs one step of a query, turning cancellation and failures into protocol messages. */
  private async guard(active: ActiveQuery, step: (queries: TargetQueries, signal: AbortSignal) => Promise<void>): Promise<void> {
    const { signal } = active.operation;
    try {
      await step(this.deps.queries, signal);
      // Aborted between two awaited steps: nothing threw, but the webview must still hear it.
      if (signal.aborted) await this.deps.post({ type: 'queryCancelled', requestId: active.requestId });
    } catch (e) {
      if (signal.aborted || (isCloudError(e) && e.kind === 'cancelled')) {
        await this.deps.post({ type: 'queryCancelled', requestId: active.requestId });
      } else {
        this.deps.log?.(`query ${active.requestId} failed: ${errorText(e)}`);
        await this.deps.post({ type: 'queryError', requestId: active.requestId, error: this.errorInfo(active.query, e) });
      }
    } finally {
      active.busy = false;
    }
  }

  private errorInfo(query: string, e: unknown): QueryErrorInfo {
    if (isCloudError(e)) {
      const position = e.position
        ? { from: e.position.offset, to: e.position.offset + (e.position.length ?? wordLengthAt(query, e.position.offset)) }
        : e.kind === 'invalidInput'
          ? this.deps.locateServerError?.(query, e.message)
          : undefined;
      return { message: e.message, nextStep: e.nextStep, code: e.code, slsRequestId: e.requestId, position };
    }
    return { message: errorText(e) };
  }

  private async histogram(active: ActiveQuery, signal: AbortSignal): Promise<void> {
    // GetHistograms takes the search statement only; counts are of matching records.
    const search = histogramSearch(active.query);
    try {
      const buckets = await this.deps.queries.histogram(
        { query: search, from: active.range.from, to: active.range.to },
        { signal },
      );
      if (signal.aborted) return;
      const info: HistogramBucketInfo[] = buckets.map((b) => ({ from: b.from, to: b.to, count: b.count }));
      await this.deps.post({ type: 'histogram', requestId: active.requestId, buckets: info });
    } catch (e) {
      // The histogram is decoration: a failure must not hide the rows.
      if (!signal.aborted) this.deps.log?.(`histogram for ${active.requestId} failed: ${errorText(e)}`);
    }
  }
}
