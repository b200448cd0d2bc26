/**
 * One region map panel: a CEN's (or one flow log's) traffic by region pair as a heat-map matrix
 * and a Sankey diagram (drawn by the webview, webview/regionMap/), with coverage flags and the cost
 * lens. Owns the webview, validates what it sends, loads with progress and cancel, and opens the
 * records behind a cell or link in the query workbench.
 */
import * as vscode from 'vscode';
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import type { SlsApi } from '../../cloud/slsApi';
import { errorText } from '../../errorText';
import { CURRENCY_SETTING, PRICE_SETTING, estimateCost, isEmptyPriceTable, parsePriceTable } from '../../flowlogs/cost';
import { directionSentence, type PairCoverage } from '../../flowlogs/coverage';
import { pairRecordsQuery, type RegionPairTraffic } from '../../flowlogs/regionTraffic';
import { basisSentence, type PairBasis } from '../../flowlogs/uniqueTraffic';
import type { TimeRangeSpec } from '../../protocol/messages';
import {
  parseRegionMapMessage,
  type CostInfo,
  type CoverageInfo,
  type RegionMapHostMessage,
  type RegionMapPersistedState,
  type RegionMapBoot,
  type RegionMapResult,
  type RegionMapScope,
  type RegionMapWebviewMessage,
} from '../../protocol/regionMapMessages';
import type { ExplorerModel } from '../explorer/explorerModel';
import { buildWorkbenchHtml, createNonce } from '../workbench/workbenchHtml';
import { hostL10nSetup } from '../../activation/hostL10n';
import { resolveWorkbenchRange } from '../workbench/workbenchLanguage';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { flowLogTargetInput } from '../workbench/workbenchTarget';
import { cenRegionTraffic, type FlowLogTraffic } from './regionTrafficLoader';

export interface RegionMapDeps {
  readonly extensionUri: vscode.Uri;
  readonly sls: () => Promise<SlsApi>;
  readonly model: ExplorerModel;
  readonly panels: WorkbenchPanels;
  readonly log: vscode.LogOutputChannel;
}

/** What a map is of: every flow log of a CEN, or one of them. */
export interface RegionMapSubject {
  readonly cen: CenInstance;
  readonly flowLog?: FlowLog;
}

/** Seven days: the range the map opens with (a week shows the steady pairs, not one busy hour). */
const DEFAULT_RANGE: TimeRangeSpec = { kind: 'relative', amount: 7, unit: 'days' };

