/**
 * The open workbench panels: one per flow log (or project/logstore), revealed when asked for
 * again, and restored after a window reload by the panel serializer from the webview's state.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import type { SlsApi } from '../../cloud/slsApi';
import { newerViewState, parsePersistedWorkbenchState, parseWebviewMessage, type FieldInfo, type WorkbenchViewState } from '../../protocol/messages';
import type { KeyValueStore } from './queryHistory';
import { OpenPanelRecord } from './openPanelRecord';
import { historyKey } from './queryHistory';
import { WORKBENCH_VIEW_TYPE, WorkbenchPanel, webviewOptions, type WorkbenchPanelDeps } from './workbenchPanel';
import { intentView, type QueryIntent } from './panelViewState';
import { buildTarget, catalogFields, fieldsFromIndex, type LogstoreTargetInput } from './workbenchTarget';

export class WorkbenchPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, WorkbenchPanel>();
  private readonly record: OpenPanelRecord | undefined;

  /** `recordStore` (optional) keeps the record of open panels that restoring prefers when newer. */
  constructor(
    private readonly deps: WorkbenchPanelDeps,
    recordStore?: KeyValueStore,
  ) {
    this.record = recordStore ? new OpenPanelRecord(recordStore, historyKey) : undefined;
  }

  /** Opens (or reveals) the panel for a logstore and hands it the query intent. */
  async open(input: LogstoreTargetInput, intent?: QueryIntent): Promise<WorkbenchPanel> {
    const existing = this.panels.get(historyKey(input));
    if (existing) {
      await existing.show(intent);
      return existing;
    }
    const target = buildTarget(input, await this.fields(input));
    // Another open may have finished while the index was being read.
    const raced = this.panels.get(historyKey(target));
    if (raced) {
      await raced.show(intent);
      return raced;
    }
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, `Query: ${target.title}`, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    // The page is rendered with the intent's query: nothing has to be put into its editor later.
    const view = intent ? intentView(intent) : undefined;
    const workbench = this.track(panel, target, view, intent?.run === true);
    await this.record?.put(target, view);
    return workbench;
  }

  /** Panels currently open, for tests and commands. */
  get openPanels(): readonly WorkbenchPanel[] {
    return [...this.panels.values()];
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = this.restoredState(state);
    if (!restored) {
      // Nothing trustworthy to restore (older state or none): close instead of showing an empty shell.
      this.deps.log.warn('workbench: a query panel could not be restored after reload (no valid saved state); it was closed.');
      panel.dispose();
      return;
    }
    const key = historyKey(restored.target);
    if (this.panels.has(key)) {
      panel.dispose();
      return;
    }
    this.track(panel, restored.target, restored.view, false);
    await this.record?.put(restored.target, restored.view);
  }

  private disposing = false;

  dispose(): void {
    this.disposing = true;
    for (const p of [...this.panels.values()]) p.stop();
    this.panels.clear();
  }

  /** The target and the newest view state of a panel VS Code restores: its own saved state or the record's. */
  private restoredState(state: unknown): { target: WorkbenchPanel['target']; view?: WorkbenchViewState } | undefined {
    const own = parsePersistedWorkbenchState(state);
    if (own) return { target: own.target, view: newerViewState(this.record?.get(own.target)?.view, own.view) };
    // A state without the target (an older version's): the record says which flow log it showed.
    const parsed = parseWebviewMessage({ type: 'stateChanged', state });
    const view = parsed?.type === 'stateChanged' ? parsed.state : undefined;
    const entry = this.record?.match(view, new Set(this.panels.keys()));
    return entry ? { target: entry.target, view: newerViewState(entry.view, view) } : undefined;
  }

  private track(webviewPanel: vscode.WebviewPanel, target: WorkbenchPanel['target'], view: WorkbenchViewState | undefined, run: boolean): WorkbenchPanel {
    const persist = async (v: WorkbenchViewState): Promise<void> => this.record?.put(target, v);
    const panel = new WorkbenchPanel(webviewPanel, target, this.deps, { view, run, persist });
    this.panels.set(panel.key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
      // Closed by the user: forget it. (On window reload the extension host stops first, so
      // panels that will be restored are not removed here.)
      if (!this.disposing) void this.record?.remove(panel.target);
    });
    return panel;
  }

  /** Fields from the logstore's index; the catalog when there is none or it cannot be read. */
  private async fields(input: LogstoreTargetInput): Promise<FieldInfo[]> {
    let sls: SlsApi;
    try {
      sls = await this.deps.sls();
    } catch {
      return catalogFields();
    }
    try {
      const index = await sls.getIndex({ regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName });
      const fields = index ? fieldsFromIndex(index) : [];
      return fields.length > 0 ? fields : catalogFields();
    } catch (e) {
      this.deps.log.warn(`workbench: could not read the index of ${input.projectName}/${input.logStoreName}, using the flow-log field catalog (${errorText(e)})`);
      return catalogFields();
    }
  }
}
