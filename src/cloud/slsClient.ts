/**
 * SlsApi over @alicloud/sls20201230 (the generated SDK returns headers, so an Incomplete query is
 * visible). One SDK client per endpoint and credential set; every call goes through the shared
 * retry mechanism and mapSlsError. Queries repeat while the service answers Incomplete; large
 * results stream page by page (raw logs by line/offset, SQL by `LIMIT offset, count`).
 */
import { t } from '@vscode/l10n';
import { Readable } from 'node:stream';
import { flowLogIndexKeys } from '../flowlogs/catalog';
import type { CallOptions } from './cenApi';
import { CloudError } from './cloudError';
import { resolveCredentials } from './credentialCheck';
import type { AccessCredentials, CredentialSource } from './credentialTypes';
import { checkHostEndpoint } from './endpoints';
import { abortableSleep, raceAbort, withRetry, type RetryInfo, type RetryPolicy } from './retry';
import type { RequestLimiter } from './requestLimiter';
import { loadSdk } from './sdkLoader';
import type {
  HistogramBucket,
  IndexField,
  LogstoreRef,
  QueryProgress,
  QueryOptions,
  QueryRequest,
  QueryResult,
  SlsApi,
  SlsProject,
} from './slsApi';
import { mapSlsError } from './slsErrors';
import { planPages } from './queryPaging';
import { histogramSearch, queryShape } from '../query/queryShape';
import { packRows, sliceBatch } from '../results/packedRows';
import { packedQueryResult } from './slsApi';
import { readHistograms, readIndexKeys, readLogStorePage, readLogsV2, readProjectPage } from './slsWire';
import type { PackedLogsV2Answer } from './slsWireBytes';
import { readBody } from './answerBodies';
import { compressionOf, inflateAnswer } from './answerCompression';
import { LogsV2Decoder } from './logsV2Decoding';

export interface SlsCallLogEntry {
  readonly action: string;
  readonly project?: string;
  readonly requestId?: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly code?: string;
  readonly attempt: number;
}

export interface SlsClientOptions {
  /** host[:port] without the project; may contain `{region}`. Default `{region}.log.aliyuncs.com`. */
  readonly endpoint?: string;
  readonly protocol?: 'https' | 'http';
  readonly credentials: CredentialSource;
  readonly retry?: Partial<RetryPolicy>;
  readonly log?: (entry: SlsCallLogEntry) => void;
  readonly onRetry?: (info: RetryInfo & { action: string }) => void;
  /** Per-request timeout (connect and read), ms. */
  readonly timeoutMs?: number;
  /** How often a query is repeated while the service answers Incomplete, and the first delay. */
  readonly incomplete?: { readonly maxPolls?: number; readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /**
   * Shared by everything that queries: each query (through its retries and Incomplete polls,
   * which are sequential), each page of queryPages and each histogram takes a slot. Projects,
   * logstores and index calls never wait for one.
   */
  readonly limiter?: RequestLimiter;
}

export const DEFAULT_SLS_ENDPOINT = '{region}.log.aliyuncs.com';

type Sdk = ReturnType<typeof loadSdk>;
type SdkClient = InstanceType<Sdk['SlsClient']>;

/** One decoder (and its worker threads) for every client: decoding keeps no per-client state. */
const logsV2Decoder = new LogsV2Decoder();

/** Log Service's default delimiters for text keys and for the full-text line. */
const INDEX_KEY_TOKENS = [',', ' ', "'", '"', ';', '=', '(', ')', '[', ']', '{', '}', '?', '@', '&', '<', '>', '/', ':', '\n', '\t', '\r'] as const;
const INDEX_LINE_TOKENS = [',', ' ', ';', '=', '(', ')', '[', ']', '{', '}', '?', '@', '&', '<', '>', '/', ':', '\n', '\t', '\r'] as const;

interface SdkAnswer {
  readonly headers?: { [key: string]: string };
  readonly body?: unknown;
}

export function createSlsClient(options: SlsClientOptions): SlsApi {
  const template = options.endpoint?.trim() || DEFAULT_SLS_ENDPOINT;
  const protocol = options.protocol ?? 'https';
  // Validate once with a sample region so a bad setting fails before any call.
  const check = checkHostEndpoint(template.replace('{region}', 'cn-hangzhou'), protocol, 'cenFlowLogs.slsEndpoint');
  if (!check.ok) throw new CloudError({ kind: 'invalidInput', message: check.message, nextStep: t('Fix the setting and try again.') });
  return new GeneratedSdkSlsClient(template, protocol, options);
}

class GeneratedSdkSlsClient implements SlsApi {
  private cached?: { key: string; regionId: string; client: SdkClient };

