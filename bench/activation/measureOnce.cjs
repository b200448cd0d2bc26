// Runs in a fresh Node process: loads an extension's bundled main with the `vscode` stand-in and
// prints how long require(main) + activate() took, how long what it started right after activation
// took (up to the next turn of the event loop), and which heavy modules got loaded.
// With `first-use` as second argument it then also times the first use of the tree view the
// extension created: the root getChildren (what VS Code calls when the view is first shown),
// which loads whatever activation deferred. The tree provider is picked up from createTreeView;
// that wrapper is installed only in this mode, so the activation-only runs are unchanged.
'use strict';
/* global setImmediate */
const Module = require('node:module');
const path = require('node:path');
const shim = require('./vscodeShim.cjs');
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return 'vscode';
  return origResolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: shim };

const main = path.resolve(process.argv[2]);
const firstUse = process.argv[3] === 'first-use';
const trees = [];
if (firstUse) {
  const window = shim.window;
  shim.window = new Proxy(window, {
    get(t, p) {
      if (p !== 'createTreeView') return t[p];
      return (id, options) => {
        trees.push(options.treeDataProvider);
        return t.createTreeView(id, options);
      };
    },
  });
}
const storage = require('node:os').tmpdir();
const context = {
  subscriptions: [],
  extensionPath: path.dirname(path.dirname(main)),
  extensionUri: { fsPath: path.dirname(path.dirname(main)), path: path.dirname(path.dirname(main)), toString: () => '' },
  globalState: { get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} },
  workspaceState: { get: (_k, d) => d, update: async () => {}, keys: () => [] },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) },
  globalStorageUri: { fsPath: storage }, storageUri: { fsPath: storage }, logUri: { fsPath: storage },
  asAbsolutePath: (p) => path.join(path.dirname(path.dirname(main)), p),
  extensionMode: 1,
};
(async () => {
  // The extension host has run timers long before any extension activates; a fresh process has not,
  // and would charge the first setImmediate/setTimeout its lazy set-up (≈ 0.1 ms) to the extension.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t0 = process.hrtime.bigint();
  const ext = require(main);
  await ext.activate(context);
  const t1 = process.hrtime.bigint();
  const heavy = () => Object.keys(require.cache).filter((k) => /cloud-sdk|duckdb|@alicloud|webview/.test(k));
  const loaded = heavy();
  // What the extension started right after activation (its setImmediate callbacks run before this one's).
  await new Promise((resolve) => setImmediate(resolve));
  const tAfter = process.hrtime.bigint();
  const result = { ms: Number(t1 - t0) / 1e6, afterMs: Number(tAfter - t1) / 1e6, heavyModules: loaded };
  if (firstUse) {
    if (trees.length !== 1) throw new Error(`expected one tree view, got ${trees.length}`);
    const t2 = process.hrtime.bigint();
    const roots = await trees[0].getChildren(undefined);
    const t3 = process.hrtime.bigint();
    Object.assign(result, { firstUseMs: Number(t3 - t2) / 1e6, firstUseRoots: Array.isArray(roots) ? roots.length : -1, firstUseHeavyModules: heavy() });
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n');
  process.exit(1);
});
