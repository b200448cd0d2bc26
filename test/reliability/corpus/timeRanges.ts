/**
 * Bad time ranges. `SPEC_CASES` go through the workbench's resolver (what a panel does before any
 * request) and must be refused with a message; `TEXT_CASES` are what a user types into the range
 * box, parsed by src/query/timeRange.ts. All relative to a fixed clock.
 */
import type { TimeRangeSpec } from '../../../src/protocol/messages';

/** 2026-05-01T12:00:00Z: fixed so the cases do not drift. */
export const CORPUS_NOW = new Date(Date.UTC(2026, 4, 1, 12, 0, 0));
const NOW = Math.floor(CORPUS_NOW.getTime() / 1000);

export interface SpecCase {
  readonly name: string;
  readonly spec: TimeRangeSpec;
  readonly message: RegExp;
}

export const SPEC_CASES: readonly SpecCase[] = [
  { name: 'from equals to', spec: { kind: 'absolute', from: NOW - 3600, to: NOW - 3600 }, message: /must be before/ },
  { name: 'from after to', spec: { kind: 'absolute', from: NOW - 60, to: NOW - 3600 }, message: /must be before/ },
  { name: 'starts in the future', spec: { kind: 'absolute', from: NOW + 86400, to: NOW + 2 * 86400 }, message: /future/ },
  { name: 'far future', spec: { kind: 'absolute', from: 4_000_000_000, to: 4_000_003_600 }, message: /future/ },
  { name: 'far past (1990)', spec: { kind: 'absolute', from: 631_152_000, to: 631_155_600 }, message: /before CEN flow logs existed/ },
  { name: 'epoch zero', spec: { kind: 'absolute', from: 0, to: 3600 }, message: /before CEN flow logs existed/ },
  { name: 'negative times', spec: { kind: 'absolute', from: -7200, to: -3600 }, message: /before CEN flow logs existed/ },
  { name: 'NaN start', spec: { kind: 'absolute', from: Number.NaN, to: NOW }, message: /invalid start or end/ },
  { name: 'NaN end', spec: { kind: 'absolute', from: NOW - 3600, to: Number.NaN }, message: /invalid start or end/ },
  { name: 'infinite end', spec: { kind: 'absolute', from: NOW - 3600, to: Number.POSITIVE_INFINITY }, message: /invalid start or end/ },
  { name: 'milliseconds instead of seconds', spec: { kind: 'absolute', from: (NOW - 3600) * 1000, to: NOW * 1000 }, message: /milliseconds/ },
  { name: 'quick range of zero minutes', spec: { kind: 'quick', minutes: 0 }, message: /must be before/ },
  { name: 'quick range of negative minutes', spec: { kind: 'quick', minutes: -15 }, message: /must be before|future/ },
  { name: 'relative NaN amount', spec: { kind: 'relative', amount: Number.NaN, unit: 'hours' }, message: /invalid start or end/ },
  { name: 'relative negative days', spec: { kind: 'relative', amount: -1, unit: 'days' }, message: /must be before|future/ },
  { name: 'relative range starting before 1970', spec: { kind: 'relative', amount: 1e9, unit: 'days' }, message: /before 1970|invalid start/ },
];

export interface TextCase {
  readonly text: string;
  readonly message: RegExp;
}

export const TEXT_CASES: readonly TextCase[] = [
  { text: '', message: /Type a time range/ },
  { text: '   ', message: /Type a time range/ },
  { text: 'yesterday-ish', message: /is not a time range/ },
  { text: '0m', message: /longer than zero/ },
  { text: '0 hours', message: /longer than zero/ },
  { text: '99999999 days', message: /ten years/ },
  { text: '2024-02-30 to 2024-03-01', message: /"2024-02-30" is not a date/ },
  { text: '2024-13-01 to 2024-12-01', message: /"2024-13-01" is not a date/ },
  { text: '2024-05-01T25:00Z to 2024-05-02', message: /is not a date/ },
  { text: '2024-05-01 to tomorrow', message: /"tomorrow" is not a date/ },
  { text: 'NaN to NaN', message: /is not a date/ },
  { text: '<script>alert(1)</script>', message: /is not a (time range|date)/ },
  { text: "1' or '1'='1", message: /is not a time range/ },
  { text: 'x'.repeat(100_000), message: /is not a time range/ },
  { text: '15m\u0000', message: /is not a time range/ },
  { text: '１５ｍ', message: /is not a time range/ },
];
