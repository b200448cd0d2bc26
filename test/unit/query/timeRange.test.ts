import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  QUICK_RANGES,
  describeRange,
  newestWindow,
  parseInstant,
  parseTimeRange,
  resolveTimeRange,
  snapToWindow,
  validateTimeRange,
  type TimeRangeSpec,
} from '../../../src/query/timeRange';

const NOW = Date.UTC(2024, 4, 1, 10, 23, 17) / 1000; // 2024-05-01 10:23:17 UTC
const sec = (iso: string): number => Date.parse(iso) / 1000;

describe('parseTimeRange', () => {
  const relative: { text: string; amount: number; unit: 'minutes' | 'hours' | 'days' }[] = [
    { text: '15m', amount: 15, unit: 'minutes' },
    { text: '1h', amount: 1, unit: 'hours' },
    { text: '7d', amount: 7, unit: 'days' },
    { text: 'last 2 hours', amount: 2, unit: 'hours' },
    { text: 'Last 30 minutes', amount: 30, unit: 'minutes' },
    { text: 'past 3 days', amount: 3, unit: 'days' },
    { text: '90 min', amount: 90, unit: 'minutes' },
    { text: 'last hour', amount: 1, unit: 'hours' },
    { text: '1.5h', amount: 1.5, unit: 'hours' },
  ];
  for (const c of relative) {
    it(`reads ${JSON.stringify(c.text)}`, () => assert.deepEqual(parseTimeRange(c.text), { ok: true, spec: { kind: 'relative', amount: c.amount, unit: c.unit } }));
  }

  const absolute: { text: string; from: string; to: string }[] = [
    { text: '2024-05-01T10:00Z to 2024-05-01T12:00Z', from: '2024-05-01T10:00:00Z', to: '2024-05-01T12:00:00Z' },
    { text: '2024-05-01 10:00 – 2024-05-01 12:30', from: '2024-05-01T10:00:00Z', to: '2024-05-01T12:30:00Z' },
    { text: 'from 2024-05-01 to 2024-05-02', from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' },
    { text: '2024-05-01T10:00:00+08:00..2024-05-01T11:00:00+08:00', from: '2024-05-01T02:00:00Z', to: '2024-05-01T03:00:00Z' },
    { text: '1714557600 / 1714561200', from: '2024-05-01T10:00:00Z', to: '2024-05-01T11:00:00Z' },
  ];
  for (const c of absolute) {
    it(`reads ${JSON.stringify(c.text)}`, () => assert.deepEqual(parseTimeRange(c.text), { ok: true, spec: { kind: 'absolute', from: sec(c.from), to: sec(c.to) } }));
  }

  const bad: { text: string; message: RegExp }[] = [
    { text: '', message: /Type a time range/ },
    { text: 'yesterday-ish', message: /not a time range/ },
    { text: '0m', message: /longer than zero/ },
    { text: '99999 days', message: /ten years/ },
    { text: '2024-13-01 to 2024-05-02', message: /"2024-13-01" is not a date/ },
    { text: '2024-02-30 to 2024-03-01', message: /not a date/ },
    { text: '2024-05-01 to soon', message: /"soon" is not a date/ },
  ];
  for (const c of bad) {
    it(`refuses ${JSON.stringify(c.text)} plainly`, () => {
      const r = parseTimeRange(c.text);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, c.message);
    });
  }

  it('parses every quick range id', () => {
    for (const q of QUICK_RANGES) assert.deepEqual(parseTimeRange(q.id), { ok: true, spec: q.spec });
    assert.deepEqual(QUICK_RANGES.map((q) => q.id), ['15m', '1h', '4h', '24h', '7d']);
  });

  it('parseInstant rejects impossible clock times', () => {
    assert.equal(parseInstant('2024-05-01 24:00'), undefined);
    assert.equal(parseInstant('2024-05-01T10:00:00.250Z'), sec('2024-05-01T10:00:00Z'));
  });
});

describe('resolve, validate, snap', () => {
  it('resolves relative ranges against the given clock', () => {
    const spec: TimeRangeSpec = { kind: 'relative', amount: 1, unit: 'hours' };
    assert.deepEqual(resolveTimeRange(spec, NOW), { from: NOW - 3600, to: NOW });
  });

  const invalid: { from: number; to: number; message: RegExp }[] = [
    { from: NOW, to: NOW - 60, message: /must be before/ },
    { from: NOW - 60, to: NOW - 60, message: /must be before/ },
    { from: Number.NaN, to: NOW, message: /invalid/ },
    { from: NOW + 600, to: NOW + 1200, message: /future/ },
    { from: 100, to: 200, message: /before CEN flow logs existed/ },
    { from: NOW * 1000 - 1000, to: NOW * 1000, message: /milliseconds/ },
  ];
  for (const c of invalid) {
    it(`refuses ${c.from}–${c.to}`, () => {
      const problems = validateTimeRange({ from: c.from, to: c.to }, NOW);
      assert.equal(problems[0]?.severity, 'error');
      assert.match(problems[0].message, c.message);
    });
  }

  it('warns about a range past the retention or ending in the future', () => {
    const problems = validateTimeRange({ from: NOW - 40 * 86400, to: NOW + 3600 }, NOW, { retentionDays: 30 });
    assert.deepEqual(problems.map((p) => p.severity), ['warning', 'warning']);
    assert.match(problems[0].message, /30 days/);
    assert.deepEqual(validateTimeRange({ from: NOW - 3600, to: NOW }, NOW), []);
  });

  it('snaps outward to 10-minute windows', () => {
    assert.deepEqual(snapToWindow({ from: sec('2024-05-01T09:23:17Z'), to: NOW }, 600), { from: sec('2024-05-01T09:20:00Z'), to: sec('2024-05-01T10:30:00Z') });
  });

  it('snaps outward to 1-minute windows and keeps aligned ranges', () => {
    assert.deepEqual(snapToWindow({ from: NOW - 900, to: NOW }, 60), { from: sec('2024-05-01T10:08:00Z'), to: sec('2024-05-01T10:24:00Z') });
    const aligned = { from: sec('2024-05-01T10:00:00Z'), to: sec('2024-05-01T11:00:00Z') };
    assert.deepEqual(snapToWindow(aligned, 600), aligned);
  });

  it('never snaps to an empty range', () => {
    const t = sec('2024-05-01T10:00:00Z');
    assert.deepEqual(snapToWindow({ from: t, to: t }, 600), { from: t, to: t + 600 });
  });

  it('explains the newest window delay', () => {
    const w = newestWindow(NOW, 600);
    assert.equal(w.closedUntil, sec('2024-05-01T10:20:00Z'));
    assert.equal(w.nextCloseAt, sec('2024-05-01T10:30:00Z'));
    assert.match(w.message, /10-minute capture windows/);
    assert.match(w.message, /10:20–10:30 UTC appears after 10:30 UTC/);
    assert.match(newestWindow(NOW, 60).message, /up to 1 minute old/);
  });

  it('describes a range for display', () => {
    assert.equal(describeRange({ from: sec('2024-05-01T10:00:00Z'), to: sec('2024-05-01T12:30:00Z') }), '2024-05-01 10:00 – 12:30 UTC (2 h 30 min)');
    assert.equal(describeRange({ from: sec('2024-04-24T10:00:00Z'), to: sec('2024-05-01T10:00:00Z') }), '2024-04-24 10:00 – 2024-05-01 10:00 UTC (7 d)');
  });
});
