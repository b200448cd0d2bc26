/**
 * First cloud call: in a fresh Node process, the first DescribeCens against the emulator (loading
 * the lazily required SDK chunk, dist/cloud-sdk.js, included) minus the second one; median of 9
 * processes. Budget: ≤ 100 ms more than the second call.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { startEmulator } from '../../emulator/server';
import type { Benchmark, Figure } from '../benchmark';
import { median } from '../support/median';

const RUNS = 9;
const OUT = join('bench', '.out', 'first-cloud-call.js');

/** The measuring script as the extension is built: our code bundled, `./sdk` required from dist/cloud-sdk.js. */
async function bundle(): Promise<void> {
  mkdirSync(join('bench', '.out'), { recursive: true });
  await build({
    entryPoints: ['bench/cloud/firstCallOnce.ts'],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: OUT,
    logLevel: 'warning',
    plugins: [{ name: 'sdk-chunk', setup: (b) => b.onResolve({ filter: /^\.\/sdk$/ }, () => ({ path: resolve('dist/cloud-sdk.js'), external: true })) }],
  });
}

export const firstCloudCallBenchmark: Benchmark = {
  name: 'first-cloud-call',
  async run(): Promise<Figure[]> {
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'ignore' });
    await bundle();
    const emu = await startEmulator({ port: 0, seed: 7, historyDays: 0, log: () => undefined });
    try {
      const runs: { firstMs: number; secondMs: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Asynchronously: the emulator answers from this process.
        const { stdout: out } = await promisify(execFile)(process.execPath, [OUT, emu.cenUrl, OWNER_ACCOUNT.accessKeyId, OWNER_ACCOUNT.accessKeySecret], { encoding: 'utf8' });
        runs.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as { firstMs: number; secondMs: number });
      }
      const extra = median(runs.map((r) => r.firstMs - r.secondMs));
      const ms = (v: number): string => v.toFixed(1);
      return [
        {
          name: 'first-cloud-call',
          value: Number(ms(extra)),
          unit: 'ms more than the second call',
          budget: '≤ 100 ms',
          withinBudget: extra <= 100,
          note: `first DescribeCens median ${ms(median(runs.map((r) => r.firstMs)))} ms (SDK chunk loaded), second ${ms(median(runs.map((r) => r.secondMs)))} ms; ${RUNS} fresh processes, extra per run: ${runs.map((r) => ms(r.firstMs - r.secondMs)).join(', ')} ms`,
        },
      ];
    } finally {
      await emu.close();
    }
  },
};
