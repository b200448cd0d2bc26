/**
 * Syntax highlighting for SLS queries built on the shared tokenizer (src/query/tokenizer.ts), so
 * the editor colours exactly what diagnostics and completion understand. Queries are short, so
 * the whole document is re-tokenized on change (linear time).
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { highlightRanges, type TokenClass } from './tokenClasses';

const marks = new Map<TokenClass, Decoration>();
function mark(cls: TokenClass): Decoration {
  let m = marks.get(cls);
  if (!m) {
    m = Decoration.mark({ class: cls });
    marks.set(cls, m);
  }
  return m;
}

function build(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  // RangeSetBuilder needs ranges sorted by start; search, pipe and SQL already come in order.
  for (const r of highlightRanges(view.state.doc.toString())) b.add(r.from, r.to, mark(r.cls));
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
