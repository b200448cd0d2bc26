/**
 * `npm run bench [-- <name>…]`: the performance budget of issue 8. Prints one line per figure,
 * `name: value unit (baseline: value, ratio: x)`, and writes bench/results.json.
 * Benchmarks are never part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Figure } from './benchmark';
import { BENCHMARKS } from './registry';
import { errorText } from '../src/errorText';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const figures: Figure[] = [];
  for (const bench of selected) {
    try {
      for (const f of await bench.run()) {
        figures.push(f);
        console.log(formatFigure(f));
      }
    } catch (e) {
      const f: Figure = { name: bench.name, status: 'failed', note: errorText(e) };
      figures.push(f);
      console.log(formatFigure(f));
    }
  }
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, date: new Date().toISOString() };
  writeFileSync('bench/results.json', JSON.stringify({ machine, figures }, null, 2) + '\n');
  const over = figures.filter((f) => f.withinBudget === false);
  if (over.length) console.log(`over budget: ${over.map((f) => f.name).join(', ')}`);
}

function formatFigure(f: Figure): string {
  if (f.status === 'pending') return `${f.name}: pending (${f.note})`;
  if (f.status === 'failed') return `${f.name}: failed (${f.note})`;
  const base = f.baseline !== undefined ? ` (baseline: ${f.baseline} ${f.unit}, ratio: ${f.ratio?.toFixed(2)}x)` : '';
  const budget = f.budget ? ` [budget ${f.budget}: ${f.withinBudget ? 'met' : 'MISSED'}]` : '';
  const note = f.note ? ` — ${f.note}` : '';
  return `${f.name}: ${f.value} ${f.unit}${base}${budget}${note}`;
}

void main();
