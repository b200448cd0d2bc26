// Bundles the @vscode/test-electron suite (test/electron/*.test.ts) to out/test/electron/*.test.js,
// CommonJS with `vscode` external, for `vscode-test` (see .vscode-test.mjs).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test/electron';
const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f));
await esbuild.build({
  entryPoints,
  outdir: 'out/test/electron',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
