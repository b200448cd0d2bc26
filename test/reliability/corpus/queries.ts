/**
 * Hostile and malformed SLS queries, each with the outcome the extension must produce:
 *  - `local`: diagnose() reports an error of `code` at `at` (the marked text), so it is refused
 *    before any request;
 *  - `service`: nothing local blocks it, and the emulator (through the real SLS client) answers a
 *    positioned ParameterInvalid, mapped to CloudError kind invalidInput with a position;
 *  - `runs`: odd but legal (injection-looking text, unicode, control characters inside quotes):
 *    the service answers rows, and nothing crashes or hangs.
 * Built by small typed builders so the data stays readable; every case is asserted.
 */
import type { DiagnosticCode } from '../../../src/query/diagnostics';

export type QueryOutcome =
  | { readonly kind: 'local'; readonly code: DiagnosticCode; readonly at?: string }
  | { readonly kind: 'service'; readonly at?: string }
  | { readonly kind: 'runs' };

export interface QueryCase {
  readonly name: string;
  readonly query: string;
  readonly expect: QueryOutcome;
}

const local = (name: string, query: string, code: DiagnosticCode, at?: string): QueryCase => ({ name, query, expect: { kind: 'local', code, at } });
const service = (name: string, query: string, at?: string): QueryCase => ({ name, query, expect: { kind: 'service', at } });
const runs = (name: string, query: string): QueryCase => ({ name, query, expect: { kind: 'runs' } });

const unbalancedQuotes: QueryCase[] = [
  local('search: open double quote on a value', 'srcaddr:"10.0.0.1', 'unterminated-string', '"10.0.0.1'),
  local('search: lone double quote', '"', 'unterminated-string', '"'),
  local('search: open quote after and', 'dstport:443 and "abc', 'unterminated-string', '"abc'),
  local('search: open quoted field name', '"log-status:OK', 'unterminated-string'),
  local('search: single quote never closed', "direction:'out", 'unterminated-string'),
  local('sql: open string literal', "* | select 'abc", 'unterminated-string', "'abc"),
  local('sql: open string in where', "* | select count(*) where direction = 'out", 'unterminated-string', "'out"),
  local('sql: open quoted identifier', '* | select "log-status', 'unterminated-identifier', '"log-status'),
  local('sql: open identifier in group by', '* | select count(*) group by "dstaddr', 'unterminated-identifier', '"dstaddr'),
  local('sql: open block comment', '* | select 1 /* open', 'unterminated-comment', '/* open'),
  local('sql: escaped quote leaves string open', "* | select 'it''s", 'unterminated-string', "'it''s"),
];

const unbalancedBrackets: QueryCase[] = [
  local('search: open paren', '(dstport:443 or dstport:80', 'unbalanced-paren', '('),
  local('search: stray close paren', 'dstport:443)', 'unbalanced-paren', ')'),
  local('search: nested open parens', '((dstport:1) or (dstport:2)', 'unbalanced-paren', '('),
  local('search: open range bracket', 'dstport in [1 1024', 'unbalanced-bracket', '['),
  local('search: mismatched bracket', 'dstport in (1 1024]', 'unbalanced-bracket', ']'),
  local('sql: open call', '* | select count(*', 'unbalanced-paren', '('),
  local('sql: extra close paren', '* | select count(*))', 'unbalanced-paren', ')'),
  local('sql: open array', '* | select array[1, 2', 'unbalanced-bracket', '['),
  local('search: 10,000 open parens', '('.repeat(10_000) + 'dstport:1', 'unbalanced-paren', '('),
  local('sql: deep open parens', '* | select ' + '('.repeat(2_000) + '1', 'unbalanced-paren', '('),
];

