/**
 * The SLS query editor: CodeMirror 6 with highlighting, completion and diagnostics from the shared
 * query library (src/query), Ctrl/Cmd+Enter to run and Esc to cancel. Server errors are shown as
 * a diagnostic at their position until the text changes.
 */
import { EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, insertNewlineAndIndent } from '@codemirror/commands';
import { autocompletion, closeCompletion, completionKeymap, closeBrackets, closeBracketsKeymap, type CompletionContext, type CompletionResult as CmCompletionResult } from '@codemirror/autocomplete';
import { linter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { complete } from '../../src/query/completion';
import { diagnose, type Diagnostic } from '../../src/query/diagnostics';
import { queryHighlight } from './queryHighlight';
import { editorTheme } from './editorTheme';
import { t } from '../l10n';

export interface QueryEditorEvents {
  onRun(): void;
  onCancel(): void;
  onChange(text: string): void;
}

/** Select all, undo and redo: keys the editor handles itself, which the page must not pass on to VS Code. */
export function isEditorOwnKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && ['a', 'z', 'y'].includes(e.key.toLowerCase());
}

export class QueryEditor {
  readonly view: EditorView;
  private fields: readonly string[] | undefined;
  private acrossFlowLogs = false;
  private serverError: { doc: string; diagnostic: CmDiagnostic } | undefined;

  constructor(parent: HTMLElement, initial: string, private readonly events: QueryEditorEvents, nonce?: string) {
    const runKeys = Prec.highest(
      keymap.of([
        {
          key: 'Mod-Enter',
          run: (view) => {
            closeCompletion(view); // a suggestion left open would cover the results' first rows
            this.events.onRun();
            return true;
          },
        },
        { key: 'Shift-Enter', run: insertNewlineAndIndent },
      ]),
    );
    const extensions: Extension[] = [
      runKeys,
      history(),
      drawSelection(),
      closeBrackets(),
      EditorView.lineWrapping,
      placeholder(t('Search, e.g. dstport:443 and direction:out — or add | SELECT … for SQL. Ctrl+Enter runs.')),
      queryHighlight,
      autocompletion({ override: [(ctx) => this.completions(ctx)], icons: true, activateOnTyping: true }),
      linter((view) => this.lint(view), { delay: 250 }),
      keymap.of([...closeBracketsKeymap, ...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap, { key: 'Escape', run: () => (this.events.onCancel(), true) }]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.events.onChange(u.state.doc.toString());
      }),
      // VS Code's webview host repeats select-all, undo and redo on the page a moment later
      // (execCommand): the editor has done them already, and a late select-all selects what was typed since.
      // Before the keymap: a handler after it never sees the keys the keymap handles.
      Prec.highest(EditorView.domEventHandlers({ keydown: (e) => void (isEditorOwnKey(e) && e.stopPropagation()) })),
      EditorView.contentAttributes.of({ 'aria-label': t('SLS query'), 'aria-multiline': 'true' }),
      editorTheme,
    ];
    if (nonce) extensions.push(EditorView.cspNonce.of(nonce));
    this.view = new EditorView({ state: EditorState.create({ doc: initial, extensions }), parent });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (presets, history, host setQuery), cursor at the end. */
  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, selection: { anchor: text.length } });
  }

  /** `acrossFlowLogs`: a CEN panel, where statements that cannot be merged exactly are marked as errors. */
  setFields(fields: readonly string[] | undefined, acrossFlowLogs = false): void {
    this.fields = fields;
    this.acrossFlowLogs = acrossFlowLogs;
    this.relint();
  }

  focus(): void {
    this.view.focus();
  }

  /** Shows the service's error at its position (or the whole query when it has none). */
  showServerError(message: string, position: { from: number; to: number } | undefined): void {
    const doc = this.text;
    const len = doc.length;
    const from = Math.max(0, Math.min(len, position?.from ?? 0));
    const to = Math.max(from, Math.min(len, position?.to ?? len));
    this.serverError = { doc, diagnostic: { from, to: to === from && to < len ? to + 1 : to, severity: 'error', source: t('Log Service'), message } };
    this.relint();
  }

  /** Marks the local problems now rather than after the typing delay (a refused run points at them). */
  showLocalProblems(): void {
    this.relint();
  }

  /** Selects a span of the query and focuses the editor (a problem listed in a banner). */
  reveal(from: number, to: number): void {
    const len = this.view.state.doc.length;
    const anchor = Math.max(0, Math.min(from, len));
    this.view.dispatch({ selection: { anchor, head: Math.max(anchor, Math.min(to, len)) }, scrollIntoView: true });
    this.view.focus();
  }

  clearServerError(): void {
    if (!this.serverError) return;
    this.serverError = undefined;
    this.relint();
  }

  /**
   * Lints now. forceLinting() only hurries a lint run that a document change already scheduled,
   * so a server error arriving for an unchanged query would never show; push the diagnostics.
   */
  private relint(): void {
    this.view.dispatch(setDiagnostics(this.view.state, this.lint(this.view)));
  }

  private lint(view: EditorView): CmDiagnostic[] {
    const doc = view.state.doc.toString();
    const out: CmDiagnostic[] = diagnose(doc, { fields: this.fields, acrossFlowLogs: this.acrossFlowLogs })
      .filter((d) => d.code !== 'empty-query')
      .map((d) => toCmDiagnostic(d, doc.length));
    if (this.serverError && this.serverError.doc === doc) out.push(this.serverError.diagnostic);
    else this.serverError = undefined;
    return out;
  }

  private completions(ctx: CompletionContext): CmCompletionResult | null {
    const doc = ctx.state.doc.toString();
    const r = complete(doc, ctx.pos, { fields: this.fields });
    if (r.options.length === 0) return null;
    // Only pop up unasked when the user is typing a word or just typed a trigger character.
    if (!ctx.explicit && r.from === r.to && !/[\s:|(,."]$/.test(doc.slice(0, ctx.pos))) return null;
    return {
      from: r.from,
      to: r.to,
      filter: true,
      options: r.options.map((o) => ({ label: o.label, apply: o.apply, type: cmType(o.type), detail: o.detail, info: o.info || undefined })),
    };
  }
}

function cmType(t: 'field' | 'keyword' | 'function' | 'value' | 'operator'): string {
  switch (t) {
    case 'field': return 'property';
    case 'keyword': return 'keyword';
    case 'function': return 'function';
    case 'value': return 'enum';
    case 'operator': return 'operator';
  }
}

function toCmDiagnostic(d: Diagnostic, len: number): CmDiagnostic {
  const from = Math.min(d.from, len);
  const to = Math.min(Math.max(d.to, from), len);
  const fix = d.fix;
  return {
    from,
    to,
    severity: d.severity,
    message: d.message,
    source: d.code,
    actions: fix
      ? [{ name: fix.title, apply: (view: EditorView) => view.dispatch({ changes: { from: fix.from, to: fix.to, insert: fix.insert } }) }]
      : undefined,
  };
}
