/**
 * The extension under test is the VSIX `npm run package` builds from the working tree, so
 * packaging is tested too. `npm test` packages before the suites run; a lone e2e run
 * (`npm run test:e2e`) rebuilds it here when it is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/emulatorProfile';

export { PROJECT_ROOT };
export const VSIX_PATH = join(PROJECT_ROOT, 'dist', 'cen-flow-logs.vsix');

const SOURCES = ['src', 'webview', 'media', 'l10n', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'scripts/build.mjs', '.vscodeignore', 'README.md'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** The VSIX to test: $CEN_FLOW_LOGS_VSIX when set (a given build, used as is), else a fresh dist/cen-flow-logs.vsix. */
export function ensureVsix(): string {
  const given = process.env.CEN_FLOW_LOGS_VSIX;
  if (given) return given;
  const built = existsSync(VSIX_PATH) ? statSync(VSIX_PATH).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(PROJECT_ROOT, s))));
  if (built < sources) {
    process.stderr.write('[e2e] packaging the extension (npm run package)\n');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return VSIX_PATH;
}