export class RegionMapPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private current: { requestId: string; abort: AbortController } | undefined;
  private last:
    | {
        result: RegionMapResult;
        perFlowLog: readonly FlowLogTraffic[];
        bases: readonly PairBasis[];
        coverage: readonly PairCoverage[];
        range: TimeRangeSpec;
        flowLogs: readonly FlowLog[];
      }
    | undefined;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly subject: RegionMapSubject,
    private readonly deps: RegionMapDeps,
    /** What a panel restored after Reload Window showed (its webview's saved state). */
    private readonly restored?: Pick<RegionMapPersistedState, 'range' | 'byAttachment' | 'metric'>,
  ) {
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // New prices apply to the answer already shown: no new query.
        if (this.last && (e.affectsConfiguration(`cenFlowLogs.${PRICE_SETTING}`) || e.affectsConfiguration(`cenFlowLogs.${CURRENCY_SETTING}`))) {
          this.last = { ...this.last, result: { ...this.last.result, cost: costInfo(this.last.result.traffic) } };
          this.post({ type: 'result', result: this.last.result });
        }
      }),
    );
    this.render();
  }

  get scope(): RegionMapScope {
    const { cen, flowLog } = this.subject;
    return flowLog
      ? { kind: 'flowLog', title: flowLog.name || flowLog.flowLogId, cenId: cen.cenId, flowLogId: flowLog.flowLogId }
      : { kind: 'cen', title: cen.name || cen.cenId, cenId: cen.cenId };
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    this.current?.abort.abort();
    for (const d of this.disposables) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private render(): void {
    const webview = this.panel.webview;
    // The built webview assets (the only local resource root of the panel, see webviewOptions).
    const root = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
    // The display language and its strings go in with the page: it speaks it without loading anything.
    const boot: RegionMapBoot = { l10n: hostL10nSetup() };
    webview.html = buildWorkbenchHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('regionMap.js'),
      styleUris: [asset('codicons', 'codicon.css'), asset('regionMap.css')],
      title: this.panel.title,
      boot: JSON.stringify(boot),
    });
  }

  private post(message: RegionMapHostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseRegionMapMessage(raw);
    if (!message) {
      this.deps.log.warn(`region map: ignored a malformed message from the webview: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (e) {
      this.deps.log.error(`region map: ${message.type} failed: ${errorText(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Region map: {0}', errorText(e)));
    }
  }

  private async handle(message: RegionMapWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({
          type: 'init',
          scope: this.scope,
          range: this.last?.range ?? this.restored?.range ?? DEFAULT_RANGE,
          byAttachment: this.last?.result.byAttachment ?? this.restored?.byAttachment ?? false,
          ...(this.restored ? { metric: this.restored.metric } : {}),
        });
        if (this.last) this.post({ type: 'result', result: this.last.result });
        return;
      case 'load':
        return this.load(message.requestId, message.range, message.byAttachment);
      case 'cancel':
        if (this.current?.requestId === message.requestId) this.current.abort.abort();
        return;
      case 'openPair':
        return this.openPair(message.src, message.dst, message.attachmentId);
      case 'createMissing':
        return this.createMissing(message.from, message.to);
      case 'openPriceSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'cenFlowLogs.cost');
        return;
    }
  }

  private async load(requestId: string, range: TimeRangeSpec, byAttachment: boolean): Promise<void> {
    this.current?.abort.abort();
    const abort = new AbortController();
    this.current = { requestId, abort };
    const started = Date.now();
    try {
      this.post({ type: 'loading', requestId, done: 0, total: 0, message: vscode.l10n.t('Listing flow logs…') });
      const flowLogs = this.subject.flowLog ? [this.subject.flowLog] : [...(await this.deps.model.flowLogsOf(this.subject.cen))];
      const coverage = this.deps.model.coverageOf(this.subject.cen).then(
        (pairs) => ({ pairs }),
        (e: unknown) => ({ pairs: [] as PairCoverage[], error: errorText(e) }),
      );
      if (flowLogs.length === 0) throw new Error(vscode.l10n.t('{0} has no flow log: create one to see its traffic by region pair.', this.scope.title));
      // The coarsest capture window among the flow logs: a half window would under-count.
      const interval = Math.max(...flowLogs.map((f) => f.interval));
      const resolved = resolveWorkbenchRange(range, interval, new Date());
      const sls = await this.deps.sls();
      this.post({ type: 'loading', requestId, done: 0, total: flowLogs.length, message: flowLogs.length === 1 ? vscode.l10n.t('Asking 1 flow log…') : vscode.l10n.t('Asking {0} flow logs…', flowLogs.length) });
      const answer = await cenRegionTraffic(sls, flowLogs, {
        range: resolved,
        byAttachment,
        signal: abort.signal,
        onAnswer: (a, done, total) => {
          if (!abort.signal.aborted) this.post({ type: 'loading', requestId, done, total, message: vscode.l10n.t('{0} answered ({1} of {2})', a.source.name, done, total) });
        },
      });
      if (abort.signal.aborted) throw new vscode.CancellationError();
      const cov = await coverage;
      const result: RegionMapResult = {
        requestId,
        rangeLabel: resolved.label,
        byAttachment,
        traffic: answer.traffic,
        sources: answer.perFlowLog.map((a) => a.source),
        coverage: cov.pairs.flatMap((p) => [p.forward, p.back]).map(coverageInfo),
        ...('error' in cov && cov.error ? { coverageError: cov.error } : {}),
        cost: costInfo(answer.traffic),
        attachmentNames: attachmentNames(cov.pairs),
        countNotes: answer.bases.flatMap((b) => {
          const sentence = basisSentence(b);
          return sentence ? [{ src: b.src, dst: b.dst, sentence }] : [];
        }),
      };
      this.last = { result, perFlowLog: answer.perFlowLog, bases: answer.bases, coverage: cov.pairs, range, flowLogs };
      this.deps.log.info(`region map: ${this.scope.title}: ${answer.traffic.length} rows from ${flowLogs.length} flow logs in ${Date.now() - started} ms`);
      this.post({ type: 'result', result });
    } catch (e) {
      if (abort.signal.aborted) this.post({ type: 'cancelled', requestId });
      else this.post({ type: 'failed', requestId, message: errorText(e) });
    } finally {
      if (this.current?.requestId === requestId) this.current = undefined;
    }
  }

  /** The records behind a cell or link: a workbench per flow log the pair's numbers were counted from. */
  private async openPair(src: string, dst: string, attachmentId?: string): Promise<void> {
    const last = this.last;
    if (!last) return;
    const counted = new Set(last.bases.find((b) => b.src === src && b.dst === dst)?.countedFlowLogIds ?? []);
    const concerned = last.perFlowLog.filter(
      (a) => counted.has(a.source.flowLogId) && a.traffic.some((t) => t.src === src && t.dst === dst && (attachmentId === undefined || t.attachmentId === attachmentId)),
    );
    const flowLogs = concerned.map((a) => last.flowLogs.find((f) => f.flowLogId === a.source.flowLogId)).filter((f): f is FlowLog => f !== undefined);
    if (flowLogs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No flow log captured {0} → {1} in this range.', src, dst));
      return;
    }
    const query = pairRecordsQuery(src, dst, attachmentId);
    for (const f of flowLogs) await this.deps.panels.open(flowLogTargetInput(f), { query, range: last.range, run: true });
  }

  private async createMissing(from: string, to: string): Promise<void> {
    const d = this.last?.coverage.flatMap((p) => [p.forward, p.back]).find((x) => x.from === from && x.to === to);
    if (!d || !d.router) throw new Error(vscode.l10n.t('{0} → {1} has no transit router of this CEN on the sending side.', from, to));
    await vscode.commands.executeCommand('cenFlowLogs.flowLog.create', {
      prefill: { cen: this.subject.cen, router: d.router, attachment: d.attachment, name: `${from}-to-${to}` },
    });
  }
}

function coverageInfo(d: PairCoverage['forward']): CoverageInfo {
  return { from: d.from, to: d.to, state: d.state, sentence: directionSentence(d), canCreate: d.state === 'notLogged' && d.router !== undefined };
}

function attachmentNames(pairs: readonly PairCoverage[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const d of pairs.flatMap((p) => [p.forward, p.back])) if (d.attachment) names[d.attachment.attachmentId] = d.attachment.name || vscode.l10n.t('{0} → {1} connection', d.from, d.to);
  return names;
}

/** The cost lens from the settings as they are now. */
function costInfo(traffic: readonly RegionPairTraffic[]): CostInfo {
  const config = vscode.workspace.getConfiguration('cenFlowLogs');
  const { table, problems } = parsePriceTable(config.get<unknown>(PRICE_SETTING));
  const currency = config.get<string>(CURRENCY_SETTING, 'USD');
  if (isEmptyPriceTable(table)) return { currency, configured: false, problems: problems.map((p) => p.message) };
  return { currency, configured: true, problems: problems.map((p) => p.message), estimate: estimateCost(traffic, table) };
}
