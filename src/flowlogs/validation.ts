/**
 * The CEN/SLS API's own rules for every field a user types when creating or modifying a flow log,
 * checked before any call so bad input gets a clear, positioned message instead of a server error.
 * Rules from api-current.md §2.1/§2.4 (CreateFlowlog, ModifyFlowLogAttribute) and Log Service's
 * naming rules. Regions are not checked here: the service says which exist.
 */
import { t } from '@vscode/l10n';
import type { CreateFlowLogInput, ModifyFlowLogInput } from '../cloud/cenApi';
import { CURRENT_FIELDS, FLOW_LOG_INTERVALS, LOG_FORMAT_REQUIRED_PREFIX, fieldSpec, type FlowLogInterval } from './catalog';

export type FlowLogField =
  | 'regionId'
  | 'cenId'
  | 'projectName'
  | 'logStoreName'
  | 'name'
  | 'description'
  | 'interval'
  | 'logFormatString'
  | 'transitRouterId'
  | 'transitRouterAttachmentId'
  | 'tags';

export interface ValidationIssue {
  readonly field: FlowLogField;
  /** Plain-language reason, naming the position when the problem is at one place in the text. */
  readonly message: string;
  /** 0-based offset of the offending character, when there is one. */
  readonly offset?: number;
}

/** undefined = valid; otherwise the message (the shape VS Code's InputBox.validateInput takes). */
export type FieldCheck = string | undefined;

const URL_PREFIX = /^https?:\/\//i;

export const NAME_MAX = 128;
export const DESCRIPTION_MAX = 256;

/** FlowLogName: optional; 1–128 characters, not starting with http:// or https://. */
export function checkFlowLogName(value: string): FieldCheck {
  return checkFreeText(t('Name'), value, NAME_MAX);
}

/** Description: optional; 1–256 characters, not starting with http:// or https://. */
export function checkDescription(value: string): FieldCheck {
  return checkFreeText(t('Description'), value, DESCRIPTION_MAX);
}

function checkFreeText(label: string, value: string, max: number): FieldCheck {
  if (value.length === 0) return undefined; // optional: the API accepts an absent value
  if (value.trim().length === 0) return t('{0} cannot be only spaces.', label);
  // The console shows these on one line; a line break or control character would garble it (or a log).
  const control = value.search(/[\p{Cc}\u2028\u2029]/u);
  if (control >= 0) return t('{0} cannot contain line breaks or control characters (character {1}).', label, control + 1);
  const length = [...value].length;
  if (length > max) return t('{0} is {1} characters long; at most {2} are allowed (character {3} is the first one too many).', label, length, max, max + 1);
  if (URL_PREFIX.test(value)) return t('{0} cannot start with http:// or https://.', label);
  return undefined;
}

export function checkInterval(value: number): FieldCheck {
  return (FLOW_LOG_INTERVALS as readonly number[]).includes(value)
    ? undefined
    : t('Interval must be 60 seconds (1 minute) or 600 seconds (10 minutes), not {0}.', value);
}

export function isFlowLogInterval(value: number): value is FlowLogInterval {
  return checkInterval(value) === undefined;
}

/**
 * A region id's shape only (it travels as a parameter); whether the service offers the region is
 * its own answer, never refused here.
 */
export function checkRegionId(value: string): FieldCheck {
  if (value.length === 0) return t('A region is required (the transit router’s region).');
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(value)) return t('"{0}" is not a region id (they look like cn-hangzhou).', value);
  return undefined;
}

export function checkCenId(value: string): FieldCheck {
  if (!value) return t('A CEN instance is required.');
  const bad = firstBadChar(value, /[a-z0-9-]/);
  if (!value.startsWith('cen-') || value.length < 5) return t('"{0}" is not a CEN instance id (they look like cen-7qthudw0ll6jmc****).', value);
  if (bad !== undefined) return t('CEN instance id has an invalid character "{0}" at position {1}.', value[bad] ?? '', bad + 1);
  return undefined;
}

/**
 * Log Service project names: 3–63 characters; lower-case letters, digits and hyphens; start and
 * end with a lower-case letter or digit. Projects are global per region, so clashes show on create.
 */
export function checkProjectName(value: string): FieldCheck {
  return checkSlsName(t('Project name'), value, /[a-z0-9-]/, t('lower-case letters, digits and hyphens (-)'));
}

/** Logstore names: 3–63 characters; lower-case letters, digits, hyphens and underscores; start and end with a letter or digit. */
export function checkLogStoreName(value: string): FieldCheck {
  return checkSlsName(t('Logstore name'), value, /[a-z0-9_-]/, t('lower-case letters, digits, hyphens (-) and underscores (_)'));
}

function checkSlsName(label: string, value: string, allowed: RegExp, allowedText: string): FieldCheck {
  if (value.length === 0) return t('{0} is required.', label);
  const bad = firstBadChar(value, allowed);
  if (bad !== undefined) return t('{0} has "{1}" at position {2}; only {3} are allowed.', label, value[bad] ?? '', bad + 1, allowedText);
  if (value.length < 3 || value.length > 63) return t('{0} must be 3 to 63 characters long (it is {1}).', label, value.length);
  if (!/^[a-z0-9]/.test(value)) return t('{0} must start with a lower-case letter or a digit.', label);
  if (!/[a-z0-9]$/.test(value)) return t('{0} must end with a lower-case letter or a digit.', label);
  return undefined;
}

