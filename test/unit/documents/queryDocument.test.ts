/**
 * A .slsql document: where statements begin and end (blank lines, `;` outside strings and
 * comments), which headers apply to which statement, and positioned errors for bad headers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQueryDocument, statementAt, statementOnLines } from '../../../src/documents/queryDocument';
import { splitStatements } from '../../../src/documents/statementSplitter';

const NOW = Date.UTC(2026, 11, 6, 5, 0) / 1000;

/** The text of each statement, trimmed of the spaces that blanked comments leave. */
function texts(doc: string): string[] {
  return splitStatements(doc).statements.map((s) => s.text.replace(/\s+/g, ' ').trim());
}

/** Offsets of the first `needle` in `doc`, as a [from, to) pair. */
function at(doc: string, needle: string): { from: number; to: number } {
  const from = doc.indexOf(needle);
  assert.ok(from >= 0, `"${needle}" is in the document`);
  return { from, to: from + needle.length };
}

describe('statement splitting', () => {
  it('a blank line ends a statement; a statement may span lines', () => {
    assert.deepEqual(texts('dstport:22\n\n* | select count(*)\n  group by dstport\n\n\n  protocol:6  \n'), [
      'dstport:22',
      '* | select count(*) group by dstport',
      'protocol:6',
    ]);
  });

  it('a line of only spaces or a CRLF blank line counts as blank', () => {
    assert.deepEqual(texts('a:1\r\n   \r\nb:2\r\n\r\nc:3'), ['a:1', 'b:2', 'c:3']);
  });

  it('`;` ends a statement, also in the middle of a line, and is not part of either', () => {
    assert.deepEqual(texts('dstport:22; dstport:53;\n* | select 1;'), ['dstport:22', 'dstport:53', '* | select 1']);
  });

  it('`;` inside double-quoted, single-quoted strings and escapes does not split', () => {
    assert.deepEqual(texts(`"a;b" and c:"x\\";y" | select ';' as s, "we;ird" from log`), [`"a;b" and c:"x\\";y" | select ';' as s, "we;ird" from log`]);
  });

  it('`;` inside a line comment or a block comment does not split, and comments are blanked', () => {
    const doc = '* | select 1 -- one; two\n , 2 /* three; four */ as x';
    const [s] = splitStatements(doc).statements;
    assert.equal(splitStatements(doc).statements.length, 1);
    assert.equal(s.text.length, s.to - s.from, 'the text lines up with the document');
    assert.ok(!s.text.includes('one') && !s.text.includes('three'), 'comments are not sent');
    assert.equal(s.text.indexOf('2'), doc.indexOf('2') - s.from, 'offsets in the text are offsets from the start');
  });

  it('a whole-line comment inside a statement keeps it whole; comment-only blocks are no statement', () => {
    assert.deepEqual(texts('-- top\n\n* | select a\n-- the group\ngroup by a\n\n/* nothing\n here */'), ['* | select a group by a']);
  });

  it('a quote left open ends at the blank line instead of swallowing the rest', () => {
    assert.deepEqual(texts('srcaddr:"10.0.0.1\n\ndstport:22'), ['srcaddr:"10.0.0.1', 'dstport:22']);
  });

  it('an unclosed block comment is reported where it opens', () => {
    const doc = 'a:1 /* open\n\nb:2';
    assert.deepEqual(splitStatements(doc).openComments, [{ from: doc.indexOf('/*'), to: doc.indexOf('\n\n') + 1 }]);
    const parsed = parseQueryDocument(doc, NOW);
    assert.deepEqual(parsed.problems.map((p) => [p.code, p.from]), [['unterminated-comment', doc.indexOf('/*')]]);
  });
});