  constructor(
    private readonly template: string,
    private readonly protocol: 'https' | 'http',
    private readonly options: SlsClientOptions,
  ) {}

  private sdkClient(regionId: string, creds: AccessCredentials): SdkClient {
    const key = `${regionId}\u0000${creds.accessKeyId}\u0000${creds.accessKeySecret}\u0000${creds.securityToken ?? ''}`;
    if (this.cached?.key !== key) {
      const sdk = loadSdk();
      const config = new sdk.SlsOpenApi.Config({
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.accessKeySecret,
        securityToken: creds.securityToken,
        endpoint: this.template.replace('{region}', regionId),
        protocol: this.protocol,
        regionId,
      });
      const client = new sdk.SlsClient(config);
      client.setGatewayClient(new sdk.SlsGatewayKeepingCompression());
      this.cached = { key, regionId, client };
    }
    return this.cached.client;
  }

  private runtime(): InstanceType<Sdk['SlsRuntimeOptions']> {
    const timeout = this.options.timeoutMs ?? 30_000;
    return new (loadSdk().SlsRuntimeOptions)({ readTimeout: timeout, connectTimeout: Math.min(timeout, 10_000), autoretry: false });
  }

  /** One SDK call with retries, logging and error mapping. */
  private call<T extends SdkAnswer>(
    action: string,
    regionId: string,
    project: string | undefined,
    op: (client: SdkClient, sdk: Sdk) => Promise<T>,
    opts: CallOptions | undefined,
    query?: string,
  ): Promise<T> {
    return withRetry(
      async (attempt) => {
        const started = Date.now();
        try {
          const creds = await resolveCredentials(this.options.credentials);
          const answer = await raceAbort(op(this.sdkClient(regionId, creds), loadSdk()), opts?.signal);
          this.options.log?.({ action, project, requestId: answer.headers?.['x-log-requestid'], durationMs: Date.now() - started, ok: true, attempt });
          return answer;
        } catch (e) {
          const err = mapSlsError(e, query);
          this.options.log?.({ action, project, requestId: err.requestId, durationMs: Date.now() - started, ok: false, code: err.code ?? err.kind, attempt });
          throw err;
        }
      },
      {
        mapError: (e) => mapSlsError(e, query),
        policy: this.options.retry,
        signal: opts?.signal,
        onRetry: (info) => this.options.onRetry?.({ ...info, action }),
      },
    );
  }

  async listProjects(regionId: string, opts?: CallOptions): Promise<readonly SlsProject[]> {
    const out: SlsProject[] = [];
    for (let offset = 0; ; ) {
      const r = await this.call('ListProject', regionId, undefined, (c, sdk) => c.listProjectWithOptions(new sdk.SlsModels.ListProjectRequest({ offset, size: 500 }), {}, this.runtime()), opts);
      const page = readProjectPage(r.body);
      for (const p of page.items) {
        // One endpoint per region in the cloud; an emulator may serve several, so filter by region.
        if (!p.region || p.region === regionId) {
          out.push({ projectName: p.projectName, region: p.region ?? regionId, description: p.description ?? '', createTime: p.createTime });
        }
      }
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) return out;
    }
  }

