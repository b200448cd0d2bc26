// Builds the two bundles: extension host (node, cjs) and webview (browser, esm).
// The host has a small activation entry (dist/extension.js) and chunks required on first use,
// so activation never parses them: what starts right after activation (dist/after-activation.js), the
// extension's UI (dist/host-ui.js), the UI used later
// (dist/ui-lazy.js) and the SDKs (dist/cloud-sdk.js).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

const hostEntries = { extension: 'src/extension.ts', 'after-activation': 'src/activation/afterActivation.ts', 'host-ui': 'src/activation/hostUi.ts' };
if (existsSync('src/cloud/sdk.ts')) hostEntries['cloud-sdk'] = 'src/cloud/sdk.ts';
// Worker thread that reads large GetLogsV2 answers (src/cloud/logsV2Decoding.ts); its file name is looked up beside the code.
hostEntries.logsV2DecodeWorker = 'src/cloud/logsV2DecodeWorker.ts';

// UI loaded after the first use, one chunk (dist/ui-lazy.js) so the parts share their modules: query documents
// (.slsql, on the first query file opened or query-file command run, src/documents/lazyQueryDocuments.ts) and the
// compare panel (issue 20, on the first comparison, src/views/compare/comparePanelLoader.ts) and the create-flow-log
// wizard (on its first run, src/views/commands/createWizardLoader.ts), a panel's exporter (on its first export) and
// the CEN query engine (on a CEN panel's first query) and the region map's panel (issue 20, when a map is first
// opened, src/views/regionMap/regionMapLoader.ts).
const lazyUiParts = {
  queryDocuments: 'src/documents/registerQueryDocuments.ts',
  comparePanel: 'src/views/compare/comparePanel.ts',
  createWizard: 'src/views/commands/createFlowLogWizard.ts',
  exportController: 'src/views/workbench/exportController.ts',
  cenQueries: 'src/views/workbench/cenQueries.ts',
  regionMap: 'src/views/regionMap/regionMapPanel.ts',
  // The debugging bridges' hovers, terminal links and commands (issue 23), on their first use (src/views/traffic/trafficBridgesLoader.ts).
  trafficBridges: 'src/views/traffic/trafficBridgeParts.ts',
  // The lifecycle commands and the flow-log lifecycle, on their first run (src/views/commands/flowLogCommandsLoader.ts).
  flowLogCommands: 'src/views/commands/flowLogCommands.ts',
};

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
const lazyAfterActivation = lazyChunk('afterActivationLoader.ts', './afterActivation', 'after-activation');

