/**
 * The before/after compare view: one webview panel per source with a small form (compare by, range,
 * earlier range) and a sortable table of deltas. It resolves both ranges (snapped to capture
 * windows), runs the two aggregations through the source (cancellable), and opens the records of a
 * row in the query workbench on that row's range.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import {
  parseCompareWebviewMessage,
  type CompareBoot,
  type CompareForm,
  type CompareHostMessage,
  type CompareRangeOption,
  type CompareRestore,
  type CompareResultView,
} from '../../protocol/compareMessages';
import type { TimeRangeSpec } from '../../protocol/messages';
import { COMPARE_DIMENSIONS, dimensionInfo, dimensionUnavailable, keyLabel, rowRecordsQuery } from '../../query/compareQuery';
import { EARLIER_CHOICES, earlierRange, type EarlierChoice } from '../../query/compareRange';
import { CompareError, runCompare, type CompareOutcome, type CompareSource } from '../../query/compareRun';
import { describeRange, parseTimeRange, resolveTimeRange, QUICK_RANGES } from '../../query/timeRange';
import { resolveWorkbenchRange } from '../workbench/workbenchLanguage';
import { buildWorkbenchHtml, createNonce } from '../workbench/workbenchHtml';
import { webviewOptions, webviewRoot } from '../workbench/workbenchPanel';

import { COMPARE_VIEW_TYPE } from '../../activation/contributions';
import { hostL10nSetup } from '../../activation/hostL10n';

/** Opens the records behind a row: a search over an absolute range, in the query workbench. */
export type RecordsOpener = (query: string, range: TimeRangeSpec) => Promise<void>;

export interface ComparePanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
}

/** What a command opens the view with. */
export interface CompareIntent {
  readonly source: CompareSource;
  readonly openRecords: RecordsOpener;
  /** The range to start from (a workbench's); default: the last 24 hours. */
  readonly range?: TimeRangeSpec;
  /** The source and range as plain data, kept by the page so the panel comes back after Reload Window. */
  readonly restore: CompareRestore;
}

const DEFAULT_RANGE_ID = '24h';

/** The current-range choices: the quick ranges, plus the workbench's own range when it is none of them. */
export function rangeOptions(start: TimeRangeSpec | undefined): { options: CompareRangeOption[]; selected: string } {
  const options: CompareRangeOption[] = QUICK_RANGES.map((q) => ({ id: q.id, label: q.label, spec: q.spec.kind === 'relative' ? quickSpec(q.spec.amount, q.spec.unit) : q.spec }));
  if (!start) return { options, selected: DEFAULT_RANGE_ID };
  const minutes = start.kind === 'quick' ? start.minutes : start.kind === 'relative' ? quickMinutes(start.amount, start.unit) : undefined;
  const same = options.find((o) => o.spec.kind === 'quick' && o.spec.minutes === minutes);
  if (same) return { options, selected: same.id };
  const label = start.kind === 'absolute' ? describeRange(start) : vscode.l10n.t('Last {0} minutes', minutes ?? '?');
  return { options: [{ id: 'workbench', label: vscode.l10n.t('Workbench range: {0}', label), spec: start }, ...options], selected: 'workbench' };
}

function quickMinutes(amount: number, unit: 'minutes' | 'hours' | 'days'): number {
  return amount * (unit === 'minutes' ? 1 : unit === 'hours' ? 60 : 1440);
}

function quickSpec(amount: number, unit: 'minutes' | 'hours' | 'days'): TimeRangeSpec {
  return { kind: 'quick', minutes: quickMinutes(amount, unit) };
}

