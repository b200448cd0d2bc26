/**
 * What a logstore's index lacks for a workbench, and how to say so (pure, unit-tested): no index
 * at all (IndexConfigNotExist), or fields the flow log writes that it does not have ("Column 'x'
 * cannot be resolved"). Keys are typed as the field catalog types them.
 */
import { t } from '@vscode/l10n';
import type { IndexField, LogstoreRef } from '../../cloud/slsApi';
import { unindexedColumn } from '../../cloud/slsErrors';
import { fieldSpec } from '../../flowlogs/catalog';
import type { FieldSchema } from '../../flowlogs/fieldSchema';

/** Index keys for these field names: the catalog's type, text for names outside it. */
export function indexKeysFor(names: readonly string[]): Record<string, IndexField> {
  const keys: Record<string, IndexField> = {};
  for (const name of names) keys[name] = { type: fieldSpec(name)?.type ?? 'text' };
  return keys;
}

function describeKeys(keys: Readonly<Record<string, IndexField>>): string {
  const names = Object.keys(keys);
  const longs = names.filter((n) => keys[n].type === 'long');
  const shown = names.length > 8 ? t('{0} and {1} more', names.slice(0, 8).join(', '), names.length - 8) : names.join(', ');
  return longs.length > 0 ? t('{0} ({1} as long, the rest as text)', shown, longs.join(', ')) : t('{0} (as text)', shown);
}

/** What to tell the user about the index when a panel opens, or undefined when it has every written field. */
export function indexProblem(ref: LogstoreRef, schema: FieldSchema): { message: string; keys: Record<string, IndexField> } | undefined {
  if (schema.unindexed.length === 0) return undefined;
  const keys = indexKeysFor(schema.unindexed.map((f) => f.name));
  const where = `${ref.projectName}/${ref.logStoreName}`;
  return schema.index === 'missing'
    ? { keys, message: t('The logstore {0} has no index, so its flow-log records cannot be queried. Create an index for {1}?', where, describeKeys(keys)) }
    : { keys, message: t('The index of {0} lacks fields this flow log writes, so queries on them fail ("Column … cannot be resolved"). Add {1}?', where, describeKeys(keys)) };
}

/** The keys a query error asks for: every schema field when there is no index, else the field the service named. */
export function keysForQueryError(code: string | undefined, message: string, fields: readonly string[]): Record<string, IndexField> | undefined {
  if (code === 'IndexConfigNotExist') return fields.length > 0 ? indexKeysFor(fields) : undefined;
  const column = unindexedColumn(message);
  return column && fieldSpec(column) ? indexKeysFor([column]) : undefined;
}

