/**
 * The range traffic opened from a debug session, a terminal or a log line starts with: centred on
 * now (or on the line's timestamp), widened to whole capture windows, and which of its windows
 * Log Service cannot have yet because they have not closed. Pure: the clock is passed in.
 */
import type { FlowLogInterval } from '../flowlogs/catalog';
import { snapToWindow, undeliveredNote, undeliveredWindows, type ResolvedRange } from './timeRange';

/** Half the range: an hour in all, enough to see the traffic before and after a failure. */
export const AROUND_HALF_WIDTH_SECONDS = 30 * 60;

/** What the range is centred on. */
export type RangeCentre = { readonly kind: 'now' } | { readonly kind: 'logLine'; readonly seconds: number };

export interface AroundRange extends ResolvedRange {
  /** The instant the range is centred on, UNIX seconds (a line's time in the future is taken as now). */
  readonly centre: number;
  /** Capture windows of the range not delivered yet, oldest first ([from, to) each). */
  readonly pendingWindows: readonly ResolvedRange[];
  /** One sentence on the pending windows, for the user; undefined when every window is there. */
  readonly pendingNote?: string;
}

export function aroundRange(centre: RangeCentre, nowSeconds: number, interval: FlowLogInterval, halfWidth = AROUND_HALF_WIDTH_SECONDS): AroundRange {
  const at = centre.kind === 'now' ? nowSeconds : Math.min(centre.seconds, nowSeconds);
  const snapped = snapToWindow({ from: at - halfWidth, to: at + halfWidth }, interval);
  const pendingWindows = undeliveredWindows(snapped, nowSeconds, interval);
  return { ...snapped, centre: at, pendingWindows, pendingNote: undeliveredNote(pendingWindows, nowSeconds, interval) };
}
