/**
 * The SLS/Presto functions the emulator answers, and how each reaches DuckDB: same name, a
 * rename, or one of the `sls_*` macros installed by `SLS_MACROS`. Anything else is refused as
 * ParameterInvalid rather than passed through to a DuckDB function SLS does not have.
 */

/** Functions with the same name and meaning in DuckDB. */
const SAME_NAME = [
  'count', 'sum', 'avg', 'min', 'max', 'count_if', 'max_by', 'min_by', 'arbitrary', 'split_part', 'histogram',
  'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop', 'var_samp', 'bool_and', 'bool_or', 'every',
  'array_agg', 'abs', 'round', 'floor', 'ceil', 'ceiling', 'sqrt', 'power', 'pow', 'ln', 'log10', 'log2', 'exp',
  'mod', 'sign', 'greatest', 'least', 'coalesce', 'nullif', 'if', 'concat', 'length', 'lower', 'upper', 'substr',
  'substring', 'strpos', 'replace', 'trim', 'ltrim', 'rtrim', 'lpad', 'rpad', 'reverse', 'starts_with',
  'regexp_extract', 'row_number', 'rank', 'dense_rank', 'ntile', 'lag', 'lead', 'first_value', 'last_value',
  'percent_rank', 'cume_dist', 'now', 'cast', 'try_cast', 'year', 'month', 'day', 'hour', 'minute', 'second',
  'week', 'quarter', 'date_trunc', 'extract', 'corr', 'covar_pop', 'covar_samp', 'geometric_mean',
];

/** Presto name → DuckDB name (same arguments). */
const RENAMED: Readonly<Record<string, string>> = {
  approx_distinct: 'approx_count_distinct',
  approx_percentile: 'approx_quantile',
  regexp_like: 'regexp_matches',
  date_parse: 'strptime',
  day_of_week: 'isodow',
  dow: 'isodow',
  day_of_year: 'dayofyear',
  doy: 'dayofyear',
  from_unixtime: 'sls_from_unixtime',
  to_unixtime: 'sls_to_unixtime',
  date_format: 'sls_date_format',
  regexp_replace: 'sls_regexp_replace',
  time_series: 'sls_time_series',
};

/** SLS functions the emulator knows but does not implement (they need data it does not have). */
const UNSUPPORTED = new Set([
  'compare', 'ip_to_country', 'ip_to_province', 'ip_to_city', 'ip_to_provider', 'ip_to_domain', 'ip_to_geo',
  'ip_to_city_geo', 'ts_predicate_simple', 'ts_compare',
]);

export type FunctionMapping =
  | { readonly kind: 'known'; readonly duckName: string }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'unknown' };

const SAME = new Set(SAME_NAME);

export function mapFunction(name: string): FunctionMapping {
  const lower = name.toLowerCase();
  if (SAME.has(lower)) return { kind: 'known', duckName: lower };
  const renamed = RENAMED[lower];
  if (renamed) return { kind: 'known', duckName: renamed };
  if (UNSUPPORTED.has(lower)) return { kind: 'unsupported' };
  return { kind: 'unknown' };
}

/** Installed once per DuckDB database; times are UTC. */
export const SLS_MACROS: readonly string[] = [
  'CREATE OR REPLACE MACRO sls_from_unixtime(s) AS make_timestamp(CAST(round(CAST(s AS DOUBLE) * 1000000) AS BIGINT))',
  'CREATE OR REPLACE MACRO sls_to_unixtime(t) AS epoch(t)',
  // SLS date functions take UNIX seconds as well as timestamps.
  `CREATE OR REPLACE MACRO sls_ts(x) AS CASE WHEN regexp_full_match(CAST(x AS VARCHAR), '-?[0-9]+(\\.[0-9]+)?')
     THEN make_timestamp(CAST(CAST(CAST(x AS VARCHAR) AS DOUBLE) * 1000000 AS BIGINT))
     ELSE CAST(CAST(x AS VARCHAR) AS TIMESTAMP) END`,
  'CREATE OR REPLACE MACRO sls_date_format(x, f) AS strftime(sls_ts(x), f)',
  'CREATE OR REPLACE MACRO sls_date_trunc_unix(u, t) AS CAST(epoch(date_trunc(u, sls_from_unixtime(t))) AS BIGINT)',
  "CREATE OR REPLACE MACRO sls_regexp_replace(s, p, r := '') AS regexp_replace(s, p, r, 'g')",
  'CREATE OR REPLACE MACRO sls_time_series(t, w, f, fill) AS strftime(sls_from_unixtime(floor(CAST(t AS DOUBLE) / w) * w), f)',
];

const MYSQL_TO_STRFTIME: Readonly<Record<string, string>> = {
  i: '%M', s: '%S', S: '%S', H: '%H', h: '%I', I: '%I', Y: '%Y', y: '%y', m: '%m', d: '%d', e: '%-d', c: '%-m',
  k: '%-H', l: '%-I', p: '%p', T: '%H:%M:%S', r: '%I:%M:%S %p', M: '%B', b: '%b', W: '%A', a: '%a', j: '%j',
  f: '%f', '%': '%%',
};

/** MySQL/Presto date format (`%Y-%m-%d %H:%i:%s`) → strftime (`%Y-%m-%d %H:%M:%S`). */
export function translateDateFormat(format: string): string | { unknown: string } {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      out += format[i];
      continue;
    }
    const spec = format[i + 1];
    const mapped = spec === undefined ? undefined : MYSQL_TO_STRFTIME[spec];
    if (!mapped) return { unknown: '%' + (spec ?? '') };
    out += mapped;
    i++;
  }
  return out;
}

/** time_series window ('1m', '10m', '1h', '30s', '1d') in seconds. */
export function parseSeriesWindow(text: string): number | undefined {
  const m = /^(\d+)(s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return n > 0 ? n * unit : undefined;
}
