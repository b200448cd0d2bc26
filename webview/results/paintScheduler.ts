/** The browser's InboxScheduler: the clock, and "after the next painted frame". */
import type { InboxScheduler } from './messageInbox';

/** A hidden webview paints no frames: continue after this long without one. */
const NO_PAINT_FALLBACK_MS = 100;

/** rAF runs before the frame's style, layout and paint; a task posted from it runs after them. */
export const paintScheduler: InboxScheduler = {
  now: () => performance.now(),
  afterNextPaint(task) {
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      task();
    };
    const fallback = setTimeout(run, NO_PAINT_FALLBACK_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        run();
      };
      channel.port2.postMessage(undefined);
    });
  },
};

