/**
 * Wires the region map into the extension: *Show Region Map…* from a CEN, a flow log or a
 * coverage row in the explorer, or from the palette (pick a CEN, then the whole CEN or one flow
 * log). One panel per CEN or flow log, revealed when asked for again.
 */
import * as vscode from 'vscode';
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { cenOf } from '../commands/targetPicker';
import { flowLogArgument } from '../workbench/commands';
import { REGION_MAP_VIEW_TYPE } from '../../activation/contributions';
import type { RegionMapDeps, RegionMapPanel, RegionMapSubject } from './regionMapPanel';
import { loadRegionMapModule } from './regionMapLoader';
import { webviewOptions } from '../workbench/workbenchPanel';
import { parseRegionMapPersistedState } from '../../protocol/regionMapMessages';
import { errorText } from '../../errorText';

export const SHOW_REGION_MAP = 'cenFlowLogs.regionMap.show';

/** Registers the command; returns the serializer that brings region maps back after Reload Window. */
export function registerRegionMap(context: vscode.ExtensionContext, deps: RegionMapDeps & { readonly registrar: CommandRegistrar }): vscode.WebviewPanelSerializer {
  const panels = new Map<string, RegionMapPanel>();
  context.subscriptions.push({ dispose: () => [...panels.values()].forEach((p) => p.panel.dispose()) });
  const track = (key: string, panel: RegionMapPanel): void => {
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  };
  deps.registrar.register(SHOW_REGION_MAP, vscode.l10n.t('Show region map'), async (node?: unknown) => {
    const subject = await subjectOf(deps, node);
    if (!subject) return;
    const key = subjectKey(subject);
    const open = panels.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const title = vscode.l10n.t('Region Map: {0}', subject.flowLog ? subject.flowLog.name || subject.flowLog.flowLogId : subject.cen.name || subject.cen.cenId);
    const webviewPanel = vscode.window.createWebviewPanel(REGION_MAP_VIEW_TYPE, title, vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const { RegionMapPanel } = loadRegionMapModule();
    track(key, new RegionMapPanel(webviewPanel, subject, deps));
  });
  return {
    deserializeWebviewPanel: async (webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> => {
      const saved = parseRegionMapPersistedState(state);
      const subject = saved ? await restoredSubject(deps, saved.cenId, saved.flowLogId).catch((e: unknown) => {
        deps.log.warn(`region map: could not restore ${saved.title}: ${errorText(e)}`);
        return undefined;
      }) : undefined;
      if (!saved || !subject || panels.has(subjectKey(subject))) {
        // Nothing trustworthy to restore (no saved state, or the flow log is gone): close, not an empty shell.
        if (!saved) deps.log.warn('region map: a panel could not be restored after reload (no valid saved state); it was closed.');
        webviewPanel.dispose();
        return;
      }
      webviewPanel.webview.options = webviewOptions(deps.extensionUri);
      const { RegionMapPanel } = loadRegionMapModule();
      track(subjectKey(subject), new RegionMapPanel(webviewPanel, subject, deps, saved));
    },
  };
}

/** The CEN (and flow log) a restored map showed, looked up again; a flow log no longer listed is not restored. */
async function restoredSubject(deps: RegionMapDeps, cenId: string, flowLogId: string | undefined): Promise<RegionMapSubject | undefined> {
  const cen = (await deps.model.allCens()).find((c) => c.cenId === cenId) ?? placeholderCen(cenId);
  if (!flowLogId) return { cen };
  const flowLog = (await deps.model.flowLogsOf(cen)).find((f) => f.flowLogId === flowLogId);
  if (!flowLog) throw new Error(vscode.l10n.t('flow log {0} is no longer listed', flowLogId));
  return { cen, flowLog };
}

/** One panel per CEN or flow log. */
function subjectKey(s: RegionMapSubject): string {
  return s.flowLog ? `flowLog/${s.flowLog.flowLogId}` : `cen/${s.cen.cenId}`;
}

/** The CEN or flow log a node carries; from the palette, a pick. */
async function subjectOf(deps: RegionMapDeps, node: unknown): Promise<RegionMapSubject | undefined> {
  const flowLog = flowLogArgument(node);
  if (flowLog) {
    const cen = (await deps.model.allCens()).find((c) => c.cenId === flowLog.cenId) ?? placeholderCen(flowLog.cenId);
    return { cen, flowLog };
  }
  const cen = cenOf(node);
  if (cen) return { cen };
  return pickSubject(deps);
}

/** A flow log whose CEN is not listed (another account's view): the map still works, coverage says why not. */
function placeholderCen(cenId: string): CenInstance {
  return { cenId, name: '', description: '', status: '', creationTime: '' };
}

type SubjectItem = vscode.QuickPickItem & { readonly subject?: RegionMapSubject };

async function pickSubject(deps: RegionMapDeps): Promise<RegionMapSubject | undefined> {
  const cens = deps.model.allCens().then((list) => {
    if (list.length === 0) throw new Error(vscode.l10n.t('No CEN instance in this account.'));
    return list.map((c): SubjectItem => ({ label: c.name || c.cenId, description: c.name ? c.cenId : undefined, subject: { cen: c } }));
  });
  const chosen = await vscode.window.showQuickPick(cens, { title: vscode.l10n.t('Show Region Map'), placeHolder: vscode.l10n.t('Traffic by region pair of which CEN?'), ignoreFocusOut: true });
  if (!chosen?.subject) return undefined;
  const cen = chosen.subject.cen;
  const flowLogs = deps.model.flowLogsOf(cen).then((list): SubjectItem[] => [
    {
      label: `$(type-hierarchy) ${vscode.l10n.t('Every flow log of {0}', cen.name || cen.cenId)}`,
      description: list.length === 1 ? vscode.l10n.t('1 flow log') : vscode.l10n.t('{0} flow logs', list.length),
      subject: { cen },
    },
    ...list.map((f: FlowLog): SubjectItem => ({ label: f.name || f.flowLogId, description: `${f.regionId} · ${f.status}`, subject: { cen, flowLog: f } })),
  ]);
  const scope = await vscode.window.showQuickPick(flowLogs, { title: vscode.l10n.t('Show Region Map: {0}', cen.name || cen.cenId), placeHolder: vscode.l10n.t('The whole CEN, or one flow log'), ignoreFocusOut: true });
  return scope?.subject;
}
