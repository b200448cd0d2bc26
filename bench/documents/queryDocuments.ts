/**
 * Query documents (issue 21): what one edit of a `.slsql` file costs — parse (statements and
 * headers), every statement's diagnostics and the CodeLens positions — on a 2,000-line file,
 * median over 200 edits typed into its middle; and the same on 10× the lines (linear?).
 */
import { diagnoseDocument, StatementChecks } from '../../src/documents/documentDiagnostics';
import { parseQueryDocument } from '../../src/documents/queryDocument';
import type { Benchmark, Figure } from '../benchmark';

const EDITS = 200;

/** Statements like the ones people keep: searches, SQL over several lines, comments, headers. */
const BLOCKS = [
  ['-- flowlog: prod-backbone-flowlog', '-- range: last 24h', ''],
  ['-- SSH to the database subnet', 'dstport:22 and dstaddr:10.1.* and not srcaddr:10.1.*', ''],
  ['* | select srcaddr, dstaddr, sum(bytes) as total', '  where "log-status" = \'OK\'', '  group by srcaddr, dstaddr', '  order by total desc limit 20;', ''],
  ['protocol:6 | select dstport, count(*) as n group by dstport order by n desc limit 10', ''],
  ['* | select date_trunc(\'hour\', __time__) as t, sum(bytes) /* per hour */', '  group by t order by t', ''],
];

function documentOf(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(...BLOCKS[i % BLOCKS.length]);
  return out.slice(0, lines).join('\n');
}

/**
 * Everything the editor recomputes after an edit: model, Problems (with the editor's per-document
 * cache of statement checks, as DiagnosticsPublisher keeps it), and the lenses of every statement.
 */
function afterEdit(text: string, now: number, checks: StatementChecks): number {
  const doc = parseQueryDocument(text, now);
  const problems = diagnoseDocument(doc, { cache: checks });
  const lenses = doc.statements.length * 4;
  return problems.length + lenses;
}

/** Median time of an edit: one character typed (then the next) into the middle of the file. */
function medianEdit(lines: number): number {
  let text = documentOf(lines);
  const now = Date.now() / 1000;
  const middle = text.indexOf('\n', Math.floor(text.length / 2));
  const checks = new StatementChecks();
  for (let i = 0; i < 20; i++) afterEdit(text, now, checks); // warm-up
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    text = `${text.slice(0, middle + i)}${'dstport:2'[i % 9]}${text.slice(middle + i)}`;
    const t0 = performance.now();
    afterEdit(text, now, checks);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const queryDocumentsBenchmark: Benchmark = {
  name: 'query-documents',
  async run(): Promise<Figure[]> {
    const small = medianEdit(2_000);
    const big = medianEdit(20_000);
    const ratio = big / small;
    return [
      {
        name: 'query-document-edit',
        value: Number(small.toFixed(2)),
        unit: 'ms',
        budget: '≤ 20 ms per edit',
        withinBudget: small <= 20,
        note: `2,000-line .slsql file, parse + diagnostics of every statement + CodeLens positions, median of ${EDITS} edits typed into the middle`,
      },
      {
        name: 'query-document-scaling',
        value: Number(big.toFixed(2)),
        unit: 'ms',
        baseline: Number(small.toFixed(2)),
        ratio,
        budget: '≤ 12x for 10x the lines',
        withinBudget: ratio <= 12,
        note: '20,000 vs 2,000 lines, median edit each',
      },
    ];
  },
};
