/**
 * The query language service on huge and hostile input (it runs on every keystroke): tokenizer and
 * diagnostics time at 1× and 10× the input, as a ratio — linear work gives ≈ 10×, a quadratic pass
 * ≈ 100×. Replaces timing asserts the unit tests used to carry (tests assert behaviour, not speed).
 */
import { diagnose } from '../../src/query/diagnostics';
import { tokenizeSearch, tokenizeSql } from '../../src/query/tokenizer';
import type { Benchmark, Figure } from '../benchmark';

const RUNS = 7;

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

function scaling(name: string, unit: string, work: (q: string) => void): Figure {
  const small = unit.repeat(1_000);
  const big = unit.repeat(10_000);
  // Warm-up at both sizes: measured after a single small run, the 1x figure swung between 1.5 and
  // 14 ms depending on whether the JIT had optimized the tokenizer yet (scaling, not tiering).
  for (let i = 0; i < 3; i++) {
    work(small);
    work(big);
  }
  // The 1x time is a tenth of ten 1x runs back to back: as much text and garbage as one 10x run,
  // so both pay the collector alike. Timed one at a time, a 1x run fit between collections or
  // not, and the ratio swung from 6x to 55x between bench runs with the 10x time steady.
  const tSmall =
    median(() => {
      for (let i = 0; i < 10; i++) work(small);
    }) / 10;
  const tBig = median(() => work(big));
  const ratio = tBig / tSmall;
  return {
    name,
    value: Number(tBig.toFixed(1)),
    unit: 'ms',
    baseline: Number(tSmall.toFixed(1)),
    ratio,
    budget: '≤ 20x for 10x the input (linear)',
    withinBudget: ratio <= 20,
    note: `${big.length.toLocaleString('en')} vs ${small.length.toLocaleString('en')} characters (the 1x time: a tenth of ten runs back to back), median of ${RUNS}`,
  };
}

export const queryLanguageBenchmark: Benchmark = {
  name: 'query-language',
  async run(): Promise<Figure[]> {
    return [
      scaling('query-tokenizer-scaling', 'srcaddr:10.0.0.1 and "x y" or (a) | ', (q) => {
        tokenizeSearch(q);
        tokenizeSql(q);
      }),
      scaling('query-diagnostics-scaling', '((("\'[ | select log-status -', (q) => void diagnose(q)),
      scaling('query-stacked-statements', '; select 1', (q) => void diagnose('* | select 1' + q)),
    ];
  },
};
