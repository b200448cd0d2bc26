/**
 * The fields a workbench offers for one flow log: what its LogFormatString says it writes (empty =
 * every field of its form: today's catalog, or the 2019 one for a flow log without a transit
 * router), checked against the logstore's index (GetIndex). Pure; api-current.md §1.4, §5.
 */
import { t } from '@vscode/l10n';
import { CURRENT_FIELDS, OLDER_FORM_FIELDS, fieldSpec, type FieldType } from './catalog';

/** A field type as SLS indexes declare it. */
export type IndexFieldType = FieldType | 'double' | 'json';

/** What GetIndex said: the keys, no index at all (IndexConfigNotExist), or nothing readable. */
export type IndexState =
  | { readonly kind: 'present'; readonly keys: Readonly<Record<string, { readonly type: IndexFieldType }>> }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown' };

/** The flow log's side: undefined for a bare logstore (no flow log known). */
export interface FlowLogFormat {
  /** As DescribeFlowlogs returns it; empty or absent = all fields of the form. */
  readonly logFormatString?: string;
  /** The 2019 per-CEN form (no transit router): its records carry rtt and log-status. */
  readonly olderForm: boolean;
}

export interface SchemaField {
  readonly name: string;
  readonly type: IndexFieldType;
  readonly description?: string;
}

export interface FieldSchema {
  /** What the workbench offers: completion, "unknown field" diagnostics, presets. */
  readonly fields: readonly SchemaField[];
  /** Fields the flow log writes that the index lacks (all of them when there is no index). */
  readonly unindexed: readonly SchemaField[];
  readonly index: IndexState['kind'];
}

/** The `${name}` placeholders of a LogFormatString, in order; anything else is skipped. */
export function logFormatFields(format: string): string[] {
  const names: string[] = [];
  for (const m of format.matchAll(/\$\{([^}]*)\}/g)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** Every format starts with these three (CreateFlowlog); records list them first. */
const LEADING_FIELDS = ['srcaddr', 'dstaddr', 'bytes'];

/** The fields a custom LogFormatString must start with, in this order (CreateFlowlog: `${srcaddr}${dstaddr}${bytes}`). */
export const LOG_FORMAT_REQUIRED_FIELDS: readonly string[] = LEADING_FIELDS;

/** One field the create wizard's log-format step offers. */
export interface LogFormatChoice {
  readonly name: string;
  readonly description: string;
  /** The service requires it in every custom format: always selected. */
  readonly required: boolean;
}

/**
 * Today's fields as a format is built from them: the three required ones first (the service
 * wants them first), then the others in the documentation's order.
 */
export function logFormatChoices(): LogFormatChoice[] {
  return writtenFields({ olderForm: false }).map((name) => ({ name, description: fieldSpec(name)?.description ?? '', required: LEADING_FIELDS.includes(name) }));
}

/**
 * The LogFormatString of a selection of today's fields: `${a}${b}…` in the choices' order, or ''
 * when every field is selected (the service's default, which also keeps fields it adds later).
 * The order of the others after the required three changes nothing the records carry (each field
 * is a key of its own), so the choices' order is the only one built.
 */
export function logFormatOf(selected: readonly string[]): string {
  const order = logFormatChoices().map((c) => c.name);
  const chosen = order.filter((n) => selected.includes(n));
  if (chosen.length === order.length) return '';
  return chosen.map((n) => `\${${n}}`).join('');
}

/** What is wrong with a selection, as a sentence: a required field left out, or a name that is not a field today. */
export function logFormatSelectionProblem(selected: readonly string[]): string | undefined {
  const order = logFormatChoices().map((c) => c.name);
  const unknown = selected.filter((n) => !order.includes(n));
  if (unknown.length > 0) return t('Not a flow-log field today: {0}.', unknown.join(', '));
  const missing = LEADING_FIELDS.filter((n) => !selected.includes(n));
  if (missing.length > 0) return t('The service requires {0} in every log format; {1} must stay selected.', LEADING_FIELDS.join(', '), missing.join(', '));
  return undefined;
}

/** The fields a format selects ('' = every field today), for showing a chosen format again. */
export function selectedFieldsOf(format: string): string[] {
  const names = logFormatFields(format);
  return names.length > 0 ? names : logFormatChoices().map((c) => c.name);
}

/**
 * The fields a flow log writes, in its format's order; for an empty format every field of its
 * form, the three every format starts with first, then catalog order.
 */
export function writtenFields(format: FlowLogFormat): string[] {
  const custom = logFormatFields(format.logFormatString ?? '');
  if (custom.length > 0) return custom;
  const all = (format.olderForm ? OLDER_FORM_FIELDS : CURRENT_FIELDS).map((f) => f.name);
  return [...LEADING_FIELDS, ...all.filter((n) => !LEADING_FIELDS.includes(n))];
}

function catalogField(name: string, type?: IndexFieldType): SchemaField {
  const spec = fieldSpec(name);
  return { name, type: type ?? spec?.type ?? 'text', description: spec?.description };
}

/**
 * The schema of a workbench: the written fields the index has (typed as the index types them),
 * plus index keys outside the catalog (the user's own); catalog fields the flow log does not
 * write are left out even when indexed. Without a readable index, the written fields.
 */
export function fieldSchema(flowLog: FlowLogFormat | undefined, index: IndexState): FieldSchema {
  const keys = index.kind === 'present' ? index.keys : undefined;
  if (!flowLog) {
    const fields = keys && Object.keys(keys).length > 0 ? indexOrder(Object.keys(keys)).map((n) => catalogField(n, keys[n].type)) : CURRENT_FIELDS.map((f) => catalogField(f.name));
    return { fields, unindexed: keys ? [] : fields, index: index.kind };
  }
  const written = writtenFields(flowLog);
  if (!keys) {
    const fields = written.map((n) => catalogField(n));
    return { fields, unindexed: index.kind === 'missing' ? fields : [], index: index.kind };
  }
  const fields = written.filter((n) => keys[n] !== undefined).map((n) => catalogField(n, keys[n].type));
  const own = Object.keys(keys).filter((n) => !written.includes(n) && fieldSpec(n) === undefined).sort();
  return {
    fields: [...fields, ...own.map((n) => catalogField(n, keys[n].type))],
    unindexed: written.filter((n) => keys[n] === undefined).map((n) => catalogField(n)),
    index: 'present',
  };
}

/** Index keys with catalog fields first, in catalog order (familiar), then the others alphabetically. */
function indexOrder(names: readonly string[]): string[] {
  const catalog = [...CURRENT_FIELDS, ...OLDER_FORM_FIELDS].map((f) => f.name).filter((n, i, all) => all.indexOf(n) === i && names.includes(n));
  return [...catalog, ...names.filter((n) => !catalog.includes(n)).sort()];
}
