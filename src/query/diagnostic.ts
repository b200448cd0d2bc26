/**
 * The shape of a problem found in a query, shared by the local checks and server-error mapping,
 * so the editor renders both the same way.
 */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Stable ids, so the UI and tests can tell problems apart without parsing messages. */
export type DiagnosticCode =
  | 'empty-query'
  | 'empty-search'
  | 'empty-sql'
  | 'unterminated-string'
  | 'unterminated-identifier'
  | 'unterminated-comment'
  | 'unbalanced-paren'
  | 'unbalanced-bracket'
  | 'unknown-field'
  | 'unquoted-hyphenated-field'
  | 'leading-wildcard'
  | 'single-quoted-value'
  | 'missing-value'
  | 'dangling-operator'
  | 'numeric-comparison-on-text'
  | 'limit-too-large'
  | 'invalid-limit'
  | 'trailing-semicolon'
  | 'from-not-log'
  | 'not-select'
  /** The statement cannot be merged exactly across a CEN's flow logs (src/query/cenMerge.ts). */
  | 'not-mergeable'
  | 'server-error';

/** A replacement the editor can apply in one click. */
export interface QuickFix {
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** One problem, positioned in the full query. */
export interface Diagnostic {
  /** Offsets into the full query, `from` inclusive, `to` exclusive. */
  readonly from: number;
  readonly to: number;
  readonly severity: DiagnosticSeverity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fix?: QuickFix;
}

/** Builds a diagnostic; keeps call sites to one line. */
export function diagnostic(
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  range: { readonly from: number; readonly to: number },
  message: string,
  fix?: QuickFix,
): Diagnostic {
  const d: Diagnostic = { from: range.from, to: range.to, severity, code, message };
  return fix ? { ...d, fix } : d;
}

/** Shortens user text quoted inside a message, so a pasted megabyte does not become the message. */
export function quoteForMessage(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
