/**
 * *Compare with Earlier Range…*: from a flow log in the tree, from the active query workbench (its
 * range is the starting one) or from the palette (pick a flow log). Opens the compare view; a row's
 * records open in the workbench on that flow log.
 */
import * as vscode from 'vscode';
import { CloudError } from '../../cloud/cloudError';
import type { SlsApi } from '../../cloud/slsApi';
import type { TimeRangeSpec } from '../../protocol/messages';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { flowLogArgument, pickFlowLog } from '../workbench/commands';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import type { LogstoreTargetInput } from '../workbench/workbenchTarget';
import { captureInterval } from '../workbench/workbenchLanguage';
import type { ComparePanels, CompareIntent } from './comparePanel';
import { loadComparePanelModule } from './comparePanelLoader';
import { flowLogCompareTarget, logstoreCompareSource, targetCompareSource, type LogstoreCompareTarget } from './compareSources';
import { parseComparePersistedState, type CompareLogstore, type CompareRestore } from '../../protocol/compareMessages';
import type { CenApi, FlowLog } from '../../cloud/cenApi';
import { targetQueries } from '../workbench/targetQueries';

export const COMPARE_COMMAND = 'cenFlowLogs.flowLog.compareRanges';

export interface CompareDeps {
  readonly extensionUri: vscode.Uri;
  readonly panels: WorkbenchPanels;
  readonly cen: () => Promise<CenApi>;
  /** The shared client (its queries take the shared request limiter's slots); undefined while not signed in. */
  readonly sls: () => SlsApi | undefined;
  readonly registrar: CommandRegistrar;
  readonly log: vscode.LogOutputChannel;
}

export function registerCompare(context: vscode.ExtensionContext, deps: CompareDeps): { serializer: vscode.WebviewPanelSerializer } {
  // The panels (in the lazy UI chunk) are built on the first comparison or restore.
  let panels: ComparePanels | undefined;
  const comparePanels = (): ComparePanels => {
    if (panels) return panels;
    const built = new (loadComparePanelModule().ComparePanels)({ extensionUri: deps.extensionUri, log: deps.log });
    context.subscriptions.push(built);
    panels = built;
    return built;
  };
  const sls = async (): Promise<SlsApi> =>
    deps.sls() ??
    Promise.reject(new CloudError({ kind: 'credentials', message: vscode.l10n.t('Not signed in to Alibaba Cloud.'), nextStep: vscode.l10n.t('Sign in from the CEN Flow Logs view, then compare again.') }));
  const intentOf = (restore: CompareRestore): { key: string; intent: CompareIntent } => {
    const { source, range } = restore;
    switch (source.kind) {
      case 'cen': {
        // A CEN compares its whole CEN through the merged queries of its workbench target.
        const t = source.target;
        return {
          key: `cen:${t.cenId}`,
          intent: {
            source: targetCompareSource(targetQueries(sls, t), { title: t.title, interval: captureInterval(t.interval), fields: t.fields.map((f) => f.name) }),
            range,
            restore,
            openRecords: async (query, r) => {
              await deps.panels.openCenTarget(t, { query, range: r, run: true });
            },
          },
        };
      }
      case 'logstore': {
        const l = source.logstore;
        const target: LogstoreCompareTarget = { title: l.title, regionId: l.regionId, projectName: l.projectName, logStoreName: l.logStoreName, interval: captureInterval(l.interval), fields: l.fields };
        const workbench: LogstoreTargetInput = {
          regionId: l.regionId,
          projectName: l.projectName,
          logStoreName: l.logStoreName,
          flowLogId: l.flowLogId,
          cenId: l.cenId,
          interval: target.interval,
          title: l.title,
          format: l.format,
          transitRouter: l.transitRouterId && l.cenId ? { cenId: l.cenId, regionId: l.regionId, transitRouterId: l.transitRouterId } : undefined,
        };
        return {
          key: `${l.regionId}/${l.projectName}/${l.logStoreName}`,
          intent: {
            source: logstoreCompareSource(sls, target),
            range,
            restore,
            openRecords: async (query, r) => {
              await deps.panels.open(workbench, { query, range: r, run: true });
            },
          },
        };
      }
    }
  };
  deps.registrar.register(COMPARE_COMMAND, vscode.l10n.t('Compare with earlier range'), async (node?: unknown) => {
    // A CEN panel compares its whole CEN, through the panel's merged queries.
    const active = node === undefined ? deps.panels.openPanels.find((p) => p.panel.active) : undefined;
    if (active?.target.kind === 'cen') {
      const { key, intent } = intentOf({ source: { kind: 'cen', target: active.target }, range: active.currentViewState?.range });
      comparePanels().open(key, intent);
      return;
    }
    const chosen = await compareTarget(deps, node);
    if (!chosen) return;
    const { key, intent } = intentOf({ source: { kind: 'logstore', logstore: chosen.logstore }, range: chosen.range });
    comparePanels().open(key, intent);
  });
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
      const saved = parseComparePersistedState(state);
      if (!saved) {
        // Nothing trustworthy to restore (an older page's state, or none): close, not an empty shell.
        deps.log.warn('compare: a panel could not be restored after reload (no valid saved state); it was closed.');
        panel.dispose();
        return;
      }
      const { key, intent } = intentOf(saved.restore);
      comparePanels().restore(key, panel, intent, saved.form);
    },
  };
  return { serializer };
}

interface ChosenTarget {
  readonly logstore: CompareLogstore;
  readonly range?: TimeRangeSpec;
}

function flowLogCompareLogstore(flowLog: FlowLog): CompareLogstore {
  const t = flowLogCompareTarget(flowLog);
  return {
    ...t,
    flowLogId: flowLog.flowLogId,
    cenId: flowLog.cenId,
    format: { logFormatString: flowLog.logFormatString ?? '', olderForm: !flowLog.transitRouterId },
    ...(flowLog.transitRouterId ? { transitRouterId: flowLog.transitRouterId } : {}),
  };
}

/** The flow log given (tree), else the active workbench panel's target and range, else one picked. */
async function compareTarget(deps: CompareDeps, node: unknown): Promise<ChosenTarget | undefined> {
  const given = flowLogArgument(node);
  if (given) return { logstore: flowLogCompareLogstore(given) };
  const panel = deps.panels.openPanels.find((p) => p.panel.active);
  if (panel && panel.target.kind === 'logstore') {
    const t = panel.target;
    return {
      logstore: {
        title: t.title,
        regionId: t.regionId,
        projectName: t.projectName,
        logStoreName: t.logStoreName,
        interval: t.interval,
        fields: t.fields.map((f) => f.name),
        ...(t.flowLogId ? { flowLogId: t.flowLogId } : {}),
        ...(t.cenId ? { cenId: t.cenId } : {}),
      },
      range: panel.currentViewState?.range,
    };
  }
  const picked = await pickFlowLog(deps.cen, vscode.l10n.t('Compare which flow log with an earlier range?'));
  return picked ? { logstore: flowLogCompareLogstore(picked) } : undefined;
}