const badSql: QueryCase[] = [
  local('sql: nothing after pipe', '* |', 'empty-sql'),
  local('sql: only a comment after pipe', '* | -- nothing', 'empty-sql'),
  local('sql: DELETE', '* | delete from log', 'not-select', 'delete'),
  local('sql: DROP TABLE', '* | drop table log', 'not-select', 'drop'),
  local('sql: INSERT', "* | insert into log values ('x')", 'not-select', 'insert'),
  local('sql: UPDATE', "* | update log set srcaddr = 'x'", 'not-select', 'update'),
  local('sql: ALTER', '* | alter table log add column x int', 'not-select', 'alter'),
  local('sql: GRANT', '* | grant all on log to public', 'not-select', 'grant'),
  local('sql: FROM first', '* | from log select count(*)', 'not-select', 'from'),
  local('sql: starts with a number', '* | 1 + 1', 'not-select', '1'),
  local('sql: other table', '* | select count(*) from users', 'from-not-log', 'users'),
  local('sql: information schema', '* | select * from information_schema.tables', 'from-not-log'),
  local('sql: FROM without table', '* | select count(*) from', 'from-not-log'),
  local('sql: trailing semicolon', '* | select count(*);', 'trailing-semicolon', ';'),
  local('sql: stacked statement', '* | select 1; drop table log', 'trailing-semicolon', ';'),
  local('sql: stacked delete', "* | select 1; delete from log where '1'='1'", 'trailing-semicolon', ';'),
  local('sql: LIMIT too large', '* | select * limit 1000001', 'limit-too-large', 'limit 1000001'),
  local('sql: page too large', '* | select * limit 0, 10001', 'limit-too-large'),
  local('sql: offset + rows too large', '* | select * limit 999991, 10', 'limit-too-large'),
  local('sql: LIMIT not a number', '* | select * limit x', 'invalid-limit'),
  local('sql: LIMIT with dangling comma', '* | select * limit 10,', 'invalid-limit'),
  local('sql: LIMIT negative', '* | select * limit -1', 'invalid-limit'),
  local('sql: unknown column', '* | select dstprt from log', 'unknown-field', 'dstprt'),
  local('sql: unknown quoted column', '* | select "logstatus" from log', 'unknown-field', '"logstatus"'),
  service('sql: unknown function', '* | select nosuchfunc(bytes)', 'nosuchfunc'),
  service('sql: unknown function in where', '* | select count(*) where evil_udf(srcaddr) = 1', 'evil_udf'),
  service('sql: GROUP without BY', '* | select count(*) group'),
  service('sql: operator without right side', '* | select bytes +'),
  service('sql: WHERE without condition', '* | select srcaddr where'),
  service('sql: ORDER without BY', '* | select srcaddr order'),
  service('sql: CASE never ended', '* | select case when bytes > 1 then 1'),
  // The emulator names the type but points at the statement start (real SLS counts in the SQL part).
  service('sql: cast to unknown type', '* | select cast(bytes as nosuchtype)'),
];

const badSearch: QueryCase[] = [
  local('search: leading wildcard', 'srcaddr:*.0.1', 'leading-wildcard', '*.0.1'),
  local('search: leading question mark', '?abc', 'leading-wildcard'),
  local('search: leading wildcard word', '*admin', 'leading-wildcard'),
  local('search: dangling and', 'dstport:443 and', 'dangling-operator', 'and'),
  local('search: leading or', 'or dstport:443', 'dangling-operator', 'or'),
  local('search: and or', 'dstport:443 and or dstport:80', 'dangling-operator', 'and'),
  local('search: field with no value', 'dstport: and x', 'missing-value'),
  local('search: comparison with no number', 'bytes >', 'missing-value'),
];

/** Text that looks like SQL injection. The user is the query's author, so legal ones simply run. */
const injectionLooking: QueryCase[] = [
  runs('search: tautology inside a quoted value', `srcaddr:"1' OR '1'='1"`),
  runs('search: comment marker inside a quoted value', `srcaddr:"10.0.0.1'--"`),
  runs('search: stacked statement inside a quoted value', `srcaddr:"x'; DROP TABLE log; --"`),
  runs('search: union select inside a quoted value', `"' UNION SELECT accessKeySecret FROM credentials --"`),
  runs('search: xp_cmdshell inside quotes', `"'; EXEC xp_cmdshell('dir'); --"`),
  runs('sql: tautology in where', `* | select count(*) as n where srcaddr = '' or '1'='1'`),
  runs('sql: quoted semicolon and comment', `* | select count(*) as n where srcaddr = 'x''; drop table log; --'`),
  runs('sql: line comment after statement', '* | select count(*) as n -- ; drop table log'),
  runs('sql: block comment hiding text', '* | select /* ; delete from log */ count(*) as n'),
  runs('sql: union inside a string', `* | select count(*) as n where srcaddr = 'union select 1'`),
  runs('sql: sleep-looking string', `* | select count(*) as n where srcaddr = 'sleep(10)'`),
  runs('sql: backslashes in a string', `* | select count(*) as n where srcaddr = '\\\\x00\\\\'`),
  runs('sql: percent wildcards in like', `* | select count(*) as n where srcaddr like '%''%'`),
  runs('search: pipe inside quotes is not SQL', '"a | b"'),
  local('sql: unquoted tautology after pipe ends in a stacked drop', '* | select 1 where 1=1; drop table log', 'trailing-semicolon', ';'),
];

