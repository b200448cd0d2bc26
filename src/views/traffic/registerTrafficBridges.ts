/**
 * Wires the debugging bridges — selection and debugger menu commands, terminal address links, address
 * hovers, the status-bar item naming where addresses are looked up —
 * over the workbench panels and the shared clients. Called once from the extension's UI
 * (src/activation/hostUi.ts); the activation entry forwards terminal links and hovers here.
 */
import type * as vscode from 'vscode';
import type { CenApi } from '../../cloud/cenApi';
import type { SlsApi } from '../../cloud/slsApi';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { AddressHoverProvider } from './addressHoverProvider';
import { LastFlowLog } from './lastFlowLog';
import { TerminalAddressLinks } from './terminalAddressLinks';
import { registerTrafficCommands } from './trafficCommands';
import { TrafficOpener } from './trafficOpener';
import { TrafficTargetStatus } from './trafficTargetStatus';

export interface TrafficBridgeDeps {
  readonly panels: WorkbenchPanels;
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => SlsApi | undefined;
  readonly registrar: CommandRegistrar;
  readonly log: vscode.LogOutputChannel;
}

export interface TrafficBridges {
  readonly hovers: vscode.HoverProvider;
  readonly terminalLinks: vscode.TerminalLinkProvider;
}

export function registerTrafficBridges(context: vscode.ExtensionContext, deps: TrafficBridgeDeps): TrafficBridges {
  const lastFlowLog = new LastFlowLog(context.workspaceState);
  const opener = new TrafficOpener({ panels: deps.panels, cen: deps.cen, lastFlowLog, log: deps.log });
  registerTrafficCommands(deps.registrar, opener, deps.log);
  context.subscriptions.push(new TrafficTargetStatus(lastFlowLog));
  return {
    hovers: new AddressHoverProvider({ sls: deps.sls, lastFlowLog, log: deps.log }),
    terminalLinks: new TerminalAddressLinks(),
  };
}
