/**
 * At activation: query panels VS Code will not hand back to us, reopened from our own record.
 * - A window whose editor layout was not saved (a browser tab closed within VS Code's 5-second
 *   storage flush) has no tab for them.
 * - After an extension-host restart in the same window (a crash, an update) VS Code keeps the
 *   tabs but never revives them, so they would ignore every click (microsoft/vscode#70656): they
 *   are closed and reopened.
 * Decided from the record file, a session marker and the tab model, so the workbench is built
 * only when a panel must be reopened.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as vscode from 'vscode';
import { recordedPanelTitles } from '../views/workbench/openPanelsFile';

export interface PanelRestoreDeps {
  readonly tabGroups: vscode.TabGroups;
  readonly isWorkbenchTab: (input: unknown) => boolean;
  /** `vscode.env.sessionId`: the same across extension-host restarts, new with every window load. */
  readonly sessionId: string;
  readonly recordFile: string;
  /** Where the last activation's session id is kept. */
  readonly sessionFile: string;
  /** Builds the workbench and reopens the recorded panels that have none of these tab labels. */
  readonly reopen: (tabLabels: ReadonlySet<string>) => void;
}

export async function reopenPanelsVsCodeWillNotRestore(deps: PanelRestoreDeps): Promise<void> {
  const tabs = deps.tabGroups.all.flatMap((g) => g.tabs.filter((t) => deps.isWorkbenchTab(t.input)));
  if (isRestartInSameWindow(deps.sessionFile, deps.sessionId) && tabs.length > 0) {
    await deps.tabGroups.close(tabs, true);
    deps.reopen(new Set());
    return;
  }
  const labels = new Set(tabs.map((t) => t.label));
  if (someRecordedPanelLacksTab(deps.recordFile, labels)) deps.reopen(labels);
}

/** Whether the previous activation ran in this same window session; records this one's. */
export function isRestartInSameWindow(sessionFile: string, sessionId: string): boolean {
  let previous: string | undefined;
  try {
    previous = readFileSync(sessionFile, 'utf8');
  } catch {
    // first activation in this storage folder
  }
  try {
    mkdirSync(dirname(sessionFile), { recursive: true });
    writeFileSync(sessionFile, sessionId);
  } catch {
    // unwritable storage: a later restart is then not recognised, the panels stay as VS Code left them
  }
  return previous === sessionId;
}

/** Whether some recorded panel has no tab (then the workbench should reopen it). */
export function someRecordedPanelLacksTab(recordFile: string, tabLabels: ReadonlySet<string>): boolean {
  return recordedPanelTitles(recordFile).some((title) => !tabLabels.has(title));
}
