/**
 * A server error of a statement run from a document shows on that statement, at the place the
 * service named in the text sent (which drops blank lines and comment-only lines), stays put when
 * the document changes elsewhere, and goes on a successful run or an edit of the statement.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatementServerErrors } from '../../../src/documents/statementServerErrors';
import { parseQueryDocument, runnableText, statementOffsetOfSent } from '../../../src/documents/queryDocument';
import { locateServerError } from '../../../src/query/serverError';

const NOW = Date.UTC(2026, 11, 6) / 1000;
const KEY = 'file:///w/traffic.slsql';
const STATEMENT = ['* | select dstport,', '  -- the busiest first', '  nosuchfn(bytes) as b   ', '  group by dstport'].join('\n');
const TEXT = `-- flowlog: prod\n\ndstport:22\n\n${STATEMENT}\n`;

/** Where the emulator and SLS point: line:column in the text sent. */
function failing(text: string): { message: string; at: { from: number; to: number } } {
  const s = parseQueryDocument(text, NOW).statements[1];
  const sent = runnableText(s.text);
  const column = sent.split('\n')[1].indexOf('nosuchfn') + 1;
  const message = `line 2:${column}: Function 'nosuchfn' not registered`;
  const at = locateServerError(message, sent);
  assert.ok(at, 'the message names a place');
  return { message, at };
}

describe('server errors of statements run from a document', () => {
  it('maps offsets of the sent text back to the statement text', () => {
    const doc = parseQueryDocument(TEXT, NOW);
    const s = doc.statements[1];
    const sent = runnableText(s.text);
    for (const word of ['select', 'nosuchfn', 'group', 'dstport']) {
      const inSent = sent.lastIndexOf(word);
      assert.equal(s.text.slice(statementOffsetOfSent(s.text, inSent), statementOffsetOfSent(s.text, inSent) + word.length), word);
    }
    assert.equal(statementOffsetOfSent(s.text, sent.length + 10), s.text.length, 'past the end: the statement end');
  });

  it('shows on the statement at the place the service named', () => {
    const errors = new StatementServerErrors();
    const doc = parseQueryDocument(TEXT, NOW);
    const { message, at } = failing(TEXT);
    errors.failed(KEY, doc.statements[1], message, at);
    const [d] = errors.diagnostics(KEY, doc);
    assert.equal(TEXT.slice(d.from, d.to), 'nosuchfn');
    assert.equal(d.code, 'server-error');
    assert.match(d.message, /Function 'nosuchfn' not registered/);
    assert.deepEqual(errors.diagnostics('file:///other.slsql', doc), [], 'per document');
  });

  it('moves with edits elsewhere in the document; an edit of the statement clears it', () => {
    const errors = new StatementServerErrors();
    const { message, at } = failing(TEXT);
    errors.failed(KEY, parseQueryDocument(TEXT, NOW).statements[1], message, at);
    const moved = `-- a note\n${TEXT.replace('dstport:22', 'dstport:443 and srcport:22')}`;
    const [d] = errors.diagnostics(KEY, parseQueryDocument(moved, NOW));
    assert.equal(moved.slice(d.from, d.to), 'nosuchfn');
    const edited = moved.replace('nosuchfn(bytes)', 'sum(bytes)');
    assert.deepEqual(errors.diagnostics(KEY, parseQueryDocument(edited, NOW)), []);
    assert.deepEqual(errors.diagnostics(KEY, parseQueryDocument(moved, NOW)), [], 'gone for good once the statement was edited');
  });

  it('a successful run of the statement clears it and tells listeners; without a position it covers the statement', () => {
    const errors = new StatementServerErrors();
    const heard: string[] = [];
    errors.onChanged((k) => heard.push(k));
    const doc = parseQueryDocument(TEXT, NOW);
    const s = doc.statements[1];
    errors.failed(KEY, s, 'The query timed out');
    const [d] = errors.diagnostics(KEY, doc);
    assert.deepEqual([d.from, d.to], [s.from, s.to]);
    assert.equal(errors.succeeded(KEY, doc.statements[0].text), false, 'another statement succeeding changes nothing');
    assert.equal(errors.succeeded(KEY, s.text), true);
    assert.deepEqual(errors.diagnostics(KEY, doc), []);
    assert.deepEqual(heard, [KEY, KEY]);
  });
});
