/**
 * The open workbench panels: one per flow log (or project/logstore) and one per CEN, revealed
 * when asked for again, and restored after a window reload by the panel serializer from the
 * webview's state.
 */
import * as vscode from 'vscode';
import { errorText } from '../../errorText';
import { newerViewState, parsePersistedWorkbenchState, parseWebviewMessage, type CenTarget, type QueryDocumentTie, type TimeRangeSpec, type WorkbenchTarget, type WorkbenchViewState } from '../../protocol/messages';
import type { FlowLog } from '../../cloud/cenApi';
import { regionName } from '../../flowlogs/regions';
import type { KeyValueStore } from './queryHistory';
import { documentPanelKey, OpenPanelRecord, type OpenPanelEntry } from './openPanelRecord';
import { panelTitle } from './openPanelsFile';
import { historyKey, targetKey } from './queryHistory';
import { WORKBENCH_VIEW_TYPE, WorkbenchPanel, webviewOptions, type WorkbenchPanelDeps } from './workbenchPanel';
import { intentView, type QueryIntent } from './panelViewState';
import type { FieldSchema } from '../../flowlogs/fieldSchema';
import { indexProblem, offerIndex } from './indexOffer';
import { buildCenTarget, buildTarget, cenMember, commonFields, memberTargetInput, schemaFields, targetSchema, withRouterAttachmentNames, type LogstoreTargetInput } from './workbenchTarget';

