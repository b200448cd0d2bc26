/**
 * Diagnostics of a query document land where the problem is in the document, not in the
 * statement: the shared query checks run per statement and their positions (and quick fixes) move.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseDocument, StatementChecks } from '../../../src/documents/documentDiagnostics';
import { parseQueryDocument } from '../../../src/documents/queryDocument';

const NOW = Date.UTC(2026, 11, 6, 5, 0) / 1000;

describe('document diagnostics', () => {
  const doc = [
    '-- flowlog: prod-backbone-flowlog',
    'dstport:22',
    '',
    '* | select srcaddr, count(*) as n',
    '  -- per source',
    '  group by srcaddr;',
    '* | select log-status, count(*) from log group by log-status',
  ].join('\n');

  it('a statement problem is at its place in the document, with its quick fix moved too', () => {
    const found = diagnoseDocument(parseQueryDocument(doc, NOW));
    const hyphen = found.filter((d) => d.code === 'unquoted-hyphenated-field');
    const first = doc.indexOf('log-status');
    assert.ok(hyphen.length >= 1, JSON.stringify(found));
    assert.equal(hyphen[0].from, first);
    assert.equal(hyphen[0].to, first + 'log-status'.length);
    assert.ok(hyphen[0].fix, 'the workbench has a fix for it');
    assert.equal(doc.slice(hyphen[0].fix.from, hyphen[0].fix.to), 'log-status');
    assert.equal(hyphen[0].fix.insert, '"log-status"');
  });

  it('statements without problems add none; a comment inside a statement is not checked as query text', () => {
    const found = diagnoseDocument(parseQueryDocument(doc, NOW));
    assert.ok(found.every((d) => d.from >= doc.indexOf('* | select log-status')), JSON.stringify(found));
  });

  it('an unknown field is flagged against the target fields when they are known', () => {
    const text = '-- flowlog: custom\ndstport:22 and rtt>10';
    const parsed = parseQueryDocument(text, NOW);
    assert.deepEqual(diagnoseDocument(parsed).filter((d) => d.code === 'unknown-field'), []);
    const withIndex = diagnoseDocument(parsed, { fieldsFor: () => ['srcaddr', 'dstaddr', 'bytes', 'dstport'] });
    const unknown = withIndex.filter((d) => d.code === 'unknown-field');
    assert.deepEqual(unknown.map((d) => text.slice(d.from, d.to)), ['rtt']);
  });

  it('a header naming no existing flow log is an error on its value; unknown existence says nothing', () => {
    const text = '-- flowlog: nope\na:1';
    const parsed = parseQueryDocument(text, NOW);
    assert.deepEqual(diagnoseDocument(parsed, { flowLogExists: () => undefined }).filter((d) => d.code === 'unknown-flowlog'), []);
    const [d] = diagnoseDocument(parsed, { flowLogExists: (n) => n === 'yes' }).filter((x) => x.code === 'unknown-flowlog');
    assert.equal(text.slice(d.from, d.to), 'nope');
    assert.match(d.message, /No flow log named or with id "nope"/);
  });
});

describe('statements under a -- cen: header', () => {
  const PERCENTILE = '* | select approx_percentile(bytes, 0.95) as p95';
  const TOP = '* | select srcaddr, sum(bytes) as b group by srcaddr order by b desc limit 10';

  it('a statement that cannot be merged across the CEN has its refusal on the call; a mergeable one has none', () => {
    const text = `-- cen: prod-backbone\n\n${TOP}\n\n${PERCENTILE}\n`;
    const found = diagnoseDocument(parseQueryDocument(text, NOW)).filter((d) => d.severity === 'error');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0].from, found[0].to), 'approx_percentile(bytes, 0.95)', 'on the call, at its place in the file');
    assert.match(found[0].message, /percentile/);
  });

  it('the same statement under a -- flowlog: header is no problem', () => {
    const text = `-- flowlog: one\n\n${PERCENTILE}\n`;
    assert.deepEqual(diagnoseDocument(parseQueryDocument(text, NOW)).filter((d) => d.severity === 'error'), []);
  });

  it('a cache kept between passes gives the same refusals, and forgets them when the header changes', () => {
    const checks = new StatementChecks();
    const cenText = `-- cen: prod-backbone\n\n${PERCENTILE}\n`;
    const once = diagnoseDocument(parseQueryDocument(cenText, NOW), { cache: checks });
    assert.deepEqual(diagnoseDocument(parseQueryDocument(cenText, NOW), { cache: checks }), once);
    assert.ok(once.some((d) => d.severity === 'error'));
    const flowLogText = cenText.replace('-- cen: prod-backbone', '-- flowlog: prod-backbone');
    assert.deepEqual(diagnoseDocument(parseQueryDocument(flowLogText, NOW), { cache: checks }).filter((d) => d.severity === 'error'), []);
  });
});

describe('statement checks kept between edits', () => {
  it('give the same diagnostics as checking afresh, after edits, and keep only the statements of the last pass', () => {
    const checks = new StatementChecks();
    let text = 'dstport:22 and\n\n* | select log-status from log\n\nsrcaddr:"10.0.0.1';
    for (const edit of ['', ' or', '\n\n* | select count(*) as n group by nosuch']) {
      text += edit;
      const doc = parseQueryDocument(text, NOW);
      assert.deepEqual(diagnoseDocument(doc, { cache: checks }), diagnoseDocument(doc));
    }
    // Fields are part of what a check depends on.
    const doc = parseQueryDocument('rtt>1 | select rtt', NOW);
    diagnoseDocument(doc, { cache: checks });
    assert.deepEqual(diagnoseDocument(doc, { cache: checks, fieldsFor: () => ['srcaddr'] }), diagnoseDocument(doc, { fieldsFor: () => ['srcaddr'] }));
  });
});
