/** The shape of a benchmark and of the figures it prints (bench/run.ts). */
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