// `require(request)` in the file `loader` becomes `require('./ui-lazy.js')[part]`.
function lazyUiPart(loader, request, part) {
  return {
    name: `lazy-ui-${part}`,
    setup(build) {
      build.onResolve({ filter: /^\.\// }, (args) =>
        args.path === request && args.importer.endsWith(loader) ? { path: part, namespace: 'lazy-ui-part' } : undefined,
      );
      build.onLoad({ filter: new RegExp(`^${part}$`), namespace: 'lazy-ui-part' }, () => ({
        contents: `module.exports = require('./ui-lazy.js').${part};`,
        resolveDir: resolve('dist'),
      }));
    },
  };
}
const lazyQueryDocuments = lazyUiPart('queryDocumentsLoader.ts', './registerQueryDocuments', 'queryDocuments');
const lazyCompare = lazyUiPart('comparePanelLoader.ts', './comparePanel', 'comparePanel');
const lazyCreateWizard = lazyUiPart('createWizardLoader.ts', './createFlowLogWizard', 'createWizard');
const lazyExport = lazyUiPart('exportControllerLoader.ts', './exportController', 'exportController');
const lazyCenQueries = lazyUiPart('cenQueriesLoader.ts', './cenQueries', 'cenQueries');
const lazyRegionMap = lazyUiPart('regionMapLoader.ts', './regionMapPanel', 'regionMap');
const lazyTrafficBridges = lazyUiPart('trafficBridgesLoader.ts', './trafficBridgeParts', 'trafficBridges');
const lazyFlowLogCommands = lazyUiPart('flowLogCommandsLoader.ts', './flowLogCommands', 'flowLogCommands');
// The chunks' own names stay runtime requires (the loaders above and the shared modules below).
const chunkFiles = {
  name: 'chunk-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/(host-ui|ui-lazy)\.js$/ }, (args) => ({ path: args.path, external: true }));
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
  plugins: [lazySdk, lazyHostUi, lazyAfterActivation, lazyRegionMap, lazyQueryDocuments, lazyCompare, lazyCreateWizard, lazyExport, lazyCenQueries, lazyTrafficBridges, lazyFlowLogCommands, chunkFiles, lz4],
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

// The lazy UI chunk does not carry its own copy of what the UI chunk already has: it takes those exports from
// dist/host-ui.js at runtime (always loaded first: only its code requires the lazy chunk). One copy also means one
// CloudError class for `instanceof` and one @vscode/l10n configuration. A first, unwritten build finds the modules
// both chunks use and the names the lazy chunk imports of them; host-ui then exports those as `sharedModules`.
async function lazyUiConfigs() {
  // The SDK is not in these two (its own chunk), so they skip the pruner's rounds of analysis.
  const plugins = host.plugins.filter((p) => p.name !== 'sdk-prune');
  const lazyEntryPlugin = {
    name: 'lazy-ui-entry',
    setup(build) {
      build.onResolve({ filter: /^ui-lazy$/ }, () => ({ path: 'ui-lazy', namespace: 'lazy-ui-entry' }));
      build.onLoad({ filter: /^ui-lazy$/, namespace: 'lazy-ui-entry' }, () => ({
        contents: Object.entries(lazyUiParts).map(([part, file]) => `export * as ${part} from ${JSON.stringify(resolve(file))};`).join('\n'),
        resolveDir: resolve('.'),
      }));
    },
  };
  const probe = { ...host, write: false, metafile: true, minify: true, sourcemap: false, logLevel: 'silent' };
  const both = await esbuild.build({ ...probe, plugins: [...plugins, lazyEntryPlugin], entryPoints: { 'host-ui': hostEntries['host-ui'], 'ui-lazy': 'ui-lazy' } });
  const used = (name) => {
    const out = Object.entries(both.metafile.outputs).find(([file]) => file.endsWith(`${name}.js`))?.[1];
    return new Set(Object.entries(out?.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input));
  };
  const inUi = used('host-ui');
  const sharedFiles = new Set([...used('ui-lazy')].filter((input) => inUi.has(input) && !input.includes(':')).map((input) => resolve(input)));

  // Which of their exports the lazy chunk uses: built as ESM with those modules external, its imports name them.
  const resolveShared = (resolved) => (build) => {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving' });
      return found.errors.length === 0 && sharedFiles.has(found.path) ? resolved(found.path) : undefined;
    });
  };
  const external = { name: 'shared-external', setup: resolveShared((path) => ({ path, external: true })) };
  const esm = await esbuild.build({ ...probe, minify: false, metafile: false, format: 'esm', plugins: [external, ...plugins, lazyEntryPlugin], entryPoints: { 'ui-lazy': 'ui-lazy' } });
  const names = new Map(); // file → Set of names ('*': the whole module)
  const add = (file, name) => sharedFiles.has(file) && names.set(file, (names.get(file) ?? new Set()).add(name));
  for (const m of esm.outputFiles[0].text.matchAll(/^import\s+(.*?)\s+from\s+"([^"]+)";$/gms)) {
    const [, clause, file] = m;
    if (clause.includes('* as')) add(file, '*');
    for (const [, list] of clause.matchAll(/\{([^}]*)\}/g)) for (const item of list.split(',')) if (item.trim()) add(file, item.trim().split(/\s+as\s+/)[0]);
    if (/^[\w$]+(,|$)/.test(clause)) add(file, 'default');
  }
  const shared = [...names.keys()];
  const key = new Map(shared.map((file, i) => [file, `m${i}`]));

  const uiEntryPlugin = {
    name: 'host-ui-entry',
    setup(build) {
      build.onResolve({ filter: /^host-ui$/ }, () => ({ path: 'host-ui', namespace: 'host-ui-entry' }));
      build.onLoad({ filter: /^host-ui$/, namespace: 'host-ui-entry' }, () => {
        const lines = [`export * from ${JSON.stringify(resolve(hostEntries['host-ui']))};`];
        const members = [];
        for (const file of shared) {
          const k = key.get(file);
          const wanted = [...names.get(file)];
          if (wanted.includes('*')) {
            lines.push(`import * as ${k} from ${JSON.stringify(file)};`);
            members.push(k);
          } else {
            lines.push(`import { ${wanted.map((n, i) => `${n} as ${k}_${i}`).join(', ')} } from ${JSON.stringify(file)};`);
            members.push(`${k}: { ${wanted.map((n, i) => `${JSON.stringify(n)}: ${k}_${i}`).join(', ')} }`);
          }
        }
        lines.push(`export const sharedModules = { ${members.join(', ')} };`);
        return { contents: lines.join('\n'), resolveDir: resolve('.') };
      });
    },
  };
  const fromHostUi = {
    name: 'from-host-ui',
    setup(build) {
      resolveShared((path) => (key.has(path) ? { path: key.get(path), namespace: 'from-host-ui' } : undefined))(build);
      build.onLoad({ filter: /.*/, namespace: 'from-host-ui' }, (args) => ({
        contents: `module.exports = require('./host-ui.js').sharedModules.${args.path};`,
        resolveDir: resolve('dist'),
      }));
    },
  };
  const { 'host-ui': _ui, ...others } = hostEntries;
  return [
    { ...host, entryPoints: others },
    { ...host, plugins: [...plugins, uiEntryPlugin], entryPoints: { 'host-ui': 'host-ui' } },
    { ...host, plugins: [fromHostUi, ...plugins, lazyEntryPlugin], entryPoints: { 'ui-lazy': 'ui-lazy' } },
  ];
}

const hostConfigs = await lazyUiConfigs();
const configs = [...hostConfigs, ...(Object.keys(webviewEntries).length ? [webview] : [])];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
