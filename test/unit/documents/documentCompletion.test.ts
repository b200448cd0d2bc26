/**
 * Completion in a query document: the statement under the cursor is completed by the shared
 * completer, the replaced range lands in the document, and fields come from that statement's
 * target — `dstport` and `"log-status"` only where the target's index has them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeInDocument } from '../../../src/documents/documentCompletion';
import { parseQueryDocument, type Statement } from '../../../src/documents/queryDocument';

const NOW = Date.UTC(2026, 11, 6) / 1000;
const TEXT = ['-- flowlog: full', 'dstp', '', '-- flowlog: custom', '* | select log', ''].join('\n');
const doc = parseQueryDocument(TEXT, NOW);
/** `full` has the whole catalog (undefined = catalog); `custom` an index without dstport and log-status. */
const fieldsFor = (s: Statement): readonly string[] | undefined =>
  s.target.kind === 'flowLog' && s.target.nameOrId === 'custom' ? ['srcaddr', 'dstaddr', 'bytes', 'logging-zone'] : undefined;

function labels(offset: number): string[] {
  return completeInDocument(doc, offset, fieldsFor).options.map((o) => o.label);
}

describe('completion in a query document', () => {
  it('completes the search statement under the cursor, replacing the typed word in the document', () => {
    const end = TEXT.indexOf('dstp') + 4;
    const result = completeInDocument(doc, end, fieldsFor);
    assert.equal(TEXT.slice(result.from, result.to), 'dstp');
    assert.ok(labels(end).includes('dstport'), 'the catalog target has dstport');
  });

  it('offers only the fields the statement target has', () => {
    const end = TEXT.indexOf('select log') + 'select log'.length;
    const offered = labels(end);
    assert.ok(offered.some((l) => l.includes('logging-zone')), `the index field is offered: ${offered.join(', ')}`);
    assert.ok(!offered.includes('log-status'), 'no "log-status" where the index lacks it');
    assert.ok(!offered.includes('dstport'));
  });

  it('the same statement under a catalog target offers "log-status", quoted for SQL', () => {
    const catalogDoc = parseQueryDocument('-- flowlog: full\n* | select log', NOW);
    const options = completeInDocument(catalogDoc, '-- flowlog: full\n* | select log'.length, fieldsFor).options;
    assert.deepEqual(options.filter((o) => o.label === 'log-status').map((o) => o.apply), ['"log-status"']);
  });

  it('between statements, offers what a query starts with', () => {
    assert.ok(labels(TEXT.length).includes('dstport'));
  });
});
