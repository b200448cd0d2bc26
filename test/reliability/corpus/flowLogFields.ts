/**
 * Bad names, descriptions and other fields a user types in the create/modify wizard, each refused
 * locally by src/flowlogs/validation.ts with a message matching `message`. A few boundary values
 * that must pass are listed too (`message: undefined`), so over-eager checks fail the suite.
 */
import type { FlowLogField } from '../../../src/flowlogs/validation';

export interface FieldCase {
  readonly name: string;
  readonly field: FlowLogField;
  readonly value: string;
  /** undefined = must be accepted. */
  readonly message: RegExp | undefined;
}

const refuse = (name: string, field: FlowLogField, value: string, message: RegExp): FieldCase => ({ name, field, value, message });
const accept = (name: string, field: FlowLogField, value: string): FieldCase => ({ name, field, value, message: undefined });

const freeText = (field: 'name' | 'description', max: number): FieldCase[] => [
  refuse(`${field}: one character too long`, field, 'a'.repeat(max + 1), new RegExp(`${max + 1} characters long; at most ${max}`)),
  refuse(`${field}: 1 MB`, field, 'x'.repeat(1 << 20), /at most/),
  refuse(`${field}: astral characters count as characters`, field, '😀'.repeat(max + 1), /at most/),
  refuse(`${field}: http:// prefix`, field, 'http://evil.example/flow', /http:\/\/ or https:\/\//),
  refuse(`${field}: https:// prefix`, field, 'https://evil.example', /http:\/\/ or https:\/\//),
  refuse(`${field}: upper-case HTTP:// prefix`, field, 'HTTP://EVIL', /http:\/\/ or https:\/\//),
  refuse(`${field}: only spaces`, field, '   ', /only spaces/),
  refuse(`${field}: only a newline`, field, '\n', /only spaces/),
  refuse(`${field}: only tabs and CR`, field, '\t\r\n', /only spaces/),
  accept(`${field}: exactly the maximum`, field, 'a'.repeat(max)),
  accept(`${field}: maximum in astral characters`, field, '😀'.repeat(max)),
  accept(`${field}: URL later in the text`, field, 'see http://example.com'),
  accept(`${field}: markup is text`, field, '<script>alert(1)</script>'),
  accept(`${field}: Chinese`, field, '生产环境流日志'),
];

export const FIELD_CASES: readonly FieldCase[] = [
  ...freeText('name', 128),
  ...freeText('description', 256),
  refuse('name: newline inside', 'name', 'line one\nline two', /line break|new ?line/i),
  refuse('description: CRLF inside', 'description', 'a\r\nb', /line break|new ?line/i),
  refuse('name: NUL inside', 'name', 'a\u0000b', /control character/i),
  refuse('description: escape sequence', 'description', '\u001b[31mred', /control character/i),
  refuse('project: upper case', 'projectName', 'MyProject', /"M" at position 1/),
  refuse('project: underscore', 'projectName', 'my_project', /"_" at position 3/),
  refuse('project: too short', 'projectName', 'ab', /3 to 63/),
  refuse('project: too long', 'projectName', 'a'.repeat(64), /3 to 63/),
  refuse('project: leading hyphen', 'projectName', '-abc', /start with/),
  refuse('project: trailing hyphen', 'projectName', 'abc-', /end with/),
  refuse('project: empty', 'projectName', '', /required/),
  refuse('project: path traversal', 'projectName', '../etc', /"\." at position 1/),
  refuse('project: space', 'projectName', 'my project', /" " at position 3/),
  refuse('project: newline', 'projectName', 'abc\ndef', /position 4/),
  refuse('project: unicode look-alike', 'projectName', 'prоd', /position 3/), // Cyrillic о
  refuse('logstore: upper case', 'logStoreName', 'Flows', /"F" at position 1/),
  refuse('logstore: slash', 'logStoreName', 'flows/../x', /"\/" at position 6/),
  refuse('logstore: too long', 'logStoreName', 'l'.repeat(64), /3 to 63/),
  refuse('logstore: trailing underscore', 'logStoreName', 'flows_', /end with/),
  refuse('logstore: html', 'logStoreName', '<b>x</b>', /"<" at position 1/),
  refuse('cen id: not a CEN id', 'cenId', 'vpc-123', /not a CEN instance id/),
  refuse('cen id: empty', 'cenId', '', /required/),
  refuse('cen id: injection', 'cenId', "cen-1' or '1'='1", /invalid character "'" at position 6/),
  refuse('cen id: upper case', 'cenId', 'cen-ABC', /invalid character "A" at position 5/),
  refuse('log format: wrong prefix', 'logFormatString', '${dstaddr}${srcaddr}${bytes}', /must start with/),
  refuse('log format: unknown field', 'logFormatString', '${srcaddr}${dstaddr}${bytes}${evil}', /unknown field "evil" at position 29/),
  refuse('log format: text between fields', 'logFormatString', '${srcaddr}${dstaddr}${bytes} x', /position 29/),
  refuse('log format: repeated field', 'logFormatString', '${srcaddr}${dstaddr}${bytes}${bytes}', /appears twice/),
  refuse('transit router: wrong prefix', 'transitRouterId', 'vpc-1', /tr-/),
  refuse('transit router: bare prefix', 'transitRouterId', 'tr-', /tr-/),
  refuse('transit router attachment: space', 'transitRouterAttachmentId', 'tr-attach-a b', /position 12/),
  // Regions come from the API (issue 18): an id the 2019 list lacks is the service's to refuse, not ours.
  accept('region: outside the 2019 list', 'regionId', 'cn-wulanchabu'),
  refuse('region: empty', 'regionId', '', /region is required/),
  refuse('region: injection', 'regionId', 'cn-hangzhou&Action=DeleteFlowlog', /not a region id/),
  accept('region: a known one', 'regionId', 'cn-hangzhou'),
  accept('project: boundary length 63', 'projectName', 'a'.repeat(63)),
];

/** Intervals as numbers: only 60 and 600 pass. */
export const INTERVAL_CASES: readonly { readonly value: number; readonly ok: boolean }[] = [
  { value: 60, ok: true },
  { value: 600, ok: true },
  { value: 0, ok: false },
  { value: -60, ok: false },
  { value: 61, ok: false },
  { value: 60.5, ok: false },
  { value: Number.NaN, ok: false },
  { value: Number.POSITIVE_INFINITY, ok: false },
  { value: 6000, ok: false },
];
