/**
 * The explorer's data, loaded lazily per expanded node as api-current.md §3 lists flow logs: CEN
 * instances page by page (DescribeCens pages at 50); on expanding a CEN, its transit routers
 * (ListTransitRouters) and its flow logs, one DescribeFlowlogs listing per router region; on
 * expanding a router with per-attachment flow logs, its attachment lists (to name them). Polls
 * while anything is transitional. Caches, fetches and fires change events; knows nothing of vscode
 * so it is tested against the emulator directly.
 */
import { t } from '@vscode/l10n';
import type { CenApi, CenInstance, ChildInstanceRegion, FlowLog, TransitRouter, TransitRouterAttachment, TransitRouterRef } from '../../cloud/cenApi';
import { ATTACHMENT_KINDS } from '../../cloud/cenApi';
import { isTransitional } from '../../flowlogs/catalog';
import { cenCoverage, type PairCoverage } from '../../flowlogs/coverage';
import { listCenFlowLogs, routerRegions, sortFlowLogs } from '../../flowlogs/flowLogListing';
import { isKnownRegion, regionRank, serviceNamesFor } from '../../flowlogs/regions';
import type { CenFlowLogState } from './contextValue';
import { ExplorerFilter } from './explorerFilter';
import { CenNode } from './nodes/cenNode';
import { CoverageDirectionNode, CoverageNode } from './nodes/coverageNode';
import { CreateFlowLogNode } from './nodes/createFlowLogNode';
import { ErrorNode } from './nodes/errorNode';
import { FlowLogNode } from './nodes/flowLogNode';
import type { ExplorerNode } from './nodes/index';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';
import { TransitRouterNode } from './nodes/transitRouterNode';

export interface ExplorerModelOptions {
  /** The current client, or undefined when not signed in. */
  readonly cen: () => CenApi | undefined;
  readonly pageSize?: number;
  readonly pollIntervalMs?: number;
  /** Settles once the saved credential choice is restored, so the tree does not flash "sign in" first. */
  readonly ready?: Promise<unknown>;
}

interface Disposable {
  dispose(): void;
}

type Loaded<T> = { readonly state: 'ok'; readonly value: T } | { readonly state: 'error'; readonly error: unknown };

interface CenPages {
  readonly items: CenInstance[];
  total: number;
  nextPage: number | undefined;
}

/** What expanding a CEN loads: its routers and every flow log in their regions. */
interface CenDetail {
  readonly cen: CenInstance;
  readonly routers: readonly TransitRouter[];
  /** The service's names of router regions we have no name for (empty when we know them all). */
  readonly regionNames: ReadonlyMap<string, string>;
  flowLogs: FlowLog[];
}

export class ExplorerModel {
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly listeners = new Set<(node: ExplorerNode | undefined) => void>();
  /** Bumped on refresh: loads started before it must not write into the new state. */
  private generation = 0;
  private cens: Promise<Loaded<CenPages>> | undefined;
  private readonly details = new Map<string, Promise<Loaded<CenDetail>>>();
  private readonly attachments = new Map<string, Promise<Loaded<Map<string, TransitRouterAttachment>>>>();
  private childInstanceRegions?: Promise<readonly ChildInstanceRegion[]>;
  /** Per CEN: the inter-region connections of its Enterprise routers (for coverage). */
  private readonly interRegion = new Map<string, Promise<Loaded<readonly TransitRouterAttachment[]>>>();
  /** Node instances are kept so a change event can name the exact element VS Code knows. */
  private readonly cenNodes = new Map<string, CenNode>();
  private readonly routerNodes = new Map<string, TransitRouterNode>();
  private filter = new ExplorerFilter('');
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** After a load: whether the account has no CEN at all (drives the "no CENs" welcome view). */
  noCens: boolean | undefined;

  constructor(private readonly options: ExplorerModelOptions) {
    this.pageSize = options.pageSize ?? 50;
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
  }

