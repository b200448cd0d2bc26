/**
 * The commands behind the debugging bridges: "Show Traffic for This Address" on a debugger variable
 * (several addresses in the value → a pick), the command terminal links and hover links
 * run with one address, and choosing which flow log addresses are looked up in.
 */
import * as vscode from 'vscode';
import type { ContributedCommand } from '../../activation/contributions';
import type { ExtractedAddress } from '../../query/addressFilter';
import { extractAddresses, formatAddress } from '../../query/addressList';
import type { RangeCentre } from '../../query/aroundNow';
import { isIPv4, isIPv6 } from '../../query/addressFilter';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import { debugValueText } from './debugValue';
import type { AddressTarget, TrafficOpener } from './trafficOpener';
import { trafficTargetTitle } from './trafficTarget';

export const TRAFFIC_COMMANDS = {
  showForDebugValue: 'cenFlowLogs.traffic.showForDebugValue',
  showForAddress: 'cenFlowLogs.traffic.showForAddress',
  chooseFlowLog: 'cenFlowLogs.traffic.chooseFlowLog',
} as const satisfies Record<string, ContributedCommand>;

/** What terminal links and hover links pass to `showForAddress`. */
export interface AddressCommandArgs {
  readonly address: string;
  readonly port?: number;
  /** The log line's time (UNIX seconds) to centre on; now when absent. */
  readonly centre?: number;
}

/** Validates the arguments of a command link (a hover's markdown can be copied anywhere). */
export function parseAddressArgs(value: unknown): { target: AddressTarget; centre: RangeCentre } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const { address, port, centre } = o;
  if (typeof address !== 'string') return undefined;
  const version = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
  if (version === undefined) return undefined;
  const validPort = typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
  if (port !== undefined && validPort === undefined) return undefined;
  const target: AddressTarget = validPort === undefined ? { address, version } : { address, version, port: validPort };
  return { target, centre: typeof centre === 'number' && Number.isFinite(centre) ? { kind: 'logLine', seconds: centre } : { kind: 'now' } };
}

export function registerTrafficCommands(registrar: CommandRegistrar, opener: TrafficOpener, log: vscode.LogOutputChannel): void {
  registrar.register(TRAFFIC_COMMANDS.showForDebugValue, 'Show traffic for this address', async (arg?: unknown) => {
    const row = debugValueText(arg);
    if (!row) {
      // Debug adapters and VS Code versions shape this argument; its keys say what to read next time.
      log.warn(`Show traffic: the debugger menu passed no value to read (keys: ${typeof arg === 'object' && arg !== null ? Object.keys(arg).join(', ') : typeof arg})`);
      void vscode.window.showInformationMessage('Run this from a variable in the Run and Debug view while the debugger is paused, or select an address and use "Show Traffic for This Address" from the editor or terminal menu.');
      return;
    }
    const addresses = extractAddresses(row.value);
    const what = row.name ?? 'This value';
    if (addresses.length === 0) {
      void vscode.window.showInformationMessage(`${what} holds no IP address (IPv4, IPv6, optionally with a port). For an object, expand it and use the field that holds the address.`);
      return;
    }
    const chosen = addresses.length === 1 ? addresses[0] : await pickAddress(addresses, what);
    if (chosen) await opener.open(chosen, { kind: 'now' });
  });

  registrar.register(TRAFFIC_COMMANDS.showForAddress, 'Show traffic for this address', async (arg?: unknown) => {
    const parsed = parseAddressArgs(arg);
    if (!parsed) {
      // Reached from the palette or a stale link: fall back to the selection-based command.
      await vscode.commands.executeCommand('cenFlowLogs.query.showTrafficForAddress' satisfies ContributedCommand);
      return;
    }
    await opener.open(parsed.target, parsed.centre);
  });

  registrar.register(TRAFFIC_COMMANDS.chooseFlowLog, 'Choose the flow log or CEN for address traffic', async () => {
    const chosen = await opener.choose('addresses');
    if (chosen) void vscode.window.showInformationMessage(`Addresses from the debugger, terminals and hovers are now looked up in ${trafficTargetTitle(chosen)}.`);
  });
}

async function pickAddress(addresses: readonly ExtractedAddress[], what: string): Promise<ExtractedAddress | undefined> {
  const chosen = await vscode.window.showQuickPick(
    addresses.map((a) => ({ label: formatAddress(a), description: a.version === 6 ? 'IPv6' : 'IPv4', address: a })),
    { title: `${what} holds ${addresses.length} addresses`, placeHolder: 'Show the traffic of which address?' },
  );
  return chosen?.address;
}
