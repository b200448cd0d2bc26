/**
 * *Compare with Earlier Range…*: from a flow log in the tree, from the active query workbench (its
 * range is the starting one) or from the palette (pick a flow log). Opens the compare view; a row's
 * records open in the workbench on that flow log.
 */
import * as vscode from 'vscode';
import type { CenApi } from '../../cloud/cenApi';
import { CloudError } from '../../cloud/cloudError';
import type { SlsApi } from '../../cloud/slsApi';
import type { TimeRangeSpec } from '../../protocol/messages';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { flowLogArgument, pickFlowLog } from '../workbench/commands';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { flowLogTargetInput, type LogstoreTargetInput } from '../workbench/workbenchTarget';
import { captureInterval } from '../workbench/workbenchLanguage';
import { ComparePanels } from './comparePanel';
import { flowLogCompareTarget, logstoreCompareSource, targetCompareSource, type LogstoreCompareTarget } from './compareSources';
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

export function registerCompare(context: vscode.ExtensionContext, deps: CompareDeps): ComparePanels {
  const compare = new ComparePanels({ extensionUri: deps.extensionUri, log: deps.log });
  const sls = async (): Promise<SlsApi> =>
    deps.sls() ??
    Promise.reject(new CloudError({ kind: 'credentials', message: 'Not signed in to Alibaba Cloud.', nextStep: 'Sign in from the CEN Flow Logs view, then compare again.' }));
  context.subscriptions.push(compare);
  deps.registrar.register(COMPARE_COMMAND, 'Compare with earlier range', async (node?: unknown) => {
    // A CEN panel compares its whole CEN, through the panel's merged queries.
    const active = node === undefined ? deps.panels.openPanels.find((p) => p.panel.active) : undefined;
    if (active?.target.kind === 'cen') {
      const t = active.target;
      compare.open(`cen:${t.cenId}`, {
        source: targetCompareSource(targetQueries(sls, t), { title: t.title, interval: captureInterval(t.interval), fields: t.fields.map((f) => f.name) }),
        range: active.currentViewState?.range,
        openRecords: async (query, r) => active.show({ query, range: r, run: true }),
      });
      return;
    }
    const chosen = await compareTarget(deps, node);
    if (!chosen) return;
    const { target, workbench, range } = chosen;
    compare.open(`${target.regionId}/${target.projectName}/${target.logStoreName}`, {
      source: logstoreCompareSource(sls, target),
      range,
      openRecords: async (query, r) => {
        await deps.panels.open(workbench, { query, range: r, run: true });
      },
    });
  });
  return compare;
}

interface ChosenTarget {
  readonly target: LogstoreCompareTarget;
  readonly workbench: LogstoreTargetInput;
  readonly range?: TimeRangeSpec;
}

/** The flow log given (tree), else the active workbench panel's target and range, else one picked. */
async function compareTarget(deps: CompareDeps, node: unknown): Promise<ChosenTarget | undefined> {
  const given = flowLogArgument(node);
  if (given) return { target: flowLogCompareTarget(given), workbench: flowLogTargetInput(given) };
  const panel = deps.panels.openPanels.find((p) => p.panel.active);
  if (panel && panel.target.kind === 'logstore') {
    const t = panel.target;
    return {
      target: { title: t.title, regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName, interval: captureInterval(t.interval), fields: t.fields.map((f) => f.name) },
      workbench: { regionId: t.regionId, projectName: t.projectName, logStoreName: t.logStoreName, flowLogId: t.flowLogId, cenId: t.cenId, interval: t.interval, title: t.title },
      range: panel.currentViewState?.range,
    };
  }
  const picked = await pickFlowLog(deps.cen, 'Compare which flow log with an earlier range?');
  return picked ? { target: flowLogCompareTarget(picked), workbench: flowLogTargetInput(picked) } : undefined;
}
