/**
 * The extension host's record of open query panels (`open-query-panels.json` in its workspace
 * storage): restore tests wait for it to hold what they typed before they reload or crash the host.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VsCodeSession } from './session';
import { UI_TIMEOUT_MS } from './workbench';

/** Waits until the record contains `text`; `what` names it in the timeout's message. */
export async function waitForOpenPanelsRecord(vs: VsCodeSession, text: string, what: string): Promise<void> {
  const root = join(vs.server.userDataDir, 'User', 'workspaceStorage');
  const recorded = (): boolean =>
    existsSync(root) &&
    readdirSync(root).some((ws) => {
      const file = join(root, ws, 'cenflowlogs.cen-flow-logs', 'open-query-panels.json');
      return existsSync(file) && readFileSync(file, 'utf8').includes(text);
    });
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!recorded()) {
    if (Date.now() > deadline) throw new Error(`the host did not record ${what} within ${UI_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
