/**
 * Completion at a point of a query document: the shared completer (src/query/completion.ts) on the
 * statement around the point, with the fields of that statement's target, positions moved to the
 * document. Pure.
 */
import { complete, type CompleteOptions, type CompletionResult } from '../query/completion';
import { statementAt, type QueryDocument, type Statement } from './queryDocument';

/**
 * Options for `offset`; `fieldsFor` gives a statement's target fields (undefined: the catalog),
 * `more` the values to offer for a field and the fields' types.
 */
export function completeInDocument(
  doc: QueryDocument,
  offset: number,
  fieldsFor: (s: Statement) => readonly string[] | undefined,
  more: Pick<CompleteOptions, 'values' | 'fieldTypes'> = {},
): CompletionResult {
  const s = statementAt(doc, offset);
  // Between statements the next one starts here: offer what a query starts with.
  const base = s?.from ?? offset;
  const fields = s ? fieldsFor(s) : undefined;
  const result = complete(s?.text ?? '', offset - base, { ...more, ...(fields ? { fields } : {}) });
  return { from: base + result.from, to: base + result.to, options: result.options, ...(result.valueField !== undefined ? { valueField: result.valueField } : {}) };
}
