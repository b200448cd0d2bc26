/**
 * The explorer's data: CEN instances page by page (DescribeCens pages at 50), every flow log in one
 * DescribeFlowlogs listing (not one call per CEN: an account has few flow logs and many CENs), each
 * CEN's regions lazily on expansion, polling while anything is transitional. Caches, fetches and
 * fires change events; knows nothing of vscode so it is tested against the emulator directly.
 */
import type { CenApi, CenInstance, FlowLog } from '../../cloud/cenApi';
import { SUPPORTED_REGIONS, isSupportedRegion, isTransitional } from '../../flowlogs/catalog';
import type { CenFlowLogState } from './contextValue';
import { ExplorerFilter } from './explorerFilter';
import { CenNode } from './nodes/cenNode';
import { CreateFlowLogNode } from './nodes/createFlowLogNode';
import { ErrorNode } from './nodes/errorNode';
import { FlowLogNode } from './nodes/flowLogNode';
import type { ExplorerNode } from './nodes/index';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';
import { UnsupportedRegionNode } from './nodes/unsupportedRegionNode';

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

const REGION_ORDER = new Map(SUPPORTED_REGIONS.map((r, i) => [r.id, i]));

export class ExplorerModel {
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly listeners = new Set<(node: ExplorerNode | undefined) => void>();
  /** Bumped on refresh: loads started before it must not write into the new state. */
  private generation = 0;
  private cens: Promise<Loaded<CenPages>> | undefined;
  private flowLogs: Promise<Loaded<Map<string, FlowLog[]>>> | undefined;
  private readonly regions = new Map<string, Promise<Loaded<string[]>>>();
  /** Node instances are kept so a change event can name the exact element VS Code knows. */
  private readonly cenNodes = new Map<string, CenNode>();
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
    this.flowLogs = undefined;
    this.regions.clear();
    this.cenNodes.clear();
    this.noCens = undefined;
    this.stopPolling();
    this.fire(undefined);
  }

  /** Forgets only the flow logs (after create/delete) and redraws. */
  reloadFlowLogs(): void {
    this.flowLogs = undefined;
    this.fire(undefined);
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
      case 'flowLog':
      case 'createFlowLog':
      case 'unsupportedRegion':
      case 'loadMore':
      case 'error':
      case 'message':
        return [];
    }
  }

  /** Every flow log known (loading them if needed), for palette quick picks. */
  async allFlowLogs(): Promise<FlowLog[]> {
    const loaded = await this.loadFlowLogs();
    if (loaded.state === 'error') throw loaded.error;
    return [...loaded.value.values()].flat();
  }

  /** Every CEN instance (all pages), for palette quick picks. */
  async allCens(): Promise<CenInstance[]> {
    const pages = await this.loadFirstPage();
    if (pages.state === 'error') throw pages.error;
    await this.loadAllPages(pages.value);
    return pages.value.items;
  }

  /** The latest known state of a flow log (nodes handed to commands may be older). */
  async currentFlowLog(flowLogId: string): Promise<FlowLog | undefined> {
    const loaded = await this.loadFlowLogs();
    if (loaded.state === 'error') return undefined;
    return [...loaded.value.values()].flat().find((f) => f.flowLogId === flowLogId);
  }

  /** Records a status seen during an operation (or by polling) and redraws that CEN only. */
  applyFlowLog(flowLog: FlowLog): void {
    void this.mutateFlowLogs((byCen) => {
      const list = (byCen.get(flowLog.cenId) ?? []).filter((f) => f.flowLogId !== flowLog.flowLogId);
      byCen.set(flowLog.cenId, sortFlowLogs([...list, flowLog]));
      return flowLog.cenId;
    });
  }

  removeFlowLog(flowLog: Pick<FlowLog, 'cenId' | 'flowLogId'>): void {
    void this.mutateFlowLogs((byCen) => {
      const list = (byCen.get(flowLog.cenId) ?? []).filter((f) => f.flowLogId !== flowLog.flowLogId);
      if (list.length > 0) byCen.set(flowLog.cenId, list);
      else byCen.delete(flowLog.cenId);
      return flowLog.cenId;
    });
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
    const [pages, flowLogs] = await Promise.all([this.loadFirstPage(), this.loadFlowLogs()]);
    if (pages.state === 'error') {
      return [new ErrorNode('root', 'Could not load CEN instances', pages.error, () => this.refresh())];
    }
    const filtering = !this.filter.isEmpty;
    if (filtering) {
      try {
        await this.loadAllPages(pages.value);
      } catch (e) {
        return [new ErrorNode('root', 'Could not load CEN instances', e, () => this.refresh())];
      }
    }
    this.noCens = pages.value.items.length === 0;
    if (this.noCens) return []; // the "no CEN instances" welcome view shows instead

    const nodes: ExplorerNode[] = [];
    if (flowLogs.state === 'error') {
      nodes.push(new ErrorNode('flowLogs', 'Could not load flow logs', flowLogs.error, () => this.reloadFlowLogs()));
    }
    const byCen = flowLogs.state === 'ok' ? flowLogs.value : undefined;
    for (const cen of pages.value.items) {
      const own = byCen?.get(cen.cenId) ?? [];
      if (filtering && !this.filter.matchesCen(cen) && !own.some((f) => this.filter.matchesFlowLog(f))) continue;
      nodes.push(this.cenNode(cen, byCen ? (own.length > 0 ? 'hasFlowLog' : 'noFlowLog') : 'unknown'));
    }
    if (filtering && !nodes.some((n) => n.kind === 'cen')) {
      nodes.push(new MessageNode('noMatch', `No CEN instance or flow log matches "${this.filter.text}"`, 'filter'));
    }
    if (!filtering && pages.value.nextPage !== undefined) {
      nodes.push(new LoadMoreNode(pages.value.items.length, pages.value.total));
    }
    return nodes;
  }

  private async cenChildren(node: CenNode): Promise<ExplorerNode[]> {
    const cenId = node.cen.cenId;
    const [flowLogs, regions] = await Promise.all([this.loadFlowLogs(), this.loadRegions(cenId)]);
    const nodes: ExplorerNode[] = [];
    if (flowLogs.state === 'error') {
      nodes.push(new ErrorNode(node.id + '/flowLogs', 'Could not load flow logs', flowLogs.error, () => this.reloadFlowLogs()));
    } else {
      const own = flowLogs.value.get(cenId) ?? [];
      const showAll = this.filter.isEmpty || this.filter.matchesCen(node.cen);
      for (const f of own) if (showAll || this.filter.matchesFlowLog(f)) nodes.push(new FlowLogNode(f));
      if (own.length === 0) nodes.push(new CreateFlowLogNode(node.cen));
    }
    if (regions.state === 'error') {
      nodes.push(
        new ErrorNode(node.id + '/regions', 'Could not load the CEN’s regions', regions.error, () => {
          this.regions.delete(cenId);
          this.fire(node);
        }),
      );
    } else {
      for (const regionId of regions.value) {
        if (!isSupportedRegion(regionId)) nodes.push(new UnsupportedRegionNode(cenId, regionId));
      }
    }
    return nodes;
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

  private loadFlowLogs(): Promise<Loaded<Map<string, FlowLog[]>>> {
    if (!this.flowLogs) {
      const generation = this.generation;
      this.flowLogs = this.requireApiAsync()
        .then((api) => api.listFlowLogs())
        .then(
          (list): Loaded<Map<string, FlowLog[]>> => {
            const byCen = new Map<string, FlowLog[]>();
            for (const f of list) byCen.set(f.cenId, [...(byCen.get(f.cenId) ?? []), f]);
            for (const [k, v] of byCen) byCen.set(k, sortFlowLogs(v));
            if (generation === this.generation) this.schedulePoll(list);
            return { state: 'ok', value: byCen };
          },
          (error: unknown): Loaded<Map<string, FlowLog[]>> => ({ state: 'error', error }),
        );
    }
    return this.flowLogs;
  }

  private loadRegions(cenId: string): Promise<Loaded<string[]>> {
    let loaded = this.regions.get(cenId);
    if (!loaded) {
      loaded = this.requireApiAsync()
        .then((api) => api.listChildInstances(cenId))
        .then(
          (children): Loaded<string[]> => ({
            state: 'ok',
            value: [...new Set(children.map((c) => c.childInstanceRegionId))].sort(),
          }),
          (error: unknown): Loaded<string[]> => ({ state: 'error', error }),
        );
      this.regions.set(cenId, loaded);
    }
    return loaded;
  }

  private async mutateFlowLogs(change: (byCen: Map<string, FlowLog[]>) => string): Promise<void> {
    const loaded = await this.loadFlowLogs();
    if (loaded.state !== 'ok') return;
    const cenId = change(loaded.value);
    const node = this.cenNodes.get(cenId);
    if (node) node.flowLogState = loaded.value.has(cenId) ? 'hasFlowLog' : 'noFlowLog';
    this.schedulePoll([...loaded.value.values()].flat());
    this.fire(node);
  }

  // ---- polling ----

  private schedulePoll(flowLogs: readonly FlowLog[]): void {
    if (this.disposed || this.pollTimer) return;
    if (!flowLogs.some((f) => isTransitional(f.status))) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, this.pollIntervalMs);
  }

  private async poll(): Promise<void> {
    const api = this.options.cen();
    const loaded = this.flowLogs ? await this.flowLogs : undefined;
    if (!api || !loaded || loaded.state !== 'ok' || this.disposed) return;
    const generation = this.generation;
    const transitional = [...loaded.value.values()].flat().filter((f) => isTransitional(f.status));
    await Promise.all(
      transitional.map(async (f) => {
        try {
          const now = await api.getFlowLog({ flowLogId: f.flowLogId, regionId: f.regionId, cenId: f.cenId });
          if (generation !== this.generation) return;
          if (now) this.applyFlowLog(now);
          else this.removeFlowLog(f);
        } catch {
          // A failed poll is retried on the next tick; the row keeps its last known status.
          if (generation === this.generation) this.schedulePoll(transitional);
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
    if (!api) throw new Error('Not signed in to Alibaba Cloud.');
    return api;
  }

  private async requireApiAsync(): Promise<CenApi> {
    return this.requireApi();
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of this.listeners) l(node);
  }
}

/** Flow logs by region in the catalog's order (unsupported regions last), then by id. */
function sortFlowLogs(list: FlowLog[]): FlowLog[] {
  const rank = (r: string): number => REGION_ORDER.get(r) ?? Number.MAX_SAFE_INTEGER;
  return [...list].sort((a, b) => rank(a.regionId) - rank(b.regionId) || a.flowLogId.localeCompare(b.flowLogId));
}
