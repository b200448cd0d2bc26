/**
 * CenApi over @alicloud/pop-core (RPC, POST). Every call goes through withRetry with mapCenError,
 * is logged once per attempt through the `log` callback (action, region, request id, duration,
 * outcome — never credentials), and can be cancelled with an AbortSignal.
 */
import { t } from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { isTransitional, type FlowLogStatus } from '../flowlogs/catalog';
import type {
  AttachmentKind,
  AttachmentPage,
  CallOptions,
  CenApi,
  CenChildInstance,
  CenInstance,
  ChildInstanceRegion,
  CreateFlowLogInput,
  FlowLog,
  FlowLogFilter,
  FlowLogRef,
  ModifyFlowLogInput,
  Page,
  TransitRouter,
  TransitRouterAttachment,
  TransitRouterRef,
} from './cenApi';
import { mapCenError } from './cenErrors';
import {
  ATTACHMENT_LISTS,
  readAttachmentsPage,
  readCensPage,
  readChildInstanceRegions,
  readChildInstancesPage,
  readCreatedFlowLogId,
  readFlowLogsPage,
  readTransitRoutersPage,
  requestIdOf,
  type FieldTrace,
} from './cenWire';
import { CloudError } from './cloudError';
import { resolveCredentials } from './credentialCheck';
import type { AccessCredentials, CredentialSource } from './credentialTypes';
import { checkUrlEndpoint } from './endpoints';
import { abortableSleep, raceAbort, withRetry, type RetryInfo, type RetryPolicy } from './retry';
import { loadSdk } from './sdkLoader';

export const CEN_API_VERSION = '2017-09-12';
export const DEFAULT_CEN_ENDPOINT = 'https://cbn.aliyuncs.com';

export interface CenCallLogEntry {
  readonly action: string;
  readonly regionId?: string;
  readonly requestId?: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly code?: string;
  readonly attempt: number;
}

export interface CenClientOptions {
  readonly endpoint: string;
  readonly credentials: CredentialSource;
  readonly retry?: Partial<RetryPolicy>;
  readonly log?: (entry: CenCallLogEntry) => void;
  readonly onRetry?: (info: RetryInfo & { action: string }) => void;
  /** Per-request timeout (connect and read), ms. */
  readonly timeoutMs?: number;
  /** waitForStable polling: first delay and cap, ms. */
  readonly poll?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Sees every response field the client reads (the metadata contract test). */
  readonly traceFields?: FieldTrace;
  /** Sees every request just before it is sent (the metadata contract test). */
  readonly traceRequests?: (action: string, params: Readonly<Record<string, string | number>>) => void;
}

type Params = Record<string, string | number>;

/** The slice of pop-core's RPCClient we use; its d.ts omits credentialsProvider, which the runtime supports. */
interface RpcClient {
  request(action: string, params: Params, opts: { method: 'POST'; timeout: number; formatParams: false }): Promise<unknown>;
}
type RpcClientConstructor = new (config: {
  endpoint: string;
  apiVersion: string;
  credentialsProvider: { getCredentials(): Promise<AccessCredentials> };
}) => RpcClient;

const LIST_PAGE_SIZE = 50;
/** ListTransitRouter*Attachments: MaxResults documented up to 100 (Peer); 50 keeps every list in range. */
const ATTACHMENT_PAGE_SIZE = 50;

/** What Terraform's delete treats as "already gone" (api-current.md §2.3). */
const ALREADY_GONE_ON_DELETE = new Set(['InvalidFlowlogId.NotFound', 'SourceProjectNotExist', 'ProjectOrLogstoreNotExist']);

export function createCenClient(options: CenClientOptions): CenApi {
  const endpoint = checkUrlEndpoint(options.endpoint, 'cenFlowLogs.cenEndpoint');
  if (!endpoint.ok) throw new CloudError({ kind: 'invalidInput', message: endpoint.message, nextStep: t('Fix the setting and try again.') });
  return new PopCoreCenClient(endpoint.value, options);
}

class PopCoreCenClient implements CenApi {
  private rpc?: RpcClient;

  constructor(
    private readonly endpoint: string,
    private readonly options: CenClientOptions,
  ) {}

  private client(): RpcClient {
    if (!this.rpc) {
      const Ctor = loadSdk().PopCore as unknown as RpcClientConstructor;
      // Credentials are resolved on every request so rotating STS tokens are picked up.
      this.rpc = new Ctor({
        endpoint: this.endpoint,
        apiVersion: CEN_API_VERSION,
        credentialsProvider: { getCredentials: () => resolveCredentials(this.options.credentials) },
      });
    }
    return this.rpc;
  }

