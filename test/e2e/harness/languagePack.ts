/**
 * A display language for code-server without a core language pack from the Marketplace (which
 * cannot be downloaded here): a test-only language pack (./languagePack) that declares the
 * language with no core translations. VS Code then resolves the locale, its own UI falls back to
 * English, and extensions get that language — our real package.nls.<lang>.json and
 * l10n/bundle.l10n.<lang>.json. Packaged once per change into the e2e cache.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { e2eCacheDir } from '../../../scripts/codeServer';
import { PROJECT_ROOT } from './vsix';

const SOURCE = join(PROJECT_ROOT, 'test', 'e2e', 'harness', 'languagePack');

function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true, recursive: true }).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

/** The language pack's VSIX (it declares zh-cn). */
export function ensureLanguagePackVsix(): string {
  const out = join(e2eCacheDir(), 'e2e-language-pack-zh-cn.vsix');
  if (!existsSync(out) || statSync(out).mtimeMs < newest(SOURCE)) {
    mkdirSync(e2eCacheDir(), { recursive: true });
    const vsce = join(PROJECT_ROOT, 'node_modules', '.bin', 'vsce');
    execFileSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: SOURCE, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return out;
}
