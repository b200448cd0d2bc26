import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dueWindowEnd, FollowScheduler, nextDueAt, type FollowClock } from '../../../src/query/followSchedule';

/** A fake clock: timers fire only when the test advances time. */
class FakeClock implements FollowClock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  setTimer(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ at: this.ms + ms, fn, id });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  /** Moves time forward, firing due timers in order. */
  advance(seconds: number): void {
    const end = this.ms + seconds * 1000;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.ms = next.at;
      next.fn();
    }
    this.ms = end;
  }
}

const T = 1_796_000_400; // a 10-minute (and 1-minute) boundary
const at = (seconds: number) => seconds * 1000;

describe('follow scheduling against the capture windows', () => {
  it('a window is due once it has closed and the delivery delay has passed', () => {
    assert.equal(dueWindowEnd(T + 29, 600, 30), T - 600, 'closed 29 s ago: not yet');
    assert.equal(dueWindowEnd(T + 30, 600, 30), T);
    assert.equal(nextDueAt(T, 600, 30), T + 630);
    assert.equal(dueWindowEnd(T + 61, 60, 1), T + 60);
  });

  it('reruns as each window closes (plus the delay), once per window', () => {
    const clock = new FakeClock(at(T + 100));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 600, delaySeconds: 30, clock, run: (w) => runs.push(w) });
    f.start();
    clock.advance(529);
    assert.deepEqual(runs, [], 'nothing before the window T..T+600 closes and its delay passes');
    clock.advance(1);
    assert.deepEqual(runs, [T + 600]);
    assert.equal(clock.ms, at(T + 630));
    clock.advance(1200);
    assert.deepEqual(runs, [T + 600, T + 1200, T + 1800]);
    assert.equal(clock.pending, 1, 'one timer at a time');
  });

  it('never asks twice for one window, even when its timer fires early', () => {
    const clock = new FakeClock(at(T + 45));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 60, delaySeconds: 10, clock, run: (w) => runs.push(w) });
    f.start();
    // Another timer source calling back early (a throttled timer): the scheduler checks the clock.
    f.setVisible(false);
    f.setVisible(true);
    assert.deepEqual(runs, [], 'shown again before the next window is due: no run');
    clock.advance(25);
    assert.deepEqual(runs, [T + 60]);
    f.setVisible(false);
    f.setVisible(true);
    assert.deepEqual(runs, [T + 60], 'the same window is not asked for again');
  });

  it('pauses while the panel is hidden and catches up with one run when it shows again', () => {
    const clock = new FakeClock(at(T + 5));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 60, delaySeconds: 10, clock, run: (w) => runs.push(w) });
    f.start();
    clock.advance(65);
    assert.deepEqual(runs, [T, T + 60], 'the windows ending at T and T+60, each 10 s after it closed');
    f.setVisible(false);
    assert.equal(clock.pending, 0, 'no timer while hidden');
    clock.advance(300);
    assert.deepEqual(runs, [T, T + 60], 'five windows closed while hidden: nothing ran');
    f.setVisible(true);
    assert.deepEqual(runs, [T, T + 60, T + 360], 'one catch-up run for the newest due window');
    clock.advance(60);
    assert.deepEqual(runs, [T, T + 60, T + 360, T + 420]);
  });

  it('a window that became due between the run on screen and Follow is asked for at once, then one per window', () => {
    const clock = new FakeClock(at(T + 55));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 60, delaySeconds: 1, clock, run: (w) => runs.push(w) });
    const ranAt = clock.now(); // the run on screen: the window ending at T was its newest
    clock.advance(20); // Follow clicked at T+75: the window ending at T+60 came due at T+61
    f.start(ranAt);
    assert.deepEqual(runs, [T + 60], 'caught up at once');
    clock.advance(45);
    assert.deepEqual(runs, [T + 60], 'not again for the same window');
    clock.advance(1);
    assert.deepEqual(runs, [T + 60, T + 120]);
  });

  it('a run sent just now needs no catch-up when Follow starts', () => {
    const clock = new FakeClock(at(T + 30));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 60, delaySeconds: 1, clock, run: (w) => runs.push(w) });
    f.start(clock.now());
    assert.deepEqual(runs, []);
    clock.advance(31);
    assert.deepEqual(runs, [T + 60]);
  });

  it('stops', () => {
    const clock = new FakeClock(at(T));
    const runs: number[] = [];
    const f = new FollowScheduler({ interval: 60, delaySeconds: 0, clock, run: (w) => runs.push(w) });
    f.start();
    f.stop();
    clock.advance(600);
    assert.deepEqual(runs, []);
    assert.equal(f.following, false);
    assert.equal(clock.pending, 0);
  });
});
