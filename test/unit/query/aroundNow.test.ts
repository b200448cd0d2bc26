import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aroundRange } from '../../../src/query/aroundNow';

const utc = (iso: string): number => Date.parse(iso) / 1000;
const NOW = utc('2026-12-06T10:47:30Z');

describe('aroundRange', () => {
  it('centred on now: an hour snapped out to 10-minute windows, naming the windows not delivered yet', () => {
    const r = aroundRange({ kind: 'now' }, NOW, 600);
    assert.equal(r.from, utc('2026-12-06T10:10:00Z'));
    assert.equal(r.to, utc('2026-12-06T11:20:00Z'));
    assert.equal(r.centre, NOW);
    assert.deepEqual(r.pendingWindows.map((w) => [w.from, w.to]), [
      [utc('2026-12-06T10:40:00Z'), utc('2026-12-06T10:50:00Z')],
      [utc('2026-12-06T10:50:00Z'), utc('2026-12-06T11:00:00Z')],
      [utc('2026-12-06T11:00:00Z'), utc('2026-12-06T11:10:00Z')],
      [utc('2026-12-06T11:10:00Z'), utc('2026-12-06T11:20:00Z')],
    ]);
    assert.match(r.pendingNote ?? '', /^4 capture windows, 10:40–11:20 UTC, are not delivered yet/);
    assert.match(r.pendingNote ?? '', /the current one closes at 10:50 UTC/);
  });

  it('1-minute windows snap to the minute', () => {
    const r = aroundRange({ kind: 'now' }, NOW, 60);
    assert.equal(r.from, utc('2026-12-06T10:17:00Z'));
    assert.equal(r.to, utc('2026-12-06T11:18:00Z'));
    assert.equal(r.pendingWindows[0].from, utc('2026-12-06T10:47:00Z'));
  });

  it("centred on an old log line's time: every window delivered, nothing to say", () => {
    const r = aroundRange({ kind: 'logLine', seconds: utc('2026-12-06T08:05:00Z') }, NOW, 600);
    assert.equal(r.from, utc('2026-12-06T07:30:00Z'));
    assert.equal(r.to, utc('2026-12-06T08:40:00Z'));
    assert.deepEqual(r.pendingWindows, []);
    assert.equal(r.pendingNote, undefined);
  });

  it('a log line a little in the past keeps only its newest window pending', () => {
    const r = aroundRange({ kind: 'logLine', seconds: utc('2026-12-06T10:05:00Z') }, NOW, 600);
    assert.equal(r.to, utc('2026-12-06T10:40:00Z'));
    assert.deepEqual(r.pendingWindows, []);
    const later = aroundRange({ kind: 'logLine', seconds: utc('2026-12-06T10:15:00Z') }, NOW, 600);
    assert.deepEqual(later.pendingWindows.map((w) => w.from), [utc('2026-12-06T10:40:00Z')]);
    assert.match(later.pendingNote ?? '', /^The capture window 10:40–10:50 UTC is not delivered yet/);
  });

  it('a log line stamped in the future (clock skew) is centred on now, never a range starting after now', () => {
    const r = aroundRange({ kind: 'logLine', seconds: NOW + 7200 }, NOW, 600);
    assert.equal(r.centre, NOW);
    assert.ok(r.from < NOW);
  });
});
