/**
 * Completion shapes shared by the search and SQL completers, close to CodeMirror's
 * `CompletionResult` so the webview maps them one to one.
 */

import type { SuggestedValue } from './fieldValues';

/** What the completers ask about a field's values. */
export interface ValueSource {
  values(field: string): readonly SuggestedValue[];
  /** Whether SQL compares the field as a number (values written bare). */
  numeric(field: string): boolean;
}

export type CompletionType = 'field' | 'keyword' | 'function' | 'value' | 'operator';

/** One entry of the completion list. */
export interface CompletionOption {
  /** What the list shows and filters on. */
  readonly label: string;
  /** What replaces [from, to) when picked. */
  readonly apply: string;
  readonly type: CompletionType;
  readonly detail: string;
  readonly info: string;
}

/** The options and the range [from, to) they replace. */
export interface CompletionResult {
  readonly from: number;
  readonly to: number;
  readonly options: readonly CompletionOption[];
  /** Set where a value of this field is being typed, so a caller can fetch its recent values and complete again. */
  readonly valueField?: string;
}

/** Keeps options whose label contains `typed` (case-insensitive), those starting with it first. */
export function filterOptions(options: readonly CompletionOption[], typed: string): CompletionOption[] {
  const needle = typed.toLowerCase().replace(/^"/, '');
  if (needle === '') return [...options];
  const bare = (o: CompletionOption): string => o.label.toLowerCase().replace(/^"/, '');
  const starts = options.filter((o) => bare(o).startsWith(needle));
  const contains = options.filter((o) => !bare(o).startsWith(needle) && bare(o).includes(needle));
  return [...starts, ...contains];
}
