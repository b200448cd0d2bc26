/**
 * The debugging bridges' command ids and what each is called in messages: registered with the UI
 * (src/views/traffic/registerTrafficBridges.ts), their handlers loaded on first use (trafficCommands.ts).
 */
import type { ContributedCommand } from '../../activation/contributions';

export const TRAFFIC_COMMANDS = {
  showForSelection: 'cenFlowLogs.query.showTrafficForAddress',
  showForDebugValue: 'cenFlowLogs.traffic.showForDebugValue',
  showForAddress: 'cenFlowLogs.traffic.showForAddress',
  chooseFlowLog: 'cenFlowLogs.traffic.chooseFlowLog',
} as const satisfies Record<string, ContributedCommand>;

export type TrafficCommand = keyof typeof TRAFFIC_COMMANDS;

/** `what` of each command in the registrar's failure messages. */
export const TRAFFIC_COMMAND_ACTIONS: Readonly<Record<TrafficCommand, string>> = {
  showForSelection: 'Show traffic for this address',
  showForDebugValue: 'Show traffic for this address',
  showForAddress: 'Show traffic for this address',
  chooseFlowLog: 'Choose the flow log or CEN for address traffic',
};
