/**
 * A record of the open panels (target + last view state), written on every change. The panel
 * serializer gets what the webview last passed to setState as far as VS Code had saved it; this
 * record is newer when the window was reloaded right after a change, and says which flow log a
 * panel showed when the webview's state lacks the target.
 */
import { parsePersistedWorkbenchState, type PersistedWorkbenchState, type WorkbenchTarget, type WorkbenchViewState } from '../../protocol/messages';
import type { KeyValueStore } from './queryHistory';
import { OPEN_PANELS_KEY as KEY, panelTitle } from './openPanelsFile';

export interface OpenPanelEntry {
  readonly target: WorkbenchTarget;
  readonly view?: WorkbenchViewState;
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
    return raw.map((e) => parsePersistedWorkbenchState(e)).filter((e): e is { target: WorkbenchTarget; view?: WorkbenchViewState } => e !== undefined);
  }

  async put(target: WorkbenchTarget, view: WorkbenchViewState | undefined): Promise<void> {
    const key = this.keyOf(target);
    const rest = this.entries().filter((e) => this.keyOf(e.target) !== key);
    await this.write([{ target, view }, ...rest]);
  }

  async remove(target: WorkbenchTarget): Promise<void> {
    const key = this.keyOf(target);
    await this.write(this.entries().filter((e) => this.keyOf(e.target) !== key));
  }

  /** The recorded entry of a target. */
  get(target: WorkbenchTarget): OpenPanelEntry | undefined {
    const key = this.keyOf(target);
    return this.entries().find((e) => this.keyOf(e.target) === key);
  }

  /**
   * The recorded target for a restored view state: same query and range first, then any recorded
   * panel not yet restored.
   */
  match(view: WorkbenchViewState | undefined, taken: ReadonlySet<string>): OpenPanelEntry | undefined {
    const free = this.entries().filter((e) => !taken.has(this.keyOf(e.target)));
    const exact = view ? free.find((e) => e.view && e.view.query === view.query && sameRange(e.view.range, view.range)) : undefined;
    return exact ?? free[0];
  }

  /** Recorded panels that are neither open nor waiting as a tab for VS Code to restore them. */
  withoutTab(tabLabels: ReadonlySet<string>, open: ReadonlySet<string>): OpenPanelEntry[] {
    return this.entries().filter((e) => !open.has(this.keyOf(e.target)) && !tabLabels.has(panelTitle(e.target)));
  }

  private async write(entries: readonly OpenPanelEntry[]): Promise<void> {
    // Stored in the same shape the webview persists, so one parser reads both.
    const persisted: (PersistedWorkbenchState | { target: WorkbenchTarget })[] = entries.map((e) => (e.view ? { ...e.view, target: e.target } : { target: e.target }));
    await this.store.update(KEY, persisted.slice(0, 50));
  }
}
