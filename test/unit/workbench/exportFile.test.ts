import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportFileWriter } from '../../../src/views/workbench/exportFile';
import type { ExportProvenance } from '../../../src/views/workbench/exportFormat';

const provenance: ExportProvenance = {
  query: '*',
  from: 1_700_000_000,
  to: 1_700_000_600,
  rangeLabel: 'test range',
  target: { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' },
  exportedAt: new Date('2026-01-01T00:00:00Z'),
};

/** Minimal RFC 4180 reader for checking what we wrote (comment lines skipped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atLineStart && !quoted && c === '#') {
      i = text.indexOf('\r\n', i) + 1;
      continue;
    }
    atLineStart = false;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
      atLineStart = true;
    } else cell += c;
  }
  return rows;
}

test('a CSV export round-trips values, including hostile ones, in batches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-'));
  const file = join(dir, 'out.csv');
  const w = await ExportFileWriter.open(file, 'csv', provenance);
  const batch1 = [
    { srcaddr: '10.0.0.1', bytes: '100', note: 'a,b "c"\nd' },
    { srcaddr: '=cmd|"/c calc"!A1', bytes: '-5', note: '<img src=x onerror=alert(1)>' },
  ];
  await w.writeRows(['srcaddr', 'bytes', 'note'], batch1);
  await w.writeRows(['srcaddr', 'bytes', 'note'], [{ srcaddr: '10.0.0.3', bytes: '7', note: '' }]);
  await w.commit(true);
  const rows = parseCsv(readFileSync(file, 'utf8'));
  assert.deepEqual(rows, [
    ['srcaddr', 'bytes', 'note'],
    ['10.0.0.1', '100', 'a,b "c"\nd'],
    [`'=cmd|"/c calc"!A1`, '-5', '<img src=x onerror=alert(1)>'],
    ['10.0.0.3', '7', ''],
  ]);
  assert.deepEqual(readdirSync(dir), ['out.csv'], 'the temporary file is gone after the rename');
});

test('fields that appear after the CSV header are named in a closing note; JSON keeps them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-'));
  const csv = await ExportFileWriter.open(join(dir, 'a.csv'), 'csv', provenance);
  await csv.writeRows(['a'], [{ a: '1' }]);
  await csv.writeRows(['a', 'late'], [{ a: '2', late: 'x' }]);
  await csv.commit(true);
  const text = readFileSync(join(dir, 'a.csv'), 'utf8');
  assert.match(text, /# note: .*late \(1\)/);

  const json = await ExportFileWriter.open(join(dir, 'a.json'), 'json', provenance);
  await json.writeRows(['a'], [{ a: '1' }]);
  await json.writeRows(['a', 'late'], [{ a: '2', late: 'x' }]);
  await json.commit(false);
  const doc = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as { rows: unknown[]; rowCount: number; complete: boolean };
  assert.deepEqual(doc.rows, [{ a: '1' }, { a: '2', late: 'x' }]);
  assert.equal(doc.rowCount, 2);
  assert.equal(doc.complete, false);
});

test('an aborted export leaves the chosen file as it was and no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-'));
  const file = join(dir, 'keep.csv');
  writeFileSync(file, 'previous content');
  const w = await ExportFileWriter.open(file, 'csv', provenance);
  await w.writeRows(['a'], Array.from({ length: 1000 }, (_, i) => ({ a: String(i) })));
  await w.abort();
  await w.abort();
  assert.equal(readFileSync(file, 'utf8'), 'previous content');
  assert.deepEqual(readdirSync(dir), ['keep.csv']);
});

test('a large export streams without holding the file in one string', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-export-'));
  const file = join(dir, 'big.csv');
  const w = await ExportFileWriter.open(file, 'csv', provenance);
  for (let b = 0; b < 8; b++) {
    await w.writeRows(['i', 'v'], Array.from({ length: 5_000 }, (_, i) => ({ i: String(b * 5_000 + i), v: 'x'.repeat(20) })));
  }
  await w.commit(true);
  assert.equal(w.rowCount, 40_000);
  const rows = parseCsv(readFileSync(file, 'utf8'));
  assert.equal(rows.length, 40_001);
  assert.deepEqual(rows[40_000], ['39999', 'x'.repeat(20)]);
});
