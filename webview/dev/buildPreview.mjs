// DEV ONLY: bundles the workbench with the fake host into .cache/webview-preview/ (never into dist/).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const out = '.cache/webview-preview';
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: ['webview/dev/previewEntry.ts'],
  bundle: true,
  outdir: out,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  sourcemap: 'inline',
  loader: { '.ttf': 'file', '.woff2': 'file' },
  logLevel: 'warning',
});
for (const f of ['preview.html', 'themes.css', 'theme.js']) cpSync(`webview/dev/${f}`, `${out}/${f}`);
cpSync('node_modules/@vscode/codicons/dist', `${out}/codicons`, { recursive: true });
console.log(`preview built in ${out}/preview.html`);
