/**
 * Errors Log Service gave for statements run from a query document, kept so the Problems panel
 * shows them on the statement that failed. One per statement: the next run replaces it (a
 * successful run clears it), and editing the statement drops it (its text no longer matches).
 * Positions are kept relative to the statement, so edits elsewhere in the document move them
 * along. Pure.
 */
import { t } from '@vscode/l10n';
import type { DocumentDiagnostic } from './documentDiagnostics';
import { statementOffsetOfSent, type QueryDocument, type Statement } from './queryDocument';

interface Remembered {
  /** The statement's text when it ran (comments blanked), which identifies it while unedited. */
  readonly text: string;
  readonly index: number;
  /** Relative to the statement's start. */
  readonly from: number;
  readonly to: number;
  readonly message: string;
}

export class StatementServerErrors {
  private readonly byDocument = new Map<string, Remembered[]>();
  private readonly listeners = new Set<(documentKey: string) => void>();

  /** Hears when a run added or cleared a document's error (the Problems panel is refreshed). */
  onChanged(listener: (documentKey: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(documentKey: string): void {
    for (const l of this.listeners) l(documentKey);
  }

  /**
   * A run of `statement` failed with `message`; `at` is where the service pointed, as offsets in
   * the text sent (undefined: the whole statement).
   */
  failed(documentKey: string, statement: Statement, message: string, at?: { readonly from: number; readonly to: number }): void {
    const from = at ? statementOffsetOfSent(statement.text, at.from) : 0;
    const to = at ? Math.max(from, statementOffsetOfSent(statement.text, at.to)) : statement.text.length;
    const kept = (this.byDocument.get(documentKey) ?? []).filter((r) => r.text !== statement.text);
    kept.push({ text: statement.text, index: statement.index, from, to: to === from ? Math.min(from + 1, statement.text.length) : to, message });
    this.byDocument.set(documentKey, kept);
    this.changed(documentKey);
  }

  /** A run of the statement with this text succeeded; true when that cleared an error. */
  succeeded(documentKey: string, statementText: string): boolean {
    const list = this.byDocument.get(documentKey);
    if (!list) return false;
    const kept = list.filter((r) => r.text !== statementText);
    this.byDocument.set(documentKey, kept);
    if (kept.length === list.length) return false;
    this.changed(documentKey);
    return true;
  }

  /** The errors still standing in `doc`, as diagnostics; those of edited or removed statements are dropped. */
  diagnostics(documentKey: string, doc: QueryDocument): DocumentDiagnostic[] {
    const list = this.byDocument.get(documentKey);
    if (!list || list.length === 0) return [];
    const out: DocumentDiagnostic[] = [];
    const kept: Remembered[] = [];
    for (const r of list) {
      const same = doc.statements.filter((s) => s.text === r.text);
      const s = same.find((x) => x.index === r.index) ?? same[0];
      if (!s) continue;
      kept.push({ ...r, index: s.index });
      out.push({ from: s.from + r.from, to: s.from + r.to, severity: 'error', code: 'server-error', message: t('Log Service: {0}', r.message) });
    }
    this.byDocument.set(documentKey, kept);
    return out;
  }

  forget(documentKey: string): void {
    this.byDocument.delete(documentKey);
  }
}