  onDidChange(listener: (node: ExplorerNode | undefined) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get signedIn(): boolean {
    return this.options.cen() !== undefined;
  }

  get filterText(): string {
    return this.filter.text;
  }

  setFilter(text: string): void {
    this.filter = new ExplorerFilter(text);
    this.fire(undefined);
  }

  /** Forgets everything and reloads on the next getChildren. */
  refresh(): void {
    this.generation++;
    this.cens = undefined;
    this.details.clear();
    this.attachments.clear();
    this.childInstanceRegions = undefined;
    this.interRegion.clear();
    this.coverageNodes.clear();
    this.cenNodes.clear();
    this.routerNodes.clear();
    this.noCens = undefined;
    this.stopPolling();
    this.fire(undefined);
  }

  /** Forgets the routers and flow logs of every CEN (after create/delete) and redraws. */
  reloadFlowLogs(): void {
    this.details.clear();
    this.attachments.clear();
    this.interRegion.clear();
    this.fire(undefined);
  }

  /** Forgets one CEN's routers and flow logs and redraws it. */
  reloadCen(cenId: string): void {
    this.details.delete(cenId);
    this.interRegion.delete(cenId);
    this.fire(this.cenNodes.get(cenId));
  }

  async loadMore(): Promise<void> {
    const pages = await this.loadFirstPage();
    if (pages.state !== 'ok' || pages.value.nextPage === undefined) return;
    await this.fetchPage(pages.value, pages.value.nextPage);
    this.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'cen':
        return this.cenChildren(node);
      case 'transitRouter':
        return this.routerChildren(node);
      case 'coverage':
        return this.coverageChildren(node);
      case 'flowLog':
      case 'coverageDirection':
      case 'createFlowLog':
      case 'loadMore':
      case 'error':
      case 'message':
        return [];
    }
  }

  /** Every flow log of the account (expanding every CEN's listing if needed), for palette quick picks. */
  async allFlowLogs(): Promise<FlowLog[]> {
    const cens = await this.allCens();
    const all: FlowLog[] = [];
    for (const cen of cens) {
      const d = await this.loadDetail(cen);
      if (d.state === 'error') throw d.error;
      all.push(...d.value.flowLogs);
    }
    return all;
  }

  /** Every CEN instance (all pages), for palette quick picks. */
  async allCens(): Promise<CenInstance[]> {
    const pages = await this.loadFirstPage();
    if (pages.state === 'error') throw pages.error;
    await this.loadAllPages(pages.value);
    return pages.value.items;
  }

  /** A CEN's transit routers (loading them if needed), for the create wizard. */
  async routersOf(cen: CenInstance): Promise<readonly TransitRouter[]> {
    const d = await this.loadDetail(cen);
    if (d.state === 'error') throw d.error;
    return d.value.routers;
  }

  /** A CEN's flow logs (loading them if needed). */
  async flowLogsOf(cen: CenInstance): Promise<readonly FlowLog[]> {
    const d = await this.loadDetail(cen);
    if (d.state === 'error') throw d.error;
    return d.value.flowLogs;
  }

  /** Which directions of the CEN's inter-region connections are logged (loading routers, flow logs and connections if needed). */
  async coverageOf(cen: CenInstance): Promise<PairCoverage[]> {
    const d = await this.loadDetail(cen);
    if (d.state === 'error') throw d.error;
    const connections = await this.loadInterRegion(cen.cenId, d.value.routers);
    if (connections.state === 'error') throw connections.error;
    return cenCoverage({ routers: d.value.routers, interRegionAttachments: connections.value, flowLogs: d.value.flowLogs });
  }

  /** The latest known state of a flow log (nodes handed to commands may be older); only CENs already loaded are searched. */
  async currentFlowLog(flowLogId: string): Promise<FlowLog | undefined> {
    for (const d of this.details.values()) {
      const loaded = await d;
      if (loaded.state !== 'ok') continue;
      const f = loaded.value.flowLogs.find((x) => x.flowLogId === flowLogId);
      if (f) return f;
    }
    return undefined;
  }

  /** Records a status seen during an operation (or by polling) and redraws its router only. */
  applyFlowLog(flowLog: FlowLog): void {
    void this.mutateFlowLogs(flowLog, (list) => sortFlowLogs([...list.filter((f) => f.flowLogId !== flowLog.flowLogId), flowLog]));
  }

