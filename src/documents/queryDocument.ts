/**
 * The model of a `.slsql` query document: its statements, and the header comments
 * (`-- flowlog: …`, `-- range: …`, `-- cen: …`) that choose the target and time range of the
 * statements below them. Pure: the clock is passed in; whether a flow log exists is asked later,
 * by the code that can list them (documentDiagnostics.ts).
 */
import { t } from '@vscode/l10n';
import { parseTimeRange, resolveTimeRange, validateTimeRange, type TimeRangeSpec } from '../query/timeRange';
import { splitStatements, type LineComment } from './statementSplitter';

/** Header keys this document understands. */
export type HeaderKey = 'flowlog' | 'range' | 'cen';

/** A header comment as written: its key, its value and where the value is (for positioned errors). */
export interface Header {
  readonly key: HeaderKey;
  readonly value: string;
  /** The whole comment line. */
  readonly from: number;
  readonly to: number;
  /** The value (or, when it is empty, the point after the colon). */
  readonly valueFrom: number;
  readonly valueTo: number;
}

/** What a statement runs against, from the nearest header above it. */
export type StatementTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'flowLog'; readonly nameOrId: string; readonly header: Header }
  | { readonly kind: 'cen'; readonly nameOrId: string; readonly header: Header };

/** One statement with the headers in force for it. */
export interface Statement {
  readonly index: number;
  /** [from, to) in the document, trimmed. */
  readonly from: number;
  readonly to: number;
  /** The query as sent: the document's text with comments blanked (offsets match from `from`). */
  readonly text: string;
  readonly target: StatementTarget;
  /** The range header in force, when it parsed; undefined means the workbench's default. */
  readonly range?: TimeRangeSpec;
}

/** A problem the document itself has (headers, comments), positioned in the document. */
export interface DocumentProblem {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning';
  readonly code: 'bad-range' | 'empty-flowlog' | 'empty-cen' | 'unterminated-comment';
  readonly message: string;
}

export interface QueryDocument {
  readonly statements: readonly Statement[];
  readonly headers: readonly Header[];
  readonly problems: readonly DocumentProblem[];
}

const HEADER = /^\s*(flowlog|range|cen)\s*:/i;

/** Reads a whole-line comment as a header, when it is one. */
export function parseHeader(comment: LineComment): Header | undefined {
  if (!comment.wholeLine) return undefined;
  const m = HEADER.exec(comment.body);
  if (!m) return undefined;
  const afterColon = comment.bodyFrom + m[0].length;
  const rest = comment.body.slice(m[0].length);
  const value = rest.trim();
  const valueFrom = value === '' ? afterColon : afterColon + (rest.length - rest.trimStart().length);
  return { key: m[1].toLowerCase() as HeaderKey, value, from: comment.from, to: comment.to, valueFrom, valueTo: valueFrom + value.length };
}

/** Parses a document; `nowSeconds` checks absolute ranges (a range starting in the future is an error). */
export function parseQueryDocument(text: string, nowSeconds: number): QueryDocument {
  const split = splitStatements(text);
  const headers = split.comments.map(parseHeader).filter((h): h is Header => h !== undefined);
  const problems: DocumentProblem[] = split.openComments.map((c) => ({
    from: c.from,
    to: c.from + 2,
    severity: 'error',
    code: 'unterminated-comment',
    message: t('This /* comment is not closed before the blank line; add */ to end it.'),
  }));
  const bad = new Set<Header>();
  for (const h of headers) {
    const problem = headerProblem(h, nowSeconds);
    if (problem) problems.push(problem);
    // A range that does not parse or makes no sense sets nothing.
    if (problem?.code === 'bad-range') bad.add(h);
  }
  const scopes = new HeaderScopes(headers.filter((h) => !bad.has(h)));
  const statements = split.statements.map((raw, index): Statement => {
    const scope = scopes.next(raw.from);
    return { index, from: raw.from, to: raw.to, text: raw.text, target: scope.target, ...(scope.range ? { range: scope.range } : {}) };
  });
  return { statements, headers, problems: problems.sort((a, b) => a.from - b.from) };
}

/** What the headers above a point set: the target and the range. */
export interface Scope {
  readonly target: StatementTarget;
  readonly range?: TimeRangeSpec;
}

/** The headers in force at `offset` (a selection's start, say). */
export function scopeAt(doc: QueryDocument, offset: number, nowSeconds: number): Scope {
  return new HeaderScopes(doc.headers.filter((h) => headerProblem(h, nowSeconds)?.code !== 'bad-range')).next(offset);
}

/**
 * Walks the headers in document order; `next` must be called with growing offsets (one pass for
 * all statements). Bad ranges are left out by the caller, so the previous range stays in force.
 */
