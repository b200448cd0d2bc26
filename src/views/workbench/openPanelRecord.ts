/**
 * A record of the open panels (target + last view state) in workspaceState. The panel serializer
 * gets only what the webview passed to setState; when that lacks the target (a webview that
 * persists view state only), this record says which flow log each restored panel showed.
 */
import { parsePersistedWorkbenchState, type PersistedWorkbenchState, type WorkbenchTarget, type WorkbenchViewState } from '../../protocol/messages';
import type { KeyValueStore } from './queryHistory';

const KEY = 'cenFlowLogs.workbench.openPanels.v1';

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

  /**
   * The recorded target for a restored view state: same query and range first, then any recorded
   * panel not yet restored.
   */
  match(view: WorkbenchViewState | undefined, taken: ReadonlySet<string>): OpenPanelEntry | undefined {
    const free = this.entries().filter((e) => !taken.has(this.keyOf(e.target)));
    const exact = view ? free.find((e) => e.view && e.view.query === view.query && sameRange(e.view.range, view.range)) : undefined;
    return exact ?? free[0];
  }

  private async write(entries: readonly OpenPanelEntry[]): Promise<void> {
    // Stored in the same shape the webview persists, so one parser reads both.
    const persisted: (PersistedWorkbenchState | { target: WorkbenchTarget })[] = entries.map((e) => (e.view ? { ...e.view, target: e.target } : { target: e.target }));
    await this.store.update(KEY, persisted.slice(0, 50));
  }
}
