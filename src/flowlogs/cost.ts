/**
 * The cost lens: an estimate of cross-region transfer cost from the bytes the flow logs captured,
 * priced with the user's own per-GB prices (setting `cenFlowLogs.cost.pricePerGB`; no built-in
 * price list — prices change and differ by contract). Pure.
 */
import { t } from '@vscode/l10n';
import type { RegionPairTraffic } from './regionTraffic';

/**
 * Bytes in one billed GB. Alibaba prices CEN inter-region traffic (pay-by-data-transfer, settled by
 * Cloud Data Transfer) as "unit price (USD per GB) × egress inter-region traffic from the transit
 * router (GB)" (help/en/cen/product-overview/billing-rules) without defining GB; we take the binary
 * GB (1024^3), the unit Alibaba's traffic metering uses elsewhere — UNCONFIRMED for CDT, and the
 * lower of the two readings (10^9 would give ~7% more).
 */
export const BYTES_PER_GB = 1024 ** 3;

/** Setting ids (under `cenFlowLogs.`). */
export const PRICE_SETTING = 'cost.pricePerGB';
export const CURRENCY_SETTING = 'cost.currency';

/** Prices per GB by key: "src>dst", "src>*", "*>dst" or "*" (the most specific wins). */
export interface PriceTable {
  readonly prices: ReadonlyMap<string, number>;
}

export interface PriceProblem {
  /** The setting's key the problem is at. */
  readonly key: string;
  readonly message: string;
}

const KEY = /^(\*|[a-z0-9-]+)>(\*|[a-z0-9-]+)$/;

/** Reads the setting's value; every key or price it cannot use is named with why (nothing is silently dropped). */
export function parsePriceTable(value: unknown): { readonly table: PriceTable; readonly problems: readonly PriceProblem[] } {
  const prices = new Map<string, number>();
  const problems: PriceProblem[] = [];
  if (value === undefined || value === null) return { table: { prices }, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { table: { prices }, problems: [{ key: '', message: t('The price setting must be an object, e.g. {0}.', '{ "cn-hangzhou>cn-shanghai": 0.05, "*": 0.08 }') }] };
  }
  for (const [rawKey, price] of Object.entries(value as Record<string, unknown>)) {
    const key = rawKey.trim();
    if (key !== '*' && !KEY.test(key)) {
      problems.push({ key: rawKey, message: t('"{0}": write a key as source>destination region ids (e.g. cn-hangzhou>cn-shanghai), with * for any region, or "*" alone for every pair.', rawKey) });
      continue;
    }
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
      problems.push({ key: rawKey, message: t('"{0}": the price must be a number ≥ 0 (per GB), got {1}.', rawKey, JSON.stringify(price)) });
      continue;
    }
    prices.set(key === '*' ? '*>*' : key, price);
  }
  return { table: { prices }, problems };
}

export function isEmptyPriceTable(table: PriceTable): boolean {
  return table.prices.size === 0;
}

/** The price per GB for src → dst: exact pair, then src>*, then *>dst, then the default; undefined if none. */
export function pricePerGb(table: PriceTable, src: string, dst: string): number | undefined {
  for (const key of [`${src}>${dst}`, `${src}>*`, `*>${dst}`, '*>*']) {
    const p = table.prices.get(key);
    if (p !== undefined) return p;
  }
  return undefined;
}

export function gigabytes(bytes: number): number {
  return bytes / BYTES_PER_GB;
}

export interface PairCost {
  readonly src: string;
  readonly dst: string;
  readonly bytes: number;
  readonly gb: number;
  /** Undefined when no price applies to the pair. */
  readonly pricePerGb?: number;
  readonly cost?: number;
}

export interface CostEstimate {
  readonly pairs: readonly PairCost[];
  /** Sum of the priced pairs' costs. */
  readonly total: number;
  /** Pairs with traffic but no price (the total leaves them out). */
  readonly unpriced: number;
}

/** Cost per region pair (attachments folded together) and the total. */
export function estimateCost(traffic: readonly RegionPairTraffic[], table: PriceTable): CostEstimate {
  const bytesByPair = new Map<string, { src: string; dst: string; bytes: number }>();
  for (const t of traffic) {
    const k = `${t.src}>${t.dst}`;
    const e = bytesByPair.get(k);
    if (e) e.bytes += t.bytes;
    else bytesByPair.set(k, { src: t.src, dst: t.dst, bytes: t.bytes });
  }
  let total = 0;
  let unpriced = 0;
  const pairs = [...bytesByPair.values()].map(({ src, dst, bytes }): PairCost => {
    const gb = gigabytes(bytes);
    const price = pricePerGb(table, src, dst);
    if (price === undefined) {
      unpriced++;
      return { src, dst, bytes, gb };
    }
    const cost = gb * price;
    total += cost;
    return { src, dst, bytes, gb, pricePerGb: price, cost };
  });
  return { pairs: pairs.sort((a, b) => b.bytes - a.bytes), total, unpriced };
}

/** "12.35 USD" (currency label as the user set it; two decimals, more for amounts under 0.01; digits in `locale`'s form). */
export function formatCost(amount: number, currency: string, locale = 'en'): string {
  const digits = amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2;
  const text = amount.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return currency.trim() ? `${text} ${currency.trim()}` : text;
}

/**
 * The price table as an SLS SQL expression over the record's region fields (for the *Cost by
 * region pair* preset): CASE over the keys, most specific first; NULL where no price applies.
 * Region ids are checked by KEY (letters, digits, hyphens), so they are safe inside quotes.
 */
export function priceCaseSql(table: PriceTable): string {
  const rank = (k: string): number => (k.startsWith('*>') ? 2 : 0) + (k.endsWith('>*') ? 1 : 0);
  const fallback = table.prices.get('*>*');
  const keys = [...table.prices.keys()].filter((k) => k !== '*>*').sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const otherwise = fallback === undefined ? 'CAST(NULL AS double)' : String(fallback);
  if (keys.length === 0) return otherwise;
  const whens = keys.map((k) => {
    const [src, dst] = k.split('>');
    const conds = [src !== '*' ? `"src-region-id" = '${src}'` : undefined, dst !== '*' ? `"dst-region-id" = '${dst}'` : undefined].filter((c): c is string => c !== undefined);
    return `WHEN ${conds.join(' AND ')} THEN ${String(table.prices.get(k))}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${otherwise} END`;
}
