/**
 * For tests that run host code outside VS Code: makes `require('vscode')` resolve to the activation
 * benchmark's stand-in (bench/activation/vscodeShim.cjs, no-op APIs) in this test file's process
 * only (node:test runs each file in its own). Load the code under test with require after calling it.
 */
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';

export function installVscodeStandIn(): typeof import('vscode') {
  const localRequire = createRequire(__filename);
  const standIn = localRequire(join(process.cwd(), 'bench', 'activation', 'vscodeShim.cjs')) as typeof import('vscode');
  const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = resolver._resolveFilename;
  resolver._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  localRequire.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: standIn } as NodeJS.Module;
  return standIn;
}
