/** The list of benchmarks. */
import type { Benchmark } from './benchmark';
import { activationBenchmark } from './activation/activation';
import { bundleBenchmark, vsixBenchmark } from './size';
import { treeScaleBenchmark } from './tree/treeScale';
import { pagedFetchBenchmark } from './paged/pagedFetch';
import { firstGridPaintBenchmark, scrollingBenchmark } from './grid/gridBench';
import { resultsPipelineBenchmark } from './pipeline/resultsPipeline';
import { queryLanguageBenchmark } from './query/queryLanguage';
import { firstCloudCallBenchmark } from './cloud/firstCloudCall';
import { queryDocumentsBenchmark } from './documents/queryDocuments';
import { regionMapBenchmark } from './regionMap/regionMapBench';

export const BENCHMARKS: readonly Benchmark[] = [
  activationBenchmark,
  bundleBenchmark,
  vsixBenchmark,
  firstCloudCallBenchmark,
  treeScaleBenchmark,
  resultsPipelineBenchmark,
  firstGridPaintBenchmark,
  scrollingBenchmark,
  pagedFetchBenchmark,
  queryLanguageBenchmark,
  queryDocumentsBenchmark,
  regionMapBenchmark,
];
