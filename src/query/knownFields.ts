/**
 * The set of field names a query may use: the workbench target's schema (the flow log's fields
 * that the logstore's index has) when known, else every field of either form (the form is then
 * unknown), always with SLS's reserved fields. Diagnostics and completion both consult it.
 */
import { t } from '@vscode/l10n';
import { CURRENT_FIELDS, FLOW_LOG_FIELDS, RESERVED_FIELDS, fieldSpec, needsSqlQuoting } from '../flowlogs/catalog';
import { SQL_KEYWORDS } from './tokenizer';

/** Tag fields are open-ended (`__tag__:__path__`), so any name with this prefix is accepted. */
const TAG_PREFIX = '__tag__:';

/** Lookup over the usable field names. */
export interface KnownFields {
  /** Field names in display order (index/catalog first, reserved last). */
  readonly names: readonly string[];
  /** Exact match, as SLS search compares keys. */
  has(name: string): boolean;
  /** Case-insensitive match, as SQL compares unquoted identifiers. */
  hasIgnoringCase(name: string): boolean;
  /** The closest known name, for "did you mean" hints. */
  suggest(name: string): string | undefined;
}

/** Builds the known-field set from index keys, defaulting to the flow-log catalog. */
export function knownFields(fields?: readonly string[]): KnownFields {
  const base = fields ?? FLOW_LOG_FIELDS.map((f) => f.name);
  const names = [...new Set([...base, ...RESERVED_FIELDS.map((r) => r.name)])];
  const exact = new Set(names);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  return {
    names,
    has: (name) => exact.has(name) || name.startsWith(TAG_PREFIX) || name === '__tag__',
    hasIgnoringCase: (name) => lower.has(name.toLowerCase()) || name.toLowerCase().startsWith(TAG_PREFIX),
    suggest: (name) => closestName(name, names),
  };
}

/**
 * Why a flow-log field is missing from a schema, for "unknown field" messages: rtt and log-status
 * belong to the 2019 form, other catalog fields are left out by the LogFormatString or the index.
 */
export function absentFieldNote(name: string): string | undefined {
  if (!fieldSpec(name)) return undefined;
  return CURRENT_FIELDS.some((f) => f.name === name)
    ? t("\"{0}\" is a flow-log field, but this flow log's LogFormatString or its logstore's index leaves it out.", name)
    : t('"{0}" is written only by flow logs of the 2019 (per-CEN) form, not by this one.', name);
}

/** How a field is written in SQL: bare when it can be, double-quoted otherwise (`"log-status"`, `"end"`). */
export function sqlFieldReference(name: string): string {
  const quote = needsSqlQuoting(name) || SQL_KEYWORDS.has(name.toLowerCase());
  return quote ? `"${name.replace(/"/g, '""')}"` : name;
}

/** Longest name considered for suggestions; keeps the distance computation tiny on huge input. */
const MAX_SUGGEST_LENGTH = 40;

function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > MAX_SUGGEST_LENGTH) return undefined;
  const target = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(target, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance with one rolling row. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return prev[b.length];
}