  /** One API call with retries; params are sent exactly as given (no key re-casing). */
  private call(action: string, params: Params, opts: CallOptions | undefined): Promise<unknown> {
    const regionId = typeof params.RegionId === 'string' ? params.RegionId : undefined;
    this.options.traceRequests?.(action, params);
    return withRetry(
      async (attempt) => {
        const started = Date.now();
        try {
          const request = this.client().request(action, params, { method: 'POST', timeout: this.options.timeoutMs ?? 10_000, formatParams: false });
          const body = await raceAbort(request, opts?.signal);
          this.options.log?.({ action, regionId, requestId: requestIdOf(body), durationMs: Date.now() - started, ok: true, attempt });
          return body;
        } catch (e) {
          const err = mapCenError(e, action);
          this.options.log?.({ action, regionId, requestId: err.requestId, durationMs: Date.now() - started, ok: false, code: err.code ?? err.kind, attempt });
          throw err;
        }
      },
      {
        mapError: (e) => mapCenError(e, action),
        policy: this.options.retry,
        signal: opts?.signal,
        onRetry: (info) => this.options.onRetry?.({ ...info, action }),
      },
    );
  }

  async listCensPage(pageNumber: number, pageSize = 10, opts?: CallOptions): Promise<Page<CenInstance>> {
    return readCensPage(await this.call('DescribeCens', { PageNumber: pageNumber, PageSize: pageSize }, opts), this.options.traceFields);
  }

