/**
 * The byte path for packed pages (exportPacked.ts, ExportFileWriter.writePacked) against the record
 * path (writeRows): the same file, byte for byte, for hostile values, several pages, pages that
 * gain columns, and pages the byte path must hand to the record path (non-ASCII, integer-like or
 * duplicate column names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeededRandom } from '../../../emulator/seededRandom';
import { recordsOf } from '../../../src/cloud/slsApi';
import { packRows, splitAt, unpackRows, type PackedBatch, type PackedRows } from '../../../src/results/packedRows';
import { ExportFileWriter } from '../../../src/views/workbench/exportFile';
import type { ExportFormat, ExportProvenance } from '../../../src/views/workbench/exportFormat';
import { fitsFastPath } from '../../../src/views/workbench/exportPacked';
import { fromTransfer, readLogsV2BytesForTransfer } from '../../../src/cloud/slsWireBytes';

const provenance: ExportProvenance = {
  query: '* | select srcaddr, count(*) as n group by srcaddr',
  from: 1_700_000_000,
  to: 1_700_000_600,
  rangeLabel: 'test range',
  target: { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' },
  exportedAt: new Date('2026-01-01T00:00:00Z'),
};

interface Page extends PackedBatch {
  readonly columns: readonly string[];
}

async function exportBoth(format: ExportFormat, pages: readonly Page[]): Promise<{ records: string; packed: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-packed-'));
  const byRecords = await ExportFileWriter.open(join(dir, `records.${format}`), format, provenance);
  const byPacked = await ExportFileWriter.open(join(dir, `packed.${format}`), format, provenance);
  for (const p of pages) {
    await byRecords.writeRows(p.columns, recordsOf({ columns: p.columns, rows: unpackRows(p.packed) }));
    await byPacked.writePacked(p.columns, p);
  }
  await byRecords.commit(true);
  await byPacked.commit(true);
  assert.equal(byPacked.rowCount, byRecords.rowCount);
  return { records: readFileSync(join(dir, `records.${format}`), 'utf8'), packed: readFileSync(join(dir, `packed.${format}`), 'utf8') };
}

/**
 * Each byte CSV quotes or JSON escapes at every position of a 4-byte word and in a value's tail,
 * since both writers copy values four bytes at a time and must still see it.
 */
function byteAtEveryOffset(): string[] {
  const out: string[] = [];
  for (const ch of [',', '"', '\r', '\n', '\\', '\u0001']) for (let k = 1; k <= 9; k++) out.push(`${'x'.repeat(k)}${ch}${'y'.repeat(9 - k)}`);
  return out;
}

/** Values a CSV or JSON writer must treat with care, plus ordinary ones (ASCII only). */
const HOSTILE = [...byteAtEveryOffset(), '', '10.0.0.1', '-5', '-5x', '+1', '=1+1', '=cmd|"/c calc"!A1', '@SUM(A1)', '#not a comment', ' lead', 'trail ', '\tTab', 'a,b', 'say "hi"', 'line\r\nbreak', 'lf\nonly', 'back\\slash', 'ctl\u0001\u001f', '\u007f', 'x'.repeat(300), '1e5', '.5', '-'];

function randomPage(rng: SeededRandom, columns: readonly string[], rows: number): PackedRows {
  const data = Array.from({ length: rows }, () => columns.map(() => rng.pick(HOSTILE)));
  // Runs of equal values, as flow logs have, so "same as above" cells are exercised.
  for (let r = 1; r < rows; r++) for (let c = 0; c < columns.length; c++) if (rng.next() < 0.4) data[r][c] = data[r - 1][c];
  return packRows(data, columns.length);
}

