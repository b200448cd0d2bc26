/**
 * Palette, tree and editor commands that open the query workbench: open on a flow log or on a
 * whole CEN, ad-hoc query, run a preset, open a saved query (a selected address's traffic: views/traffic).
 */
import * as vscode from 'vscode';
import type { CenApi, CenInstance, FlowLog } from '../../cloud/cenApi';
import { regionName } from '../../flowlogs/catalog';
import { listAccountFlowLogs, listCenFlowLogs, routerRegions } from '../../flowlogs/flowLogListing';
import type { ChartKind, TimeRangeSpec } from '../../protocol/messages';
import { QUERY_PRESETS, presetAvailability, renderPreset, type QueryPreset } from '../../query/presets';
import { writtenFields } from '../../flowlogs/fieldSchema';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { historyKey, type QueryHistoryStore } from './queryHistory';
import type { WorkbenchPanels } from './workbenchPanels';
import { workbenchConsoleUrl } from './consoleHandOff';
import type { QueryIntent } from './panelViewState';
import { resolveWorkbenchRange } from './workbenchLanguage';
import { presetSettingValues } from './presetSettings';
import { consoleSite } from '../consoleSite';
import { flowLogTargetInput, type LogstoreTargetInput } from './workbenchTarget';
import { describeRefusal, localRefusal } from '../../query/localRefusal';

export const WORKBENCH_COMMANDS = {
  openQuery: 'cenFlowLogs.flowLog.openQuery',
  adHoc: 'cenFlowLogs.query.adHoc',
  runPreset: 'cenFlowLogs.query.runPreset',
  openSaved: 'cenFlowLogs.query.openSaved',
  openInConsole: 'cenFlowLogs.query.openInConsole',
  queryCen: 'cenFlowLogs.cen.query',
} as const;

const LAST_HOUR: TimeRangeSpec = { kind: 'quick', minutes: 60 };

export interface WorkbenchCommandDeps {
  readonly panels: WorkbenchPanels;
  readonly history: QueryHistoryStore;
  readonly cen: () => Promise<CenApi>;
  readonly registrar: CommandRegistrar;
}

/** Any object carrying a flow log: the explorer's node, or what other commands pass. */
export function flowLogArgument(value: unknown): FlowLog | undefined {
  if (typeof value !== 'object' || value === null || !('flowLog' in value)) return undefined;
  const f: unknown = value.flowLog;
  if (typeof f !== 'object' || f === null) return undefined;
  const o = f as Record<string, unknown>;
  return typeof o.flowLogId === 'string' && typeof o.regionId === 'string' && typeof o.projectName === 'string' && typeof o.logStoreName === 'string'
    ? (f as FlowLog)
    : undefined;
}

/** The attachment's readable name a node may carry beside its flow log ("VPC vpc-… (cn-shanghai)"). */
export function attachmentNameArgument(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('attachmentName' in value)) return undefined;
  return typeof value.attachmentName === 'string' && value.attachmentName !== '' ? value.attachmentName : undefined;
}

/** The CEN an explorer node carries (its `cen`), if any. */
export function cenArgument(value: unknown): Pick<CenInstance, 'cenId' | 'name'> | undefined {
  if (typeof value !== 'object' || value === null || !('cen' in value)) return undefined;
  const c: unknown = value.cen;
  if (typeof c !== 'object' || c === null) return undefined;
  const o = c as Record<string, unknown>;
  return typeof o.cenId === 'string' ? { cenId: o.cenId, name: typeof o.name === 'string' ? o.name : '' } : undefined;
}

/** Every CEN of the account, for the palette's *Query CEN…*. */
async function pickCen(cen: () => Promise<CenApi>, placeHolder: string): Promise<Pick<CenInstance, 'cenId' | 'name'> | undefined> {
  const items = cen().then(async (api) => {
    const all: CenInstance[] = [];
    for await (const page of api.listCens()) all.push(...page);
    if (all.length === 0) throw new Error(vscode.l10n.t('No CEN instances found for this account.'));
    return all.map((c) => ({ label: c.name || c.cenId, description: c.cenId, detail: c.description || undefined, cen: c }));
  });
  const chosen = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return chosen?.cen;
}

/** Opens the panel over every flow log of a CEN (listed as the explorer lists them), with progress. */
async function openCenPanel(deps: WorkbenchCommandDeps, cen: Pick<CenInstance, 'cenId' | 'name'>, intent?: QueryIntent): Promise<void> {
  const title = cen.name || cen.cenId;
  const flowLogs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the flow logs of {0}…', title) }, async () => {
    const api = await deps.cen();
    return listCenFlowLogs(api, cen.cenId, routerRegions(await api.listTransitRouters(cen.cenId)));
  });
  await deps.panels.openCen({ cenId: cen.cenId, title, flowLogs }, intent);
}