  async *listCens(opts?: CallOptions): AsyncIterable<readonly CenInstance[]> {
    let seen = 0;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.listCensPage(pageNumber, LIST_PAGE_SIZE, opts);
      seen += page.items.length;
      if (page.items.length > 0) yield page.items;
      if (page.items.length === 0 || seen >= page.totalCount) return;
    }
  }

  async listChildInstances(cenId: string, opts?: CallOptions): Promise<readonly CenChildInstance[]> {
    const all: CenChildInstance[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = readChildInstancesPage(
        await this.call('DescribeCenAttachedChildInstances', { CenId: cenId, PageNumber: pageNumber, PageSize: LIST_PAGE_SIZE }, opts),
        this.options.traceFields,
      );
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.totalCount) return all;
    }
  }

  async listTransitRouters(cenId: string, opts?: CallOptions): Promise<readonly TransitRouter[]> {
    const all: TransitRouter[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = readTransitRoutersPage(
        await this.call('ListTransitRouters', { CenId: cenId, PageNumber: pageNumber, PageSize: LIST_PAGE_SIZE }, opts),
        this.options.traceFields,
      );
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.totalCount) return all;
    }
  }

  async listAttachmentsPage(kind: AttachmentKind, router: TransitRouterRef, nextToken?: string, opts?: CallOptions): Promise<AttachmentPage> {
    const params: Params = { CenId: router.cenId, RegionId: router.regionId, TransitRouterId: router.transitRouterId, MaxResults: ATTACHMENT_PAGE_SIZE };
    if (nextToken) params.NextToken = nextToken;
    return readAttachmentsPage(kind, await this.call(ATTACHMENT_LISTS[kind].action, params, opts), this.options.traceFields);
  }

  async listAttachments(kind: AttachmentKind, router: TransitRouterRef, opts?: CallOptions): Promise<readonly TransitRouterAttachment[]> {
    const all: TransitRouterAttachment[] = [];
    let token: string | undefined;
    do {
      const page = await this.listAttachmentsPage(kind, router, token, opts);
      all.push(...page.items);
      token = page.nextToken;
    } while (token);
    return all;
  }

  async listChildInstanceRegions(opts?: CallOptions): Promise<readonly ChildInstanceRegion[]> {
    return readChildInstanceRegions(await this.call('DescribeChildInstanceRegions', { AcceptLanguage: 'en-US' }, opts), this.options.traceFields);
  }

  async listFlowLogs(filter: FlowLogFilter, opts?: CallOptions): Promise<readonly FlowLog[]> {
    const base: Params = { RegionId: filter.regionId };
    if (filter.cenId) base.CenId = filter.cenId;
    if (filter.flowLogId) base.FlowLogId = filter.flowLogId;
    if (filter.transitRouterId) base.TransitRouterId = filter.transitRouterId;
    if (filter.status) base.Status = filter.status;
    const all: FlowLog[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = readFlowLogsPage(
        await this.call('DescribeFlowlogs', { ...base, PageNumber: pageNumber, PageSize: LIST_PAGE_SIZE }, opts),
        this.options.traceFields,
      );
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.totalCount) return all;
    }
  }

  async getFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<FlowLog | undefined> {
    const params: Params = { RegionId: ref.regionId, FlowLogId: ref.flowLogId };
    if (ref.cenId) params.CenId = ref.cenId;
    const page = readFlowLogsPage(await this.call('DescribeFlowlogs', params, opts), this.options.traceFields);
    return page.items.find((f) => f.flowLogId === ref.flowLogId);
  }

  async createFlowLog(input: CreateFlowLogInput, opts?: CallOptions): Promise<string> {
    // One token for every attempt: a create whose answer was lost is not repeated by the service.
    const params: Params = {
      RegionId: input.regionId,
      CenId: input.cenId,
      TransitRouterId: input.transitRouterId,
      ClientToken: input.clientToken ?? randomUUID(),
    };
    if (input.transitRouterAttachmentId) params.TransitRouterAttachmentId = input.transitRouterAttachmentId;
    // Optional in the metadata: without them the service delivers elsewhere or names them itself.
    if (input.projectName) params.ProjectName = input.projectName;
    if (input.logStoreName) params.LogStoreName = input.logStoreName;
    if (input.name) params.FlowLogName = input.name;
    if (input.description) params.Description = input.description;
    if (input.interval !== undefined) params.Interval = input.interval;
    if (input.logFormatString) params.LogFormatString = input.logFormatString;
    (input.tags ?? []).forEach((t, i) => {
      params[`Tag.${i + 1}.Key`] = t.key;
      params[`Tag.${i + 1}.Value`] = t.value;
    });
    return readCreatedFlowLogId(await this.call('CreateFlowlog', params, opts), this.options.traceFields);
  }

  private refParams(ref: FlowLogRef): Params {
    const params: Params = { RegionId: ref.regionId, FlowLogId: ref.flowLogId, ClientToken: randomUUID() };
    if (ref.cenId) params.CenId = ref.cenId;
    return params;
  }

  async startFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void> {
    await this.call('ActiveFlowLog', this.refParams(ref), opts);
  }

  async stopFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void> {
    await this.call('DeactiveFlowLog', this.refParams(ref), opts);
  }

  async modifyFlowLog(ref: FlowLogRef, changes: ModifyFlowLogInput, opts?: CallOptions): Promise<void> {
    const params = this.refParams(ref);
    if (changes.name !== undefined) params.FlowLogName = changes.name;
    if (changes.description !== undefined) params.Description = changes.description;
    if (changes.interval !== undefined) params.Interval = changes.interval;
    await this.call('ModifyFlowLogAttribute', params, opts);
  }

  async deleteFlowLog(ref: FlowLogRef, opts?: CallOptions): Promise<void> {
    try {
      await this.call('DeleteFlowlog', this.refParams(ref), opts);
    } catch (e) {
      // Already gone (a retried delete whose first answer was lost, or its SLS target removed first) is what the user wanted.
      if (e instanceof CloudError && e.code !== undefined && ALREADY_GONE_ON_DELETE.has(e.code)) return;
      throw e;
    }
  }

  async waitForStable(
    ref: FlowLogRef,
    opts?: CallOptions & { timeoutMs?: number; onStatus?: (status: FlowLogStatus) => void },
  ): Promise<FlowLog | undefined> {
    const timeoutMs = opts?.timeoutMs ?? 120_000;
    const maxMs = this.options.poll?.maxMs ?? 5_000;
    let delay = this.options.poll?.initialMs ?? 1_000;
    const started = Date.now();
    for (;;) {
      const fl = await this.getFlowLog(ref, opts);
      if (!fl) return undefined;
      opts?.onStatus?.(fl.status);
      if (!isTransitional(fl.status)) return fl;
      if (Date.now() - started + delay > timeoutMs) {
        throw new CloudError({
          kind: 'incorrectStatus',
          message: t('The flow log {0} is still {1} after {2} s.', ref.flowLogId, fl.status, Math.round(timeoutMs / 1000)),
          nextStep: t('Refresh later to see whether the change finished.'),
        });
      }
      await abortableSleep(delay, opts?.signal);
      delay = Math.min(maxMs, delay * 2);
    }
  }
}
