/** The list of benchmarks and the shape of a printed figure. */
import { activationBenchmark } from './activation/activation';
import { bundleBenchmark, vsixBenchmark } from './size';
import { treeScaleBenchmark } from './tree/treeScale';
import { pagedFetchBenchmark } from './paged/pagedFetch';
import { firstGridPaintBenchmark, scrollingBenchmark } from './grid/gridBench';
import { resultsPipelineBenchmark } from './pipeline/resultsPipeline';
import { queryLanguageBenchmark } from './query/queryLanguage';
import { queryDocumentsBenchmark } from './documents/queryDocuments';

export interface Figure {
  name: string;
  status?: 'pending' | 'failed';
  value?: number | string;
  unit?: string;
  baseline?: number;
  ratio?: number;
  budget?: string;
  withinBudget?: boolean;
  note?: string;
}

export interface Benchmark {
  name: string;
  run(): Promise<Figure[]>;
}

export const BENCHMARKS: readonly Benchmark[] = [
  activationBenchmark,
  bundleBenchmark,
  vsixBenchmark,
  treeScaleBenchmark,
  resultsPipelineBenchmark,
  firstGridPaintBenchmark,
  scrollingBenchmark,
  pagedFetchBenchmark,
  queryLanguageBenchmark,
  queryDocumentsBenchmark,
];
