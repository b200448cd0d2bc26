/**
 * Numbers, byte sizes and dates in the display language (VS Code's `env.language`, e.g. "zh-cn"),
 * through Intl. Pure: the host and the webview each build one from the language they were given.
 */

export interface DisplayFormat {
  /** The BCP 47 tag Intl uses (e.g. "zh-CN"). */
  readonly locale: string;
  /** An integer with the language's grouping (1234567 → "1,234,567"). */
  count(n: number): string;
  /** A number with at most `digits` decimals (always exactly `digits` when `fixed`). */
  decimal(n: number, digits: number, fixed?: boolean): string;
  /** Binary multiples, one decimal below 10 (1536 → "1.5 KB"), digits in the language's form. */
  bytes(n: number): string;
  /** A moment as date and time in local time (e.g. "Jan 1, 2026, 08:00:00" / "2026年1月1日 08:00:00"). */
  dateTime(ms: number): string;
}

// The console shows B/KB/MB… in both languages; only the number's form changes.
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** VS Code's language id ("zh-cn", "en", "pt-br") as an Intl locale; unknown or malformed → "en-US". */
export function intlLocale(language: string | undefined): string {
  if (!language) return 'en-US';
  try {
    const [canonical] = Intl.getCanonicalLocales(language);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : 'en-US';
  } catch {
    return 'en-US';
  }
}

export function createDisplayFormat(language: string | undefined): DisplayFormat {
  const locale = intlLocale(language);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // A byte figure is below 1024 in its unit: no grouping ("1023 B", not "1,023 B").
  const unitInteger = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: false });
  const decimals = new Map<string, Intl.NumberFormat>();
  const decimal = (n: number, digits: number, fixed = false): string => {
    const key = `${digits}:${fixed}`;
    let f = decimals.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
      decimals.set(key, f);
    }
    return f.format(n);
  };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return {
    locale,
    count: (n) => integer.format(n),
    decimal,
    bytes(n) {
      if (!Number.isFinite(n)) return String(n);
      let v = Math.abs(n);
      let u = 0;
      while (v >= 1024 && u < BYTE_UNITS.length - 1) {
        v /= 1024;
        u++;
      }
      const text = u === 0 || v >= 10 ? unitInteger.format(v) : decimal(v, 1, true);
      return `${n < 0 ? '-' : ''}${text} ${BYTE_UNITS[u]}`;
    },
    dateTime: (ms) => dateTime.format(new Date(ms)),
  };
}
