/**
 * The lifecycle commands' ids and what each is called in messages: registered with the UI
 * (flowLogCommandsLoader.ts), their handlers loaded on first use (flowLogCommands.ts).
 */
import * as vscode from 'vscode';
import type { ContributedCommand } from '../../activation/contributions';

export const FLOW_LOG_COMMANDS = [
  'cenFlowLogs.flowLog.start',
  'cenFlowLogs.flowLog.stop',
  'cenFlowLogs.flowLog.modify',
  'cenFlowLogs.flowLog.delete',
  'cenFlowLogs.flowLog.view',
  'cenFlowLogs.flowLog.copyId',
  'cenFlowLogs.flowLog.openConsole',
] as const satisfies readonly ContributedCommand[];

export type FlowLogCommand = (typeof FLOW_LOG_COMMANDS)[number];

/** `what` of each command in the registrar's failure messages ("Stop flow log failed: …"), in the display language. */
export function flowLogCommandActions(): Record<FlowLogCommand, string> {
  return {
    'cenFlowLogs.flowLog.start': vscode.l10n.t('Start flow log'),
    'cenFlowLogs.flowLog.stop': vscode.l10n.t('Stop flow log'),
    'cenFlowLogs.flowLog.modify': vscode.l10n.t('Modify flow log'),
    'cenFlowLogs.flowLog.delete': vscode.l10n.t('Delete flow log'),
    'cenFlowLogs.flowLog.view': vscode.l10n.t('View flow log'),
    'cenFlowLogs.flowLog.copyId': vscode.l10n.t('Copy flow log ID'),
    'cenFlowLogs.flowLog.openConsole': vscode.l10n.t('Open in console'),
  };
}