  removeFlowLog(flowLog: Pick<FlowLog, 'cenId' | 'flowLogId' | 'transitRouterId'>): void {
    void this.mutateFlowLogs(flowLog, (list) => list.filter((f) => f.flowLogId !== flowLog.flowLogId));
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
    this.listeners.clear();
  }

  // ---- children ----

  private async rootChildren(): Promise<ExplorerNode[]> {
    await this.options.ready?.catch(() => undefined);
    const api = this.options.cen();
    if (!api) return []; // the "sign in" welcome view shows instead
    const pages = await this.loadFirstPage();
    if (pages.state === 'error') {
      return [new ErrorNode('root', t('Could not load CEN instances'), pages.error, () => this.refresh())];
    }
    const filtering = !this.filter.isEmpty;
    if (filtering) {
      try {
        await this.loadAllPages(pages.value);
      } catch (e) {
        return [new ErrorNode('root', t('Could not load CEN instances'), e, () => this.refresh())];
      }
    }
    this.noCens = pages.value.items.length === 0;
    if (this.noCens) return []; // the "no CEN instances" welcome view shows instead

    const nodes: ExplorerNode[] = [];
    for (const cen of pages.value.items) {
      const known = await this.knownDetail(cen.cenId);
      if (filtering && !this.filter.matchesCen(cen) && !(known?.flowLogs ?? []).some((f) => this.filter.matchesFlowLog(f))) continue;
      nodes.push(this.cenNode(cen, known ? stateOf(known.flowLogs) : 'unknown'));
    }
    if (filtering && !nodes.some((n) => n.kind === 'cen')) {
      nodes.push(new MessageNode('noMatch', t('No CEN instance or loaded flow log matches "{0}"', this.filter.text), 'filter'));
    }
    if (!filtering && pages.value.nextPage !== undefined) {
      nodes.push(new LoadMoreNode(pages.value.items.length, pages.value.total));
    }
    return nodes;
  }

  private async cenChildren(node: CenNode): Promise<ExplorerNode[]> {
    const loaded = await this.loadDetail(node.cen);
    if (loaded.state === 'error') {
      return [
        new ErrorNode(node.id, t('Could not load transit routers and flow logs'), loaded.error, () => {
          this.details.delete(node.cen.cenId);
          this.fire(node);
        }),
      ];
    }
    const { routers, flowLogs } = loaded.value;
    node.flowLogState = stateOf(flowLogs);
    const nodes: ExplorerNode[] = [];
    const sorted = [...routers].sort((a, b) => regionRank(a.regionId) - regionRank(b.regionId) || a.regionId.localeCompare(b.regionId));
    for (const r of sorted) {
      const own = flowLogs.filter((f) => f.transitRouterId === r.transitRouterId);
      nodes.push(this.routerNode(node.cen, r, own.length > 0 ? 'hasFlowLog' : 'noFlowLog', loaded.value.regionNames.get(r.regionId)));
    }
    // Older-form flow logs (no transit router), and any whose router is not listed, stay visible under the CEN.
    const routerIds = new Set(routers.map((r) => r.transitRouterId));
    for (const f of flowLogs.filter((x) => !x.transitRouterId || !routerIds.has(x.transitRouterId))) {
      if (this.filter.isEmpty || this.filter.matchesCen(node.cen) || this.filter.matchesFlowLog(f)) nodes.push(new FlowLogNode(f));
    }
    // Coverage needs two regions at least: one inter-region connection.
    if (new Set(routers.map((r) => r.regionId)).size >= 2 && this.filter.isEmpty) nodes.push(this.coverageNode(node.cen));
    if (nodes.length === 0) {
      nodes.push(new MessageNode(`${node.id}/noRouters`, t('No transit router yet — attach a network instance to this CEN in the console first'), 'info'));
    }
    return nodes;
  }

