/** The earlier range of a before/after compare, snapped to capture windows and never overlapping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { earlierRange, type EarlierChoice } from '../../../src/query/compareRange';
import { snapToWindow } from '../../../src/query/timeRange';

const H = 3600;
const D = 86_400;
// 2024-05-01 10:20 – 11:20 UTC, already whole 10-minute windows.
const current = { from: Date.UTC(2024, 4, 1, 10, 20) / 1000, to: Date.UTC(2024, 4, 1, 11, 20) / 1000 };

function ok(choice: EarlierChoice, range = current, interval: 60 | 600 = 600): { from: number; to: number } {
  const r = earlierRange(range, choice, interval);
  if (!r.ok) assert.fail(r.message);
  return r.range;
}

describe('compare: the earlier range', () => {
  it('previous period: the same length, ending where the current range starts', () => {
    assert.deepEqual(ok({ kind: 'previousPeriod' }), { from: current.from - H, to: current.from });
    const week = { from: current.to - 7 * D, to: current.to };
    assert.deepEqual(ok({ kind: 'previousPeriod' }, week), { from: current.to - 14 * D, to: current.to - 7 * D });
  });

  it('same time yesterday and last week: shifted by a day and a week, whole windows', () => {
    assert.deepEqual(ok({ kind: 'sameTimeYesterday' }), { from: current.from - D, to: current.to - D });
    assert.deepEqual(ok({ kind: 'sameTimeLastWeek' }), { from: current.from - 7 * D, to: current.to - 7 * D });
    for (const choice of [{ kind: 'sameTimeYesterday' }, { kind: 'sameTimeLastWeek' }, { kind: 'previousPeriod' }] as const) {
      const r = ok(choice);
      assert.equal(r.from % 600, 0);
      assert.equal(r.to % 600, 0);
      assert.equal(r.to - r.from, current.to - current.from, `${choice.kind} keeps the length`);
    }
    // A full day compares with the day before (touching, not overlapping).
    const day = { from: current.to - D, to: current.to };
    assert.deepEqual(ok({ kind: 'sameTimeYesterday' }, day), { from: current.to - 2 * D, to: current.to - D });
  });

  it('refuses a shift shorter than the range: the two ranges would overlap', () => {
    const twoDays = { from: current.to - 2 * D, to: current.to };
    const y = earlierRange(twoDays, { kind: 'sameTimeYesterday' }, 600);
    assert.equal(y.ok, false);
    assert.match(y.ok ? '' : y.message, /2 days.*longer than a day.*previous period/);
    const eightDays = { from: current.to - 8 * D, to: current.to };
    assert.equal(earlierRange(eightDays, { kind: 'sameTimeLastWeek' }, 600).ok, false);
    assert.equal(earlierRange({ from: 10, to: 10 }, { kind: 'previousPeriod' }, 600).ok, false, 'an empty range');
  });

  it('a picked range is snapped outward to capture windows and must not overlap the current range', () => {
    const picked = { from: current.from - 5 * H + 125, to: current.from - 4 * H - 30 };
    assert.deepEqual(ok({ kind: 'picked', range: picked }), snapToWindow(picked, 600));
    assert.deepEqual(ok({ kind: 'picked', range: picked }, current, 60), { from: current.from - 5 * H + 120, to: current.from - 4 * H });
    // Ends 5 minutes into the current range's first window once snapped: overlap.
    const overlapping = earlierRange(current, { kind: 'picked', range: { from: current.from - H, to: current.from + 1 } }, 600);
    assert.equal(overlapping.ok, false);
    assert.match(overlapping.ok ? '' : overlapping.message, /overlaps/);
    assert.deepEqual(ok({ kind: 'picked', range: { from: current.from - H, to: current.from } }), { from: current.from - H, to: current.from }, 'touching is fine');
  });
});
