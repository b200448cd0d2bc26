/**
 * Every problem of a query document, positioned in the document: its own (headers, comments),
 * each statement's from the shared query checks (src/query/diagnostics.ts), and headers naming a
 * flow log or CEN that does not exist; under a `-- cen:` header, the statements that cannot be
 * merged across the CEN's flow logs (src/query/cenMerge.ts). Pure.
 */
import { t } from '@vscode/l10n';
import { cenRefusals } from '../query/cenMerge';
import { diagnose, type Diagnostic, type DiagnosticCode, type DiagnosticSeverity } from '../query/diagnostics';
import type { DocumentProblem, Header, QueryDocument, Statement } from './queryDocument';

/** An edit that resolves a problem, with document offsets. */
export interface DocumentFix {
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** A problem with document offsets; `fix` (when the query checks have one) too, `alternatives` when there are several. */
export interface DocumentDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: DiagnosticSeverity;
  readonly code: DiagnosticCode | DocumentProblem['code'] | 'unknown-flowlog' | 'unknown-cen';
  readonly message: string;
  readonly fix?: DocumentFix;
  /** Fixes to choose between (close matches of an unknown flow log), nearest first. */
  readonly alternatives?: readonly DocumentFix[];
}

export interface DocumentDiagnoseOptions {
  /** Field names of a statement's target (its logstore index); undefined = the flow-log catalog. */
  readonly fieldsFor?: (statement: Statement) => readonly string[] | undefined;
  /** Whether a flow log by this name or id exists; undefined while not known (not signed in, not listed yet). */
  readonly flowLogExists?: (nameOrId: string) => boolean | undefined;
  /** Names or ids of existing flow logs close to one that does not exist (for quick fixes). */
  readonly flowLogMatches?: (nameOrId: string) => readonly string[];
  /** Whether a CEN by this name or id exists; undefined while not known. */
  readonly cenExists?: (nameOrId: string) => boolean | undefined;
  /** Names or ids of existing CENs close to one that does not exist (for quick fixes). */
  readonly cenMatches?: (nameOrId: string) => readonly string[];
  /** Checks of earlier passes over the same document: an edit then rechecks only the statements it changed. */
  readonly cache?: StatementChecks;
}

/**
 * The query checks of statement texts seen in the last pass over a document. Each pass keeps what
 * it used and drops the rest, so the cache never holds more than the document's statements.
 */
export class StatementChecks {
  private current = new Map<string, readonly Diagnostic[]>();
  private previous = new Map<string, readonly Diagnostic[]>();

  check(text: string, fields: readonly string[] | undefined): readonly Diagnostic[] {
    const key = `${fields ? fields.join('\u0001') : ''}\u0000${text}`;
    let found = this.current.get(key) ?? this.previous.get(key);
    if (!found) found = diagnose(text, fields ? { fields } : {});
    this.current.set(key, found);
    return found;
  }

  /** Why the statement cannot run across a CEN's flow logs (cenMerge), kept like the checks. */
  refusals(text: string): readonly Diagnostic[] {
    const key = `cen\u0002${text}`;
    let found = this.current.get(key) ?? this.previous.get(key);
    if (!found) found = cenRefusals(text);
    this.current.set(key, found);
    return found;
  }

  /** Ends a pass over the document. */
  endPass(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** The problems of `doc`, sorted by position. */
export function diagnoseDocument(doc: QueryDocument, options: DocumentDiagnoseOptions = {}): DocumentDiagnostic[] {
  const out: DocumentDiagnostic[] = [...doc.problems];
  for (const h of doc.headers) {
    if (h.value === '') continue;
    switch (h.key) {
      case 'flowlog':
        if (options.flowLogExists?.(h.value) === false) out.push(unknownTarget(h, 'unknown-flowlog', 'flow log', options.flowLogMatches?.(h.value) ?? []));
        break;
      case 'cen':
        if (options.cenExists?.(h.value) === false) out.push(unknownTarget(h, 'unknown-cen', 'CEN', options.cenMatches?.(h.value) ?? []));
        break;
      case 'range':
        break;
    }
  }
  const checks = options.cache ?? new StatementChecks();
  for (const s of doc.statements) {
    out.push(...moveToDocument(s, checks.check(s.text, options.fieldsFor?.(s))));
    if (s.target.kind === 'cen') out.push(...moveToDocument(s, checks.refusals(s.text)));
  }
  checks.endPass();
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

function unknownTarget(h: Header, code: 'unknown-flowlog' | 'unknown-cen', what: 'flow log' | 'CEN', matches: readonly string[]): DocumentDiagnostic {
  const hint = matches.length > 0 ? t('Did you mean {0}?', matches.map((m) => `"${m}"`).join(t(' or '))) : t('Check the name in the CEN Flow Logs view, or complete it here (Ctrl+Space).');
  return {
    from: h.valueFrom,
    to: h.valueTo,
    severity: 'error',
    code,
    message: what === 'CEN' ? t('No CEN named or with id "{0}" in this account. {1}', h.value, hint) : t('No flow log named or with id "{0}" in this account. {1}', h.value, hint),
    ...(matches.length > 0 ? { alternatives: matches.map((m) => ({ title: t('Change to "{0}"', m), from: h.valueFrom, to: h.valueTo, insert: m })) } : {}),
  };
}

/** One statement's query problems, moved from query offsets to document offsets. */
export function diagnoseStatement(s: Statement, fields: readonly string[] | undefined): DocumentDiagnostic[] {
  return moveToDocument(s, diagnose(s.text, fields ? { fields } : {}));
}

function moveToDocument(s: Statement, diagnostics: readonly Diagnostic[]): DocumentDiagnostic[] {
  return diagnostics.map((d) => {
    const moved: DocumentDiagnostic = { from: s.from + d.from, to: s.from + d.to, severity: d.severity, code: d.code, message: d.message };
    return d.fix ? { ...moved, fix: { ...d.fix, from: s.from + d.fix.from, to: s.from + d.fix.to } } : moved;
  });
}