export function registerWorkbenchCommands(deps: WorkbenchCommandDeps): void {
  const { registrar } = deps;
  registrar.register(WORKBENCH_COMMANDS.queryCen, vscode.l10n.t('Query CEN'), async (node?: unknown) => {
    const cen = cenArgument(node) ?? (await pickCen(deps.cen, vscode.l10n.t('Query every flow log of which CEN?')));
    if (cen) await openCenPanel(deps, cen);
  });

  registrar.register(WORKBENCH_COMMANDS.openQuery, vscode.l10n.t('Open query workbench'), async (node?: unknown) => {
    const flowLog = flowLogArgument(node) ?? (await pickFlowLog(deps.cen, vscode.l10n.t('Open the query workbench on which flow log?')));
    if (flowLog) await deps.panels.open(flowLogTargetInput(flowLog, attachmentNameArgument(node)));
  });

  registrar.register(WORKBENCH_COMMANDS.adHoc, vscode.l10n.t('Query flow log'), async (node?: unknown) => {
    const flowLog = flowLogArgument(node) ?? (await pickFlowLog(deps.cen, vscode.l10n.t('Query which flow log?')));
    if (!flowLog) return;
    const target = flowLogTargetInput(flowLog, attachmentNameArgument(node));
    const query = await askQuery(deps.history.history(historyKey(target)), vscode.l10n.t('Query {0} (last hour)', target.title ?? `${target.projectName}/${target.logStoreName}`));
    if (query === undefined) return;
    await deps.panels.open(target, { query, range: LAST_HOUR, run: true });
  });

  registrar.register(WORKBENCH_COMMANDS.runPreset, vscode.l10n.t('Run preset'), async (node?: unknown) => {
    const given = flowLogArgument(node);
    const preset = await pickPreset(given);
    if (!preset) return;
    const flowLog = given ?? (await pickFlowLog(deps.cen, vscode.l10n.t('Run "{0}" on which flow log?', preset.title)));
    if (!flowLog) return;
    const availability = presetAvailability(preset, flowLogFields(flowLog));
    if (!availability.available) {
      throw new Error(
        vscode.l10n.t('"{0}" cannot run on {1}: {2} Pick another preset, or a flow log that writes {3}.', preset.title, flowLog.name || flowLog.flowLogId, availability.reason, availability.missing.join(', ')),
      );
    }
    const values: Record<string, string> = { window: String(flowLog.interval), ...presetSettingValues() };
    for (const p of preset.parameters.filter((q) => q.kind === 'address')) {
      const value = await vscode.window.showInputBox({ title: preset.title, prompt: p.label, placeHolder: p.example, ignoreFocusOut: true });
      if (value === undefined) return;
      values[p.name] = value;
    }
    const rendered = renderPreset(preset, values);
    if (!rendered.ok) throw new Error(rendered.message);
    await deps.panels.open(flowLogTargetInput(flowLog), { query: rendered.query, range: LAST_HOUR, run: true, chart: preset.chart satisfies ChartKind });
  });

  registrar.register(WORKBENCH_COMMANDS.openSaved, vscode.l10n.t('Open saved query'), async (node?: unknown) => {
    // From a flow log's context menu: its own saved queries first, and the one picked opens on it.
    const onFlowLog = flowLogArgument(node);
    const ownKey = onFlowLog ? historyKey(flowLogTargetInput(onFlowLog)) : undefined;
    const saved = [...deps.history.saved()].sort((a, b) => Number(b.targetKey === ownKey) - Number(a.targetKey === ownKey));
    if (saved.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No saved queries yet. Use "Save query" in the query workbench to add one.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      saved.map((s) => ({ label: s.name, description: s.target?.title ?? s.targetKey, detail: oneLine(s.query), saved: s })),
      { title: vscode.l10n.t('Open saved query'), matchOnDetail: true, matchOnDescription: true },
    );
    if (!pick) return;
    const savedCen = pick.saved.cen;
    if (savedCen && !onFlowLog) {
      await openCenPanel(deps, { cenId: savedCen.cenId, name: savedCen.title }, { query: pick.saved.query, run: false });
      return;
    }
    let target: LogstoreTargetInput | undefined = onFlowLog ? flowLogTargetInput(onFlowLog) : pick.saved.target;
    if (!target) {
      const flowLog = await pickFlowLog(deps.cen, vscode.l10n.t('Open "{0}" on which flow log?', pick.saved.name));
      if (!flowLog) return;
      target = flowLogTargetInput(flowLog);
    }
    await deps.panels.open(target, { query: pick.saved.query, run: false });
  });

  registrar.register(WORKBENCH_COMMANDS.openInConsole, vscode.l10n.t('Open query in Log Service console'), async () => {
    const panel = deps.panels.openPanels.find((p) => p.panel.active) ?? (deps.panels.openPanels.length === 1 ? deps.panels.openPanels[0] : undefined);
    if (!panel) throw new Error(vscode.l10n.t('Open a query workbench first: this opens its query and time range in the Log Service console.'));
    await vscode.env.openExternal(vscode.Uri.parse(workbenchConsoleUrl(panel, consoleSite(), new Date(), resolveWorkbenchRange)));
  });
}

