/**
 * A record of the open panels (target + last view state), written on every change. The panel
 * serializer gets what the webview last passed to setState as far as VS Code had saved it; this
 * record is newer when the window was reloaded right after a change, and says which flow log a
 * panel showed when the webview's state lacks the target. A query document's panel is recorded
 * apart from its flow log's (keyed by the document), with the document it is tied to.
 */
import { parsePersistedWorkbenchState, type PersistedWorkbenchState, type QueryDocumentTie, type WorkbenchTarget, type WorkbenchViewState } from '../../protocol/messages';
import type { KeyValueStore } from './queryHistory';
import { OPEN_PANELS_KEY as KEY, panelTitle } from './openPanelsFile';

export interface OpenPanelEntry {
  readonly target: WorkbenchTarget;
  readonly view?: WorkbenchViewState;
  readonly document?: QueryDocumentTie;
}

/** The record key of a document's panel; a flow log's (or CEN's) panel is keyed by its target. */
export function documentPanelKey(document: QueryDocumentTie): string {
  return `document:${document.uri}`;
}

function sameRange(a: WorkbenchViewState['range'], b: WorkbenchViewState['range']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class OpenPanelRecord {
  constructor(
    private readonly store: KeyValueStore,
    private readonly keyOf: (t: WorkbenchTarget) => string,
  ) {}

  entries(): OpenPanelEntry[] {
    const raw = this.store.get<unknown[]>(KEY);
    if (!Array.isArray(raw)) return [];
    return raw.map((e) => parsePersistedWorkbenchState(e)).filter((e): e is OpenPanelEntry => e !== undefined);
  }

  /** The key an entry is recorded under: its document's, else its target's. */
  keyOfEntry(e: { readonly target: WorkbenchTarget; readonly document?: QueryDocumentTie }): string {
    return e.document ? documentPanelKey(e.document) : this.keyOf(e.target);
  }

  async put(target: WorkbenchTarget, view: WorkbenchViewState | undefined, document?: QueryDocumentTie): Promise<void> {
    const key = this.keyOfEntry({ target, document });
    const rest = this.entries().filter((e) => this.keyOfEntry(e) !== key);
    await this.write([{ target, view, ...(document ? { document } : {}) }, ...rest]);
  }

  async remove(target: WorkbenchTarget, document?: QueryDocumentTie): Promise<void> {
    const key = this.keyOfEntry({ target, document });
    await this.write(this.entries().filter((e) => this.keyOfEntry(e) !== key));
  }

  /** The recorded entry of a target (of the document's panel when a document is given). */
  get(target: WorkbenchTarget, document?: QueryDocumentTie): OpenPanelEntry | undefined {
    const key = this.keyOfEntry({ target, document });
    return this.entries().find((e) => this.keyOfEntry(e) === key);
  }

  /**
   * The recorded target for a restored view state: same query and range first, then any recorded
   * panel not yet restored.
   */
  match(view: WorkbenchViewState | undefined, taken: ReadonlySet<string>): OpenPanelEntry | undefined {
    const free = this.entries().filter((e) => !taken.has(this.keyOfEntry(e)));
    const exact = view ? free.find((e) => e.view && e.view.query === view.query && sameRange(e.view.range, view.range)) : undefined;
    return exact ?? free[0];
  }

  /** Recorded panels that are neither open nor waiting as a tab for VS Code to restore them. */
  withoutTab(tabLabels: ReadonlySet<string>, open: ReadonlySet<string>): OpenPanelEntry[] {
    return this.entries().filter((e) => !open.has(this.keyOfEntry(e)) && !tabLabels.has(panelTitle(e.target, e.document)));
  }

  private async write(entries: readonly OpenPanelEntry[]): Promise<void> {
    // Stored in the same shape the webview persists, so one parser reads both.
    const persisted: (PersistedWorkbenchState | { target: WorkbenchTarget; document?: QueryDocumentTie })[] = entries.map((e) => {
      const tie = e.document ? { document: e.document } : {};
      return e.view ? { ...e.view, target: e.target, ...tie } : { target: e.target, ...tie };
    });
    await this.store.update(KEY, persisted.slice(0, 50));
  }
}
