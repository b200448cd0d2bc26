/**
 * Reads our TypeScript sources for the l10n checks: the keys passed to `t(...)` / `l10n.t(...)` /
 * `vscode.l10n.t(...)`, and the user-facing English text that does not go through such a call.
 * "User-facing" is a heuristic (two or more natural-language words); log lines, imports and
 * property names are not counted.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');

/** Every .ts file under the folders (relative, forward slashes), sorted. */
export function sourceFiles(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(PROJECT_ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(join(PROJECT_ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(join(PROJECT_ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, sf);
  }
  return sf;
}

/** `t(...)`, `l10n.t(...)`, `vscode.l10n.t(...)`. */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

// Output-channel and console lines stay English (they are read in bug reports).
const LOG_CALLEE = /(^|\.)(log|logger|console)(\.(info|warn|error|debug|trace|appendLine))?$|\.appendLine$/;

export interface L10nKey {
  readonly file: string;
  readonly key: string;
  readonly line: number;
}

export function l10nKeysIn(file: string): L10nKey[] {
  const sf = parse(file);
  const keys: L10nKey[] = [];
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        keys.push({ file, key: first.text, line: sf.getLineAndCharacterOfPosition(first.getStart()).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}

/** Natural-language words: "Sign", "rows," — not ids, ALLCAPS, paths, css-classes or code. */
const WORD = /^[A-Za-z][a-z]+[,.;:!?…)]*$/;

export function looksUserFacing(text: string): boolean {
  const words = text.replace(/\$\{[^}]*\}|\{\d+\}/g, ' ').split(/\s+/).filter((w) => WORD.test(w));
  // SQL, and SQL function signatures ("split_part(s, delimiter, index) → varchar"), are code.
  if (words.length < 2 || /^\s*(\*|select\b|with\b)/i.test(text) || /^\w+\([^)]*\)( OVER \(…\))? → /.test(text)) return false;
  // Two lowercase words are as often css classes ("dim query") as text: a sentence has a capital, more words or an ending.
  return words.length >= 3 || words.some((w) => /^[A-Z]/.test(w)) || /[.…?!:]\s*$/.test(text);
}

export interface BypassingString {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** String and template literals with user-facing English outside an l10n call. */
export function bypassingStringsIn(file: string): BypassingString[] {
  const sf = parse(file);
  const found: BypassingString[] = [];
  const visit = (node: ts.Node, insideL10n: boolean): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isCallExpression(node) && LOG_CALLEE.test(node.expression.getText())) return;
    const inL10n = insideL10n || isL10nCall(node);
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => `\${} ${s.literal.text}`)].join('');
    const isName = node.parent && (ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent)) && node.parent.name === node;
    if (text !== undefined && !inL10n && !isName && looksUserFacing(text)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, (c) => visit(c, inL10n));
    else for (const span of node.templateSpans) visit(span.expression, inL10n);
  };
  visit(sf, false);
  return found;
}

export function relativeToRoot(path: string): string {
  return relative(PROJECT_ROOT, path).split('\\').join('/');
}
