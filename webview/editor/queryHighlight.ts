/**
 * Syntax highlighting for SLS queries built on the shared tokenizer (src/query/tokenizer.ts), so
 * the editor colours exactly what diagnostics and completion understand. Queries are short, so
 * the whole document is re-tokenized on change (linear time).
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { tokenizeQuery, type SearchTokenKind, type SqlTokenKind, type SqlToken } from '../../src/query/tokenizer';

function searchClass(kind: SearchTokenKind): string | undefined {
  switch (kind) {
    case 'field': return 'tok-field';
    case 'string': return 'tok-string';
    case 'singleQuoted': return 'tok-string';
    case 'operator': case 'in': return 'tok-keyword';
    case 'comparison': case 'colon': return 'tok-operator';
    case 'lparen': case 'rparen': case 'lbracket': case 'rbracket': return 'tok-punct';
    case 'word': return undefined;
    case 'unknown': return undefined;
  }
}

function sqlClass(t: SqlToken, next: SqlToken | undefined): string | undefined {
  const kind: SqlTokenKind = t.kind;
  switch (kind) {
    case 'keyword': return 'tok-keyword';
    case 'identifier': return next?.text === '(' ? 'tok-function' : 'tok-field';
    case 'quotedIdentifier': return 'tok-field';
    case 'string': return 'tok-string';
    case 'number': return 'tok-number';
    case 'operator': return 'tok-operator';
    case 'punctuation': return 'tok-punct';
    case 'comment': return 'tok-comment';
    case 'unknown': return undefined;
  }
}

const marks = new Map<string, Decoration>();
function mark(cls: string): Decoration {
  let m = marks.get(cls);
  if (!m) {
    m = Decoration.mark({ class: cls });
    marks.set(cls, m);
  }
  return m;
}

function build(view: EditorView): DecorationSet {
  const text = view.state.doc.toString();
  const { parts, search, sql } = tokenizeQuery(text);
  const b = new RangeSetBuilder<Decoration>();
  for (const t of search) {
    const cls = searchClass(t.kind);
    if (cls && t.to > t.from) b.add(t.from, t.to, mark(cls));
  }
  if (parts.pipe !== undefined) b.add(parts.pipe, parts.pipe + 1, mark('tok-pipe'));
  for (let i = 0; i < sql.length; i++) {
    const t = sql[i];
    const cls = sqlClass(t, sql[i + 1]);
    if (cls && t.to > t.from) b.add(t.from, t.to, mark(cls));
  }
  return b.finish();
}

export const queryHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(u: ViewUpdate): void {
      if (u.docChanged) this.decorations = build(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);