  private async routerChildren(node: TransitRouterNode): Promise<ExplorerNode[]> {
    const loaded = await this.loadDetail(node.cen);
    if (loaded.state === 'error') return [new ErrorNode(node.id, t('Could not load flow logs'), loaded.error, () => this.reloadCen(node.cen.cenId))];
    const own = loaded.value.flowLogs.filter((f) => f.transitRouterId === node.router.transitRouterId);
    node.flowLogState = own.length > 0 ? 'hasFlowLog' : 'noFlowLog';
    if (own.length === 0) return node.router.edition === 'Enterprise' ? [new CreateFlowLogNode(node.cen, node.router)] : [];
    const nodes: ExplorerNode[] = [];
    let byId = new Map<string, TransitRouterAttachment>();
    if (own.some((f) => f.transitRouterAttachmentId)) {
      const attachments = await this.loadAttachments(node.router);
      if (attachments.state === 'ok') byId = attachments.value;
      else {
        nodes.push(
          new ErrorNode(node.id + '/attachments', t('Could not name the connections'), attachments.error, () => {
            this.attachments.delete(node.router.transitRouterId);
            this.fire(node);
          }),
        );
      }
    }
    const showAll = this.filter.isEmpty || this.filter.matchesCen(node.cen);
    for (const f of own) {
      if (showAll || this.filter.matchesFlowLog(f)) nodes.push(new FlowLogNode(f, f.transitRouterAttachmentId ? byId.get(f.transitRouterAttachmentId) : undefined));
    }
    return nodes;
  }

  private async coverageChildren(node: CoverageNode): Promise<ExplorerNode[]> {
    let pairs: PairCoverage[];
    try {
      pairs = await this.coverageOf(node.cen);
    } catch (e) {
      return [
        new ErrorNode(node.id, t('Could not check coverage'), e, () => {
          this.interRegion.delete(node.cen.cenId);
          this.fire(node);
        }),
      ];
    }
    node.shown = true;
    const directions = pairs.flatMap((p) => [p.forward, p.back]);
    const missing = directions.filter((d) => d.state === 'notLogged').length;
    const summary = directions.length === 0 ? undefined : missing > 0 ? t('{0} of {1} directions not logged', missing, directions.length) : t('all {0} directions logged', directions.length);
    if (summary !== node.summary) {
      node.summary = summary;
      // Redraw the row itself with its new description (after VS Code took these children).
      setTimeout(() => this.fire(node), 0);
    }
    if (directions.length === 0) return [new MessageNode(`${node.id}/none`, t('No inter-region connection in this CEN'), 'info')];
    return directions.map((d) => new CoverageDirectionNode(node.cen, d));
  }

  private readonly coverageNodes = new Map<string, CoverageNode>();

  private coverageNode(cen: CenInstance): CoverageNode {
    const existing = this.coverageNodes.get(cen.cenId);
    if (existing && existing.cen === cen) return existing;
    const node = new CoverageNode(cen);
    this.coverageNodes.set(cen.cenId, node);
    return node;
  }

  private cenNode(cen: CenInstance, state: CenFlowLogState): CenNode {
    const existing = this.cenNodes.get(cen.cenId);
    if (existing && existing.cen === cen) {
      existing.flowLogState = state;
      return existing;
    }
    const node = new CenNode(cen, state);
    this.cenNodes.set(cen.cenId, node);
    return node;
  }

  private routerNode(cen: CenInstance, router: TransitRouter, state: CenFlowLogState, serviceRegionName?: string): TransitRouterNode {
    const existing = this.routerNodes.get(router.transitRouterId);
    if (existing && existing.router === router && existing.serviceRegionName === serviceRegionName) {
      existing.flowLogState = state;
      return existing;
    }
    const node = new TransitRouterNode(cen, router, state, serviceRegionName);
    this.routerNodes.set(router.transitRouterId, node);
    return node;
  }

  // ---- loading ----

  private loadFirstPage(): Promise<Loaded<CenPages>> {
    if (!this.cens) {
      const pages: CenPages = { items: [], total: 0, nextPage: 1 };
      this.cens = this.fetchPage(pages, 1).then(
        (): Loaded<CenPages> => ({ state: 'ok', value: pages }),
        (error: unknown): Loaded<CenPages> => ({ state: 'error', error }),
      );
    }
    return this.cens;
  }

