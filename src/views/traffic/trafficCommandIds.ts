/**
 * The debugging bridges' command ids and what each is called in messages: registered with the UI
 * (src/views/traffic/registerTrafficBridges.ts), their handlers loaded on first use (trafficCommands.ts).
 */
import { t } from '@vscode/l10n';
import type { ContributedCommand } from '../../activation/contributions';

export const TRAFFIC_COMMANDS = {
  showForSelection: 'cenFlowLogs.query.showTrafficForAddress',
  showForDebugValue: 'cenFlowLogs.traffic.showForDebugValue',
  showForAddress: 'cenFlowLogs.traffic.showForAddress',
  chooseFlowLog: 'cenFlowLogs.traffic.chooseFlowLog',
} as const satisfies Record<string, ContributedCommand>;

export type TrafficCommand = keyof typeof TRAFFIC_COMMANDS;

/** `what` of each command in the registrar's failure messages, in the display language (asked at registration). */
export function trafficCommandAction(command: TrafficCommand): string {
  switch (command) {
    case 'showForSelection':
    case 'showForDebugValue':
    case 'showForAddress':
      return t('Show traffic for this address');
    case 'chooseFlowLog':
      return t('Choose the flow log or CEN for address traffic');
  }
}
