/** The `cenFlowLogs.consoleSite` setting: which Alibaba Cloud console site links open. */
import * as vscode from 'vscode';
import { consoleSiteOf, type ConsoleSite } from '../flowlogs/consoleUrls';

export function consoleSite(): ConsoleSite {
  return consoleSiteOf(vscode.workspace.getConfiguration('cenFlowLogs').get<string>('consoleSite'));
}