for (const format of ['csv', 'json'] as const) {
  test(`${format}: packed pages are written byte for byte as the record path writes them`, async () => {
    const rng = new SeededRandom(20261126);
    const columns = ['srcaddr', 'dstport', 'note', 'log-status'];
    const whole = randomPage(rng, columns, 900);
    // Pages as the client hands them: cut anywhere, "same as above" resolved at the cuts.
    const pages = splitAt(whole, [0, 1, 250, 251, 600, 900]).map((packed) => ({ columns, packed }));
    assert.ok(pages.every((p) => fitsFastPath(p.columns, p)), 'every page takes the byte path');
    const out = await exportBoth(format, pages);
    assert.equal(out.packed, out.records);
  });

  test(`${format}: a page larger than the export's reused buffer, escapes near its end`, async () => {
    const rng = new SeededRandom(31);
    const columns = ['long', 'v'];
    // ≈ 2.6 MB of text: the 1 MB output buffer grows mid-page, at a row start and while escaping.
    const data = Array.from({ length: 4_000 }, (_, r) => [`${'y'.repeat(r % 7)}${'x'.repeat(600)}${r}`, rng.pick(HOSTILE)]);
    // Escaping that outgrows the buffer in the middle of a row (200,000 bytes become 1.2 MB).
    data[10] = ['\u0001'.repeat(200_000), 'after'];
    data[3_999] = ['q"'.repeat(400), 'ctl\u0001 "end"\\'];
    const out = await exportBoth(format, [{ columns, packed: packRows(data, 2) }]);
    assert.equal(out.packed, out.records);
  });

  test(`${format}: pages that gain columns (raw logs) and empty pages`, async () => {
    const rng = new SeededRandom(7);
    const pages: Page[] = [
      { columns: ['a', 'b'], packed: randomPage(rng, ['a', 'b'], 30) },
      { columns: ['a', 'b'], packed: packRows([], 2) },
      { columns: ['a', 'b', 'late'], packed: randomPage(rng, ['a', 'b', 'late'], 20) },
      // A page whose rows are narrower than its column list (cells past a row's width are '').
      { columns: ['a', 'b', 'late', 'later'], packed: randomPage(rng, ['a', 'b'], 5) },
    ];
    const out = await exportBoth(format, pages);
    assert.equal(out.packed, out.records);
    if (format === 'csv') assert.match(out.packed, /# note: .*late \(25\).*later \(5\)/);
  });

  test(`${format}: pages the byte path leaves to the record path give the same file`, async () => {
    const rng = new SeededRandom(11);
    const cases: Page[] = [
      { columns: ['addr', 'city'], packed: packRows([['10.0.0.1', '杭州'], ['10.0.0.2', 'naïve'], ['10.0.0.3', '\ud83d\ude00 and a lone \ud800']], 2) },
      { columns: ['1', 'a'], packed: randomPage(rng, ['1', 'a'], 10) },
      { columns: ['a', 'a'], packed: randomPage(rng, ['a', 'a'], 10) },
    ];
    for (const c of cases) assert.equal(fitsFastPath(c.columns, c), false);
    for (const c of cases) {
      const out = await exportBoth(format, [c, { columns: c.columns, packed: randomPage(rng, c.columns, 5) }]);
      assert.equal(out.packed, out.records);
    }
  });
}

test('a malformed page is refused, not written shifted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-packed-'));
  const w = await ExportFileWriter.open(join(dir, 'x.csv'), 'csv', provenance);
  const bad: PackedRows = { rowCount: 1, width: 2, text: 'abc', lengths: new Uint16Array([1, 1]) };
  await assert.rejects(() => w.writePacked(['a', 'b'], { packed: bad }), /lengths add up to 2, the text has 3/);
  await w.abort();
});

test('a page whose text the SLS client still holds as ASCII bytes is written from them, and its text is never made', async () => {
  const rng = new SeededRandom(3);
  const columns = ['srcaddr', 'note'];
  // Values the answer carries unescaped (the reader keeps those as bytes) but CSV must still quote or neutralise.
  const plainInJson = HOSTILE.filter((v) => JSON.stringify(v) === `"${v}"`);
  const rows = Array.from({ length: 50 }, () => columns.map(() => rng.pick(plainInJson)));
  const body = Buffer.from(JSON.stringify({ meta: { progress: 'Complete', count: rows.length, hasSQL: true, keys: columns }, data: rows.map((r) => ({ srcaddr: r[0], note: r[1] })) }));
  const sent = readLogsV2BytesForTransfer(body);
  assert.ok(sent?.asciiText, 'an all-ASCII answer travels as bytes');
  const received = fromTransfer(sent).packed;
  assert.ok(fromTransfer(sent).asciiText);
  // Watch the text getter: escaping a cell may read the text, but plain cells must not need it.
  const reference = { ...received, text: received.text };
  for (const format of ['csv', 'json'] as const) {
    const out = await exportBoth(format, [{ columns, packed: fromTransfer(sent).packed, asciiText: fromTransfer(sent).asciiText }]);
    const ref = await exportBoth(format, [{ columns, packed: reference }]);
    assert.equal(out.packed, ref.records);
  }
  const plainRows = Array.from({ length: 20 }, (_, i) => ({ srcaddr: `10.0.0.${i}`, note: 'ok' }));
  const plainAnswer = fromTransfer(readLogsV2BytesForTransfer(Buffer.from(JSON.stringify({ meta: { progress: 'Complete', count: 20, hasSQL: true, keys: columns }, data: plainRows })))!);
  const plain = plainAnswer.packed;
  let textReads = 0;
  const spy = Object.getOwnPropertyDescriptor(plain, 'text')!.get!;
  Object.defineProperty(plain, 'text', { get: () => (textReads++, spy.call(plain)) });
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-packed-'));
  const w = await ExportFileWriter.open(join(dir, 'plain.json'), 'json', provenance);
  await w.writePacked(columns, { packed: plain, asciiText: plainAnswer.asciiText });
  await w.commit(true);
  assert.equal(textReads, 0, 'the text string was never made');
  assert.match(readFileSync(join(dir, 'plain.json'), 'utf8'), /\{"srcaddr":"10\.0\.0\.19","note":"ok"\}/);
});