/** Transit router id (tr-…): always sent on create (flow logs belong to Enterprise transit routers). */
export function checkTransitRouterId(value: string): FieldCheck {
  if (value.length === 0) return t('A transit router is required: flow logs are created on an Enterprise Edition transit router.');
  return checkPrefixedId(t('Transit router id'), value, 'tr-');
}

export function checkTransitRouterAttachmentId(value: string): FieldCheck {
  return checkPrefixedId(t('Transit router attachment id'), value, 'tr-attach-');
}

function checkPrefixedId(label: string, value: string, prefix: string): FieldCheck {
  if (value.length === 0) return undefined;
  if (!value.startsWith(prefix) || value.length === prefix.length) return t('{0} must look like {1}xxxxxxxx.', label, prefix);
  const bad = firstBadChar(value, /[a-z0-9-]/);
  if (bad !== undefined) return t('{0} has an invalid character "{1}" at position {2}.', label, value[bad] ?? '', bad + 1);
  return undefined;
}

/** A LogFormatString problem at one place: 0-based offset and length of the offending text. */
export interface LogFormatProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

const CURRENT_FIELD_NAMES = new Set(CURRENT_FIELDS.map((f) => f.name));

/**
 * LogFormatString as CreateFlowlog takes it: `${field}` placeholders only, fields of today's
 * catalog, each once, starting with ${srcaddr}${dstaddr}${bytes}; empty = every field.
 * Messages name the 1-based character position.
 */
export function logFormatProblem(format: string): LogFormatProblem | undefined {
  if (format.length === 0) return undefined;
  const at = (offset: number, length: number, message: string): LogFormatProblem => ({ offset, length, message: t('Log format, character {0}: {1}', offset + 1, message) });
  const token = /\$\{([^}$]*)\}/y;
  const seen: { name: string; offset: number; length: number }[] = [];
  for (let pos = 0; pos < format.length; ) {
    token.lastIndex = pos;
    const m = token.exec(format);
    if (!m) {
      const next = format.indexOf('${', pos + 1);
      return at(pos, (next < 0 ? format.length : next) - pos, t('expected a field as ${name}, found "{0}".', format.slice(pos, pos + 20)));
    }
    const name = m[1];
    if (!CURRENT_FIELD_NAMES.has(name)) {
      const why = fieldSpec(name) ? t('written only by flow logs of the 2019 form') : t('not a flow-log field');
      return at(pos, m[0].length, t('"{0}" is {1}; fields today: {2}.', name, why, [...CURRENT_FIELD_NAMES].join(', ')));
    }
    if (seen.some((f) => f.name === name)) return at(pos, m[0].length, t('"{0}" appears twice.', name));
    seen.push({ name, offset: pos, length: m[0].length });
    pos = token.lastIndex;
  }
  const required = ['srcaddr', 'dstaddr', 'bytes'];
  const wrong = required.findIndex((name, i) => seen[i]?.name !== name);
  if (wrong >= 0) {
    const found = seen[wrong];
    return at(found?.offset ?? format.length, found?.length ?? 0, t('a custom format must start with {0} (the service requires these three first); {1} belongs here.', LOG_FORMAT_REQUIRED_PREFIX, `\${${required[wrong] ?? ''}}`));
  }
  return undefined;
}

/** LogFormatString check in the InputBox form (message only). */
export function checkLogFormatString(value: string): FieldCheck {
  return logFormatProblem(value)?.message;
}

/** Every issue of a create request, in wizard order. */
export function validateCreateInput(input: CreateFlowLogInput): ValidationIssue[] {
  const checks: [FlowLogField, FieldCheck][] = [
    ['cenId', checkCenId(input.cenId)],
    ['regionId', checkRegionId(input.regionId)],
    ['transitRouterId', checkTransitRouterId(input.transitRouterId)],
    ['transitRouterAttachmentId', checkTransitRouterAttachmentId(input.transitRouterAttachmentId ?? '')],
    ['projectName', checkProjectName(input.projectName)],
    ['logStoreName', checkLogStoreName(input.logStoreName)],
    ['name', checkFlowLogName(input.name ?? '')],
    ['description', checkDescription(input.description ?? '')],
    ['interval', input.interval === undefined ? undefined : checkInterval(input.interval)],
    ['logFormatString', checkLogFormatString(input.logFormatString ?? '')],
    ['tags', (input.tags?.length ?? 0) > 20 ? t('At most 20 tags, not {0}.', input.tags?.length ?? 0) : undefined],
  ];
  return toIssues(checks);
}

export function validateModifyInput(changes: ModifyFlowLogInput): ValidationIssue[] {
  const checks: [FlowLogField, FieldCheck][] = [
    ['name', checkFlowLogName(changes.name ?? '')],
    ['description', checkDescription(changes.description ?? '')],
    ['interval', changes.interval === undefined ? undefined : checkInterval(changes.interval)],
  ];
  return toIssues(checks);
}

function toIssues(checks: [FlowLogField, FieldCheck][]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [field, message] of checks) if (message) issues.push({ field, message });
  return issues;
}

function firstBadChar(value: string, allowed: RegExp): number | undefined {
  for (let i = 0; i < value.length; i++) if (!allowed.test(value[i])) return i;
  return undefined;
}
