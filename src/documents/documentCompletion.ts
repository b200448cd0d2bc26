/**
 * Completion at a point of a query document: the shared completer (src/query/completion.ts) on the
 * statement around the point, with the fields of that statement's target, positions moved to the
 * document. Pure.
 */
import { complete, type CompleteOptions, type CompletionResult } from '../query/completion';
import { statementAt, statementAtCursor, type QueryDocument, type Statement } from './queryDocument';

/**
 * Options for `offset`; `fieldsFor` gives a statement's target fields (undefined: the catalog),
 * `more` the values to offer for a field and the fields' types.
 */
export function completeInDocument(
  doc: QueryDocument,
  offset: number,
  fieldsFor: (s: Statement) => readonly string[] | undefined,
  more: Pick<CompleteOptions, 'values' | 'fieldTypes'> & { readonly documentText?: string } = {},
): CompletionResult {
  const { documentText, ...options } = more;
  // With the document's text, spaces typed after a statement still belong to it (`where dstport = |`).
  const found = documentText !== undefined ? statementAtCursor(doc, documentText, offset) : undefined;
  const s = found?.statement ?? statementAt(doc, offset);
  // Between statements the next one starts here: offer what a query starts with.
  const base = s?.from ?? offset;
  const fields = s ? fieldsFor(s) : undefined;
  const result = complete(s ? s.text + (found?.tail ?? '') : '', offset - base, { ...options, ...(fields ? { fields } : {}) });
  return { from: base + result.from, to: base + result.to, options: result.options, ...(result.valueField !== undefined ? { valueField: result.valueField } : {}) };
}
