// Bundle-time pruning of the Alibaba Cloud SDK chunk (issue #8, host bundle ≤ 600 KB).
//
// The generated @alicloud/* and @darabonba/* packages are TypeScript-emitted CommonJS: one huge
// `Client` class with a method per API (sls20201230: ~300 APIs), facades re-exporting ~1,300 model
// classes, and a runtime whose index re-exports websocket/date/xml helpers with heavy dependencies.
// esbuild cannot tree-shake CommonJS, so this plugin does it for those packages:
//   - units: every top-level export statement (`exports.N =`, `Object.defineProperty(exports, "N"`,
//     `__exportStar(require(m), exports)`) and every method of a `class Client` in
//     @alicloud/<pkg>/dist/client.js;
//   - a unit is kept when its name is used: it appears as an identifier in our own cloud sources
//     (the roots), or as a property name / string in code that is itself reachable;
//   - reachable = in the esbuild bundle graph produced with the current decisions; the decisions
//     start from the roots alone and grow until nothing changes (least fixed point);
//   - top-level `require` bindings nobody references any more are dropped, so the module graph
//     (and esbuild's bundle) loses whole modules: models no call reaches, the websocket stack, ….
// What is pruned is checked by test/contract/builtSdkChunk.test.ts, which loads the built chunk and
// makes every SLS / CEN / credentials call the product makes against the emulator.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve as resolvePath } from 'node:path';
import ts from 'typescript';

