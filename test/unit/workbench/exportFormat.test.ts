import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvLine, csvPreamble, jsonEpilogue, jsonPreamble, jsonRow, neutraliseFormula, type ExportProvenance } from '../../../src/views/workbench/exportFormat';

const provenance = (query: string): ExportProvenance => ({
  query,
  from: 1_700_000_000,
  to: 1_700_003_600,
  rangeLabel: '22:10 – 23:10 (snapped to 10-minute windows)',
  target: { regionId: 'cn-hangzhou', projectName: 'p1', logStoreName: 'ls1', flowLogId: 'flowlog-abc' },
  exportedAt: new Date('2026-01-02T03:04:05Z'),
});

test('CSV cells with separators, quotes or line breaks are quoted and quotes doubled', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
  assert.equal(csvCell(' padded '), '" padded "');
  assert.equal(csvCell(''), '');
});

test('cells a spreadsheet would evaluate are prefixed with a quote', () => {
  for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '=HYPERLINK("http://x","y")', '\t=1', '\r=1']) {
    assert.equal(neutraliseFormula(v)[0], "'", v);
  }
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('@a,b'), `"'@a,b"`);
});

test('plain numbers and ordinary text are left alone', () => {
  for (const v of ['-1', '-0.5', '1e5', '10.0.0.1', 'OK', 'a=b', 'x@y', '443']) assert.equal(neutraliseFormula(v), v);
});

test('a CSV line ends with CRLF and keeps column order', () => {
  assert.equal(csvLine(['a', 'b,c', '=x']), `a,"b,c",'=x\r\n`);
});

test('the CSV preamble records target, time range and every line of the query as comments', () => {
  const text = csvPreamble(provenance('dstport:443\n| select count(*) as n'));
  const lines = text.split('\r\n').filter(Boolean);
  assert.ok(lines.every((l) => l.startsWith('#')), text);
  assert.ok(text.includes('2023-11-14T22:13:20.000Z to 2023-11-14T23:13:20.000Z'), text);
  assert.ok(text.includes('1700000000–1700003600'));
  assert.ok(lines.some((l) => l === '# query: dstport:443'));
  assert.ok(lines.some((l) => l.trim() === '#        | select count(*) as n'));
  assert.ok(text.includes('flow log: flowlog-abc'));
});

test('the JSON pieces make one valid document with header, rows and count', () => {
  const rows: Record<string, string>[] = [{ srcaddr: '10.0.0.1', note: '"quoted" \u2028 <img src=x>' }, { srcaddr: '10.0.0.2' }];
  const text = jsonPreamble(provenance('* | select 1'), ['srcaddr', 'note']) + rows.map((r, i) => jsonRow(r, i === 0)).join('') + jsonEpilogue(rows.length, true);
  const doc = JSON.parse(text) as Record<string, unknown>;
  assert.equal(doc.query, '* | select 1');
  assert.deepEqual(doc.columns, ['srcaddr', 'note']);
  assert.deepEqual(doc.rows, rows);
  assert.equal(doc.rowCount, 2);
  assert.equal(doc.complete, true);
  assert.deepEqual(doc.timeRange, {
    from: 1_700_000_000,
    to: 1_700_003_600,
    fromIso: '2023-11-14T22:13:20.000Z',
    toIso: '2023-11-14T23:13:20.000Z',
    label: '22:10 – 23:10 (snapped to 10-minute windows)',
  });
});

test('a JSON export with no rows is still valid', () => {
  const doc = JSON.parse(jsonPreamble(provenance('*'), []) + jsonEpilogue(0, false)) as Record<string, unknown>;
  assert.deepEqual(doc.rows, []);
  assert.equal(doc.complete, false);
});
