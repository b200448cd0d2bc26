/**
 * Activation cost: require(main) + activate() in a fresh Node process with a `vscode` stand-in,
 * median of 21 runs, as a ratio to a hello-world extension bundled and measured the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Benchmark, Figure } from '../registry';

const RUNS = 21;

function build(entry: string, outfile: string): void {
  buildSync({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile, logLevel: 'warning' });
}

function measure(main: string): { medianMs: number; heavy: string[] } {
  const times: number[] = [];
  let heavy: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [join('bench', 'activation', 'measureOnce.cjs'), main], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms?: number; heavyModules?: string[]; error?: string };
    if (r.error || r.ms === undefined) throw new Error(`activation of ${main} failed: ${r.error}`);
    times.push(r.ms);
    heavy = r.heavyModules ?? [];
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], heavy };
}

export const activationBenchmark: Benchmark = {
  name: 'activation',
  async run(): Promise<Figure[]> {
    mkdirSync('bench/.out/hello/dist', { recursive: true });
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'ignore' });
    build('bench/fixtures/hello-world/extension.ts', 'bench/.out/hello/dist/extension.js');
    const hello = measure('bench/.out/hello/dist/extension.js');
    const ours = measure('dist/extension.js');
    const ratio = ours.medianMs / hello.medianMs;
    return [
      {
        name: 'activation',
        value: Number(ours.medianMs.toFixed(2)),
        unit: 'ms',
        baseline: Number(hello.medianMs.toFixed(2)),
        ratio,
        budget: '≤ 1.5x hello-world',
        withinBudget: ratio <= 1.5,
        note: `median of ${RUNS} fresh processes`,
      },
      {
        name: 'activation-heavy-modules',
        value: ours.heavy.length,
        unit: 'modules',
        budget: '0 (SDKs, DuckDB, webview never loaded at activation)',
        withinBudget: ours.heavy.length === 0,
        note: ours.heavy.length ? ours.heavy.join(', ') : 'none loaded',
      },
    ];
  },
};