export class WorkbenchPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, WorkbenchPanel>();
  /** Each query document's own panel (by document URI), apart from the flow logs' panels. */
  private readonly documentPanels = new Map<string, WorkbenchPanel>();
  private readonly record: OpenPanelRecord | undefined;

  /** `recordStore` (optional) keeps the record of open panels that restoring prefers when newer. */
  constructor(
    deps: WorkbenchPanelDeps,
    recordStore?: KeyValueStore,
  ) {
    this.deps = { ...deps, runPerFlowLog: (target, query, range) => this.runPerFlowLog(target, query, range) };
    this.record = recordStore ? new OpenPanelRecord(recordStore, targetKey) : undefined;
  }

  private readonly deps: WorkbenchPanelDeps;

  /**
   * Opens (or reveals) the panel over every flow log of a CEN. Its fields are those all of them
   * have; its ranges snap to the coarsest capture window among them.
   */
  async openCen(cen: { readonly cenId: string; readonly title: string; readonly flowLogs: readonly FlowLog[] }, intent?: QueryIntent, fromDocument = false): Promise<WorkbenchPanel> {
    const key = `cen:${cen.cenId}`;
    const existing = this.panels.get(key);
    if (existing) {
      await existing.show(intent, fromDocument);
      return existing;
    }
    if (cen.flowLogs.length === 0) throw new Error(vscode.l10n.t('The CEN {0} has no flow log to query. Create one first (context menu → Create Flow Log).', cen.title));
    const members = cen.flowLogs.map(cenMember);
    const schemas = await Promise.all(members.map(async (m) => schemaFields(await this.schema(memberTargetInput(cen.cenId, m)))));
    const target = buildCenTarget(cen.cenId, cen.title, members, commonFields(schemas));
    const raced = this.panels.get(key);
    if (raced) {
      await raced.show(intent, fromDocument);
      return raced;
    }
    return this.createShared(target, intent, fromDocument);
  }

  /** Opens (or reveals) the panel of a CEN target already built (a compare panel restored after a reload opens its records here). */
  async openCenTarget(target: CenTarget, intent?: QueryIntent): Promise<WorkbenchPanel> {
    const existing = this.panels.get(`cen:${target.cenId}`);
    if (existing) {
      await existing.show(intent);
      return existing;
    }
    return this.createShared(target, intent);
  }

  /**
   * A new shared panel on a target, rendered with the intent's query (nothing is put into its editor
   * later), and recorded. Run from a document it opens beside the document, which keeps the focus.
   */
  private async createShared(target: WorkbenchTarget, intent: QueryIntent | undefined, fromDocument = false): Promise<WorkbenchPanel> {
    const show = fromDocument ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(target), show, webviewOptions(this.deps.extensionUri));
    const view = intent ? intentView(intent) : undefined;
    const workbench = this.track(panel, target, view, intent?.run === true);
    await this.record?.put(target, view);
    return workbench;
  }

  /** A CEN panel's statement that cannot be merged, run on the flow log the user picks, in its own panel. */
  private async runPerFlowLog(target: CenTarget, query: string, range: TimeRangeSpec): Promise<void> {
    const pick = await vscode.window.showQuickPick(
      target.members.map((m) => ({ label: m.title, description: `${regionName(m.regionId)} · ${m.projectName}/${m.logStoreName}`, member: m })),
      { title: vscode.l10n.t('Run on one flow log of {0}', target.title), placeHolder: vscode.l10n.t('The statement cannot be merged across the CEN; pick the flow log to run it on') },
    );
    if (pick) await this.open(memberTargetInput(target.cenId, pick.member), { query, range, run: true });
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
    const workbench = await this.createShared(target, intent);
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
    // Beside the document it is run from, which keeps the focus.
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(target), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.deps.extensionUri));
    const view = intentView(intent);
    const workbench = this.track(panel, target, view, intent.run);
    await this.record?.put(target, view);
    return workbench;
  }

  /**
   * The panel of a query document: reused by each run from it (revealed with the new query, the
   * document keeping the focus), and replaced in place when a run targets another logstore. It is
   * not the flow log's own panel, so the explorer's Open Query Workbench and other documents never
   * take it over. It is recorded with its document, so a reload or an extension-host restart ties
   * it to the document again.
   */
  async openForDocument(document: QueryDocumentTie, input: LogstoreTargetInput, intent: QueryIntent): Promise<WorkbenchPanel> {
    const existing = this.documentPanels.get(document.uri);
    if (existing && existing.key === historyKey(input)) {
      await existing.show(intent);
      return existing;
    }
    const target = buildTarget(input, schemaFields(await this.schema(input)));
    const title = panelTitle(target, document);
    // Beside the document, which keeps the focus: the next statement can be run at once.
    const column = existing?.panel.viewColumn ?? (await this.closeUnrevivedTabs(title)) ?? vscode.ViewColumn.Beside;
    const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, title, { viewColumn: column, preserveFocus: true }, webviewOptions(this.deps.extensionUri));
    const view = intentView(intent);
    // The document's statements now run on another flow log: its panel follows them.
    existing?.dispose();
    const workbench = this.trackDocumentPanel(panel, target, view, intent.run, document);
    await this.record?.put(target, view, document);
    return workbench;
  }

  /**
   * VS Code revives a restored panel only once its tab is shown: a document's panel left in a
   * background tab at reload is not tied yet. Its tab is closed, so the new panel is still the
   * document's only one, and takes its place (the column returned).
   */
  private async closeUnrevivedTabs(title: string): Promise<vscode.ViewColumn | undefined> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.filter((t) => t.label === title && t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(WORKBENCH_VIEW_TYPE)));
    if (tabs.length === 0) return undefined;
    await vscode.window.tabGroups.close(tabs, true);
    return tabs[0].group.viewColumn;
  }

  /** Panels currently open, for tests and commands. */
  get openPanels(): readonly WorkbenchPanel[] {
    return [...new Set([...this.panels.values(), ...this.documentPanels.values()])];
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = this.restoredState(state);
    if (!restored) {
      // Nothing trustworthy to restore (older state or none): close instead of showing an empty shell.
      this.deps.log.warn('workbench: a query panel could not be restored after reload (no valid saved state); it was closed.');
      panel.dispose();
      return;
    }
    const { document } = restored;
    if (document) {
      // A query document's panel: tied to its document again (one panel per document).
      if (this.documentPanels.has(document.uri)) {
        panel.dispose();
        return;
      }
      this.trackDocumentPanel(panel, restored.target, restored.view, false, document);
      await this.record?.put(restored.target, restored.view, document);
      return;
    }
    const key = targetKey(restored.target);
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
    const open = new Set([...this.panels.keys(), ...[...this.documentPanels.keys()].map((uri) => documentPanelKey({ uri, title: '' }))]);
    const missing = this.record?.withoutTab(tabLabels, open) ?? [];
    for (const entry of missing) {
      const options = { viewColumn: vscode.ViewColumn.Active, preserveFocus: true };
      const panel = vscode.window.createWebviewPanel(WORKBENCH_VIEW_TYPE, panelTitle(entry.target, entry.document), options, webviewOptions(this.deps.extensionUri));
      if (entry.document) this.trackDocumentPanel(panel, entry.target, entry.view, false, entry.document);
      else this.track(panel, entry.target, entry.view, false);
    }
    if (missing.length > 0) this.deps.log.info(`workbench: reopened ${missing.length} query panel(s) that VS Code had no tab for`);
    return missing.length;
  }

  private disposing = false;

  dispose(): void {
    this.disposing = true;
    for (const p of this.openPanels) p.stop();
    this.panels.clear();
    this.documentPanels.clear();
  }

  /** The target, newest view state and document tie of a panel VS Code restores: its own saved state or the record's. */
  private restoredState(state: unknown): OpenPanelEntry | undefined {
    const own = parsePersistedWorkbenchState(state);
    if (own) {
      const tie = own.document ? { document: own.document } : {};
      return { target: own.target, view: newerViewState(this.record?.get(own.target, own.document)?.view, own.view), ...tie };
    }
    // A state without the target (an older version's): the record says which flow log it showed.
    const parsed = parseWebviewMessage({ type: 'stateChanged', state });
    const view = parsed?.type === 'stateChanged' ? parsed.state : undefined;
    const entry = this.record?.match(view, new Set(this.panels.keys()));
    return entry ? { ...entry, view: newerViewState(entry.view, view) } : undefined;
  }

  /** A query document's own panel: recorded with its document, and the one its runs show in. */
  private trackDocumentPanel(webviewPanel: vscode.WebviewPanel, target: WorkbenchTarget, view: WorkbenchViewState | undefined, run: boolean, document: QueryDocumentTie): WorkbenchPanel {
    const workbench = this.track(webviewPanel, target, view, run, { shared: false, document });
    this.documentPanels.set(document.uri, workbench);
    workbench.onDidDispose(() => {
      if (this.documentPanels.get(document.uri) === workbench) this.documentPanels.delete(document.uri);
    });
    return workbench;
  }

  /**
   * `shared`: the panel `open` reveals for its logstore from now on (a document's panel is not);
   * `document`: the query document it belongs to, recorded with it.
   */
  private track(
    webviewPanel: vscode.WebviewPanel,
    target: WorkbenchTarget,
    view: WorkbenchViewState | undefined,
    run: boolean,
    options: { readonly shared: boolean; readonly document?: QueryDocumentTie } = { shared: true },
  ): WorkbenchPanel {
    const { document } = options;
    const persist = async (v: WorkbenchViewState): Promise<void> => this.record?.put(target, v, document);
    const panel = new WorkbenchPanel(webviewPanel, target, this.deps, { view, run, persist, ...(document ? { document } : {}) });
    if (options.shared) this.panels.set(panel.key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
      // Closed by the user: forget it. (On window reload the extension host stops first, so
      // panels that will be restored are not removed here.)
      if (!this.disposing) void this.record?.remove(panel.target, document);
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
