/**
 * Context-aware completion for the SLS query editor: decides whether the cursor is in the search
 * or the SQL part and asks the matching completer. Pure; the webview adapts the result to CodeMirror.
 */
import type { CompletionResult } from './completionTypes';
import { knownFields } from './knownFields';
import { completeSearch } from './searchCompletion';
import { completeSql } from './sqlCompletion';
import { splitQuery } from './tokenizer';

export type { CompletionOption, CompletionResult, CompletionType } from './completionTypes';

/** What the completer may know beyond the text. */
export interface CompleteOptions {
  /** Field names from the logstore index; defaults to the flow-log catalog. */
  readonly fields?: readonly string[];
}

/** Completion options for the text around `cursorOffset` in `query`. */
export function complete(query: string, cursorOffset: number, options: CompleteOptions = {}): CompletionResult {
  const cursor = Math.max(0, Math.min(query.length, Math.trunc(Number.isFinite(cursorOffset) ? cursorOffset : query.length)));
  const fields = knownFields(options.fields);
  const parts = splitQuery(query);
  if (parts.sql && parts.pipe !== undefined && cursor > parts.pipe) {
    return completeSql(parts.sql.text, parts.sql.from, cursor, fields);
  }
  return completeSearch(parts.search.text, parts.search.from, cursor, fields);
}
