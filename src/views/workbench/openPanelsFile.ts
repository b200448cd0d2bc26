/**
 * Where the record of open query panels lives, and the quick look activation takes at it: the
 * titles of the panels that were open, read without loading the workbench, so a window whose
 * editor layout VS Code did not save (a browser tab closed within its 5-second storage flush) can
 * have them reopened.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as vscode from 'vscode';

export const OPEN_PANELS_KEY = 'cenFlowLogs.workbench.openPanels.v1';
export const OPEN_PANELS_FILE = 'open-query-panels.json';
const SESSION_FILE = 'window-session.txt';

/**
 * The tab label of a query panel: one decision for creating, retitling and finding its tab. A query
 * document's own panel names the document first.
 */
export function panelTitle(target: { readonly title: string }, document?: { readonly title: string }): string {
  return document ? `${document.title} · ${target.title}` : `Query: ${target.title}`;
}

/**
 * The file in the workspace's storage folder (else the global one); undefined when that folder is
 * not on disk (a virtual workspace), where VS Code's workspace state keeps the record instead.
 */
export function openPanelsPath(context: StorageFolders): string | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  return storage.scheme === 'file' ? join(storage.fsPath, OPEN_PANELS_FILE) : undefined;
}

/** Beside the record: the window session of the last activation (src/activation/panelsWithoutTab.ts). */
export function windowSessionPath(context: StorageFolders): string | undefined {
  const record = openPanelsPath(context);
  return record ? join(dirname(record), SESSION_FILE) : undefined;
}

type StorageFolders = Pick<vscode.ExtensionContext, 'storageUri' | 'globalStorageUri'>;

/** Tab labels of the recorded panels; empty when nothing is recorded or the file is unreadable. */
export function recordedPanelTitles(file: string): string[] {
  try {
    const values = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const entries = values[OPEN_PANELS_KEY];
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((e: unknown) => {
      const entry = e as { target?: { title?: unknown }; document?: { title?: unknown } } | null;
      const title = entry?.target?.title;
      const documentTitle = entry?.document?.title;
      if (typeof title !== 'string') return [];
      return [panelTitle({ title }, typeof documentTitle === 'string' ? { title: documentTitle } : undefined)];
    });
  } catch {
    return []; // not written yet, or damaged (the store itself reports that when it loads)
  }
}
