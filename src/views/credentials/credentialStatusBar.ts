/** Status-bar item naming the active credential source; clicking it switches. */
import * as vscode from 'vscode';
import type { ActiveCredentials } from '../../credentials/activeCredentials';

export class CredentialStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cenFlowLogs.credentials', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly credentials: ActiveCredentials) {
    this.item.name = vscode.l10n.t('CEN Flow Logs: Credentials');
    this.item.command = 'cenFlowLogs.credentials.switch';
    this.subscription = credentials.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  private update(): void {
    const label = this.credentials.label;
    this.item.text = label ? `$(cloud) ${label}` : `$(cloud) ${vscode.l10n.t('Alibaba Cloud: not signed in')}`;
    this.item.tooltip = label
      ? vscode.l10n.t('CEN Flow Logs uses {0}. Click to switch credentials or sign out.', label)
      : vscode.l10n.t('CEN Flow Logs: click to sign in to Alibaba Cloud.');
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
