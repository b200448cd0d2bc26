/**
 * Receives the host's messages and hands them on in order, but never more than a slice of work
 * between two painted frames. A big result arrives as hundreds of resultPage messages queued back
 * to back, and Chromium runs queued message tasks before the next frame (for ~100 ms): handled as
 * they came, they kept the first screen of rows from painting. A queued event's data is not read
 * until its turn (Chromium deserializes message data lazily, on first access), so waiting pages
 * cost next to nothing until the first screen is on the glass.
 */

/** Most time spent handling messages between two painted frames. */
export const INBOX_SLICE_MS = 24;

/** Paint timing; the browser's is in paintScheduler.ts (this module stays DOM-free for unit tests). */
export interface InboxScheduler {
  now(): number;
  /** Runs `task` once, after the next frame has been painted. */
  afterNextPaint(task: () => void): void;
}

/** What the inbox needs of an event: its data, read only when the event's turn comes. */
export interface InboxEvent {
  readonly data: unknown;
}

export class MessageInbox {
  private queue: InboxEvent[] = [];
  private head = 0;
  /** When the work since the last painted frame began; -1 when none was done since. */
  private sliceStart = -1;
  private waiting = false;
  private waitStart = 0;
  /**
   * This slice's length: the base slice, or as long as the last wait for a paint when frames are
   * slower (a loaded machine), so reading pages keeps at least half the main thread.
   */
  private budget: number;

  constructor(
    private readonly handle: (data: unknown) => void,
    private readonly scheduler: InboxScheduler,
    private readonly sliceMs = INBOX_SLICE_MS,
    private readonly onError: (err: unknown) => void = reportLater,
  ) {
    this.budget = sliceMs;
  }

  /** Messages received and not yet handled. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  receive(event: InboxEvent): void {
    this.queue.push(event);
    if (!this.waiting) this.drain();
  }

  private drain(): void {
    while (this.head < this.queue.length) {
      if (this.sliceStart < 0) {
        this.sliceStart = this.scheduler.now();
        this.scheduler.afterNextPaint(() => this.onPainted());
      } else if (this.scheduler.now() - this.sliceStart >= this.budget) {
        this.waiting = true;
        this.waitStart = this.scheduler.now();
        return;
      }
      const event = this.queue[this.head];
      this.head++;
      try {
        this.handle(event.data);
      } catch (err) {
        // One bad message must not strand the ones behind it.
        this.onError(err);
      }
    }
    this.queue = [];
    this.head = 0;
  }

  private onPainted(): void {
    this.sliceStart = -1;
    if (!this.waiting) {
      this.budget = this.sliceMs;
      return;
    }
    this.waiting = false;
    this.budget = Math.max(this.sliceMs, this.scheduler.now() - this.waitStart);
    // Let handled events (and their data) be collected while the rest wait.
    this.queue = this.queue.slice(this.head);
    this.head = 0;
    this.drain();
  }
}

/** Reported as an uncaught error would be (console, error handlers), without stopping the inbox. */
function reportLater(err: unknown): void {
  queueMicrotask(() => {
    throw err;
  });
}
