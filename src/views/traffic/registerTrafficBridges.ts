/**
 * Wires the debugging bridges — selection and debugger menu commands, terminal address links, address
 * hovers, the status-bar item naming where addresses are looked up —
 * over the workbench panels and the shared clients. Called once from the extension's UI
 * (src/activation/hostUi.ts); the activation entry forwards terminal links and hovers here. Only
 * the registrations and the status-bar item are built now; what they do loads on first use
 * (trafficBridgesLoader.ts), once, so the hover's request cache is one per window.
 */
import type * as vscode from 'vscode';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { LastFlowLog } from './lastFlowLog';
import type { AddressTerminalLink } from './terminalAddressLinks';
import type { TrafficBridgeParts, TrafficBridgePartsDeps } from './trafficBridgeParts';
import { loadTrafficBridgeParts } from './trafficBridgesLoader';
import { TRAFFIC_COMMANDS, trafficCommandAction, type TrafficCommand } from './trafficCommandIds';
import { TrafficTargetStatus } from './trafficTargetStatus';

export interface TrafficBridgeDeps extends TrafficBridgePartsDeps {
  readonly registrar: CommandRegistrar;
}

export interface TrafficBridges {
  readonly hovers: vscode.HoverProvider;
  readonly terminalLinks: vscode.TerminalLinkProvider;
}

export function registerTrafficBridges(context: vscode.ExtensionContext, deps: TrafficBridgeDeps): TrafficBridges {
  const lastFlowLog = new LastFlowLog(context.workspaceState);
  let built: TrafficBridgeParts | undefined;
  const parts = (): TrafficBridgeParts => (built ??= loadTrafficBridgeParts().createTrafficBridgeParts(deps, lastFlowLog));
  for (const command of Object.keys(TRAFFIC_COMMANDS) as TrafficCommand[]) {
    deps.registrar.register(TRAFFIC_COMMANDS[command], trafficCommandAction(command), (...args) => parts().commands[command](...args));
  }
  context.subscriptions.push(new TrafficTargetStatus(lastFlowLog));
  const terminalLinks: vscode.TerminalLinkProvider<AddressTerminalLink> = {
    provideTerminalLinks: (line) => parts().terminalLinks.provideTerminalLinks(line),
    handleTerminalLink: (link) => parts().terminalLinks.handleTerminalLink(link),
  };
  return { hovers: { provideHover: (document, position, token) => parts().hovers.provideHover(document, position, token) }, terminalLinks };
}
