/**
 * Addresses (optionally with a port) in terminal output become links; activating one opens that
 * address's traffic around the time the line starts with, else around now.
 */
import * as vscode from 'vscode';
import { t } from '@vscode/l10n';
import { extractAddresses, formatAddress } from '../../query/addressList';
import { leadingTimestamp } from '../../query/logLineTimestamp';
import { TRAFFIC_COMMANDS, type AddressCommandArgs } from './trafficCommands';
import type { AddressTarget } from './trafficOpener';

export interface AddressTerminalLink extends vscode.TerminalLink {
  readonly target: AddressTarget;
  /** The line's leading time, UNIX seconds, when it has one. */
  readonly lineTime?: number;
}

/** Lines longer than this are dumps (a minified JSON body); linking them costs more than it helps. */
const MAX_LINE = 4000;

export class TerminalAddressLinks implements vscode.TerminalLinkProvider<AddressTerminalLink> {
  constructor(private readonly now: () => number = () => Date.now() / 1000) {}

  provideTerminalLinks(context: vscode.TerminalLinkContext): AddressTerminalLink[] {
    return terminalLinksOf(context.line, this.now());
  }

  /** Through the command, so failures get the one error display and the UI is ready first. */
  async handleTerminalLink(link: AddressTerminalLink): Promise<void> {
    const { address, port } = link.target;
    const args: AddressCommandArgs = { address, ...(port === undefined ? {} : { port }), ...(link.lineTime === undefined ? {} : { centre: link.lineTime }) };
    await vscode.commands.executeCommand(TRAFFIC_COMMANDS.showForAddress, args);
  }
}

/** The links of one terminal line (pure; unit-tested). */
export function terminalLinksOf(line: string, nowSeconds: number): AddressTerminalLink[] {
  if (line.length > MAX_LINE) return [];
  const addresses = extractAddresses(line);
  if (addresses.length === 0) return [];
  const lineTime = leadingTimestamp(line, { nowSeconds, localOffsetMinutes: -new Date(nowSeconds * 1000).getTimezoneOffset() });
  return addresses.map((a) => {
    const target: AddressTarget = a.port === undefined ? { address: a.address, version: a.version } : { address: a.address, version: a.version, port: a.port };
    const tooltip = lineTime === undefined ? t('Show the flow-log traffic of {0} around now', formatAddress(a)) : t("Show the flow-log traffic of {0} around the line's time", formatAddress(a));
    return { startIndex: a.from, length: a.to - a.from, tooltip, target, ...(lineTime === undefined ? {} : { lineTime }) };
  });
}
