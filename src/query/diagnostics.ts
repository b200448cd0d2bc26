/**
 * Diagnostics as you type: every problem in an SLS query that can be found without the service,
 * with positions in the full query. Pure — shared by the webview editor and the extension host.
 */
import { t } from '@vscode/l10n';
import { diagnostic, type Diagnostic } from './diagnostic';
import { knownFields } from './knownFields';
import { diagnoseSearch } from './searchDiagnostics';
import { diagnoseSql } from './sqlDiagnostics';
import { tokenizeQuery } from './tokenizer';
import { cenRefusals } from './cenMerge';

export type { Diagnostic, DiagnosticCode, DiagnosticSeverity, QuickFix } from './diagnostic';

/** What the checker may know beyond the text. */
export interface DiagnoseOptions {
  /** Field names from the logstore index; defaults to the flow-log catalog. Reserved fields are always known. */
  readonly fields?: readonly string[];
  /** The query runs over every flow log of a CEN: statements that cannot be merged exactly are errors. */
  readonly acrossFlowLogs?: boolean;
}

/** Finds local problems in `query`, sorted by position. */
export function diagnose(query: string, options: DiagnoseOptions = {}): Diagnostic[] {
  if (query.trim() === '') {
    return [diagnostic('empty-query', 'warning', { from: 0, to: query.length }, t('The query is empty: type * to see every record, or a search such as dstport:443.'))];
  }
  const fields = knownFields(options.fields);
  const { parts, search, sql } = tokenizeQuery(query);
  const out = diagnoseSearch(search, fields);
  if (parts.sql && parts.pipe !== undefined) {
    if (search.length === 0) {
      out.push(diagnostic('empty-search', 'warning', { from: parts.pipe, to: parts.pipe + 1 }, t('Nothing comes before "|": write * to analyse every record, e.g. * | SELECT count(*).'), { title: t('Insert *'), from: 0, to: parts.pipe, insert: '* ' }));
    }
    out.push(...diagnoseSql(sql, parts.sql, parts.pipe, fields));
    if (options.acrossFlowLogs) out.push(...cenRefusals(query));
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to).slice(0, MAX_DIAGNOSTICS);
}

/** More squiggles than this help nobody, and the editor redraws them on every keystroke. */
export const MAX_DIAGNOSTICS = 500;

/** True when none of the diagnostics is an error (warnings and infos do not block running). */
export function isRunnable(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.every((d) => d.severity !== 'error');
}
