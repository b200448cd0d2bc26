/**
 * Field-value completion positions and quoting: after `field:` in the search part and after
 * `field =` / `field in (` in SQL, recent values are offered where the value goes, written as SLS
 * reads them — bare words or double quotes in a search, numbers bare and text in single quotes in
 * SQL — and nowhere else (a comma of a select list is not a value position).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../src/query/completion';
import { sqlValueLiteral } from '../../../src/query/sqlCompletion';
import { completeInDocument } from '../../../src/documents/documentCompletion';
import { parseQueryDocument } from '../../../src/documents/queryDocument';
import { topValuesFromRecords, topValuesQuery } from '../../../src/query/topValues';
import type { SuggestedValue } from '../../../src/query/fieldValues';

const RECENT: Readonly<Record<string, readonly SuggestedValue[]>> = {
  srcaddr: [{ value: '10.0.0.7', detail: '9 records' }, { value: 'fe80::1', detail: '2 records' }],
  dstport: [{ value: '27017', detail: '12 records' }, { value: '443', detail: '5 records' }],
  direction: [{ value: 'out', detail: '4 records' }],
  'attachment-id': [{ value: "tr-attach-o'x", detail: '1 record' }],
};
const values = (field: string): readonly SuggestedValue[] | undefined => RECENT[field];

function at(query: string): ReturnType<typeof complete> {
  return complete(query, query.length, { values });
}
const applied = (query: string): string[] => at(query).options.filter((o) => o.type === 'value').map((o) => o.apply);

describe('field-value completion in the search part', () => {
  it('after field: the recent values, replacing nothing; a value being typed is replaced and filters', () => {
    const r = at('srcaddr:');
    assert.equal(r.valueField, 'srcaddr');
    assert.equal(r.from, 'srcaddr:'.length);
    assert.equal(r.to, r.from);
    // fe80::1 holds colons SLS would split on: quoted.
    assert.deepEqual(applied('srcaddr:'), ['10.0.0.7', '"fe80::1"']);
    const typed = at('dstport:27');
    assert.equal(typed.from, 'dstport:'.length);
    assert.deepEqual(typed.options.map((o) => o.apply), ['27017']);
  });

  it('a hyphenated field keeps its values; the detail says how often each was seen', () => {
    const r = at('dstport:22 and attachment-id:');
    assert.equal(r.valueField, 'attachment-id');
    assert.deepEqual(r.options.map((o) => [o.label, o.detail]), [["tr-attach-o'x", '1 record']]);
  });

  it('without recent values, the catalog values stay offered (directions; "in" is a search keyword, so quoted)', () => {
    assert.deepEqual(complete('direction:', 10).options.map((o) => o.apply), ['"in"', 'out']);
  });
});

describe('field-value completion in SQL', () => {
  it('after field = a numeric field gets bare numbers, a text field quoted strings', () => {
    assert.deepEqual(applied('* | select count(*) as n where dstport = '), ['27017', '443']);
    assert.deepEqual(applied('* | select count(*) as n where srcaddr = '), ["'10.0.0.7'", "'fe80::1'"]);
    assert.deepEqual(applied('* | select count(*) as n where direction <> '), ["'out'"]);
  });

  it('a quote inside a value is doubled, as SQL reads it', () => {
    assert.deepEqual(applied('* | select count(*) as n where "attachment-id" = '), ["'tr-attach-o''x'"]);
    assert.equal(sqlValueLiteral("a'b", false), "'a''b'");
    assert.equal(sqlValueLiteral('443', true), '443');
    assert.equal(sqlValueLiteral('-', true), "'-'", 'a non-number is quoted even for a numeric field');
  });

  it('after field in ( and after each listed value', () => {
    assert.deepEqual(applied('* | select count(*) as n where dstport in ('), ['27017', '443']);
    assert.deepEqual(applied("* | select count(*) as n where srcaddr not in ('10.0.0.9', "), ["'10.0.0.7'", "'fe80::1'"]);
  });

  it('a number being typed is replaced by the value it starts; a string being typed by the quoted value', () => {
    const q = '* | select count(*) as n where dstport = 44';
    const r = at(q);
    assert.equal(q.slice(r.from, r.to), '44');
    assert.deepEqual(r.options.map((o) => o.apply), ['443']);
    const s = "* | select count(*) as n where srcaddr = '10";
    const rs = at(s);
    assert.equal(s.slice(rs.from, rs.to), "'10");
    assert.deepEqual(rs.options.map((o) => o.apply), ["'10.0.0.7'"]);
  });

  it('not a value position: a select list, a function call, after a value', () => {
    for (const q of ['* | select dstport, ', '* | select count(', '* | select count(*) as n where dstport = 443 ']) {
      assert.equal(at(q).valueField, undefined, q);
      assert.deepEqual(applied(q), [], q);
    }
  });
});

describe('field-value completion in a document', () => {
  const NOW = Date.UTC(2026, 11, 6) / 1000;

  it('positions land in the document and the field types come from the target index', () => {
    // The space typed after "=" is past the statement's trimmed end; the cursor still types into it.
    const text = '-- flowlog: x\n\n* | select count(*) as n where bytes = ';
    const doc = parseQueryDocument(text, NOW);
    const recent = (f: string): readonly SuggestedValue[] | undefined => (f === 'bytes' ? [{ value: '1500', detail: '' }] : undefined);
    const asText = completeInDocument(doc, text.length, () => ['bytes'], { documentText: text, values: recent, fieldTypes: { bytes: 'text' } });
    assert.equal(asText.from, text.length);
    assert.equal(asText.valueField, 'bytes');
    assert.deepEqual(asText.options.filter((o) => o.type === 'value').map((o) => o.apply), ["'1500'"]);
    const asLong = completeInDocument(doc, text.length, () => ['bytes'], { documentText: text, values: recent, fieldTypes: { bytes: 'long' } });
    assert.deepEqual(asLong.options.filter((o) => o.type === 'value').map((o) => o.apply), ['1500']);
  });

  it('a line break after a statement continues it; a blank line or ";" starts the next', () => {
    const continued = '* | select count(*) as n\n  where srcaddr in (\n  ';
    assert.equal(completeInDocument(parseQueryDocument(continued, NOW), continued.length, () => undefined, { documentText: continued, values }).valueField, 'srcaddr');
    for (const ended of ['* | select count(*) as n where srcaddr = \n\n', '* | select count(*) as n where srcaddr = ; ']) {
      assert.equal(completeInDocument(parseQueryDocument(ended, NOW), ended.length, () => undefined, { documentText: ended, values }).valueField, undefined, JSON.stringify(ended));
    }
  });
});

describe('the top-values query and its answer', () => {
  it('groups the field as SQL needs it written, most frequent first, stable for ties', () => {
    assert.equal(
      topValuesQuery('log-status', 5),
      '* | select "log-status" as v, count(*) as n where "log-status" is not null group by "log-status" order by n desc, "log-status" limit 5',
    );
  });

  it('reads rows as values with counts, skipping empty ones', () => {
    assert.deepEqual(topValuesFromRecords([{ v: '443', n: '1204' }, { v: '', n: '7' }, { v: '22', n: '1' }]), [
      { value: '443', detail: '1,204 records of late' },
      { value: '22', detail: '1 record of late' },
    ]);
  });
});
