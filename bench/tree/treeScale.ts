/**
 * Tree scale: an emulator account with 500 extra CENs, every node of the explorer expanded through
 * its model (the vscode-free half of the tree provider: the provider only maps nodes to TreeItems):
 * every CEN and every transit router. Every CEN API call is counted by action through the client's
 * per-call log. Verdict: calls ≤ the pages the API forces (api-current.md §3: DescribeCens, then
 * ListTransitRouters per CEN, DescribeFlowlogs per router region, and the five attachment lists of
 * a router whose per-attachment flow logs need naming).
 */
import { performance } from 'node:perf_hooks';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { startEmulator } from '../../emulator/server';
import { ATTACHMENT_KINDS, type CenApi, type FlowLog } from '../../src/cloud/cenApi';
import { routerRegions } from '../../src/flowlogs/flowLogListing';
import { createCenClient, type CenCallLogEntry } from '../../src/cloud/cenClient';
import { ATTACHMENT_LISTS } from '../../src/cloud/cenWire';
import { ExplorerModel } from '../../src/views/explorer/explorerModel';
import type { ExplorerNode } from '../../src/views/explorer/nodes/index';
import type { Benchmark, Figure } from '../benchmark';

const EXTRA_CENS = 500;
/** DescribeCens, ListTransitRouters and DescribeFlowlogs cap PageSize at 50; the client asks 50 attachments per page. */
const API_PAGE = 50;

const credentials = {
  label: 'emulator owner',
  getCredentials: async () => ({ accessKeyId: OWNER_ACCOUNT.accessKeyId, accessKeySecret: OWNER_ACCOUNT.accessKeySecret }),
};

/** Expands every node, as a user clicking "Load more" until the end and opening every CEN would. */
async function expandAll(model: ExplorerModel): Promise<{ nodes: number; cens: number }> {
  let root = await model.getChildren();
  while (root.some((n) => n.kind === 'loadMore')) {
    await model.loadMore();
    root = await model.getChildren();
  }
  const errors = root.filter((n) => n.kind === 'error');
  if (errors.length) throw new Error(`the tree shows ${errors.length} error row(s) at the root`);
  const cens = root.filter((n) => n.kind === 'cen');
  // VS Code asks for the children of every expanded node at once; so do we.
  const children: ExplorerNode[][] = await Promise.all(cens.map((n) => model.getChildren(n)));
  const childErrors = children.flat().filter((n) => n.kind === 'error');
  if (childErrors.length) throw new Error(`the tree shows ${childErrors.length} error row(s) under CENs`);
  const routers = children.flat().filter((n) => n.kind === 'transitRouter' && n.present().collapsible !== 'none');
  const grand: ExplorerNode[][] = await Promise.all(routers.map((n) => model.getChildren(n)));
  const grandErrors = grand.flat().filter((n) => n.kind === 'error');
  if (grandErrors.length) throw new Error(`the tree shows ${grandErrors.length} error row(s) under transit routers`);
  return { nodes: root.length + children.reduce((s, c) => s + c.length, 0) + grand.reduce((s, c) => s + c.length, 0), cens: cens.length };
}

export const treeScaleBenchmark: Benchmark = {
  name: 'tree-scale',
  async run(): Promise<Figure[]> {
    const emu = await startEmulator({ port: 0, seed: 7, historyDays: 0, extraCens: EXTRA_CENS, transitionMs: 200, log: () => undefined });
    try {
      const calls: CenCallLogEntry[] = [];
      const api = createCenClient({ endpoint: emu.cenUrl, credentials, log: (e) => void calls.push(e) });
      const model = new ExplorerModel({ cen: () => api, pageSize: API_PAGE, pollIntervalMs: 60_000 });
      const started = performance.now();
      const { nodes, cens } = await expandAll(model);
      const wallMs = performance.now() - started;
      model.dispose();

      // What the API forces, read back afterwards through an uncounted client.
      const counter: CenApi = createCenClient({ endpoint: emu.cenUrl, credentials });
      const first = await counter.listCensPage(1, API_PAGE);
      const pages = (n: number): number => Math.max(1, Math.ceil(n / API_PAGE));
      const needed: Record<string, number> = { DescribeCens: Math.ceil(first.totalCount / API_PAGE), ListTransitRouters: 0, DescribeFlowlogs: 0 };
      const flowLogs: FlowLog[] = [];
      for await (const page of counter.listCens()) {
        for (const cen of page) {
          const routers = await counter.listTransitRouters(cen.cenId);
          needed.ListTransitRouters += pages(routers.length);
          for (const regionId of routerRegions(routers)) {
            const inRegion = await counter.listFlowLogs({ regionId, cenId: cen.cenId });
            flowLogs.push(...inRegion);
            needed.DescribeFlowlogs += pages(inRegion.length);
          }
          for (const r of routers.filter((x) => x.edition === 'Enterprise')) {
            if (!flowLogs.some((f) => f.transitRouterId === r.transitRouterId && f.transitRouterAttachmentId)) continue;
            for (const kind of ATTACHMENT_KINDS) {
              const action = ATTACHMENT_LISTS[kind].action;
              needed[action] = (needed[action] ?? 0) + pages((await counter.listAttachments(kind, { cenId: r.cenId, regionId: r.regionId, transitRouterId: r.transitRouterId })).length);
            }
          }
        }
      }
      const byAction: Record<string, number> = {};
      for (const c of calls) byAction[c.action] = (byAction[c.action] ?? 0) + 1;
      const totalCalls = calls.length;
      const totalNeeded = Object.values(needed).reduce((a, b) => a + b, 0);
      const perAction = Object.keys({ ...needed, ...byAction })
        .map((a) => `${a} ${byAction[a] ?? 0}/${needed[a] ?? 0}`)
        .join(', ');
      const withinBudget = totalCalls <= totalNeeded && Object.entries(byAction).every(([a, n]) => n <= (needed[a] ?? 0));
      if (cens !== first.totalCount) throw new Error(`expanded ${cens} CENs but the account has ${first.totalCount}`);
      return [
        {
          name: 'tree-scale',
          value: Math.round(wallMs),
          unit: 'ms',
          budget: 'API calls ≤ pages the API forces',
          withinBudget,
          note:
            `${cens} CENs, ${flowLogs.length} flow logs, ${nodes} nodes expanded; ${totalCalls} API calls for ${totalNeeded} pages needed ` +
            `(by action, calls/pages: ${perAction}; ${calls.filter((c) => c.attempt > 1).length} retries). ` +
            'Every real caller lists flow logs one region per call (api-current.md §3), so an expanded CEN costs one ListTransitRouters ' +
            'and one DescribeFlowlogs per router region; attachment lists are read only for routers whose per-attachment flow logs need naming',
        },
        {
          name: 'tree-scale-calls',
          value: totalCalls,
          unit: 'calls',
          baseline: totalNeeded,
          ratio: totalCalls / totalNeeded,
          budget: '≤ 1.00x pages needed',
          withinBudget,
          note: perAction,
        },
      ];
    } finally {
      await emu.close();
    }
  },
};