class HeaderScopes {
  private target: StatementTarget = { kind: 'none' };
  private range: TimeRangeSpec | undefined;
  private index = 0;

  constructor(private readonly headers: readonly Header[]) {}

  next(offset: number): Scope {
    while (this.index < this.headers.length && this.headers[this.index].from < offset) this.apply(this.headers[this.index++]);
    return { target: this.target, ...(this.range ? { range: this.range } : {}) };
  }

  private apply(h: Header): void {
    if (h.value === '') return;
    switch (h.key) {
      case 'flowlog':
        this.target = { kind: 'flowLog', nameOrId: h.value, header: h };
        return;
      case 'cen':
        this.target = { kind: 'cen', nameOrId: h.value, header: h };
        return;
      case 'range': {
        const parsed = parseTimeRange(h.value);
        if (parsed.ok) this.range = parsed.spec;
        return;
      }
    }
  }
}

/** The query to send: comment blanks and blank lines they leave dropped, line breaks kept. */
export function runnableText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

function headerProblem(h: Header, nowSeconds: number): DocumentProblem | undefined {
  const at = { from: h.valueFrom, to: Math.max(h.valueTo, h.valueFrom) };
  switch (h.key) {
    case 'flowlog':
      return h.value === ''
        ? { ...at, severity: 'error', code: 'empty-flowlog', message: t('Name the flow log these queries run on, by name or id, e.g. -- flowlog: prod-backbone-flowlog.') }
        : undefined;
    case 'cen':
      return h.value === ''
        ? { ...at, severity: 'error', code: 'empty-cen', message: t('Name the CEN whose flow logs these queries run on, by name or id, e.g. -- cen: prod-backbone.') }
        : undefined;
    case 'range': {
      const parsed = parseTimeRange(h.value);
      if (!parsed.ok) return { ...at, severity: 'error', code: 'bad-range', message: parsed.message };
      if (parsed.spec.kind !== 'absolute') return undefined;
      const error = validateTimeRange(resolveTimeRange(parsed.spec, nowSeconds), nowSeconds).find((p) => p.severity === 'error');
      return error ? { ...at, severity: 'error', code: 'bad-range', message: error.message } : undefined;
    }
  }
}

/** The statement containing `offset` (its end included, so a cursor just after it counts). */
export function statementAt(doc: QueryDocument, offset: number): Statement | undefined {
  return doc.statements.find((s) => offset >= s.from && offset <= s.to);
}

/** The first statement with text on the lines [lineFrom, lineTo] (offsets of their start and end): what Ctrl+Enter runs. */
export function statementOnLines(doc: QueryDocument, lineFrom: number, lineTo: number): Statement | undefined {
  return doc.statements.find((s) => s.from <= lineTo && s.to >= lineFrom);
}

/**
 * Where an offset of the text sent (runnableText of a statement's text) is in that statement's
 * text: the sent text drops blank lines and trailing spaces, but keeps each line's columns.
 */
export function statementOffsetOfSent(text: string, sentOffset: number): number {
  let sentLineStart = 0;
  let lineStart = 0;
  let lastKept = { start: 0, length: 0 };
  for (;;) {
    const end = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end < 0 ? text.length : end);
    const kept = line.trimEnd();
    if (kept.trim() !== '') {
      lastKept = { start: lineStart, length: kept.length };
      if (sentOffset <= sentLineStart + kept.length) return lineStart + Math.max(0, sentOffset - sentLineStart);
      sentLineStart += kept.length + 1;
    }
    if (end < 0) break;
    lineStart = end + 1;
  }
  // Past the end of the sent text: its last character.
  return lastKept.start + lastKept.length;
}

/**
 * The statement a cursor at `offset` is typing into: the one containing it, or the one just
 * before it when only spaces and at most one line break lie between (a blank line or `;` would
 * have ended it). `tail` is that whitespace, which the statement's trimmed text lacks.
 */
export function statementAtCursor(doc: QueryDocument, text: string, offset: number): { readonly statement: Statement; readonly tail: string } | undefined {
  const inside = statementAt(doc, offset);
  if (inside) return { statement: inside, tail: '' };
  let before: Statement | undefined;
  for (const s of doc.statements) {
    if (s.to > offset) break;
    before = s;
  }
  if (!before) return undefined;
  const tail = text.slice(before.to, offset);
  if (!/^[ \t\r\n]*$/.test(tail) || (tail.match(/\n/g)?.length ?? 0) > 1) return undefined;
  // A ";" ends the statement where it stands; text after it is the next one's.
  if (text[before.to] === ';') return undefined;
  return { statement: before, tail };
}
