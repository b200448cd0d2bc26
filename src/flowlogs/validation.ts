/**
 * The CEN/SLS API's own rules for every field a user types when creating or modifying a flow log,
 * checked before any call so bad input gets a clear, positioned message instead of a server error.
 * Rules from api-current.md §2.1/§2.4 (CreateFlowlog, ModifyFlowLogAttribute) and Log Service's
 * naming rules. Regions are not checked here: the service says which exist.
 */
import type { CreateFlowLogInput, ModifyFlowLogInput } from '../cloud/cenApi';
import {
  FLOW_LOG_FIELDS,
  FLOW_LOG_INTERVALS,
  LOG_FORMAT_REQUIRED_PREFIX,
  type FlowLogInterval,
} from './catalog';

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
  return checkFreeText('Name', value, NAME_MAX);
}

/** Description: optional; 1–256 characters, not starting with http:// or https://. */
export function checkDescription(value: string): FieldCheck {
  return checkFreeText('Description', value, DESCRIPTION_MAX);
}

function checkFreeText(label: string, value: string, max: number): FieldCheck {
  if (value.length === 0) return undefined; // optional: the API accepts an absent value
  if (value.trim().length === 0) return `${label} cannot be only spaces.`;
  // The console shows these on one line; a line break or control character would garble it (or a log).
  const control = value.search(/[\p{Cc}\u2028\u2029]/u);
  if (control >= 0) return `${label} cannot contain line breaks or control characters (character ${control + 1}).`;
  const length = [...value].length;
  if (length > max) return `${label} is ${length} characters long; at most ${max} are allowed (character ${max + 1} is the first one too many).`;
  if (URL_PREFIX.test(value)) return `${label} cannot start with http:// or https://.`;
  return undefined;
}

export function checkInterval(value: number): FieldCheck {
  return (FLOW_LOG_INTERVALS as readonly number[]).includes(value)
    ? undefined
    : `Interval must be 60 seconds (1 minute) or 600 seconds (10 minutes), not ${value}.`;
}

export function isFlowLogInterval(value: number): value is FlowLogInterval {
  return checkInterval(value) === undefined;
}

/**
 * A region id's shape only (it travels as a parameter); whether the service offers the region is
 * its own answer, never refused here.
 */
export function checkRegionId(value: string): FieldCheck {
  if (value.length === 0) return 'A region is required (the transit router’s region).';
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(value)) return `"${value}" is not a region id (they look like cn-hangzhou).`;
  return undefined;
}

export function checkCenId(value: string): FieldCheck {
  if (!value) return 'A CEN instance is required.';
  const bad = firstBadChar(value, /[a-z0-9-]/);
  if (!value.startsWith('cen-') || value.length < 5) return `"${value}" is not a CEN instance id (they look like cen-7qthudw0ll6jmc****).`;
  if (bad !== undefined) return `CEN instance id has an invalid character "${value[bad]}" at position ${bad + 1}.`;
  return undefined;
}

/**
 * Log Service project names: 3–63 characters; lower-case letters, digits and hyphens; start and
 * end with a lower-case letter or digit. Projects are global per region, so clashes show on create.
 */
export function checkProjectName(value: string): FieldCheck {
  return checkSlsName('Project name', value, /[a-z0-9-]/, 'lower-case letters, digits and hyphens (-)');
}

/** Logstore names: 3–63 characters; lower-case letters, digits, hyphens and underscores; start and end with a letter or digit. */
export function checkLogStoreName(value: string): FieldCheck {
  return checkSlsName('Logstore name', value, /[a-z0-9_-]/, 'lower-case letters, digits, hyphens (-) and underscores (_)');
}

function checkSlsName(label: string, value: string, allowed: RegExp, allowedText: string): FieldCheck {
  if (value.length === 0) return `${label} is required.`;
  const bad = firstBadChar(value, allowed);
  if (bad !== undefined) return `${label} has "${value[bad]}" at position ${bad + 1}; only ${allowedText} are allowed.`;
  if (value.length < 3 || value.length > 63) return `${label} must be 3 to 63 characters long (it is ${value.length}).`;
  if (!/^[a-z0-9]/.test(value)) return `${label} must start with a lower-case letter or a digit.`;
  if (!/[a-z0-9]$/.test(value)) return `${label} must end with a lower-case letter or a digit.`;
  return undefined;
}

/** Transit router id (tr-…): always sent on create (flow logs belong to Enterprise transit routers). */
export function checkTransitRouterId(value: string): FieldCheck {
  if (value.length === 0) return 'A transit router is required: flow logs are created on an Enterprise Edition transit router.';
  return checkPrefixedId('Transit router id', value, 'tr-');
}

export function checkTransitRouterAttachmentId(value: string): FieldCheck {
  return checkPrefixedId('Transit router attachment id', value, 'tr-attach-');
}

function checkPrefixedId(label: string, value: string, prefix: string): FieldCheck {
  if (value.length === 0) return undefined;
  if (!value.startsWith(prefix) || value.length === prefix.length) return `${label} must look like ${prefix}xxxxxxxx.`;
  const bad = firstBadChar(value, /[a-z0-9-]/);
  if (bad !== undefined) return `${label} has an invalid character "${value[bad]}" at position ${bad + 1}.`;
  return undefined;
}

const KNOWN_FIELDS = new Set(FLOW_LOG_FIELDS.map((f) => f.name));

/** LogFormatString: `${field}` placeholders only, known fields, starting with ${srcaddr}${dstaddr}${bytes}. */
export function checkLogFormatString(value: string): FieldCheck {
  if (value.length === 0) return undefined;
  if (!value.startsWith(LOG_FORMAT_REQUIRED_PREFIX)) {
    return `Log format must start with ${LOG_FORMAT_REQUIRED_PREFIX}.`;
  }
  const seen = new Set<string>();
  const token = /\$\{([^}]*)\}/y;
  let pos = 0;
  while (pos < value.length) {
    token.lastIndex = pos;
    const m = token.exec(value);
    if (!m) return `Log format: expected \${field} at position ${pos + 1}.`;
    const name = m[1];
    if (!KNOWN_FIELDS.has(name)) return `Log format: unknown field "${name}" at position ${pos + 1}.`;
    if (seen.has(name)) return `Log format: field "${name}" appears twice (again at position ${pos + 1}).`;
    seen.add(name);
    pos = token.lastIndex;
  }
  return undefined;
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
    ['tags', (input.tags?.length ?? 0) > 20 ? `At most 20 tags, not ${input.tags?.length}.` : undefined],
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
