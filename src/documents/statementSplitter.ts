/**
 * Splits a `.slsql` document into statements: a blank line or a `;` outside strings and comments
 * ends one. Comments (`--` to the end of the line, `/* … *\/`) are kept out of a statement's text by
 * blanking them with spaces, so an offset in the text is the same offset from the statement's start
 * in the document. One linear pass; pure.
 */

/** A header or any other line comment, found between statements or inside one. */
export interface LineComment {
  /** Offsets of the whole comment, from `--` to the end of the line (newline excluded). */
  readonly from: number;
  readonly to: number;
  /** The comment after `--`. */
  readonly body: string;
  /** Offset of `body` in the document. */
  readonly bodyFrom: number;
  /** True when nothing but whitespace comes before `--` on its line (only such comments are headers). */
  readonly wholeLine: boolean;
}

/** One statement: [from, to) in the document, trimmed; `text` is that slice with comments blanked. */
export interface RawStatement {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** A block comment left open when its statement ended (a blank line or the end of the file). */
export interface OpenComment {
  readonly from: number;
  readonly to: number;
}

export interface SplitDocument {
  readonly statements: readonly RawStatement[];
  readonly comments: readonly LineComment[];
  readonly openComments: readonly OpenComment[];
}

type Mode = 'code' | 'double' | 'single' | 'block';

/** Splits `text` into statements, line comments and unterminated block comments. */
export function splitStatements(text: string): SplitDocument {
  const statements: RawStatement[] = [];
  const comments: LineComment[] = [];
  const openComments: OpenComment[] = [];
  // The statement being read, as the document with its comments blanked.
  let chunkFrom = -1;
  let chunk = '';
  let mode: Mode = 'code';
  let blockFrom = 0;

  const finish = (end: number): void => {
    if (mode === 'block') openComments.push({ from: blockFrom, to: end });
    mode = 'code';
    if (chunkFrom < 0) return;
    const lead = chunk.length - chunk.trimStart().length;
    const body = chunk.trim();
    if (body !== '') statements.push({ from: chunkFrom + lead, to: chunkFrom + lead + body.length, text: body });
    chunkFrom = -1;
    chunk = '';
  };
  const take = (from: number, piece: string): void => {
    if (chunkFrom < 0) chunkFrom = from;
    chunk += piece;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      // Strings and comments never span a blank line: a half-typed quote does not swallow the file.
      finish(lineStart);
    } else {
      scanLine(text, lineStart, lineEnd);
    }
    if (nl < 0) break;
    if (chunkFrom >= 0) take(lineEnd, '\n');
    lineStart = nl + 1;
  }
  finish(text.length);
  return { statements, comments, openComments };

  function scanLine(doc: string, from: number, to: number): void {
    let runFrom = from; // start of the code run not yet taken
    const flush = (end: number): void => {
      if (end > runFrom) take(runFrom, doc.slice(runFrom, end));
      runFrom = end;
    };
    for (let i = from; i < to; i++) {
      const c = doc[i];
      switch (mode) {
        case 'double':
          if (c === '\\') i++;
          else if (c === '"') mode = 'code';
          break;
        case 'single':
          if (c === "'") mode = 'code';
          break;
        case 'block':
          if (c === '*' && doc[i + 1] === '/') {
            i++;
            mode = 'code';
            take(runFrom, ' '.repeat(i + 1 - runFrom));
            runFrom = i + 1;
          }
          break;
        case 'code':
          if (c === '"') mode = 'double';
          else if (c === "'") mode = 'single';
          else if (c === '-' && doc[i + 1] === '-') {
            flush(i);
            const wholeLine = doc.slice(from, i).trim() === '';
            comments.push({ from: i, to, body: doc.slice(i + 2, to), bodyFrom: i + 2, wholeLine });
            // Blanked, so the statement's offsets still match the document.
            if (chunkFrom >= 0) take(i, ' '.repeat(to - i));
            runFrom = to;
            return;
          } else if (c === '/' && doc[i + 1] === '*') {
            flush(i);
            mode = 'block';
            blockFrom = i;
            i++;
          } else if (c === ';') {
            flush(i);
            finish(i);
            runFrom = i + 1;
          }
          break;
      }
    }
    if (mode === 'block') {
      take(runFrom, ' '.repeat(to - runFrom));
      runFrom = to;
    }
    flush(to);
  }
}