  private async fetchPage(pages: CenPages, pageNumber: number): Promise<void> {
    const api = this.requireApi();
    const generation = this.generation;
    const page = await api.listCensPage(pageNumber, this.pageSize);
    if (generation !== this.generation || pages.nextPage !== pageNumber) return; // refreshed or already fetched
    pages.items.push(...page.items);
    pages.total = page.totalCount;
    pages.nextPage = pages.items.length < page.totalCount && page.items.length > 0 ? pageNumber + 1 : undefined;
  }

  private async loadAllPages(pages: CenPages): Promise<void> {
    while (pages.nextPage !== undefined) await this.fetchPage(pages, pages.nextPage);
  }

  /** The CEN's detail if it was already loaded (no new call). */
  private async knownDetail(cenId: string): Promise<CenDetail | undefined> {
    const d = this.details.get(cenId);
    if (!d) return undefined;
    const loaded = await d;
    return loaded.state === 'ok' ? loaded.value : undefined;
  }

  private loadDetail(cen: CenInstance): Promise<Loaded<CenDetail>> {
    let loaded = this.details.get(cen.cenId);
    if (!loaded) {
      const generation = this.generation;
      loaded = this.requireApiAsync()
        .then(async (api) => {
          const routers = await api.listTransitRouters(cen.cenId);
          const [flowLogs, regionNames] = await Promise.all([listCenFlowLogs(api, cen.cenId, routerRegions(routers)), this.serviceRegionNames(api, routers)]);
          return { cen, routers, flowLogs, regionNames };
        })
        .then(
          (value): Loaded<CenDetail> => {
            if (generation === this.generation) this.schedulePoll();
            return { state: 'ok', value };
          },
          (error: unknown): Loaded<CenDetail> => ({ state: 'error', error }),
        );
      this.details.set(cen.cenId, loaded);
    }
    return loaded;
  }

  /** Every attachment of a transit router (its per-type lists, cached with the tree's): for naming attachment ids elsewhere. */
  async routerAttachments(router: TransitRouterRef): Promise<readonly TransitRouterAttachment[]> {
    const loaded = await this.loadAttachments(router);
    if (loaded.state === 'error') {
      // A failed listing is not kept: the next panel (or the router's row) asks again.
      this.attachments.delete(router.transitRouterId);
      throw loaded.error;
    }
    return [...loaded.value.values()];
  }

  /**
   * Names for router regions we have none for, from the regions the service offers CEN instances
   * (DescribeChildInstanceRegions, asked once, only when such a region shows up). Names are a
   * convenience: a failed call leaves the ids bare and is asked again next time.
   */
  private async serviceRegionNames(api: CenApi, routers: readonly TransitRouter[]): Promise<ReadonlyMap<string, string>> {
    const ids = routers.map((r) => r.regionId);
    if (ids.every(isKnownRegion)) return new Map();
    this.childInstanceRegions ??= api.listChildInstanceRegions();
    try {
      return serviceNamesFor(ids, await this.childInstanceRegions);
    } catch {
      this.childInstanceRegions = undefined;
      return new Map();
    }
  }

  /** The service's names of a CEN's router regions we have no name for (for the create wizard's router step). */
  async serviceRegionNamesOf(cen: CenInstance): Promise<ReadonlyMap<string, string>> {
    const d = await this.loadDetail(cen);
    return d.state === 'ok' ? d.value.regionNames : new Map();
  }

  private loadAttachments(router: TransitRouterRef): Promise<Loaded<Map<string, TransitRouterAttachment>>> {
    let loaded = this.attachments.get(router.transitRouterId);
    if (!loaded) {
      const ref = { cenId: router.cenId, regionId: router.regionId, transitRouterId: router.transitRouterId };
      loaded = this.requireApiAsync()
        .then((api) => Promise.all(ATTACHMENT_KINDS.map((kind) => api.listAttachments(kind, ref))))
        .then(
          (lists): Loaded<Map<string, TransitRouterAttachment>> => ({ state: 'ok', value: new Map(lists.flat().map((a) => [a.attachmentId, a])) }),
          (error: unknown): Loaded<Map<string, TransitRouterAttachment>> => ({ state: 'error', error }),
        );
      this.attachments.set(router.transitRouterId, loaded);
    }
    return loaded;
  }