describe('headers', () => {
  const doc = [
    '-- flowlog: prod-backbone-flowlog',
    '-- range: last 24h',
    'dstport:22',
    '',
    '-- range: 2026-12-01T00:00Z..2026-12-02T00:00Z',
    '* | select count(*)',
    '',
    '-- flowlog: flowlog-abc123',
    'protocol:6',
  ].join('\n');
  const parsed = parseQueryDocument(doc, NOW);

  it('apply to the statements below them until the next header of the same key', () => {
    assert.deepEqual(
      parsed.statements.map((s) => [s.target.kind === 'flowLog' ? s.target.nameOrId : s.target.kind, s.range]),
      [
        ['prod-backbone-flowlog', { kind: 'relative', amount: 24, unit: 'hours' }],
        ['prod-backbone-flowlog', { kind: 'absolute', from: Date.UTC(2026, 11, 1) / 1000, to: Date.UTC(2026, 11, 2) / 1000 }],
        ['flowlog-abc123', { kind: 'absolute', from: Date.UTC(2026, 11, 1) / 1000, to: Date.UTC(2026, 11, 2) / 1000 }],
      ],
    );
    assert.deepEqual(parsed.problems, []);
  });

  it('a header value is located for errors, keys are case-insensitive, other comments are not headers', () => {
    const h = parseQueryDocument('--FlowLog:   my-log  \n-- note: not a header\nx', NOW).headers;
    assert.equal(h.length, 1);
    assert.equal(h[0].key, 'flowlog');
    assert.equal(h[0].value, 'my-log');
    assert.equal(h[0].valueFrom, '--FlowLog:   '.length);
  });

  it('statements above any header have no target and the default range', () => {
    const s = parseQueryDocument('dstport:22\n\n-- flowlog: x\ndstport:53', NOW).statements;
    assert.deepEqual(s[0].target, { kind: 'none' });
    assert.equal(s[0].range, undefined);
    assert.equal(s[1].target.kind, 'flowLog');
  });

  it('a range that does not parse is an error on its value, and the previous range stays in force', () => {
    const text = '-- range: last 2h\na:1\n\n-- range: yesterday-ish\nb:2';
    const p = parseQueryDocument(text, NOW);
    assert.deepEqual(p.problems.map((x) => [x.code, x.from, x.to]), [['bad-range', at(text, 'yesterday-ish').from, at(text, 'yesterday-ish').to]]);
    assert.match(p.problems[0].message, /not a time range/);
    assert.deepEqual(p.statements[1].range, { kind: 'relative', amount: 2, unit: 'hours' });
  });

  it('an absolute range ending before it starts, or starting in the future, is an error', () => {
    const backwards = '-- range: 2026-12-02T00:00Z..2026-12-01T00:00Z\na:1';
    assert.deepEqual(parseQueryDocument(backwards, NOW).problems.map((p) => [p.code, p.from]), [['bad-range', at(backwards, '2026').from]]);
    assert.match(parseQueryDocument('-- range: 2027-01-01T00:00Z..2027-01-02T00:00Z\na:1', NOW).problems[0].message, /future/);
  });

  it('an empty flowlog header is an error at the colon', () => {
    const p = parseQueryDocument('-- flowlog:\na:1', NOW);
    assert.deepEqual(p.problems.map((x) => [x.code, x.from]), [['empty-flowlog', '-- flowlog:'.length]]);
    assert.equal(p.statements[0].target.kind, 'none');
  });

  it('-- cen: targets the statements below it (until another header) and is no problem of itself', () => {
    const text = '-- cen: prod-backbone\na:1\n\n-- flowlog: one\nb:2';
    const p = parseQueryDocument(text, NOW);
    const [first, second] = p.statements;
    assert.equal(first.target.kind, 'cen');
    assert.equal(first.target.kind === 'cen' ? first.target.nameOrId : '', 'prod-backbone');
    assert.equal(first.target.kind === 'cen' ? text.slice(first.target.header.valueFrom, first.target.header.valueTo) : '', 'prod-backbone');
    assert.equal(second.target.kind, 'flowLog', 'a later -- flowlog: takes over');
    assert.deepEqual(p.problems, []);
  });

  it('an empty cen header is an error at the colon and targets nothing', () => {
    const p = parseQueryDocument('-- cen:\na:1', NOW);
    assert.deepEqual(p.problems.map((x) => [x.code, x.from]), [['empty-cen', '-- cen:'.length]]);
    assert.match(p.problems[0].message, /-- cen: prod-backbone/);
    assert.equal(p.statements[0].target.kind, 'none');
  });
});

describe('finding the statement to run', () => {
  const doc = 'a:1\n\nb:2\n| select 1\n\nc:3';
  const parsed = parseQueryDocument(doc, NOW);

  it('by offset, the end included', () => {
    assert.equal(statementAt(parsed, doc.indexOf('select'))?.index, 1);
    assert.equal(statementAt(parsed, doc.indexOf('c:3') + 3)?.index, 2);
    assert.equal(statementAt(parsed, doc.indexOf('\n\nb')+1), undefined);
  });

  it('by the cursor line', () => {
    const line = doc.indexOf('| select 1');
    assert.equal(statementOnLines(parsed, line, line + '| select 1'.length)?.index, 1);
  });
});
