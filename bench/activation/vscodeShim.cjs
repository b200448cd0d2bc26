// A stand-in for the `vscode` module, used ONLY by the activation benchmark to load an extension's
// bundled main in a fresh Node process: every API is a no-op that returns something usable.
// Both our extension and the hello-world baseline are measured against the same stand-in.
'use strict';

function makeStub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'toString') return () => name;
      if (prop === 'dispose') return () => {};
      return makeStub(`${name}.${String(prop)}`);
    },
    // Extensions assign properties on the objects they get (statusBarItem.name = …): accept and drop.
    set() {
      return true;
    },
    apply() {
      return makeStub(`${name}()`);
    },
    construct() {
      return makeStub(`new ${name}`);
    },
  });
}

const configuration = { get: (_k, def) => def, has: () => false, inspect: () => undefined, update: async () => {} };
const base = makeStub('vscode');
const overrides = {
  workspace: new Proxy({}, {
    get(_t, p) {
      if (p === 'getConfiguration') return () => configuration;
      if (p === 'workspaceFolders') return undefined;
      // No document open at startup (a stub here is truthy: `textDocuments.some(…)` would say one is).
      if (p === 'textDocuments') return [];
      return base.workspace[p];
    },
  }),
  EventEmitter: class { constructor() { this.event = () => ({ dispose() {} }); } fire() {} dispose() {} },
  Disposable: class { constructor(f) { this.f = f; } dispose() { if (this.f) this.f(); } static from() { return { dispose() {} }; } },
  ThemeIcon: class { constructor(id, color) { this.id = id; this.color = color; } },
  ThemeColor: class { constructor(id) { this.id = id; } },
  TreeItem: class { constructor(label, state) { this.label = label; this.collapsibleState = state; } },
  MarkdownString: class { constructor(v) { this.value = v ?? ''; } appendMarkdown(s) { this.value += s; return this; } appendText(s) { this.value += s; return this; } },
  Uri: { file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}` }), parse: (s) => ({ toString: () => s }), joinPath: (u, ...p) => ({ scheme: u.scheme, fsPath: [u.fsPath, ...p].join('/'), toString: () => '' }) },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
};
// A plain object (not a Proxy) so bundlers' ESM interop can enumerate the namespaces.
const namespaces = ['commands', 'window', 'env', 'languages', 'extensions', 'authentication', 'debug', 'tasks', 'l10n', 'scm', 'tests', 'chat', 'lm', 'notebooks'];
for (const ns of namespaces) overrides[ns] = base[ns];
module.exports = overrides;