const PRUNABLE = /[\\/]node_modules[\\/](?:@alicloud|@darabonba)[\\/][^\\/]+[\\/](?:(?!node_modules[\\/]).)*\.js$/;
const CLIENT_FILE = /[\\/]node_modules[\\/]@alicloud[\\/][^\\/]+[\\/]dist[\\/]client\.js$/;
const NAME = /[A-Za-z_$][\w$]*/g;
const REQUIRE_CALL = /\brequire\(\s*(["'])[^"']*\1\s*\)/g;
// How importers reach an export: `alias.N`, `alias["N"]` (and `__importDefault(x).default`).
const PROPERTY_NAME = /\.\s*([A-Za-z_$][\w$]*)|(["'])([A-Za-z_$][\w$]*)\2/g;
const SELF_CALL = /\b(?:this|super)\s*\.\s*([A-Za-z_$][\w$]*)/g;
const NEVER_PRUNED = new Set(['__esModule', 'default']);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The analysed shape of one module: its prunable units and its top-level require bindings. */
class ModuleShape {
  constructor(path, text) {
    this.path = path;
    this.text = text;
    /** { start, end, kind: 'export' | 'method' | 'void', names: string[], star?: specifier } */
    this.units = [];
    /** { start, end, names } — top-level declarations whose initializers require something. */
    this.bindings = [];
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    for (const st of sf.statements) this.readStatement(st, sf);
  }

  readStatement(st, sf) {
    const range = { start: st.getFullStart(), end: st.getEnd() };
    if (ts.isExpressionStatement(st)) {
      const e = st.expression;
      const exportName = assignedExport(e);
      if (exportName === VOID_CHAIN) this.units.push({ ...range, kind: 'void', names: [] });
      else if (exportName) this.units.push({ ...range, kind: 'export', names: [exportName], value: e.right.getText(sf) });
      else if (ts.isCallExpression(e)) {
        const callee = e.expression.getText(sf);
        const [a0, a1] = e.arguments;
        if (callee === 'Object.defineProperty' && a0?.getText(sf) === 'exports' && a1 && ts.isStringLiteral(a1)) {
          if (!NEVER_PRUNED.has(a1.text)) this.units.push({ ...range, kind: 'export', names: [a1.text], value: e.arguments[2]?.getText(sf) ?? '' });
        } else if (/__exportStar$/.test(callee) && a1?.getText(sf) === 'exports') {
          const star = requiredSpecifier(a0);
          if (star) this.units.push({ ...range, kind: 'export', names: [], star, value: '' });
        }
      }
    } else if (ts.isVariableStatement(st)) {
      if (st.declarationList.declarations.every((d) => d.initializer && /\brequire\(/.test(d.initializer.getText(sf)))) {
        this.bindings.push({ ...range, names: st.declarationList.declarations.flatMap((d) => boundNames(d.name)) });
      }
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name && !isOpenApiClientFile(this.path, this.text)) {
      // A top-level function or class nothing references any more goes like a dead require.
      this.bindings.push({ ...range, names: [st.name.text] });
    } else if (ts.isClassDeclaration(st) && st.name?.text === 'Client' && isOpenApiClientFile(this.path, this.text)) {
      for (const m of st.members) {
        if ((ts.isMethodDeclaration(m) || ts.isGetAccessor(m) || ts.isSetAccessor(m)) && m.name && ts.isIdentifier(m.name)) {
          this.units.push({ start: m.getFullStart(), end: m.getEnd(), kind: 'method', names: [m.name.text] });
        }
      }
    }
  }
}

/**
 * The OpenAPI client hierarchy: openapi-core's Client and the generated API clients extending it.
 * Their methods are called only by our code (the roots) or by the hierarchy itself (this./super.).
 */
function isOpenApiClientFile(path, text) {
  return CLIENT_FILE.test(path) && (/[\\/]@alicloud[\\/]openapi-core[\\/]/.test(path) || /require\("@alicloud\/openapi-core"\)/.test(text));
}

const VOID_CHAIN = Symbol('exports.a = exports.b = void 0');

/** `exports.N = …` → N; `exports.a = exports.b = void 0` → VOID_CHAIN. */
function assignedExport(e) {
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = e.left;
  if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== 'exports') return undefined;
  let right = e.right;
  while (ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.EqualsToken) right = right.right;
  if (ts.isVoidExpression(right)) return VOID_CHAIN;
  return NEVER_PRUNED.has(target.name.text) ? undefined : target.name.text;
}

function requiredSpecifier(node) {
  if (!node || !ts.isCallExpression(node)) return undefined;
  if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
    const a = node.arguments[0];
    return a && ts.isStringLiteral(a) ? a.text : undefined;
  }
  return requiredSpecifier(node.arguments[0]);
}

function boundNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundNames(el.name)));
}

function namesIn(text, into = new Set()) {
  for (const m of text.matchAll(NAME)) into.add(m[0]);
  return into;
}

function countNames(text) {
  const counts = new Map();
  for (const m of text.matchAll(NAME)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/**
 * @param {{ roots: string }} options roots: folder of our sources whose identifiers are the roots
 */
export function sdkPrune({ roots }) {
  const rootNames = new Set();
  for (const f of sourceFiles(roots)) namesIn(readFileSync(f, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''), rootNames);

  const shapes = new Map();
  const shapeOf = (path) => {
    let s = shapes.get(path);
    if (!s) shapes.set(path, (s = new ModuleShape(path, readFileSync(path, 'utf8'))));
    return s;
  };
  const exportCache = new Map();
  /** Names a module exports, following `__exportStar`; ['*'] when it is not analysable. */
  const exportedNames = (path, seen = new Set()) => {
    if (!PRUNABLE.test(path)) return ['*'];
    if (seen.has(path)) return [];
    seen.add(path);
    if (!exportCache.has(path)) {
      exportCache.set(
        path,
        shapeOf(path).units.filter((u) => u.kind === 'export').flatMap((u) => (u.star ? exportedNames(createRequire(path).resolve(u.star), seen) : u.names)),
      );
    }
    return exportCache.get(path);
  };

  let used = new Set(rootNames);
  let selfCalls = new Set(); // X of `this.X` / `super.X` in reachable code
  const keepUnit = (path, u) => {
    switch (u.kind) {
      case 'void':
        return false;
      case 'method':
        return rootNames.has(u.names[0]) || selfCalls.has(u.names[0]);
      case 'export':
        return (u.star ? exportedNames(createRequire(path).resolve(u.star)) : u.names).some((n) => n === '*' || used.has(n));
    }
  };

  /** The module's text with unused units, then require bindings nothing references, cut out. */
  const prunedCache = new Map(); // path → result for the current `used`
  const pruned = (path) => {
    if (prunedCache.has(path)) return prunedCache.get(path);
    const shape = shapeOf(path);
    const cuts = shape.units.filter((u) => !keepUnit(path, u));
    for (let dropped = true; dropped; ) {
      dropped = false;
      const refs = countNames(cutRanges(shape.text, cuts));
      for (const b of shape.bindings) {
        if (cuts.includes(b)) continue;
        const own = countNames(shape.text.slice(b.start, b.end));
        if (b.names.every((n) => (refs.get(n) ?? 0) <= (own.get(n) ?? 0))) {
          cuts.push(b);
          dropped = true;
        }
      }
    }
    const result = { text: cutRanges(shape.text, cuts), cuts };
    prunedCache.set(path, result);
    return result;
  };
  // What a module uses: its kept code minus the names its export statements give (a facade naming
  // an export is not a use of it) and minus module paths (`require("./websocketUtils")`).
  const usedText = (path) => {
    const shape = shapeOf(path);
    const { cuts } = pruned(path);
    const keptExports = shape.units.filter((u) => u.kind === 'export' && !cuts.includes(u));
    // A kept export's value is code that runs (`exports.md5 = function () { … exports.makeHasher … }`).
    const text = cutRanges(shape.text, cuts.concat(keptExports)) + keptExports.map((u) => u.value).join('\n');
    return text.replace(REQUIRE_CALL, 'require()');
  };
  // esbuild filters are Go regexps (no lookahead): filter broadly, decide with PRUNABLE.
  const serve = (build) =>
    build.onLoad({ filter: /[\\/]node_modules[\\/](@alicloud|@darabonba)[\\/].*\.js$/ }, (args) =>
      PRUNABLE.test(args.path) ? { contents: pruned(args.path).text, loader: 'js' } : undefined,
    );

  return {
    name: 'sdk-prune',
    setup(build) {
      build.onStart(async () => {
        const analysis = { ...build.initialOptions, write: false, metafile: true, minify: false, logLevel: 'silent' };
        analysis.plugins = build.initialOptions.plugins.filter((p) => p.name !== 'sdk-prune').concat({ name: 'sdk-prune-analysis', setup: serve });
        // Least fixed point: start from the roots, add what reachable code names, rebuild.
        for (let round = 0; round < 30; round++) {
          const { metafile } = await build.esbuild.build(analysis);
          const next = new Set(rootNames); // names an export unit is used by: `.N`, `["N"]`, or our sources
          const nextSelf = new Set();
          for (const input of Object.keys(metafile.inputs)) {
            const path = resolvePath(build.initialOptions.absWorkingDir ?? process.cwd(), input);
            // Only the SDK packages import SDK packages (third-party code like json-bigint never does),
            // so only their code — and our sources, the roots — can use an SDK export.
            if (!PRUNABLE.test(path)) continue;
            const text = usedText(path);
            for (const m of text.matchAll(PROPERTY_NAME)) next.add(m[1] ?? m[3]);
            // this./super. calls count inside the client hierarchy only (other classes have their own).
            if (isOpenApiClientFile(path, shapeOf(path).text)) for (const m of text.matchAll(SELF_CALL)) nextSelf.add(m[1]);
          }
          if (process.env.SDK_PRUNE_WHY) {
            for (const input of Object.keys(metafile.inputs)) {
              const path = resolvePath(build.initialOptions.absWorkingDir ?? process.cwd(), input);
              if (path.endsWith('.js') && [...(PRUNABLE.test(path) ? usedText(path) : readFileSync(path, "utf8")).matchAll(PROPERTY_NAME)].some((m) => (m[1] ?? m[3]) === process.env.SDK_PRUNE_WHY)) console.log(`sdk-prune: ${process.env.SDK_PRUNE_WHY} named in ${input}`);
            }
          }
          if (next.size === used.size && nextSelf.size === selfCalls.size) return;
          used = next;
          selfCalls = nextSelf;
          prunedCache.clear();
        }
        throw new Error('sdk-prune: no fixed point after 30 rounds');
      });
      serve(build);
    },
  };
}

function cutRanges(text, ranges) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue; // nested in a range already cut
    out += text.slice(at, r.start);
    at = r.end;
  }
  return out + text.slice(at);
}

