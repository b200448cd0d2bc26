/**
 * Window tail ("Follow"): when to rerun a query so each capture window's records are picked up
 * once they can be there — the window's close plus the delivery delay (records appear only after
 * a window closes; see newestWindow in timeRange.ts) — with at most one request per window, and
 * none while the panel is hidden (one catch-up run when it shows again). Pure: the clock and the
 * timer are injected, so tests drive it with a fake clock.
 */

/** Default wait after a window closes before asking for its records. */
export const DEFAULT_FOLLOW_DELAY_SECONDS = 30;

export interface FollowClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface FollowOptions {
  /** Capture window in seconds (60 or 600). */
  readonly interval: number;
  readonly delaySeconds: number;
  readonly clock: FollowClock;
  /** Runs the query; `windowEnd` is the close (UNIX seconds) of the newest window it can contain. */
  readonly run: (windowEnd: number) => void;
}

/** The newest window end (UNIX seconds) whose records are due at `nowSeconds` (closed, delay passed). */
export function dueWindowEnd(nowSeconds: number, interval: number, delaySeconds: number): number {
  return Math.floor((nowSeconds - delaySeconds) / interval) * interval;
}

/** When (UNIX seconds) the records of the window after `windowEnd` are due. */
export function nextDueAt(windowEnd: number, interval: number, delaySeconds: number): number {
  return windowEnd + interval + delaySeconds;
}

export class FollowScheduler {
  private timer: unknown;
  private active = false;
  private visible = true;
  /** The window end the last run covered: a window is asked for once. */
  private lastRunFor: number | undefined;

  constructor(private readonly options: FollowOptions) {}

  get following(): boolean {
    return this.active;
  }

  /**
   * Starts following. `lastRunAtMs`: when the run on screen was sent; a window that became due
   * since then (the person clicked Follow a while after running) runs at once. Without it, the
   * run on screen is taken to cover what is due now.
   */
  start(lastRunAtMs?: number): void {
    this.active = true;
    const { interval, delaySeconds } = this.options;
    const now = this.due();
    this.lastRunFor = lastRunAtMs === undefined ? now : Math.min(now, dueWindowEnd(lastRunAtMs / 1000, interval, delaySeconds));
    this.tick();
  }

  stop(): void {
    this.active = false;
    this.clear();
  }

  /** The panel was shown or hidden: hidden, nothing runs; shown again, a missed window runs once. */
  setVisible(visible: boolean): void {
    if (this.visible === visible) return;
    this.visible = visible;
    if (!this.active) return;
    if (!visible) {
      this.clear();
      return;
    }
    this.tick();
  }

  private due(): number {
    const { interval, delaySeconds, clock } = this.options;
    return dueWindowEnd(clock.now() / 1000, interval, delaySeconds);
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.active || !this.visible) return;
    const due = this.due();
    if (this.lastRunFor === undefined || due > this.lastRunFor) {
      this.lastRunFor = due;
      this.options.run(due);
    }
    this.schedule();
  }

  private schedule(): void {
    this.clear();
    if (!this.active || !this.visible) return;
    const { interval, delaySeconds, clock } = this.options;
    const at = nextDueAt(this.lastRunFor ?? this.due(), interval, delaySeconds) * 1000;
    this.timer = clock.setTimer(() => this.tick(), Math.max(0, at - clock.now()));
  }

  private clear(): void {
    if (this.timer !== undefined) this.options.clock.clearTimer(this.timer);
    this.timer = undefined;
  }
}
