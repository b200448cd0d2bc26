/**
 * The SLS analytic-SQL vocabulary the editor knows: functions with signatures, type names and
 * time units. Shared by diagnostics (what is not a field) and completion (what to offer).
 */

export interface SqlFunctionSpec {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

/** SLS (Presto-flavoured) functions commonly used on flow logs. */
export const SQL_FUNCTIONS: readonly SqlFunctionSpec[] = [
  { name: 'count', signature: 'count(*) | count(x) → bigint', description: 'Number of rows, or of non-null x' },
  { name: 'count_if', signature: 'count_if(condition) → bigint', description: 'Number of rows where the condition is true' },
  { name: 'sum', signature: 'sum(x) → number', description: 'Sum of x' },
  { name: 'avg', signature: 'avg(x) → double', description: 'Average of x' },
  { name: 'min', signature: 'min(x) → same type', description: 'Smallest x' },
  { name: 'max', signature: 'max(x) → same type', description: 'Largest x' },
  { name: 'max_by', signature: 'max_by(x, y) → type of x', description: 'x of the row with the largest y' },
  { name: 'min_by', signature: 'min_by(x, y) → type of x', description: 'x of the row with the smallest y' },
  { name: 'arbitrary', signature: 'arbitrary(x) → type of x', description: 'Any one non-null x' },
  { name: 'approx_distinct', signature: 'approx_distinct(x) → bigint', description: 'Approximate number of distinct x' },
  { name: 'approx_percentile', signature: 'approx_percentile(x, p) → double', description: 'Approximate p-th percentile of x (p in 0..1, or an array of them)' },
  { name: 'histogram', signature: 'histogram(x) → map(x, bigint)', description: 'Count of rows per value of x' },
  { name: 'date_trunc', signature: "date_trunc('minute'|'hour'|'day', t) → timestamp", description: 'Truncates a time to the unit; accepts __time__ (UNIX seconds)' },
  { name: 'date_format', signature: "date_format(t, '%Y-%m-%d %H:%i') → varchar", description: 'Formats a timestamp (MySQL-style format)' },
  { name: 'date_parse', signature: "date_parse(s, '%Y-%m-%d %H:%i:%s') → timestamp", description: 'Parses a string into a timestamp' },
  { name: 'from_unixtime', signature: 'from_unixtime(seconds) → timestamp', description: 'UNIX seconds to timestamp' },
  { name: 'to_unixtime', signature: 'to_unixtime(t) → double', description: 'Timestamp to UNIX seconds' },
  { name: 'time_series', signature: "time_series(__time__, '10m', '%Y-%m-%d %H:%i', '0') → varchar", description: 'Buckets time and fills empty buckets' },
  { name: 'compare', signature: 'compare(x, 3600, 86400) → array', description: 'x now versus x the given seconds ago' },
  { name: 'split_part', signature: 'split_part(s, delimiter, index) → varchar', description: 'The index-th (1-based) part of s' },
  { name: 'regexp_like', signature: 'regexp_like(s, pattern) → boolean', description: 'Whether s matches the regular expression' },
  { name: 'cast', signature: 'cast(x AS type) → type', description: 'Converts x; fails on bad input' },
  { name: 'try_cast', signature: 'try_cast(x AS type) → type', description: 'Converts x; null on bad input' },
  { name: 'ip_to_country', signature: 'ip_to_country(ip) → varchar', description: 'Country of an IP address' },
  { name: 'ip_to_province', signature: 'ip_to_province(ip) → varchar', description: 'Province of an IP address' },
  { name: 'ip_to_city', signature: 'ip_to_city(ip) → varchar', description: 'City of an IP address' },
  { name: 'ip_to_provider', signature: 'ip_to_provider(ip) → varchar', description: 'Network provider of an IP address' },
  { name: 'round', signature: 'round(x, digits) → number', description: 'Rounds x' },
  { name: 'floor', signature: 'floor(x) → number', description: 'Rounds x down' },
  { name: 'concat', signature: 'concat(a, b, …) → varchar', description: 'Joins strings' },
  { name: 'lower', signature: 'lower(s) → varchar', description: 'Lower-cases s' },
  { name: 'upper', signature: 'upper(s) → varchar', description: 'Upper-cases s' },
  { name: 'length', signature: 'length(s) → bigint', description: 'Length of s' },
  { name: 'coalesce', signature: 'coalesce(a, b, …) → type', description: 'First non-null argument' },
  { name: 'if', signature: 'if(condition, a, b) → type', description: 'a when the condition holds, else b' },
  { name: 'now', signature: 'now() → timestamp', description: 'Current time' },
  { name: 'regexp_extract', signature: 'regexp_extract(s, pattern, group) → varchar', description: 'The first match of the pattern (or of its group) in s' },
  { name: 'regexp_replace', signature: 'regexp_replace(s, pattern, replacement) → varchar', description: 'Replaces every match of the pattern' },
  { name: 'substr', signature: 'substr(s, start, length) → varchar', description: 'Part of s (1-based start)' },
  { name: 'replace', signature: 'replace(s, search, replacement) → varchar', description: 'Replaces every occurrence of search' },
  { name: 'abs', signature: 'abs(x) → number', description: 'Absolute value' },
  { name: 'ceil', signature: 'ceil(x) → number', description: 'Rounds x up' },
  { name: 'greatest', signature: 'greatest(a, b, …) → type', description: 'Largest argument' },
  { name: 'least', signature: 'least(a, b, …) → type', description: 'Smallest argument' },
  { name: 'stddev', signature: 'stddev(x) → double', description: 'Sample standard deviation of x' },
  { name: 'array_agg', signature: 'array_agg(x) → array', description: 'All x of the group as an array' },
  { name: 'row_number', signature: 'row_number() OVER (…) → bigint', description: 'Row number within the window partition' },
  { name: 'rank', signature: 'rank() OVER (…) → bigint', description: 'Rank within the window partition, with gaps' },
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
