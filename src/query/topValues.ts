/**
 * The query behind field-value completion: a field's most frequent values over a recent window,
 * and its answer read back as suggestions ("443 — 1,204 records"). Pure.
 */
import { t } from '@vscode/l10n';
import { createDisplayFormat, type DisplayFormat } from '../l10n/displayFormat';
import type { SuggestedValue } from './fieldValues';
import { sqlFieldReference } from './knownFields';

/** Values offered per field: enough to choose from, few enough to read. */
export const TOP_VALUES_LIMIT = 20;

/** Column names of the answer. */
const VALUE = 'v';
const COUNT = 'n';

/** `* | select f as v, count(*) as n … group by f order by n desc, f limit 20` (ties in value order, so the list is stable). */
export function topValuesQuery(field: string, limit = TOP_VALUES_LIMIT): string {
  const ref = sqlFieldReference(field);
  return `* | select ${ref} as ${VALUE}, count(*) as ${COUNT} where ${ref} is not null group by ${ref} order by ${COUNT} desc, ${ref} limit ${limit}`;
}

/** The answer's rows as suggestions, most frequent first; empty values (fields a record leaves out) are skipped. Counts in `format`'s language. */
export function topValuesFromRecords(records: readonly Readonly<Record<string, string>>[], format: Pick<DisplayFormat, 'count'> = createDisplayFormat('en')): SuggestedValue[] {
  const out: SuggestedValue[] = [];
  for (const r of records) {
    const value = r[VALUE] ?? '';
    if (value === '' || value === 'null') continue;
    const n = Number(r[COUNT]);
    out.push({ value, detail: Number.isFinite(n) ? (n === 1 ? t('1 record of late') : t('{0} records of late', format.count(n))) : '' });
  }
  return out;
}