/**
 * Control characters inside quoted values, and as whitespace between terms. NUL cannot travel in a
 * query (C-string engines end the text there), so the service refuses it at its position.
 */
const CONTROL = ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028'];
const controlCharacters: QueryCase[] = [
  ...CONTROL.map((c) => runs(`search: U+${c.charCodeAt(0).toString(16).padStart(4, '0')} inside a quoted value`, `srcaddr:"10.0.0.1${c}"`)),
  ...CONTROL.map((c) => runs(`sql: U+${c.charCodeAt(0).toString(16).padStart(4, '0')} inside a string literal`, `* | select count(*) as n where srcaddr = 'a${c}b'`)),
  service('search: NUL inside a quoted value', 'srcaddr:"10.0.0.1\u0000"', '\u0000'),
  service('sql: NUL inside a string literal', "* | select count(*) as n where srcaddr = 'a\u0000b'", '\u0000'),
  runs('search: CRLF between terms', 'dstport:443\r\nand direction:out'),
  runs('search: tabs between terms', 'dstport:443\tand\tdirection:out'),
  runs('sql: newlines and tabs in the statement', '*\n|\tselect\ncount(*) as n\r\n'),
  runs('search: ANSI escape sequence inside quotes', '"\u001b[31mred\u001b[0m"'),
];

/** Unicode: non-Latin text, astral characters, bidi overrides, zero-width and look-alike punctuation. */
const unicode: QueryCase[] = [
  runs('search: Chinese word in quotes', '"中文流日志"'),
  runs('search: emoji in quotes', 'srcaddr:"🔥💥"'),
  runs('search: astral math letters in quotes', '"𝔘𝔫𝔦𝔠𝔬𝔡𝔢"'),
  runs('search: right-to-left override in quotes', 'srcaddr:"\u202Eevil\u202C"'),
  runs('search: zero-width joiner in quotes', 'srcaddr:"10.0\u200D.0.1"'),
  runs('search: combining accents in quotes', '"e\u0301\u0301\u0301"'),
  runs('search: byte-order mark in quotes', '"\uFEFFabc"'),
  runs('sql: Chinese string literal', "* | select count(*) as n where srcaddr = '中文'"),
  runs('sql: emoji alias', '* | select count(*) as "🔥"'),
  runs('sql: lone surrogate in a string', "* | select count(*) as n where srcaddr = '\uD800'"),
  runs('search: full-width pipe is plain text', '"a｜select 1"'),
  local('search: curly quotes are not quotes (a word that never closes a real quote)', 'srcaddr:"“10.0.0.1”', 'unterminated-string'),
  local('sql: Chinese unknown column', '* | select 中文 from log', 'unknown-field', '中文'),
];

/** Very large queries: local checks stay fast and the service answers, never hangs. */
const huge: QueryCase[] = [
  runs('search: 100,000-character quoted value', `"${'a'.repeat(100_000)}"`),
  runs('search: 2,000 or-ed terms', Array.from({ length: 2_000 }, (_, i) => `dstport:${i}`).join(' or ')),
  runs('sql: 20,000-character string literal', `* | select count(*) as n where srcaddr = '${'x'.repeat(20_000)}'`),
  runs('sql: 500 selected columns', `* | select ${Array.from({ length: 500 }, (_, i) => `count(*) as c${i}`).join(', ')}`),
  local('search: 50,000 unclosed quotes', '"'.repeat(50_001), 'unterminated-string'),
  local('sql: 100,000-character unterminated string', `* | select '${'y'.repeat(100_000)}`, 'unterminated-string'),
  local('sql: 5,000 stacked statements', '* | select 1' + '; select 1'.repeat(5_000), 'trailing-semicolon'),
];

export const QUERY_CASES: readonly QueryCase[] = [
  ...unbalancedQuotes,
  ...unbalancedBrackets,
  ...badSql,
  ...badSearch,
  ...injectionLooking,
  ...controlCharacters,
  ...unicode,
  ...huge,
];
