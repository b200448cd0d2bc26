/**
 * Headless Debian Chromium (playwright-core, no browser download) with the benchmarks' browser
 * bundle (bench/browser/gridPage.mjs + the webview's grid modules and stylesheet) loaded in a
 * blank page, as a webview would load them.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'];

export interface BenchPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly version: string;
  close(): Promise<void>;
}

/** Builds and opens a page with `entry` bundled (with its CSS, if any) and the webview stylesheet. */
export async function openBenchPage(entry: string, name: string): Promise<BenchPage> {
  // Outside the checkout: eslint would otherwise lint the minified bundles.
  const dir = join(tmpdir(), 'cen-flow-logs-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.js`);
  buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'chrome120', outfile, logLevel: 'warning', loader: { '.ttf': 'empty', '.woff2': 'empty' } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"></body></html>');
  await page.addStyleTag({ path: 'webview/styles/workbench.css' });
  // The VS Code theme variables the grid uses, with dark-theme values, so rows have real colours.
  await page.addStyleTag({
    content:
      ':root{--vscode-editor-font-family:monospace;--vscode-editor-font-size:12px;--vscode-foreground:#ccc;--vscode-editor-background:#1e1e1e;' +
      '--vscode-tree-tableOddRowsBackground:#252526;--vscode-panel-border:#333;--vscode-editorGroup-border:#444;--vscode-textLink-foreground:#3794ff;' +
      '--vscode-descriptionForeground:#999}body{background:#1e1e1e;color:#ccc;font-family:sans-serif}',
  });
  await page.addScriptTag({ path: outfile });
  return { browser, page, version: browser.version(), close: () => browser.close() };
}
