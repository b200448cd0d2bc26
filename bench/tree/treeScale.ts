/**
 * Tree scale: an emulator account with 500 extra CENs over the 16 regions, every node of the
 * explorer expanded through its model (the vscode-free half of the tree provider: the provider
 * only maps nodes to TreeItems), with every CEN API call counted by action through the client's
 * per-call log. Verdict: calls ≤ the pages the API forces.
 */
import { performance } from 'node:perf_hooks';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { startEmulator } from '../../emulator/server';
import type { CenApi } from '../../src/cloud/cenApi';
import { createCenClient, type CenCallLogEntry } from '../../src/cloud/cenClient';
import { ExplorerModel } from '../../src/views/explorer/explorerModel';
import type { ExplorerNode } from '../../src/views/explorer/nodes/index';
import type { Benchmark, Figure } from '../benchmark';

const EXTRA_CENS = 500;
/** DescribeCens, DescribeFlowlogs and DescribeCenAttachedChildInstances all cap PageSize at 50. */
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
  return { nodes: root.length + children.reduce((s, c) => s + c.length, 0), cens: cens.length };
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
      const flowLogs = await counter.listFlowLogs();
      let childPages = 0;
      for await (const page of counter.listCens()) {
        for (const cen of page) childPages += Math.max(1, Math.ceil((await counter.listChildInstances(cen.cenId)).length / API_PAGE));
      }
      const needed: Record<string, number> = {
        DescribeCens: Math.ceil(first.totalCount / API_PAGE),
        DescribeFlowlogs: Math.max(1, Math.ceil(flowLogs.length / API_PAGE)),
        DescribeCenAttachedChildInstances: childPages,
      };
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
            'The API forces one DescribeCenAttachedChildInstances per CEN (CenId is required; there is no account-wide listing), ' +
            'so regions are read lazily per expanded CEN; flow logs come from one account-wide DescribeFlowlogs listing, not one per CEN',
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
