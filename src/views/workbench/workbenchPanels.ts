/**
 * The open workbench panels: one per flow log (or project/logstore), revealed when asked for
 * again, and restored after a window reload by the panel serializer from the webview's state.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import { newerViewState, parsePersistedWorkbenchState, parseWebviewMessage, type WorkbenchViewState } from '../../protocol/messages';
import type { KeyValueStore } from './queryHistory';
import { OpenPanelRecord } from './openPanelRecord';
import { panelTitle } from './openPanelsFile';
import { historyKey } from './queryHistory';
import { WORKBENCH_VIEW_TYPE, WorkbenchPanel, webviewOptions, type WorkbenchPanelDeps } from './workbenchPanel';
import { intentView, type QueryIntent } from './panelViewState';
import type { FieldSchema } from '../../flowlogs/fieldSchema';
import { indexProblem, offerIndex } from './indexOffer';
import { buildTarget, schemaFields, targetSchema, withRouterAttachmentNames, type LogstoreTargetInput } from './workbenchTarget';

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
    const [schema, named] = await Promise.all([this.schema(input), this.named(input)]);
    const target = buildTarget(named, schemaFields(schema));
    // Another open may have finished while the index was being read.
    const raced = this.panels.get(historyKey(target));
    if (raced) {
      await raced.show(intent);
      return raced;
    }
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(target), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    // The page is rendered with the intent's query: nothing has to be put into its editor later.
    const view = intent ? intentView(intent) : undefined;
    const workbench = this.track(panel, target, view, intent?.run === true);
    await this.record?.put(target, view);
    this.offerIndexFor(workbench, named, schema);
    return workbench;
  }

  /**
   * Opens one more panel on a logstore even when one is open, so earlier results stay beside the
   * new run (Run in New Panel of query files). The newest panel is the one `open` reveals from then on.
   */
  async openAnother(input: LogstoreTargetInput, intent: QueryIntent): Promise<WorkbenchPanel> {
    const [schema, named] = await Promise.all([this.schema(input), this.named(input)]);
    const target = buildTarget(named, schemaFields(schema));
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(target), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    const view = intentView(intent);
    const workbench = this.track(panel, target, view, intent.run);
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

  /**
   * Reopens the recorded panels VS Code has no tab for: its editor layout is kept in storage that a
   * browser window flushes every 5 s, so closing the tab right after opening a panel loses the tab,
   * while our record (written at once) still has the panel and what was typed in it.
   */
  reopenWithoutTab(tabLabels: ReadonlySet<string>): number {
    const missing = this.record?.withoutTab(tabLabels, new Set(this.panels.keys())) ?? [];
    for (const entry of missing) {
      const options = { viewColumn: vscode.ViewColumn.Active, preserveFocus: true };
      const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(entry.target), options, webviewOptions(this.deps.extensionUri));
      this.track(panel, entry.target, entry.view, false);
    }
    if (missing.length > 0) this.deps.log.info(`workbench: reopened ${missing.length} query panel(s) that VS Code had no tab for`);
    return missing.length;
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

  /** The flow log's schema against the logstore's index; without a readable index, the flow log's own fields. */
  private async schema(input: LogstoreTargetInput): Promise<FieldSchema> {
    try {
      const sls = await this.deps.sls();
      return targetSchema(input, await sls.getIndex({ regionId: input.regionId, projectName: input.projectName, logStoreName: input.logStoreName }));
    } catch (e) {
      this.deps.log.warn(`workbench: could not read the index of ${input.projectName}/${input.logStoreName}, offering the flow log's fields unchecked (${errorText(e)})`);
      return targetSchema(input, 'unknown');
    }
  }

  /** The input with its router's attachments named; without them (no lister, a failed listing) the ids show as they are. */
  private async named(input: LogstoreTargetInput): Promise<LogstoreTargetInput> {
    const namesOf = this.deps.attachmentNames;
    if (!namesOf) return input;
    try {
      return await withRouterAttachmentNames(input, namesOf);
    } catch (e) {
      this.deps.log.warn(`workbench: could not name the attachments of ${input.transitRouter?.transitRouterId ?? '?'}; attachment-id cells show ids only (${errorText(e)})`);
      return input;
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
