/**
 * Every address in a piece of text — a debug value, a watch result, a terminal or log line — built
 * on addressFilter's extractAddress (the one address scanner), plus how an address is written back.
 */
import { extractAddress, type ExtractedAddress } from './addressFilter';

/** More addresses than this in one value is a dump, not a peer; the pick stays usable. */
const MAX_ADDRESSES = 50;

/**
 * The addresses in `text`, in order of appearance, each address/port pair once. Repeats the single
 * scan past each match, so this can never disagree with "Show Traffic for This Address".
 */
export function extractAddresses(text: string, max = MAX_ADDRESSES): ExtractedAddress[] {
  const found: ExtractedAddress[] = [];
  const seen = new Set<string>();
  let offset = 0;
  while (found.length < max && offset < text.length) {
    const next = extractAddress(text.slice(offset));
    if (!next) break;
    const located: ExtractedAddress = { ...next, from: next.from + offset, to: next.to + offset };
    const key = addressKey(located);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(located);
    }
    offset = located.to;
  }
  return found;
}

/** The address whose text covers `offset` (a hover position, a clicked column), if any. */
export function addressAt(text: string, offset: number): ExtractedAddress | undefined {
  let start = 0;
  while (start < text.length) {
    const next = extractAddress(text.slice(start));
    if (!next) return undefined;
    const from = next.from + start;
    const to = next.to + start;
    if (offset < from) return undefined;
    if (offset < to) return { ...next, from, to };
    start = to;
  }
  return undefined;
}

/** The address as people write it: `10.0.0.1`, `10.0.0.1:443`, `[fe80::1]:443`. */
export function formatAddress(a: { readonly address: string; readonly version: 4 | 6; readonly port?: number }): string {
  if (a.port === undefined) return a.address;
  return a.version === 6 ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** One key per address and port (IPv6 compared case-insensitively, as flow logs write it lower-case). */
export function addressKey(a: { readonly address: string; readonly port?: number }): string {
  return `${a.address.toLowerCase()}|${a.port ?? ''}`;
}
