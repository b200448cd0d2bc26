/**
 * The time a log line starts with, so traffic opened from that line is centred on when it was
 * written. Understands the usual prefixes: ISO 8601 / RFC 3339 (also with a space, a comma before
 * the fraction, `YYYY/MM/DD`), UNIX seconds or milliseconds, the common log format
 * `[01/May/2024:10:00:00 +0000]`, and syslog's `May  1 10:00:00`. Pure: the clock and the local
 * zone are passed in. Results are UNIX seconds.
 */
import { parseInstant } from './timeRange';

export interface LineTimestampContext {
  /** Now, UNIX seconds: syslog lines carry no year, and a time far in the future is no timestamp. */
  readonly nowSeconds: number;
  /** Offset of local time from UTC in minutes (east positive); for times written without a zone. */
  readonly localOffsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Allowed before the timestamp: spaces and one opening bracket. */
const LEAD = /^\s*[[(]?/;

/** A year a log line can plausibly be from (a 10-digit number at the start may be an id). */
const EARLIEST = Date.UTC(2000, 0, 1) / 1000;

export function leadingTimestamp(line: string, ctx: LineTimestampContext): number | undefined {
  const rest = line.slice(0, 120).replace(LEAD, '');
  const seconds = iso(rest, ctx) ?? epoch(rest) ?? commonLog(rest) ?? syslog(rest, ctx);
  if (seconds === undefined || seconds < EARLIEST || seconds > ctx.nowSeconds + 86400) return undefined;
  return seconds;
}

function iso(text: string, ctx: LineTimestampContext): number | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|UTC|[+-]\d{2}:?\d{2})?(?![\d:])/i.exec(text);
  if (!m) return undefined;
  const zone = m[8] === undefined ? zoneText(ctx.localOffsetMinutes) : m[8].toUpperCase() === 'UTC' ? 'Z' : m[8];
  return parseInstant(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
}

function epoch(text: string): number | undefined {
  const m = /^(\d{10}|\d{13})(?:\.\d+)?(?![\d.:])/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[1].length === 13 ? Math.floor(n / 1000) : n;
}

function commonLog(text: string): number | undefined {
  const m = /^(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return undefined;
  return parseInstant(`${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}T${m[4]}:${m[5]}:${m[6]}${m[7]}`);
}

function syslog(text: string, ctx: LineTimestampContext): number | undefined {
  const m = /^([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?!\d)/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1].toLowerCase());
  if (month < 0) return undefined;
  const at = (year: number): number | undefined =>
    parseInstant(`${year}-${String(month + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}T${m[3]}:${m[4]}:${m[5]}${zoneText(ctx.localOffsetMinutes)}`);
  // No year in syslog: this year, unless that lands more than a day ahead (a December line read in January).
  const year = new Date((ctx.nowSeconds + ctx.localOffsetMinutes * 60) * 1000).getUTCFullYear();
  const thisYear = at(year);
  return thisYear !== undefined && thisYear > ctx.nowSeconds + 86400 ? at(year - 1) : thisYear;
}

function zoneText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