export class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private running: { readonly requestId: number; readonly abort: AbortController } | undefined;
  private last: CompareOutcome | undefined;
  private form: CompareForm;
  private ranges: CompareRangeOption[];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private intent: CompareIntent,
    private readonly deps: ComparePanelDeps,
    /** The form a panel restored after Reload Window had (compared again at once). */
    restoredForm?: CompareForm,
  ) {
    const { options, selected } = rangeOptions(intent.range);
    this.ranges = options;
    const firstAvailable = COMPARE_DIMENSIONS.find((d) => !dimensionUnavailable(d.id, intent.source.fields))?.id ?? 'source';
    const restored = restoredForm && options.some((o) => o.id === restoredForm.rangeId) ? restoredForm : undefined;
    this.form = restored ?? { dimension: firstAvailable, rangeId: selected, earlier: 'previousPeriod', pickedText: '' };
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render(true);
  }

  /** Shows the panel again; a new intent (another range) re-renders and compares at once. */
  show(intent?: CompareIntent): void {
    if (intent) {
      this.intent = intent;
      const { options, selected } = rangeOptions(intent.range);
      this.ranges = options;
      this.form = { ...this.form, rangeId: selected };
      this.render(true);
    }
    this.panel.reveal(undefined, false);
  }

  private render(run: boolean): void {
    const { source } = this.intent;
    this.panel.title = compareTitle(source.title);
    const boot: CompareBoot = {
      title: source.title,
      dimensions: COMPARE_DIMENSIONS.map((d) => ({ id: d.id, label: d.label, unavailable: dimensionUnavailable(d.id, source.fields) })),
      ranges: this.ranges,
      earlierChoices: EARLIER_CHOICES,
      form: this.form,
      run,
      restore: this.intent.restore,
      l10n: hostL10nSetup(),
    };
    const webview = this.panel.webview;
    const root = webviewRoot(this.deps.extensionUri);
    webview.html = buildWorkbenchHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'compare.js')).toString(),
      styleUris: [vscode.Uri.joinPath(root, 'compare.css'), vscode.Uri.joinPath(root, 'codicons', 'codicon.css')].map((u) => webview.asWebviewUri(u).toString()),
      title: compareTitle(source.title),
      boot: JSON.stringify(boot),
    });
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseCompareWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn('compare: ignored a message the page should not send');
      return;
    }
    switch (message.type) {
      case 'ready':
        return;
      case 'formChanged':
        this.form = message.form;
        return;
      case 'cancel':
        if (this.running?.requestId === message.requestId) this.running.abort.abort();
        return;
      case 'compare':
        this.form = message.form;
        await this.compare(message.requestId, message.form);
        return;
      case 'openRecords': {
        const last = this.last;
        if (!last) return;
        const range = message.side === 'current' ? last.current : last.earlier;
        try {
          await this.intent.openRecords(rowRecordsQuery(last.dimension, message.key), { kind: 'absolute', from: range.from, to: range.to });
        } catch (e) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Opening the records failed: {0}', errorText(e)));
        }
        return;
      }
    }
  }

  private async compare(requestId: number, form: CompareForm): Promise<void> {
    this.running?.abort.abort();
    const { source } = this.intent;
    const option = this.ranges.find((r) => r.id === form.rangeId);
    if (!option) return this.post({ type: 'failed', requestId, message: vscode.l10n.t('Choose the range to compare.') });
    const now = new Date();
    let current;
    try {
      current = resolveWorkbenchRange(option.spec, source.interval, now);
    } catch (e) {
      return this.post({ type: 'failed', requestId, message: errorText(e) });
    }
    const choice = this.earlierChoice(form, Math.floor(now.getTime() / 1000));
    if (!choice.ok) return this.post({ type: 'failed', requestId, message: choice.message, field: 'picked' });
    const earlier = earlierRange(current, choice.choice, source.interval);
    if (!earlier.ok) return this.post({ type: 'failed', requestId, message: earlier.message, field: form.earlier === 'picked' ? 'picked' : undefined });
    const abort = new AbortController();
    this.running = { requestId, abort };
    await this.post({ type: 'running', requestId, current: describeRange(current), earlier: describeRange(earlier.range) });
    this.deps.log.info(`compare: ${source.title} by ${form.dimension}, ${describeRange(current)} vs ${describeRange(earlier.range)}`);
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing {0}', source.title) },
        () => runCompare(source, form.dimension, current, earlier.range, abort.signal),
      );
      if (this.running?.requestId !== requestId) return;
      this.last = outcome;
      await this.post({ type: 'result', requestId, result: resultView(outcome) });
    } catch (e) {
      if (abort.signal.aborted) {
        await this.post({ type: 'cancelled', requestId });
        return;
      }
      const message = e instanceof CompareError ? e.message : errorText(e);
      this.deps.log.warn(`compare: ${message}`);
      await this.post({ type: 'failed', requestId, message });
    } finally {
      if (this.running?.requestId === requestId) this.running = undefined;
    }
  }

  /** The earlier choice from the form; a picked range is parsed here so a typo gets a plain message. */
  private earlierChoice(form: CompareForm, nowSeconds: number): { ok: true; choice: EarlierChoice } | { ok: false; message: string } {
    if (form.earlier !== 'picked') return { ok: true, choice: { kind: form.earlier } };
    const parsed = parseTimeRange(form.pickedText);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    return { ok: true, choice: { kind: 'picked', range: resolveTimeRange(parsed.spec, nowSeconds) } };
  }

  private async post(message: CompareHostMessage): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.running?.abort.abort();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** The panel's tab title. */
function compareTitle(sourceTitle: string): string {
  return vscode.l10n.t('Compare: {0}', sourceTitle);
}

/** The outcome as the page shows it: labels for keys and ranges. */
export function resultView(outcome: CompareOutcome): CompareResultView {
  const info = dimensionInfo(outcome.dimension);
  return {
    dimension: outcome.dimension,
    keyHeading: info.keyLabels.join(' → '),
    current: { ...outcome.current, label: describeRange(outcome.current) },
    earlier: { ...outcome.earlier, label: describeRange(outcome.earlier) },
    rows: outcome.entries.map((e) => ({
      key: e.key,
      label: keyLabel(outcome.dimension, e.key),
      status: e.status,
      earlierBytes: e.earlierBytes,
      currentBytes: e.currentBytes,
      difference: e.difference,
      ratio: e.ratio,
    })),
    totals: outcome.totals,
    truncated: outcome.truncated,
    incomplete: outcome.incomplete,
    ...(outcome.counting ? { counting: outcome.counting } : {}),
  };
}

/** The open compare panels, one per source title (a command for the same source reveals it). */
export class ComparePanels implements vscode.Disposable {
  private readonly panels = new Map<string, ComparePanel>();

  constructor(private readonly deps: ComparePanelDeps) {}

  open(key: string, intent: CompareIntent): ComparePanel {
    const existing = this.panels.get(key);
    if (existing) {
      existing.show(intent);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, compareTitle(intent.source.title), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    return this.track(key, new ComparePanel(panel, intent, this.deps));
  }

  /** A panel VS Code hands back after Reload Window, with the form it had; a second one for the same source is closed. */
  restore(key: string, panel: vscode.WebviewPanel, intent: CompareIntent, form: CompareForm): void {
    if (this.panels.has(key)) {
      panel.dispose();
      return;
    }
    this.track(key, new ComparePanel(panel, intent, this.deps, form));
  }

  private track(key: string, compare: ComparePanel): ComparePanel {
    this.panels.set(key, compare);
    compare.onDidDispose(() => this.panels.delete(key));
    return compare;
  }

  get openPanels(): readonly ComparePanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
