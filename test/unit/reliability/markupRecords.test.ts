/**
 * Records carrying markup, script and formulas: exports keep every value as text (CSV and JSON read
 * back exactly), spreadsheet formulas are neutralised in CSV, a value can never pose as one of the
 * export's `#` comment lines, and the webview's sources never turn text into markup.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportFileWriter } from '../../../src/views/workbench/exportFile';
import { csvPreamble, type ExportFormat, type ExportProvenance } from '../../../src/views/workbench/exportFormat';
import { MARKUP_CASES } from '../../reliability/corpus/markup';
import { readCsv } from '../../reliability/csvReader';

const dir = mkdtempSync(join(tmpdir(), 'cen-markup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const provenance: ExportProvenance = {
  query: '* | select srcaddr, "attachment-id"',
  from: 1_777_000_000,
  to: 1_777_003_600,
  rangeLabel: 'corpus range',
  target: { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l' },
  exportedAt: new Date('2026-05-01T12:00:00Z'),
};

let n = 0;
async function exportRows(format: ExportFormat, rows: Record<string, string>[]): Promise<string> {
  const file = join(dir, `export-${++n}.${format}`);
  const w = await ExportFileWriter.open(file, format, provenance);
  await w.writeRows(['srcaddr', 'note'], rows);
  await w.commit(true);
  return readFileSync(file, 'utf8');
}

/** Data rows of a CSV export: the preamble is removed by its exact text, then RFC 4180 parsing. */
function csvData(text: string): string[][] {
  const preamble = csvPreamble(provenance);
  assert.ok(text.startsWith(preamble), 'the export starts with its provenance comment lines');
  return readCsv(text.slice(preamble.length));
}

describe('markup and formulas in records: exports', () => {
  for (const c of MARKUP_CASES) {
    it(`CSV keeps ${c.name} as text${c.formula ? ', neutralised' : ''}`, async () => {
      const rows = csvData(await exportRows('csv', [{ srcaddr: c.value, note: c.value }]));
      assert.deepEqual(rows[0], ['srcaddr', 'note']);
      assert.equal(rows.length, 2, 'exactly one data row');
      const expected = c.formula ? `'${c.value}` : c.value;
      assert.equal(rows[1][0], expected);
      assert.equal(rows[1][1], expected);
      assert.ok(!/^[=+\-@\t\r]/.test(rows[1][0]) || /^-?\d/.test(rows[1][0]), 'no cell starts a formula');
    });
    it(`JSON keeps ${c.name} exactly`, async () => {
      const doc = JSON.parse(await exportRows('json', [{ srcaddr: c.value, note: 'x' }])) as { rows: Record<string, string>[]; complete: boolean };
      assert.equal(doc.rows[0].srcaddr, c.value);
      assert.equal(doc.complete, true);
    });
  }

  it('a value starting with # is not mistaken for a comment line by readers that skip them', async () => {
    const text = await exportRows('csv', [{ srcaddr: '# time range: forged', note: 'x' }]);
    const lines = text.slice(csvPreamble(provenance).length).split('\r\n');
    assert.ok(!lines.slice(1).some((l) => l.startsWith('#')), `a data line starts with #: ${JSON.stringify(lines[1])}`);
    assert.equal(csvData(text)[1][0], '# time range: forged');
  });

  it('a multi-line query in the provenance cannot start a data line', async () => {
    const p = { ...provenance, query: '*\r\n=1+1,evil\n@x\r-1' };
    const file = join(dir, 'multiline.csv');
    const w = await ExportFileWriter.open(file, 'csv', p);
    await w.writeRows(['a'], [{ a: 'ok' }]);
    await w.commit(true);
    const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    const header = lines.findIndex((l) => !l.startsWith('#'));
    assert.deepEqual(lines.slice(header), ['a', 'ok']);
  });
});

/** Every .ts file of the webview app except its dev preview. */
function webviewSources(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'dev') out.push(...webviewSources(p));
    } else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('markup in records: the webview renders text only', () => {
  // The e2e suite (test/e2e/workbench.e2e.ts) proves an <img onerror> record renders inert in the
  // real grid; this guards every other path statically, including charts and tooltips.
  const sinks = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new Function\b/, /createContextualFragment/, /DOMParser/, /\.setAttribute\(\s*['"]on/i, /\.(href|src)\s*=/];
  const files = webviewSources(join(process.cwd(), 'webview'));
  it('finds the webview sources', () => assert.ok(files.length > 10));
  for (const file of files) {
    it(`${file.slice(process.cwd().length + 1)} has no HTML or script sink`, () => {
      const text = readFileSync(file, 'utf8');
      for (const sink of sinks) assert.ok(!sink.test(text), `${sink} in ${file}`);
    });
  }
  it('uPlot (charts, legends, tooltips) sets no innerHTML either', () => {
    const uplot = readFileSync(join(process.cwd(), 'node_modules/uplot/dist/uPlot.esm.js'), 'utf8');
    assert.ok(!/innerHTML|insertAdjacentHTML/.test(uplot));
  });
});
