/**
 * Where a page starts from, and keeping its state where a reload finds it. Persisted state may
 * come from an older version, so it goes through the protocol's own validation. DOM-free.
 */
import {
  DEFAULT_TIME_RANGE,
  newerViewState,
  parsePersistedWorkbenchState,
  parseWebviewMessage,
  parseWorkbenchBoot,
  type QueryDocumentTie,
  type WebviewMessage,
  type WorkbenchTarget,
  type WorkbenchViewState,
} from '../src/protocol/messages';

export function restoreViewState(saved: unknown): WorkbenchViewState | undefined {
  const msg = parseWebviewMessage({ type: 'stateChanged', state: saved });
  return msg?.type === 'stateChanged' ? msg.state : undefined;
}

export interface StartState {
  readonly target: WorkbenchTarget | undefined;
  readonly view: WorkbenchViewState;
  /** Run `view.query` once the host has sent the target's fields. */
  readonly autorun: boolean;
  /** The page came back with state of its own (reload) rather than starting fresh. */
  readonly restored: boolean;
  /** The query document whose panel this is (kept in the page's state for the next reload). */
  readonly document?: QueryDocumentTie;
}

/**
 * Of the page's own saved state (getState: it survives webview reloads, but after a window reload
 * it is whatever VS Code had flushed) and the boot data the host rendered (after a window reload:
 * the host's record, written on every change), the newer wins; a command's "run" applies only to a
 * fresh page.
 */
export function startState(saved: unknown, boot: unknown): StartState {
  const b = parseWorkbenchBoot(boot);
  const own = restoreViewState(saved);
  const persisted = parsePersistedWorkbenchState(saved);
  const document = b?.document ?? persisted?.document;
  const tie = document ? { document } : {};
  if (own || b?.view?.rev !== undefined) {
    const view = newerViewState(own, b?.view) ?? { query: '*', range: DEFAULT_TIME_RANGE };
    return { target: b?.target ?? persisted?.target, view, autorun: false, restored: true, ...tie };
  }
  return { target: b?.target, view: b?.view ?? { query: '*', range: DEFAULT_TIME_RANGE }, autorun: b?.run === true, restored: false, ...tie };
}

/** What the keeper needs of the VS Code webview API. */
/** What the page passes to setState: the protocol's persisted state, its target once known. */
export type PageState = WorkbenchViewState & { readonly target?: WorkbenchTarget; readonly document?: QueryDocumentTie };

export interface StateSink {
  setState(state: PageState): void;
  post(message: WebviewMessage): void;
}

/** Timer functions, injectable for tests. */
export interface KeeperTimers {
  set(fn: () => void, ms: number): number;
  clear(handle: number): void;
}

/** Scroll positions reach the host at most this often; the page's own state has every one. */
export const SCROLL_POST_MS = 150;

/**
 * Keeps the view state where a reload finds it: every change is written to the page's state
 * (setState) at once and then sent to the host, which records it too. No timer stands between a
 * keystroke and setState: a reload right after typing must not outrun it.
 */
export class ViewStateKeeper {
  private scrollTimer: number | undefined;

  constructor(
    private readonly sink: StateSink,
    private target: WorkbenchTarget | undefined,
    private view: WorkbenchViewState,
    private readonly timers: KeeperTimers,
    private readonly document?: QueryDocumentTie,
  ) {
    this.sink.setState(this.persisted());
  }

  get current(): WorkbenchViewState {
    return this.view;
  }

  setTarget(target: WorkbenchTarget): void {
    this.target = target;
    this.sink.setState(this.persisted());
  }

  /** Records a change; `scroll` changes are sent to the host coalesced (they come every frame). */
  update(change: Partial<WorkbenchViewState>, kind: 'edit' | 'scroll' = 'edit'): void {
    const next = { ...this.view, ...change };
    if (sameView(next, this.view)) return;
    this.view = { ...next, rev: (this.view.rev ?? 0) + 1 };
    this.sink.setState(this.persisted());
    if (kind === 'scroll') {
      if (this.scrollTimer === undefined) this.scrollTimer = this.timers.set(() => this.postNow(), SCROLL_POST_MS);
      return;
    }
    this.postNow();
  }

  private postNow(): void {
    if (this.scrollTimer !== undefined) this.timers.clear(this.scrollTimer);
    this.scrollTimer = undefined;
    this.sink.post({ type: 'stateChanged', state: this.view });
  }

  private persisted(): PageState {
    return { ...this.view, ...(this.target ? { target: this.target } : {}), ...(this.document ? { document: this.document } : {}) };
  }
}

function sameView(a: WorkbenchViewState, b: WorkbenchViewState): boolean {
  return a.query === b.query && a.chart === b.chart && JSON.stringify(a.chartAxes) === JSON.stringify(b.chartAxes) && a.scrollTop === b.scrollTop && a.lastRun === b.lastRun && JSON.stringify(a.range) === JSON.stringify(b.range);
}
