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

const NEWLINE = 10;
const DOUBLE = 34; // "
const SINGLE = 39; // '
const DASH = 45; // -
const SLASH = 47; // /
const STAR = 42; // *
const BACKSLASH = 92;
const SEMICOLON = 59;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** Splits `text` into statements, line comments and unterminated block comments. */
export function splitStatements(text: string): SplitDocument {
  const statements: RawStatement[] = [];
  const comments: LineComment[] = [];
  const openComments: OpenComment[] = [];
  // The statement being read: where it starts, and the comment spans inside it to blank.
  let chunkFrom = -1;
  let blanks: number[] = [];
  let mode: Mode = 'code';
  let blockFrom = 0;

  const finish = (end: number): void => {
    if (mode === 'block') {
      openComments.push({ from: blockFrom, to: end });
      if (chunkFrom >= 0) blanks.push(blockFrom, end);
    }
    mode = 'code';
    if (chunkFrom >= 0) pushStatement(chunkFrom, end);
    chunkFrom = -1;
    blanks = [];
  };
  const pushStatement = (from: number, end: number): void => {
    let raw = text.slice(from, end);
    // Comments become spaces, so offsets in the text stay offsets in the document.
    for (let k = 0; k < blanks.length; k += 2) {
      const a = Math.max(blanks[k], from) - from;
      const b = Math.min(blanks[k + 1], end) - from;
      if (b > a) raw = raw.slice(0, a) + raw.slice(a, b).replace(/[^\n]/g, ' ') + raw.slice(b);
    }
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') statements.push({ from: from + lead, to: from + lead + body.length, text: body });
  };
  const start = (at: number): void => {
    if (chunkFrom < 0) chunkFrom = at;
  };

  let lineStart = 0;
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart);
    const last = lineEnd < 0;
    if (last) lineEnd = text.length;
    let blankLine = true;
    for (let i = lineStart; i < lineEnd; i++) {
      if (!isBlank(text.charCodeAt(i))) {
        blankLine = false;
        break;
      }
    }
    // Strings and comments never span a blank line: a half-typed quote does not swallow the file.
    if (blankLine) finish(lineStart);
    else scanLine(lineStart, lineEnd);
    if (last) break;
    lineStart = lineEnd + 1;
  }
  finish(text.length);
  return { statements, comments, openComments };

  function scanLine(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      switch (mode) {
        case 'double':
          if (c === BACKSLASH) i++;
          else if (c === DOUBLE) mode = 'code';
          break;
        case 'single':
          if (c === SINGLE) mode = 'code';
          break;
        case 'block':
          if (c === STAR && text.charCodeAt(i + 1) === SLASH) {
            i++;
            mode = 'code';
            if (chunkFrom >= 0) blanks.push(blockFrom, i + 1);
          }
          break;
        case 'code':
          if (c === DOUBLE) {
            start(i);
            mode = 'double';
          } else if (c === SINGLE) {
            start(i);
            mode = 'single';
          } else if (c === DASH && text.charCodeAt(i + 1) === DASH) {
            let wholeLine = true;
            for (let k = from; k < i; k++) {
              if (!isBlank(text.charCodeAt(k))) {
                wholeLine = false;
                break;
              }
            }
            comments.push({ from: i, to, body: text.slice(i + 2, to), bodyFrom: i + 2, wholeLine });
            if (chunkFrom >= 0) blanks.push(i, to);
            return;
          } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
            mode = 'block';
            blockFrom = i;
            // A statement that starts with a comment starts after it (trimmed below).
            start(i);
            i++;
          } else if (c === SEMICOLON) {
            finish(i);
          } else if (c !== NEWLINE && !isBlank(c)) {
            start(i);
          }
          break;
      }
    }
  }
}
