/**
 * The open workbench panels: one per flow log (or project/logstore), revealed when asked for
 * again, and restored after a window reload by the panel serializer from the webview's state.
 */
import * as vscode from 'vscode';
import type { SlsApi } from '../../cloud/slsApi';
import { parsePersistedWorkbenchState, parseWebviewMessage, type FieldInfo, type WorkbenchViewState } from '../../protocol/messages';
import { OpenPanelRecord } from './openPanelRecord';
import { historyKey } from './queryHistory';
import { WORKBENCH_VIEW_TYPE, WorkbenchPanel, webviewOptions, type QueryIntent, type WorkbenchPanelDeps } from './workbenchPanel';
import { buildTarget, catalogFields, fieldsFromIndex, type LogstoreTargetInput } from './workbenchTarget';

export class WorkbenchPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, WorkbenchPanel>();
  private readonly record: OpenPanelRecord | undefined;

  /** `workspaceState` (optional) keeps a record of open panels as a restore fallback. */
  constructor(
    private readonly deps: WorkbenchPanelDeps,
    workspaceState?: vscode.Memento,
  ) {
    this.record = workspaceState ? new OpenPanelRecord(workspaceState, historyKey) : undefined;
  }

  /** Opens (or reveals) the panel for a logstore and hands it the query intent. */
  async open(input: LogstoreTargetInput, intent?: QueryIntent): Promise<WorkbenchPanel> {
    const existing = this.panels.get(historyKey(input));
    if (existing) {
      existing.show(intent);
      return existing;
    }
    const target = buildTarget(input, await this.fields(input));
    // Another open may have finished while the index was being read.
    const raced = this.panels.get(historyKey(target));
    if (raced) {
      raced.show(intent);
      return raced;
    }
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, `Query: ${target.title}`, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    const workbench = this.track(new WorkbenchPanel(panel, target, this.deps));
    workbench.show(intent);
    return workbench;
  }

  /** Panels currently open, for tests and commands. */
  get openPanels(): readonly WorkbenchPanel[] {
    return [...this.panels.values()];
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parsePersistedWorkbenchState(state) ?? this.fromRecord(state);
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
    this.track(new WorkbenchPanel(panel, restored.target, this.deps, restored.view));
  }

  private disposing = false;

  dispose(): void {
    this.disposing = true;
    for (const p of [...this.panels.values()]) p.stop();
    this.panels.clear();
  }

  private fromRecord(state: unknown): { target: WorkbenchPanel['target']; view?: WorkbenchViewState } | undefined {
    const parsed = parseWebviewMessage({ type: 'stateChanged', state });
    const view = parsed?.type === 'stateChanged' ? parsed.state : undefined;
    const entry = this.record?.match(view, new Set(this.panels.keys()));
    return entry ? { target: entry.target, view: view ?? entry.view } : undefined;
  }

  private track(panel: WorkbenchPanel): WorkbenchPanel {
    this.panels.set(panel.key, panel);
    const remember = (): void => void this.record?.put(panel.target, panel.currentViewState);
    remember();
    panel.onDidChangeViewState(remember);
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
      this.deps.log.warn(`workbench: could not read the index of ${input.projectName}/${input.logStoreName}, using the flow-log field catalog (${e instanceof Error ? e.message : String(e)})`);
      return catalogFields();
    }
  }
}