  private loadInterRegion(cenId: string, routers: readonly TransitRouter[]): Promise<Loaded<readonly TransitRouterAttachment[]>> {
    let loaded = this.interRegion.get(cenId);
    if (!loaded) {
      const enterprise = routers.filter((r) => r.edition === 'Enterprise');
      loaded = this.requireApiAsync()
        .then((api) => Promise.all(enterprise.map((r) => api.listAttachments('TR', { cenId: r.cenId, regionId: r.regionId, transitRouterId: r.transitRouterId }))))
        .then(
          (lists): Loaded<readonly TransitRouterAttachment[]> => ({ state: 'ok', value: lists.flat() }),
          (error: unknown): Loaded<readonly TransitRouterAttachment[]> => ({ state: 'error', error }),
        );
      this.interRegion.set(cenId, loaded);
    }
    return loaded;
  }

  private async mutateFlowLogs(flowLog: Pick<FlowLog, 'cenId' | 'transitRouterId'>, change: (list: FlowLog[]) => FlowLog[]): Promise<void> {
    const d = this.details.get(flowLog.cenId);
    const loaded = d ? await d : undefined;
    if (!loaded || loaded.state !== 'ok') {
      this.fire(this.cenNodes.get(flowLog.cenId));
      return;
    }
    loaded.value.flowLogs = change(loaded.value.flowLogs);
    const cenNode = this.cenNodes.get(flowLog.cenId);
    if (cenNode) cenNode.flowLogState = stateOf(loaded.value.flowLogs);
    this.schedulePoll();
    const routerNode = flowLog.transitRouterId ? this.routerNodes.get(flowLog.transitRouterId) : undefined;
    if (routerNode) routerNode.flowLogState = loaded.value.flowLogs.some((f) => f.transitRouterId === flowLog.transitRouterId) ? 'hasFlowLog' : 'noFlowLog';
    this.fire(routerNode ?? cenNode);
    // A started, stopped, created or deleted flow log changes which directions are logged.
    const coverage = this.coverageNodes.get(flowLog.cenId);
    if (coverage?.shown) this.fire(coverage);
  }

  // ---- polling ----

  private async loadedFlowLogs(): Promise<FlowLog[]> {
    const all: FlowLog[] = [];
    for (const d of this.details.values()) {
      const loaded = await d;
      if (loaded.state === 'ok') all.push(...loaded.value.flowLogs);
    }
    return all;
  }

  private schedulePoll(): void {
    if (this.disposed || this.pollTimer) return;
    void this.loadedFlowLogs().then((all) => {
      if (this.disposed || this.pollTimer || !all.some((f) => isTransitional(f.status))) return;
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        void this.poll();
      }, this.pollIntervalMs);
    });
  }

  private async poll(): Promise<void> {
    const api = this.options.cen();
    if (!api || this.disposed) return;
    const generation = this.generation;
    const transitional = (await this.loadedFlowLogs()).filter((f) => isTransitional(f.status));
    await Promise.all(
      transitional.map(async (f) => {
        try {
          const now = await api.getFlowLog({ flowLogId: f.flowLogId, regionId: f.regionId, cenId: f.cenId });
          if (generation !== this.generation) return;
          if (now) this.applyFlowLog(now);
          else this.removeFlowLog(f);
        } catch {
          // A failed poll is retried on the next tick; the row keeps its last known status.
          if (generation === this.generation) this.schedulePoll();
        }
      }),
    );
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  // ---- plumbing ----

  private requireApi(): CenApi {
    const api = this.options.cen();
    if (!api) throw new Error(t('Not signed in to Alibaba Cloud.'));
    return api;
  }

  private async requireApiAsync(): Promise<CenApi> {
    return this.requireApi();
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of this.listeners) l(node);
  }
}

function stateOf(flowLogs: readonly FlowLog[]): CenFlowLogState {
  return flowLogs.length > 0 ? 'hasFlowLog' : 'noFlowLog';
}