  async listLogStores(regionId: string, projectName: string, opts?: CallOptions): Promise<readonly string[]> {
    const out: string[] = [];
    for (let offset = 0; ; ) {
      const r = await this.call('ListLogStores', regionId, projectName, (c, sdk) => c.listLogStoresWithOptions(projectName, new sdk.SlsModels.ListLogStoresRequest({ offset, size: 500 }), {}, this.runtime()), opts);
      const page = readLogStorePage(r.body);
      out.push(...page.items);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) return out;
    }
  }

  async getIndex(ref: LogstoreRef, opts?: CallOptions): Promise<Readonly<Record<string, IndexField>> | undefined> {
    try {
      const r = await this.call('GetIndex', ref.regionId, ref.projectName, (c) => c.getIndexWithOptions(ref.projectName, ref.logStoreName, {}, this.runtime()), opts);
      const keys: Record<string, IndexField> = {};
      for (const [name, t] of Object.entries(readIndexKeys(r.body))) {
        keys[name] = { type: t === 'long' || t === 'double' || t === 'json' ? t : 'text' };
      }
      return keys;
    } catch (e) {
      if (e instanceof CloudError && e.code === 'IndexConfigNotExist') return undefined;
      throw e;
    }
  }

  async ensureFlowLogStore(ref: LogstoreRef, opts?: CallOptions & { projectDescription?: string; fields?: readonly string[] }): Promise<void> {
    const { regionId, projectName, logStoreName } = ref;
    const ignoreConflict = async (p: Promise<unknown>): Promise<void> => {
      try {
        await p;
      } catch (e) {
        // Someone else created it between our check and our create: that is what we wanted.
        if (!(e instanceof CloudError && e.kind === 'conflict')) throw e;
      }
    };
    if (!(await this.exists(() => this.call('GetProject', regionId, projectName, (c) => c.getProjectWithOptions(projectName, {}, this.runtime()), opts)))) {
      await ignoreConflict(
        this.call('CreateProject', regionId, projectName, (c, sdk) =>
          c.createProjectWithOptions(new sdk.SlsModels.CreateProjectRequest({ projectName, description: opts?.projectDescription ?? 'CEN flow logs' }), {}, this.runtime()), opts),
      );
    }
    if (!(await this.exists(() => this.call('GetLogStore', regionId, projectName, (c) => c.getLogStoreWithOptions(projectName, logStoreName, {}, this.runtime()), opts)))) {
      await ignoreConflict(
        this.call('CreateLogStore', regionId, projectName, (c, sdk) =>
          c.createLogStoreWithOptions(projectName, new sdk.SlsModels.CreateLogStoreRequest({ logstoreName: logStoreName, ttl: 30, shardCount: 2 }), {}, this.runtime()), opts),
      );
    }
    if ((await this.getIndex(ref, opts)) === undefined) {
      await ignoreConflict(this.writeIndex(ref, flowLogIndexKeys(opts?.fields), false, opts));
    }
  }

  async addIndexKeys(ref: LogstoreRef, keys: Readonly<Record<string, IndexField>>, opts?: CallOptions): Promise<void> {
    const existing = await this.getIndex(ref, opts);
    // UpdateIndex replaces the whole key set: keep what is there, add the missing keys.
    await this.writeIndex(ref, { ...keys, ...(existing ?? {}) }, existing !== undefined, opts);
  }

  /** CreateIndex (or UpdateIndex) with these keys: text keys tokenized as SLS's defaults, all with analytics. */
  private writeIndex(ref: LogstoreRef, keys: Readonly<Record<string, IndexField>>, update: boolean, opts?: CallOptions): Promise<unknown> {
    const { regionId, projectName, logStoreName } = ref;
    return this.call(update ? 'UpdateIndex' : 'CreateIndex', regionId, projectName, (c, sdk) => {
      const indexKeys: Record<string, InstanceType<Sdk['SlsModels']['IndexKey']>> = {};
      for (const [name, k] of Object.entries(keys)) {
        indexKeys[name] = new sdk.SlsModels.IndexKey({ type: k.type, docValue: true, caseSensitive: false, token: k.type === 'text' ? [...INDEX_KEY_TOKENS] : undefined });
      }
      const body = new sdk.SlsModels.Index({ keys: indexKeys, line: new sdk.SlsModels.IndexLine({ token: [...INDEX_LINE_TOKENS], caseSensitive: false }) });
      return update
        ? c.updateIndexWithOptions(projectName, logStoreName, new sdk.SlsModels.UpdateIndexRequest({ body }), {}, this.runtime())
        : c.createIndexWithOptions(projectName, logStoreName, new sdk.SlsModels.CreateIndexRequest({ body }), {}, this.runtime());
    }, opts);
  }

  private async exists(get: () => Promise<unknown>): Promise<boolean> {
    try {
      await get();
      return true;
    } catch (e) {
      if (e instanceof CloudError && e.kind === 'notFound') return false;
      throw e;
    }
  }

  /**
   * One GetLogsV2 call (retried on transient errors), not yet repeated for Incomplete. The SDK's
   * own GetLogsV2 method reads the body as text and JSON; this makes the same call through the
   * SDK's generic `execute` (same parameters, signing, gateway and decompression) with the body
   * as a stream, read into a reused buffer (answerBodies.ts) and from there straight into packed
   * rows by readLogsV2Bytes, on a worker thread for large answers (logsV2Decoding.ts). An answer
   * that reader does not recognise is parsed as JSON (inside the call, so a broken body fails as
   * it did with the SDK's parse) and checked by readLogsV2: a wrong shape is an error, never an
   * empty result.
   */
  private async queryOnce(req: QueryRequest, opts?: CallOptions, onAnswered?: () => void): Promise<QueryResult> {
    const r = await this.call(
      'GetLogsV2',
      req.regionId,
      req.projectName,
      async (c, sdk) => {
        const body: Record<string, unknown> = { from: req.from, to: req.to, query: req.query, reverse: req.reverse ?? false };
        if (req.line !== undefined) body.line = req.line;
        if (req.offset !== undefined) body.offset = req.offset;
        const answer = await c.execute(
          new sdk.SlsOpenApi.Params({
            action: 'GetLogsV2',
            version: '2020-12-30',
            protocol: 'HTTPS',
            pathname: `/logstores/${req.logStoreName}/logs`,
            method: 'POST',
            authType: 'AK',
            style: 'ROA',
            reqBodyType: 'json',
            bodyType: 'binary',
          }),
          new sdk.SlsOpenApi.OpenApiRequest({ hostMap: { project: req.projectName }, headers: {}, body }),
          this.runtime(),
        );
        const stream: unknown = answer.body;
        if (!(stream instanceof Readable)) return { headers: answer.headers as { [key: string]: string } | undefined, read: { json: stream } };
        const pooled = await readBody(stream);
        onAnswered?.();
        try {
          // After reading the body: an answer refused here still leaves the connection reusable.
          const compression = compressionOf(answer.headers as Record<string, unknown> | undefined);
          const bytes = pooled.bytes;
          const read: PackedLogsV2Answer | { json: unknown } = (await logsV2Decoder.decode(bytes, compression)) ?? { json: JSON.parse(inflateAnswer(bytes, compression).toString('utf8')) };
          return { headers: answer.headers as { [key: string]: string } | undefined, read };
        } finally {
          pooled.release();
        }
      },
      opts,
      req.query,
    );
    let answer: PackedLogsV2Answer;
    if ('json' in r.read) {
      const parsed = readLogsV2(r.read.json);
      answer = { ...parsed, packed: packRows(parsed.rows, parsed.columns.length) };
    } else answer = r.read;
    return packedQueryResult({
      packed: answer.packed,
      asciiText: answer.asciiText,
      columns: answer.columns,
      progress: answer.progress,
      count: answer.count ?? answer.packed.rowCount,
      hasSql: answer.hasSql ?? queryShape(req.query).sql !== undefined,
      requestId: r.headers?.['x-log-requestid'],
      elapsedMs: answer.elapsedMs,
      processedRows: answer.processedRows,
    });
  }

  /** Repeats `op` while it answers Incomplete, with growing pauses, bounded and cancellable. */
  private async untilComplete<T extends { progress: QueryProgress }>(
    op: () => Promise<T>,
    opts: (CallOptions & { onIncomplete?: (attempt: number) => void }) | undefined,
  ): Promise<T> {
    const maxPolls = this.options.incomplete?.maxPolls ?? 20;
    let delay = this.options.incomplete?.initialDelayMs ?? 100;
    const maxDelay = this.options.incomplete?.maxDelayMs ?? 2_000;
    for (let attempt = 1; ; attempt++) {
      const result = await op();
      if (result.progress === 'Complete' || attempt >= maxPolls) return result;
      opts?.onIncomplete?.(attempt);
      await abortableSleep(delay, opts?.signal);
      delay = Math.min(maxDelay, delay * 2);
    }
  }

  /** Runs `task` in a slot of the shared limiter, when there is one. */
  private limited<T>(task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const limiter = this.options.limiter;
    return limiter ? limiter.run(task, signal) : task();
  }

  query(req: QueryRequest, opts?: QueryOptions): Promise<QueryResult> {
    return this.limitedQuery(req, opts);
  }

  /**
   * A query in a slot of the limiter. `onAnswered` is told once: when an answer's bytes have
   * arrived, before they are read into rows, or when the query fails or is cancelled (queryPages
   * frees the request's place in its window then).
   */
  private limitedQuery(req: QueryRequest, opts: QueryOptions | undefined, onAnswered?: () => void): Promise<QueryResult> {
    let told = false;
    const tell = (): void => {
      if (told) return;
      told = true;
      onAnswered?.();
    };
    const result = this.limited(() => this.untilComplete(() => this.queryOnce(req, opts, tell), opts), opts?.signal);
    if (onAnswered) result.then(tell, tell);
    return result;
  }

  async *queryPages(
    req: QueryRequest,
    opts?: CallOptions & { pageSize?: number; maxRows?: number; concurrency?: number },
  ): AsyncIterable<QueryResult> {
    const concurrency = Math.max(1, Math.min(8, opts?.concurrency ?? 2));
    const { pageSize, startOffset, maxRows, pageRequest } = planPages(req, opts);
    let delivered = 0;
    let next = startOffset;
    // A sliding window: `concurrency` page requests on the network at all times, also while
    // answers are read and pages wait to be delivered in order; at most 2 × `concurrency` pages
    // are fetched ahead, so memory stays bounded (why: bench/README.md, paged-fetch).
    const inFlight: Promise<QueryResult>[] = [];
    let onNetwork = 0;
    /** A page came back short or failed: the result ends there, ask for no more. */
    let ended = false;
    const fill = (): void => {
      while (!ended && onNetwork < concurrency && inFlight.length < 2 * concurrency) {
        const size = Math.min(pageSize, maxRows - (next - startOffset));
        if (size <= 0) return;
        onNetwork++;
        const page = this.limitedQuery(pageRequest(next, size), opts, () => {
          onNetwork--;
          fill();
        });
        // Awaited in order below; a page past the end of the result is never awaited.
        page.then(
          (p) => (ended ||= p.packed.rowCount < size),
          () => (ended = true),
        );
        inFlight.push(page);
        next += size;
      }
    };
    fill();
    for (let pending = inFlight.shift(); pending; pending = inFlight.shift()) {
      const page = await pending;
      const room = maxRows - delivered;
      const got = page.packed.rowCount;
      const { packed, asciiText } = sliceBatch(page, 0, room);
      delivered += packed.rowCount;
      const last = got < pageSize || delivered >= maxRows;
      if (last) ended = true;
      else fill();
      if (packed.rowCount > 0) {
        const { columns, progress, hasSql, requestId, elapsedMs, processedRows } = page;
        yield packedQueryResult({ packed, asciiText, columns, progress, hasSql, requestId, elapsedMs, processedRows, count: packed.rowCount });
      }
      if (last) return;
    }
  }

  histogram(req: Omit<QueryRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]> {
    return this.limited(() => this.histogramUnlimited(req, opts), opts?.signal);
  }

  private async histogramUnlimited(req: Omit<QueryRequest, 'line' | 'offset' | 'reverse'>, opts?: CallOptions): Promise<readonly HistogramBucket[]> {
    const once = async (): Promise<{ progress: QueryProgress; buckets: HistogramBucket[] }> => {
      const r = await this.call(
        'GetHistograms',
        req.regionId,
        req.projectName,
        (c, sdk) => c.getHistogramsWithOptions(req.projectName, req.logStoreName, new sdk.SlsModels.GetHistogramsRequest({ from: req.from, to: req.to, query: histogramSearch(req.query) }), {}, this.runtime()),
        opts,
        req.query,
      );
      const buckets: HistogramBucket[] = readHistograms(r.body);
      const progress: QueryProgress =
        r.headers?.['x-log-progress'] === 'Incomplete' || buckets.some((b) => b.progress === 'Incomplete') ? 'Incomplete' : 'Complete';
      return { progress, buckets };
    };
    return (await this.untilComplete(once, opts)).buckets;
  }
}
