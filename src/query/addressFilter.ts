/**
 * From any selected text to a query: finds the first IPv4/IPv6 address (optionally with a port,
 * `10.0.0.1:443` or `[fe80::1]:443`), builds "everything about this address", and appends a
 * clicked grid value to a query's search part while keeping its SQL part.
 */
import { searchValueLiteral } from './searchLiteral';
import { applyFilter } from './searchFilter';

/** An address found in free text, with where it was. */
export interface ExtractedAddress {
  readonly address: string;
  readonly version: 4 | 6;
  readonly port?: number;
  /** Where the match (port included) sits in the text. */
  readonly from: number;
  readonly to: number;
}

/** Longest text scanned; a selection larger than this is almost certainly not about one address. */
const MAX_SCAN = 100_000;

/** The first IP address (with port, when written with one) in `text`, or undefined. */
export function extractAddress(text: string): ExtractedAddress | undefined {
  const scanned = text.slice(0, MAX_SCAN);
  const candidates = [findBracketedV6(scanned), findV4(scanned), findBareV6(scanned)].filter((c): c is ExtractedAddress => c !== undefined);
  candidates.sort((a, b) => a.from - b.from);
  return candidates[0];
}

function parsePort(digits: string | undefined): number | undefined | null {
  if (digits === undefined) return undefined;
  const port = Number(digits);
  return port >= 0 && port <= 65535 ? port : null;
}

function withPort(base: Omit<ExtractedAddress, 'port'>, port: number | undefined): ExtractedAddress {
  return port === undefined ? base : { ...base, port };
}

function findV4(text: string): ExtractedAddress | undefined {
  const re = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::(\d{1,5}))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text[m.index - 1];
    const afterAddress = m.index + m[0].length - (m[5] === undefined ? 0 : m[5].length + 1);
    const glued = (before !== undefined && /[\d.]/.test(before)) || /^\.\d/.test(text.slice(afterAddress, afterAddress + 2)) || /^\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1));
    const octetsOk = [m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255);
    if (glued || !octetsOk) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const port = parsePort(m[5]);
    const address = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
    if (port === null) return { address, version: 4, from: m.index, to: m.index + address.length };
    return withPort({ address, version: 4, from: m.index, to: m.index + m[0].length }, port);
  }
  return undefined;
}

function findBracketedV6(text: string): ExtractedAddress | undefined {
  const re = /\[([0-9A-Fa-f:.]{2,45})\](?::(\d{1,5}))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!isIPv6(m[1])) continue;
    const port = parsePort(m[2]);
    const to = port === null ? m.index + m[1].length + 2 : m.index + m[0].length;
    return withPort({ address: m[1], version: 6, from: m.index, to }, port ?? undefined);
  }
  return undefined;
}

function isHexOrColonOrDot(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c === ':' || c === '.';
}

/** Scans runs of hex digits, colons and dots (linear) and keeps the first valid IPv6 one. */
function findBareV6(text: string): ExtractedAddress | undefined {
  let i = 0;
  while (i < text.length) {
    if (!isHexOrColonOrDot(text[i]) || (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1]))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isHexOrColonOrDot(text[end])) end++;
    const run = trimRun(text.slice(i, end));
    const gluedAfter = /[G-Zg-z_]/.test(text[i + run.length] ?? '');
    if (!gluedAfter && run.length >= 3 && isIPv6(run)) return { address: run, version: 6, from: i, to: i + run.length };
    i = end;
  }
  return undefined;
}

/** Drops a trailing sentence dot or a lone trailing colon ("fe80::1." / "addr fe80::1:"). */
function trimRun(run: string): string {
  let r = run;
  while (r.endsWith('.') || (r.endsWith(':') && !r.endsWith('::'))) r = r.slice(0, -1);
  return r;
}

/** Strict IPv6 text check: eight groups, or fewer with one `::`, optionally ending in IPv4. */
export function isIPv6(text: string): boolean {
  if (text.length < 2 || text.length > 45 || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    count += 1; // an embedded IPv4 takes two groups
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Strict dotted-quad check. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** The search for every record to or from an address (and port, when given). */
export function addressQuery(target: { readonly address: string; readonly port?: number }): string {
  const ip = searchValueLiteral(target.address);
  if (target.port === undefined) return `srcaddr:${ip} or dstaddr:${ip}`;
  return `(srcaddr:${ip} and srcport:${target.port}) or (dstaddr:${ip} and dstport:${target.port})`;
}

/** Adds `and field:value` to the search part of `query` (see searchFilter.applyFilter). */
export function appendFilter(query: string, field: string, value: string): string {
  return applyFilter(query, field, value, 'include');
}
