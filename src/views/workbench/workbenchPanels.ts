/**
 * The open workbench panels: one per flow log (or project/logstore), revealed when asked for
 * again, and restored after a window reload by the panel serializer from the webview's state.
 */
import * as vscode from 'vscode';
import { parsePersistedWorkbenchState, parseWebviewMessage, type WorkbenchViewState } from '../../protocol/messages';
import { OpenPanelRecord } from './openPanelRecord';
import { historyKey } from './queryHistory';
import { WORKBENCH_VIEW_TYPE, WorkbenchPanel, webviewOptions, type QueryIntent, type WorkbenchPanelDeps } from './workbenchPanel';
import type { FieldSchema } from '../../flowlogs/fieldSchema';
import { indexProblem, offerIndex } from './indexOffer';
import { buildTarget, schemaFields, targetSchema, type LogstoreTargetInput } from './workbenchTarget';

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
    const schema = await this.schema(input);
    const target = buildTarget(input, schemaFields(schema));
    // Another open may have finished while the index was being read.
    const raced = this.panels.get(historyKey(target));
    if (raced) {
      raced.show(intent);
      return raced;
    }
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, `Query: ${target.title}`, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    const workbench = this.track(new WorkbenchPanel(panel, target, this.deps));
    workbench.show(intent);
    this.offerIndexFor(workbench, input, schema);
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

  /** The flow log's schema against the logstore's index; without a readable index, the flow log's own fields. */
  private async schema(input: LogstoreTargetInput): Promise<FieldSchema> {
    try {
      const sls = await this.deps.sls();
      return targetSchema(input, await sls.getIndex({ regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName }));
    } catch (e) {
      this.deps.log.warn(`workbench: could not read the index of ${input.projectName}/${input.logStoreName}, offering the flow log's fields unchecked (${e instanceof Error ? e.message : String(e)})`);
      return targetSchema(input, 'unknown');
    }
  }

  /** No index, or one lacking fields the flow log writes: say so, offer Create Index, and give the panel the new fields. */
  private offerIndexFor(panel: WorkbenchPanel, input: LogstoreTargetInput, schema: FieldSchema): void {
    const ref = { regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName };
    const problem = indexProblem(ref, schema);
    if (!problem) return;
    void offerIndex(this.deps.sls, ref, problem.message, problem.keys, this.deps.log).then(async (added) => {
      if (added) panel.retarget(buildTarget(input, schemaFields(await this.schema(input))));
    });
  }
}
