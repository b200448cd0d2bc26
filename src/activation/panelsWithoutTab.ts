/**
 * At activation: query panels VS Code will not hand back to us, reopened from our own record.
 * - A window whose editor layout was not saved (a browser tab closed within VS Code's 5-second
 *   storage flush) has no tab for them.
 * - After an extension-host restart in the same window (a crash, an update) VS Code keeps the
 *   tabs but never revives them, so they would ignore every click (microsoft/vscode#70656): they
 *   are closed and reopened.
 * Decided from the record file, a session marker and the tab model, so the workbench is built
 * only when a panel must be reopened. With telemetry off VS Code gives every window load the same
 * session id, so there a same-session activation is a restart only if VS Code revives none of our
 * panels shown in front (it does so at once after a window load, never after a host restart).
 */
import { mkdir, readFile, writeFile } from 'node:fs';
import { promisify } from 'node:util';
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
  /** Whether a tab input is one of our panels (query, region map, compare): VS Code revives those in front. */
  readonly isOwnTab: (input: unknown) => boolean;
  /** Settles when VS Code first hands one of our panels back to a serializer. */
  readonly revived: Promise<void>;
  /** How long a window load may take to revive a panel shown in front. */
  readonly reviveGraceMs: number;
}

/** `vscode.env.sessionId` when telemetry is off (VS Code's NullTelemetryService): the same in every window. */
export const NO_SESSION_ID = 'someValue.sessionId';

export async function reopenPanelsVsCodeWillNotRestore(deps: PanelRestoreDeps): Promise<void> {
  const tabs = deps.tabGroups.all.flatMap((g) => g.tabs.filter((t) => deps.isWorkbenchTab(t.input)));
  if ((await isRestartInSameWindow(deps.sessionFile, deps.sessionId)) && tabs.length > 0 && (await notRevived(deps))) {
    await deps.tabGroups.close(tabs, true);
    deps.reopen(new Set());
    return;
  }
  const labels = new Set(tabs.map((t) => t.label));
  if (someRecordedPanelLacksTab(deps.recordFile, labels)) deps.reopen(labels);
}

/**
 * Whether VS Code will not revive our panels (a host restart), for a same-session activation. A real
 * session id already says so; the shared one of telemetry-off windows does not: then a panel of ours
 * shown in front must be revived within the grace time. With none in front nothing tells, and the
 * tabs are left to VS Code (closing a window load's tabs would reopen them over the active one).
 */
export async function notRevived(deps: Pick<PanelRestoreDeps, 'sessionId' | 'tabGroups' | 'isOwnTab' | 'revived' | 'reviveGraceMs'>): Promise<boolean> {
  if (deps.sessionId !== NO_SESSION_ID) return true;
  const inFront = deps.tabGroups.all.some((g) => g.tabs.some((t) => t.isActive && deps.isOwnTab(t.input)));
  if (!inFront) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), deps.reviveGraceMs)));
  const result = await Promise.race([deps.revived.then(() => false), timedOut]);
  clearTimeout(timer);
  return result;
}

/** Whether the previous activation ran in this same window session; records this one's. Asynchronous: activation does no file I/O. */
export async function isRestartInSameWindow(sessionFile: string, sessionId: string): Promise<boolean> {
  let previous: string | undefined;
  try {
    previous = await promisify(readFile)(sessionFile, 'utf8');
  } catch {
    // first activation in this storage folder
  }
  try {
    await promisify(mkdir)(dirname(sessionFile), { recursive: true });
    await promisify(writeFile)(sessionFile, sessionId);
  } catch {
    // unwritable storage: a later restart is then not recognised, the panels stay as VS Code left them
  }
  return previous === sessionId;
}

/** Whether some recorded panel has no tab (then the workbench should reopen it). */
export function someRecordedPanelLacksTab(recordFile: string, tabLabels: ReadonlySet<string>): boolean {
  return recordedPanelTitles(recordFile).some((title) => !tabLabels.has(title));
}
