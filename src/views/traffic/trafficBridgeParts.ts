/**
 * What the debugging bridges do once used: the address hover provider, the terminal links and the
 * commands' handlers, over one opener. Part of the lazy UI chunk (dist/ui-lazy.js, loaded by
 * trafficBridgesLoader.ts on the first hover, terminal link or command); registerTrafficBridges.ts
 * registers them at startup.
 */
import type * as vscode from 'vscode';
import type { CenApi } from '../../cloud/cenApi';
import type { SlsApi } from '../../cloud/slsApi';
import type { CommandHandler } from '../commands/commandRegistrar';
import type { WorkbenchPanels } from '../workbench/workbenchPanels';
import { AddressHoverProvider } from './addressHoverProvider';
import type { LastFlowLog } from './lastFlowLog';
import { TerminalAddressLinks } from './terminalAddressLinks';
import type { TrafficCommand } from './trafficCommandIds';
import { trafficCommandHandlers } from './trafficCommands';
import { TrafficOpener } from './trafficOpener';

export interface TrafficBridgePartsDeps {
  readonly panels: WorkbenchPanels;
  readonly cen: () => Promise<CenApi>;
  readonly sls: () => SlsApi | undefined;
  readonly log: vscode.LogOutputChannel;
}

export interface TrafficBridgeParts {
  readonly hovers: AddressHoverProvider;
  readonly terminalLinks: TerminalAddressLinks;
  readonly commands: Readonly<Record<TrafficCommand, CommandHandler>>;
}

export function createTrafficBridgeParts(deps: TrafficBridgePartsDeps, lastFlowLog: LastFlowLog): TrafficBridgeParts {
  const opener = new TrafficOpener({ panels: deps.panels, cen: deps.cen, lastFlowLog, log: deps.log });
  return {
    hovers: new AddressHoverProvider({ sls: deps.sls, lastFlowLog, log: deps.log }),
    terminalLinks: new TerminalAddressLinks(),
    commands: trafficCommandHandlers(opener, deps.log),
  };
}
