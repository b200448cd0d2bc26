/**
 * The SLS analytic-SQL vocabulary the editor knows: functions with signatures, type names and
 * time units. Shared by diagnostics (what is not a field) and completion (what to offer).
 */
import { t } from '@vscode/l10n';

export interface SqlFunctionSpec {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

/** A function whose description is read when shown (after the display language is configured). */
function fn(name: string, signature: string, description: () => string): SqlFunctionSpec {
  return {
    name,
    signature,
    get description() {
      return description();
    },
  };
}

/** SLS (Presto-flavoured) functions commonly used on flow logs. */
export const SQL_FUNCTIONS: readonly SqlFunctionSpec[] = [
  fn('count', 'count(*) | count(x) → bigint', () => t('Number of rows, or of non-null x')),
  fn('count_if', 'count_if(condition) → bigint', () => t('Number of rows where the condition is true')),
  fn('sum', 'sum(x) → number', () => t('Sum of x')),
  fn('avg', 'avg(x) → double', () => t('Average of x')),
  fn('min', 'min(x) → same type', () => t('Smallest x')),
  fn('max', 'max(x) → same type', () => t('Largest x')),
  fn('max_by', 'max_by(x, y) → type of x', () => t('x of the row with the largest y')),
  fn('min_by', 'min_by(x, y) → type of x', () => t('x of the row with the smallest y')),
  fn('arbitrary', 'arbitrary(x) → type of x', () => t('Any one non-null x')),
  fn('approx_distinct', 'approx_distinct(x) → bigint', () => t('Approximate number of distinct x')),
  fn('approx_percentile', 'approx_percentile(x, p) → double', () => t('Approximate p-th percentile of x (p in 0..1, or an array of them)')),
  fn('histogram', 'histogram(x) → map(x, bigint)', () => t('Count of rows per value of x')),
  fn('date_trunc', "date_trunc('minute'|'hour'|'day', t) → timestamp", () => t('Truncates a time to the unit; accepts __time__ (UNIX seconds)')),
  fn('date_format', "date_format(t, '%Y-%m-%d %H:%i') → varchar", () => t('Formats a timestamp (MySQL-style format)')),
  fn('date_parse', "date_parse(s, '%Y-%m-%d %H:%i:%s') → timestamp", () => t('Parses a string into a timestamp')),
  fn('from_unixtime', 'from_unixtime(seconds) → timestamp', () => t('UNIX seconds to timestamp')),
  fn('to_unixtime', 'to_unixtime(t) → double', () => t('Timestamp to UNIX seconds')),
  fn('time_series', "time_series(__time__, '10m', '%Y-%m-%d %H:%i', '0') → varchar", () => t('Buckets time and fills empty buckets')),
  fn('compare', 'compare(x, 3600, 86400) → array', () => t('x now versus x the given seconds ago')),
  fn('split_part', 'split_part(s, delimiter, index) → varchar', () => t('The index-th (1-based) part of s')),
  fn('regexp_like', 'regexp_like(s, pattern) → boolean', () => t('Whether s matches the regular expression')),
  fn('cast', 'cast(x AS type) → type', () => t('Converts x; fails on bad input')),
  fn('try_cast', 'try_cast(x AS type) → type', () => t('Converts x; null on bad input')),
  fn('ip_to_country', 'ip_to_country(ip) → varchar', () => t('Country of an IP address')),
  fn('ip_to_province', 'ip_to_province(ip) → varchar', () => t('Province of an IP address')),
  fn('ip_to_city', 'ip_to_city(ip) → varchar', () => t('City of an IP address')),
  fn('ip_to_provider', 'ip_to_provider(ip) → varchar', () => t('Network provider of an IP address')),
  fn('round', 'round(x, digits) → number', () => t('Rounds x')),
  fn('floor', 'floor(x) → number', () => t('Rounds x down')),
  fn('concat', 'concat(a, b, …) → varchar', () => t('Joins strings')),
  fn('lower', 'lower(s) → varchar', () => t('Lower-cases s')),
  fn('upper', 'upper(s) → varchar', () => t('Upper-cases s')),
  fn('length', 'length(s) → bigint', () => t('Length of s')),
  fn('coalesce', 'coalesce(a, b, …) → type', () => t('First non-null argument')),
  fn('if', 'if(condition, a, b) → type', () => t('a when the condition holds, else b')),
  fn('now', 'now() → timestamp', () => t('Current time')),
  fn('regexp_extract', 'regexp_extract(s, pattern, group) → varchar', () => t('The first match of the pattern (or of its group) in s')),
  fn('regexp_replace', 'regexp_replace(s, pattern, replacement) → varchar', () => t('Replaces every match of the pattern')),
  fn('substr', 'substr(s, start, length) → varchar', () => t('Part of s (1-based start)')),
  fn('replace', 'replace(s, search, replacement) → varchar', () => t('Replaces every occurrence of search')),
  fn('abs', 'abs(x) → number', () => t('Absolute value')),
  fn('ceil', 'ceil(x) → number', () => t('Rounds x up')),
  fn('greatest', 'greatest(a, b, …) → type', () => t('Largest argument')),
  fn('least', 'least(a, b, …) → type', () => t('Smallest argument')),
  fn('stddev', 'stddev(x) → double', () => t('Sample standard deviation of x')),
  fn('array_agg', 'array_agg(x) → array', () => t('All x of the group as an array')),
  fn('row_number', 'row_number() OVER (…) → bigint', () => t('Row number within the window partition')),
  fn('rank', 'rank() OVER (…) → bigint', () => t('Rank within the window partition, with gaps')),
];

const FUNCTION_NAMES = new Set(SQL_FUNCTIONS.map((f) => f.name));

/** Whether a name is a function the editor knows (lower-cased comparison). */
export function isKnownFunction(name: string): boolean {
  return FUNCTION_NAMES.has(name.toLowerCase());
}

/** Type names allowed after `AS` inside cast/try_cast, never columns. */
export const SQL_TYPE_NAMES: ReadonlySet<string> = new Set([
  'bigint', 'integer', 'int', 'smallint', 'tinyint', 'double', 'real', 'decimal', 'varchar', 'char',
  'boolean', 'date', 'timestamp', 'varbinary', 'json', 'ipaddress', 'uuid',
]);

/** Units in date_trunc, interval literals and extract(… FROM …). */
export const SQL_TIME_UNITS: ReadonlySet<string> = new Set([
  'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'day_of_week', 'dow', 'doy',
]);

/** Functions called without parentheses (Presto's niladic ones), never columns. */
export const SQL_NILADIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'localtime', 'current_timezone',
]);

/** Keywords offered by completion, in the order a SELECT is usually written. */
export const SQL_COMPLETION_KEYWORDS: readonly string[] = [
  'SELECT', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'AS', 'AND', 'OR', 'NOT', 'IN',
  'IS NULL', 'IS NOT NULL', 'LIKE', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'DISTINCT', 'ASC',
  'DESC', 'WITH', 'OVER', 'PARTITION BY', 'INTERVAL',
];
