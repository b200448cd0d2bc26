/**
 * Resolves the target of a command: the clicked node, a multi-selection, or — from the palette —
 * a quick pick. Nodes may be stale, so flow logs are re-read from the model before acting.
 */
import * as vscode from 'vscode';
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import { regionName } from '../../flowlogs/catalog';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ExplorerNode } from '../explorer/nodes/index';
import { statusText } from '../explorer/nodes/flowLogNode';

export function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'present' in value;
}

/** Any object carrying a flow log (our node, or what other commands pass). */
function flowLogOf(value: unknown): FlowLog | undefined {
  if (typeof value !== 'object' || value === null || !('flowLog' in value)) return undefined;
  const f = (value as { flowLog: unknown }).flowLog;
  return typeof f === 'object' && f !== null && 'flowLogId' in f ? (f as FlowLog) : undefined;
}

export async function resolveFlowLogs(
  model: ExplorerModel,
  args: readonly unknown[],
  pick: { placeholder: string; eligible: (f: FlowLog) => boolean; noneMessage: string },
): Promise<FlowLog[]> {
  const [first, selection] = args;
  const fromSelection = Array.isArray(selection) ? selection.map(flowLogOf) : [];
  const given = [flowLogOf(first), ...fromSelection].filter((f): f is FlowLog => f !== undefined);
  if (given.length > 0) {
    const unique = [...new Map(given.map((f) => [f.flowLogId, f])).values()];
    const current = await Promise.all(unique.map(async (f) => (await model.currentFlowLog(f.flowLogId)) ?? f));
    return current;
  }
  const candidates = (await model.allFlowLogs()).filter(pick.eligible);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(pick.noneMessage);
    return [];
  }
  const chosen = await vscode.window.showQuickPick(
    candidates.map((f) => ({
      label: f.name || f.flowLogId,
      description: `${f.flowLogId} · ${f.regionId} · ${statusText(f)}`,
      detail: `CEN ${f.cenId} · ${regionName(f.regionId)} · ${f.projectName}/${f.logStoreName}`,
      flowLog: f,
    })),
    { placeHolder: pick.placeholder, matchOnDescription: true, matchOnDetail: true },
  );
  return chosen ? [chosen.flowLog] : [];
}

export function cenOf(value: unknown): CenInstance | undefined {
  if (typeof value !== 'object' || value === null || !('cen' in value)) return undefined;
  const c = (value as { cen: unknown }).cen;
  return typeof c === 'object' && c !== null && 'cenId' in c ? (c as CenInstance) : undefined;
}
