/** Bundle and VSIX sizes, and what the VSIX contains. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Benchmark, Figure } from './benchmark';

const KB = 1024;

function size(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

export const bundleBenchmark: Benchmark = {
  name: 'bundle',
  async run(): Promise<Figure[]> {
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'ignore' });
    const entry = size('dist/extension.js');
    const afterActivation = size('dist/after-activation.js');
    // Both load at every startup: the entry during activation, the other right after it.
    const host = entry + afterActivation;
    const ui = size('dist/host-ui.js');
    const sdk = size('dist/cloud-sdk.js');
    const lazyUi = size('dist/ui-lazy.js');
    const webviewJs = size('dist/webview/workbench.js');
    const webviewCss = size('dist/webview/workbench.css');
    const gz = existsSync('dist/webview/workbench.js') ? gzipSync(readFileSync('dist/webview/workbench.js')).length : 0;
    return [
      // What loads at activation and first use; the SDK chunk counts in the VSIX and in first-cloud-call.
      { name: 'bundle-host', value: Number(((host + ui) / KB).toFixed(1)), unit: 'KB', budget: '≤ 250 KB (entry, after-activation and UI chunks)', withinBudget: host + ui <= 250 * KB, note: `activation bundle ${(entry / KB).toFixed(1)} KB + right after activation ${(afterActivation / KB).toFixed(1)} KB + lazy UI chunk ${(ui / KB).toFixed(1)} KB; UI loaded later (ui-lazy.js) ${(lazyUi / KB).toFixed(1)} KB and lazy SDK chunk ${(sdk / KB).toFixed(1)} KB (no budgets of their own)` },
      webviewJs
        ? { name: 'bundle-webview', value: Number(((webviewJs + webviewCss) / KB).toFixed(1)), unit: 'KB', budget: '≤ 800 KB', withinBudget: webviewJs + webviewCss <= 800 * KB, note: `gzip ${(gz / KB).toFixed(1)} KB` }
        : { name: 'bundle-webview', status: 'pending', note: 'needs the webview bundle' },
    ];
  },
};

export const vsixBenchmark: Benchmark = {
  name: 'vsix',
  async run(): Promise<Figure[]> {
    execFileSync('npm', ['run', '--silent', 'package'], { stdio: 'ignore' });
    const vsix = 'dist/cen-flow-logs.vsix';
    const listing = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).trim().split('\n');
    const forbidden = listing.filter((f) => /^(src|test|emulator|bench|scripts|webview)\/|\.ts$|\.map$/.test(f));
    return [
      {
        name: 'vsix',
        value: Number((size(vsix) / KB).toFixed(1)),
        unit: 'KB',
        budget: '≤ 2 MB, no test/emulator/source files',
        withinBudget: size(vsix) <= 2 * KB * KB && forbidden.length === 0,
        note: `${listing.length} files: ${listing.join(', ')}${forbidden.length ? `; FORBIDDEN: ${forbidden.join(', ')}` : ''}`,
      },
    ];
  },
};
