// Builds the two bundles: extension host (node, cjs) and webview (browser, esm).
// Heavy SDKs go into a separate host chunk (dist/cloud-sdk.js) that is required on first use,
// so activation never parses them.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

const hostEntries = { extension: 'src/extension.ts' };
if (existsSync('src/cloud/sdk.ts')) hostEntries['cloud-sdk'] = 'src/cloud/sdk.ts';

// `require('./sdk')` in src/cloud/sdkLoader.ts becomes a runtime require of the separate chunk.
const lazySdk = {
  name: 'lazy-sdk',
  setup(build) {
    build.onResolve({ filter: /^\.\/sdk$/ }, (args) =>
      args.importer.endsWith('sdkLoader.ts') ? { path: './cloud-sdk.js', external: true } : undefined,
    );
  },
};

// The SLS SDK requires the native lz4-napi; the VSIX carries a pure-JS implementation instead.
const lz4 = {
  name: 'lz4-pure-js',
  setup(build) {
    build.onResolve({ filter: /^lz4-napi$/ }, () => ({ path: new URL('../src/cloud/lz4Block.ts', import.meta.url).pathname }));
  },
};

const host = {
  ...common,
  plugins: [lazySdk, lz4],
  entryPoints: hostEntries,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};
if (existsSync('scripts/sdkPrune.mjs')) host.plugins.push((await import('./sdkPrune.mjs')).sdkPrune({ roots: 'src/cloud' })); // issue #8: prune SDK code our calls never reach

const webviewEntries = existsSync('webview/main.ts') ? { workbench: 'webview/main.ts' } : {};
const webview = {
  ...common,
  entryPoints: webviewEntries,
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'esm',
  target: 'chrome120',
  loader: { '.ttf': 'file', '.woff2': 'file' },
};

// The VSIX ships no node_modules and the webview may only load from dist/webview, so the codicon
// font and stylesheet are copied beside the webview bundle.
mkdirSync('dist/webview/codicons', { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/codicons/${f}`);

const configs = [host, ...(Object.keys(webviewEntries).length ? [webview] : [])];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
