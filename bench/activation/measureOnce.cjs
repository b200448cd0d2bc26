// Runs in a fresh Node process: loads an extension's bundled main with the `vscode` stand-in and
// prints how long require(main) + activate() took, and which heavy modules got loaded.
'use strict';
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
  const t0 = process.hrtime.bigint();
  const ext = require(main);
  await ext.activate(context);
  const t1 = process.hrtime.bigint();
  const loaded = Object.keys(require.cache).filter((k) => /cloud-sdk|duckdb|@alicloud|webview/.test(k));
  process.stdout.write(JSON.stringify({ ms: Number(t1 - t0) / 1e6, heavyModules: loaded }) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n');
  process.exit(1);
});
