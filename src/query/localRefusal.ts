/**
 * The rule that keeps a query the local checks already know to be wrong from reaching Log Service:
 * error-severity diagnostics refuse the run (warnings never do), unless the user explicitly chose
 * "Run anyway" (the checks can be wrong; the service has the last word). Pure — the webview applies
 * it before posting, the host applies it again before calling the API.
 */
import { t } from '@vscode/l10n';
import { diagnose } from './diagnostics';

/** One error that refuses a run, positioned for the editor and for the banner. */
export interface LocalProblem {
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

/** Where an offset falls in the text, 1-based as editors show it. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * The errors that refuse running `query` (empty when it may run). `fields` are the index's keys;
 * `acrossFlowLogs`: the query runs on a CEN, where a statement that cannot be merged exactly is an error.
 */
export function localRefusal(query: string, fields?: readonly string[], options: { readonly acrossFlowLogs?: boolean } = {}): LocalProblem[] {
  return diagnose(query, { fields, acrossFlowLogs: options.acrossFlowLogs })
    .filter((d) => d.severity === 'error')
    .map((d) => ({ from: d.from, to: d.to, code: d.code, message: d.message, ...lineAndColumn(query, d.from) }));
}

/** One line naming the first problem, for banners, status lines and quick picks. */
export function describeRefusal(problems: readonly LocalProblem[]): string {
  const first = problems[0];
  if (!first) return '';
  const message = problems.length > 1 ? t('{0} (and {1} more)', first.message, problems.length - 1) : first.message;
  return t('Line {0}, column {1}: {2}', first.line, first.column, message);
}
