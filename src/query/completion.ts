/**
 * Context-aware completion for the SLS query editor: decides whether the cursor is in the search
 * or the SQL part and asks the matching completer. Pure; the webview adapts the result to CodeMirror.
 */
import type { CompletionResult, ValueSource } from './completionTypes';
import { fieldSpec } from '../flowlogs/catalog';
import { valuesForField, type SuggestedValue } from './fieldValues';
import { knownFields } from './knownFields';
import { completeSearch } from './searchCompletion';
import { completeSql } from './sqlCompletion';
import { splitQuery } from './tokenizer';

export type { CompletionOption, CompletionResult, CompletionType } from './completionTypes';

/** What the completer may know beyond the text. */
export interface CompleteOptions {
  /** Field names from the logstore index; defaults to the flow-log catalog. */
  readonly fields?: readonly string[];
  /** Values to offer for a field (e.g. its top values of late); undefined for a field: the catalog's. */
  readonly values?: (field: string) => readonly SuggestedValue[] | undefined;
  /** Index types of fields, so SQL compares numbers bare (`dstport = 443`) and text quoted; default: the catalog's. */
  readonly fieldTypes?: Readonly<Record<string, string>>;
}

function valueSource(options: CompleteOptions): ValueSource {
  return {
    values: (field) => options.values?.(field) ?? valuesForField(field),
    numeric: (field) => {
      const type = options.fieldTypes?.[field] ?? fieldSpec(field)?.type;
      return type === 'long' || type === 'double';
    },
  };
}

/** Completion options for the text around `cursorOffset` in `query`. */
export function complete(query: string, cursorOffset: number, options: CompleteOptions = {}): CompletionResult {
  const cursor = Math.max(0, Math.min(query.length, Math.trunc(Number.isFinite(cursorOffset) ? cursorOffset : query.length)));
  const fields = knownFields(options.fields);
  const parts = splitQuery(query);
  if (parts.sql && parts.pipe !== undefined && cursor > parts.pipe) {
    return completeSql(parts.sql.text, parts.sql.from, cursor, fields, valueSource(options));
  }
  return completeSearch(parts.search.text, parts.search.from, cursor, fields, valueSource(options));
}
