/**
 * The demo's traffic shift (issue 20, "Before / after"): at a known time before the emulator's
 * start, in the demo CEN `prod-backbone`, a new talker appears and one directed region pair starts
 * carrying twice the bytes. The time is relative to the clock at start and snapped to the 10-minute
 * capture window, so "last 24 hours vs the 24 hours before" and "last hour vs the same time
 * yesterday" (asked within 50 minutes of start) both span it.
 *
 * This is the definition only: tests compute every expected number from the generated records.
 */

/** What the generator needs to apply a shift to one flow log's records. */
export interface TrafficShift {
  /** UNIX seconds, a multiple of 600: capture windows starting at or after it are shifted. */
  readonly at: number;
  /** A source address that sends nothing before `at` and a lot after it. */
  readonly talker: ShiftTalker;
  /** A directed region pair whose records carry `factor` times the bytes and packets after `at`. */
  readonly grownPair: { readonly srcRegionId: string; readonly dstRegionId: string; readonly factor: number };
}

export interface ShiftTalker {
  readonly srcaddr: string;
  readonly srcRegionId: string;
  readonly dstRegionId: string;
  readonly dstport: number;
  readonly protocol: number;
  /** Mean records per hour after the shift. */
  readonly recordsPerHour: number;
  /** Median bytes per record and average packet size. */
  readonly medianBytes: number;
  readonly packetSize: number;
}

const HOUR_S = 3600;
const WINDOW_S = 600;

/** The shift seeded in the demo, read by the demo state and by tests (for whom to look at, not what to expect). */
export const DEMO_TRAFFIC_SHIFT = {
  cenName: 'prod-backbone',
  /** 23 h (then down to the window) before start: yesterday's hour just before it is still clean. */
  secondsBeforeStart: 23 * HOUR_S,
  talker: {
    // A VPC newly attached in Hangzhou: 10.250/16 is outside every generated region's range.
    srcaddr: '10.250.8.17',
    srcRegionId: 'cn-hangzhou',
    // Not the grown pair's destination, so the two changes stay apart in a per-pair compare.
    dstRegionId: 'cn-qingdao',
    dstport: 9092,
    protocol: 6,
    recordsPerHour: 240,
    medianBytes: 1_500_000,
    packetSize: 1_200,
  },
  grownPair: { srcRegionId: 'cn-hangzhou', dstRegionId: 'cn-beijing', factor: 2 },
} as const satisfies Omit<TrafficShift, 'at'> & { cenName: string; secondsBeforeStart: number };

/** The demo shift for an emulator started at `startMs`. */
export function demoTrafficShift(startMs: number): TrafficShift {
  const at = Math.floor((Math.floor(startMs / 1000) - DEMO_TRAFFIC_SHIFT.secondsBeforeStart) / WINDOW_S) * WINDOW_S;
  return { at, talker: DEMO_TRAFFIC_SHIFT.talker, grownPair: DEMO_TRAFFIC_SHIFT.grownPair };
}
