// Builds the two bundles: extension host (node, cjs) and webview (browser, esm).
// The host has a small activation entry (dist/extension.js) and chunks required on first use,
// so activation never parses them: the extension's UI (dist/host-ui.js) and the SDKs (dist/cloud-sdk.js).
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

const hostEntries = { extension: 'src/extension.ts', 'host-ui': 'src/activation/hostUi.ts' };
if (existsSync('src/cloud/sdk.ts')) hostEntries['cloud-sdk'] = 'src/cloud/sdk.ts';
// Worker thread that reads large GetLogsV2 answers (src/cloud/logsV2Decoding.ts); its file name is looked up beside the code.
hostEntries.logsV2DecodeWorker = 'src/cloud/logsV2DecodeWorker.ts';
// The region map's panel (issue 20), required when a map is first opened (src/views/regionMap/regionMapLoader.ts).
if (existsSync('src/views/regionMap/regionMapPanel.ts')) hostEntries['region-map'] = 'src/views/regionMap/regionMapPanel.ts';
// Query documents (.slsql): built on the first query file opened or query-file command run (src/documents/lazyQueryDocuments.ts).
hostEntries['query-documents'] = 'src/documents/registerQueryDocuments.ts';
// The compare view's panel (issue 20), required on the first comparison (src/views/compare/comparePanelLoader.ts).
hostEntries.compare = 'src/views/compare/comparePanel.ts';

// `require(request)` in the file `loader` becomes a runtime require of the separate chunk.
function lazyChunk(loader, request, chunk) {
  return {
    name: `lazy-${chunk}`,
    setup(build) {
      build.onResolve({ filter: /^\.\// }, (args) =>
        args.path === request && args.importer.endsWith(loader) ? { path: `./${chunk}.js`, external: true } : undefined,
      );
    },
  };
}
const lazySdk = lazyChunk('sdkLoader.ts', './sdk', 'cloud-sdk');
const lazyHostUi = lazyChunk('hostUiLoader.ts', './hostUi', 'host-ui');
const lazyRegionMap = lazyChunk('regionMapLoader.ts', './regionMapPanel', 'region-map');
const lazyQueryDocuments = lazyChunk('queryDocumentsLoader.ts', './registerQueryDocuments', 'query-documents');
const lazyCompare = lazyChunk('comparePanelLoader.ts', './comparePanel', 'compare');

// The SLS SDK requires the native lz4-napi; the VSIX carries a pure-JS implementation instead.
const lz4 = {
  name: 'lz4-pure-js',
  setup(build) {
    build.onResolve({ filter: /^lz4-napi$/ }, () => ({ path: new URL('../src/cloud/lz4Block.ts', import.meta.url).pathname }));
  },
};

const host = {
  ...common,
  plugins: [lazySdk, lazyHostUi, lazyRegionMap, lazyQueryDocuments, lazyCompare, lz4],
  entryPoints: hostEntries,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};
if (existsSync('scripts/sdkPrune.mjs')) host.plugins.push((await import('./sdkPrune.mjs')).sdkPrune({ roots: 'src/cloud' })); // issue #8: prune SDK code our calls never reach

const webviewEntries = existsSync('webview/main.ts') ? { workbench: 'webview/main.ts' } : {};
// The before/after compare view (issue 20) is a page of its own.
if (existsSync('webview/compare/main.ts')) webviewEntries.compare = 'webview/compare/main.ts';
// The region map (issue 20): its own bundle and stylesheet, loaded only by its panel.
if (existsSync('webview/regionMap/main.ts')) webviewEntries.regionMap = 'webview/regionMap/main.ts';
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
