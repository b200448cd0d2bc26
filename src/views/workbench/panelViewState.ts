/**
 * A panel's view state on the host side, and the order in which it is recorded: every change is
 * written to the record (what a window reload falls back on) before the step that follows it —
 * the query is recorded before it is sent, an intent before it reaches the page. Pure.
 */
import { DEFAULT_TIME_RANGE, type ChartKind, type TimeRangeSpec, type WorkbenchViewState } from '../../protocol/messages';

/** A query to put into the editor, optionally running it (commands, presets, "Show Traffic"). */
export interface QueryIntent {
  readonly query: string;
  readonly range?: TimeRangeSpec;
  readonly run: boolean;
  readonly chart?: ChartKind;
}

/** The view state a query intent puts a panel in. */
export function intentView(intent: QueryIntent, current?: WorkbenchViewState): WorkbenchViewState {
  return { ...current, query: intent.query, range: intent.range ?? current?.range ?? DEFAULT_TIME_RANGE, ...(intent.chart ? { chart: intent.chart } : {}) };
}

export class PanelViewState {
  constructor(
    private view: WorkbenchViewState | undefined,
    /** Records a view state (resolves once written). */
    private readonly persist: (view: WorkbenchViewState) => Promise<void>,
    private readonly onChange: (view: WorkbenchViewState) => void = () => undefined,
  ) {}

  get current(): WorkbenchViewState | undefined {
    return this.view;
  }

  /** The page reported a change. */
  changed(view: WorkbenchViewState): Promise<void> {
    return this.set(view);
  }

  /** A command put a query into the panel: a change of its own, newer than any the page saved. */
  adopt(intent: QueryIntent): Promise<void> {
    return this.set({ ...intentView(intent, this.view), rev: (this.view?.rev ?? 0) + 1 });
  }

  /** The page asked to run `query` over `range`: resolves once that is recorded, before anything is sent. */
  ran(query: string, range: TimeRangeSpec): Promise<void> {
    return this.set({ ...this.view, query, range, lastRun: query });
  }

  private async set(view: WorkbenchViewState): Promise<void> {
    this.view = view;
    this.onChange(view);
    await this.persist(view);
  }
}