function oneLine(query: string): string {
  return query.replace(/\s*[\r\n]+\s*/g, ' ⏎ ');
}

/** Flow logs of every region, with region and status, for the palette commands. */
export async function pickFlowLog(cen: () => Promise<CenApi>, placeHolder: string): Promise<FlowLog | undefined> {
  const items = cen()
    .then((api) => listAccountFlowLogs(api))
    .then((list) => {
      if (list.length === 0) throw new Error(vscode.l10n.t('No flow logs found for this account. Create one from the CEN Flow Logs view first.'));
      return [...list]
        .sort((a, b) => (a.name || a.flowLogId).localeCompare(b.name || b.flowLogId))
        .map((f) => ({
          label: f.name || f.flowLogId,
          description: `${regionName(f.regionId)} · ${f.status}`,
          detail: `${f.flowLogId} · CEN ${f.cenId} · ${f.projectName}/${f.logStoreName}`,
          flowLog: f,
        }));
    });
  const chosen = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return chosen?.flowLog;
}

/** The fields a flow log writes, from its LogFormatString and form (the index is the panel's concern). */
function flowLogFields(flowLog: FlowLog): string[] {
  return writtenFields({ logFormatString: flowLog.logFormatString ?? '', olderForm: !flowLog.transitRouterId });
}

/** Every preset; for a known flow log, those it cannot answer say which field they need. */
async function pickPreset(flowLog: FlowLog | undefined): Promise<QueryPreset | undefined> {
  const fields = flowLog ? flowLogFields(flowLog) : undefined;
  const items = QUERY_PRESETS.map((p) => {
    const availability = presetAvailability(p, fields);
    return availability.available
      ? { label: p.title, detail: p.description, preset: p }
      : { label: `$(circle-slash) ${p.title}`, description: availability.reason, detail: p.description, preset: p };
  });
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which question?'), matchOnDetail: true });
  return chosen?.preset;
}

type QueryItem = vscode.QuickPickItem & { readonly query: string };

/**
 * The typed query as a pick. When the local checks find errors it says so here already; the
 * workbench then refuses to send it until fixed or "Run anyway" (the same rule as in the panel).
 */
function typedItem(query: string): QueryItem {
  const problems = localRefusal(query);
  return problems.length === 0
    ? { label: query, description: vscode.l10n.t('run this query'), alwaysShow: true, query }
    : { label: query, description: vscode.l10n.t('has errors — the workbench will ask before sending it'), detail: `$(error) ${describeRefusal(problems)}`, alwaysShow: true, query };
}

/** A query box that also lists the flow log's history; Enter runs what is typed or picked. */
function askQuery(history: readonly string[], title: string): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<QueryItem>();
  qp.title = title;
  qp.placeholder = vscode.l10n.t('SLS query, e.g. dstport:443 or * | SELECT srcaddr, sum(bytes) AS b GROUP BY srcaddr ORDER BY b DESC');
  qp.ignoreFocusOut = true;
  qp.matchOnDetail = true;
  const historyItems: QueryItem[] = history.map((q) => ({ label: oneLine(q), description: vscode.l10n.t('history'), query: q }));
  const update = (): void => {
    const typed = qp.value.trim();
    qp.items = typed ? [typedItem(typed), ...historyItems] : historyItems;
  };
  update();
  return new Promise((resolve) => {
    let done = false;
    qp.onDidChangeValue(update);
    qp.onDidAccept(() => {
      const query = qp.selectedItems[0]?.query ?? qp.value.trim();
      if (!query) return;
      done = true;
      resolve(query);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
