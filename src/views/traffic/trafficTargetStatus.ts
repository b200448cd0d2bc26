/**
 * Status-bar item naming the flow log or CEN addresses are looked up in (selections, debugger
 * variables, terminal links, hovers); clicking it changes that. Shown once one has been chosen, so
 * it stays out of the way of people who never look an address up.
 */
import * as vscode from 'vscode';
import type { LastFlowLog } from './lastFlowLog';
import { TRAFFIC_COMMANDS } from './trafficCommandIds';
import { trafficTargetTitle, type TrafficTarget } from './trafficTarget';

export class TrafficTargetStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cenFlowLogs.trafficTarget', vscode.StatusBarAlignment.Left, 9);
  private readonly subscription: { dispose(): void };

  constructor(last: LastFlowLog) {
    this.item.name = vscode.l10n.t('CEN Flow Logs: Address traffic');
    this.item.command = TRAFFIC_COMMANDS.chooseFlowLog;
    this.subscription = last.onDidChange((target) => this.show(target));
    const remembered = last.get();
    if (remembered) this.show(remembered);
  }

  private show(target: TrafficTarget): void {
    const name = target.kind === 'flowLog' ? target.flowLog.name || target.flowLog.flowLogId : vscode.l10n.t('{0} (all flow logs)', target.title);
    this.item.text = `$(pulse) ${name}`;
    this.item.tooltip = vscode.l10n.t('Addresses you show traffic for (selections, debugger variables, terminal links, hovers) are looked up in {0}. Click to change.', trafficTargetTitle(target));
    this.item.accessibilityInformation = { label: vscode.l10n.t('Address traffic: {0}. Change…', trafficTargetTitle(target)) };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
