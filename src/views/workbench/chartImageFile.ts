/**
 * "Save chart as PNG…": the webview draws the chart into a PNG and sends it here, because VS Code's
 * clipboard API takes text only and a webview's own image clipboard write may be refused. The host
 * asks where to save it and writes the file. The bytes are checked to be a PNG before anything is
 * written: the webview is not trusted to send what it says.
 */
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import { errorText } from '../../errorText';

const TEXT = {
  title: () => vscode.l10n.t('Save chart as PNG'),
  notPng: () => vscode.l10n.t('The chart image the panel sent is not a PNG; nothing was saved.'),
  saved: (file: string) => vscode.l10n.t('Saved the chart as {0}.', file),
  failed: (file: string, why: string) => vscode.l10n.t('Could not save the chart as {0}: {1}', file, why),
  filter: () => vscode.l10n.t('PNG'),
} as const;

/** The eight bytes every PNG file starts with (PNG specification, section 5.2). */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Asks where to save the chart (named after the panel) and writes it; returns the file, or undefined if not saved. */
export async function saveChartImage(pngBase64: string, panelTitle: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const bytes = Buffer.from(pngBase64, 'base64');
  if (!isPng(bytes)) {
    void vscode.window.showErrorMessage(TEXT.notPng());
    return undefined;
  }
  const name = `${panelTitle}-chart.png`.replace(/[\\/:*?"<>|]+/g, '-');
  const uri = await vscode.window.showSaveDialog({
    title: TEXT.title(),
    defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), name),
    filters: { [TEXT.filter()]: ['png'] },
  });
  if (!uri) return undefined;
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(TEXT.failed(uri.fsPath, errorText(e)));
    return undefined;
  }
  log.info(`workbench: saved the chart (${bytes.length} bytes) as ${uri.fsPath}`);
  void vscode.window.showInformationMessage(TEXT.saved(uri.fsPath));
  return uri.fsPath;
}
