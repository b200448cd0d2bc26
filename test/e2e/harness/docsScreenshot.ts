/**
 * Screenshots for README's pictures under docs/. Every test run saves its pictures under
 * test-results/e2e/; docs/ changes only when asked (`CEN_FLOW_LOGS_UPDATE_DOCS=1 npm run
 * test:e2e`), so an ordinary run leaves the checkout clean.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from './workbench';
import { PROJECT_ROOT } from './vsix';

export const UPDATE_DOCS = process.env.CEN_FLOW_LOGS_UPDATE_DOCS === '1';

/** Saves test-results/e2e/<name>.png, and copies it to docs/<name>.png when UPDATE_DOCS. Returns the test-results path. */
export async function screenshotForDocs(vs: Workbench, name: string): Promise<string> {
  const file = await vs.screenshot(name);
  if (UPDATE_DOCS) {
    mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
    copyFileSync(file, join(PROJECT_ROOT, 'docs', `${name}.png`));
  }
  return file;
}
