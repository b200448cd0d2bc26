/**
 * The commands behind the debugging bridges: "Show Traffic for This Address" on an editor or
 * terminal selection and on a debugger variable (several addresses in the value → a pick), the
 * command terminal links and hover links run with one address, and choosing (changing) the flow
 * log or CEN they all look addresses up in.
 */
import * as vscode from 'vscode';
import type { ExtractedAddress } from '../../query/addressFilter';
import { extractAddresses, formatAddress } from '../../query/addressList';
import type { RangeCentre } from '../../query/aroundNow';
import { isIPv4, isIPv6 } from '../../query/addressFilter';
import type { CommandHandler } from '../commands/commandRegistrar';
import { debugValueText } from './debugValue';
import type { AddressTarget, TrafficOpener } from './trafficOpener';
import { lineInText, selectionAddress } from './selectionAddress';
import { TRAFFIC_COMMANDS, type TrafficCommand } from './trafficCommandIds';
import { trafficTargetTitle } from './trafficTarget';

export { TRAFFIC_COMMANDS } from './trafficCommandIds';

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

/** The commands' handlers (registered by registerTrafficBridges.ts, which loads this module on their first run). */
export function trafficCommandHandlers(opener: TrafficOpener, log: vscode.LogOutputChannel): Record<TrafficCommand, CommandHandler> {
  return {
    showForSelection: async () => {
      const selected = await selectedText();
      const ctx = { nowSeconds: Math.floor(Date.now() / 1000), localOffsetMinutes: -new Date().getTimezoneOffset() };
      const found = selected === undefined ? undefined : selectionAddress(selected.text, selected.lineOf, ctx);
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select text containing an IP address (or IP:port) in an editor or terminal first.'));
        return;
      }
      await opener.open(found.address, found.centre);
    },

    showForDebugValue: async (arg?: unknown) => {
      const row = debugValueText(arg);
      if (!row) {
        // Debug adapters and VS Code versions shape this argument; its keys say what to read next time.
        log.warn(`Show traffic: the debugger menu passed no value to read (keys: ${typeof arg === 'object' && arg !== null ? Object.keys(arg).join(', ') : typeof arg})`);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Run this from a variable in the Run and Debug view while the debugger is paused, or select an address and use "Show Traffic for This Address" from the editor or terminal menu.'),
        );
        return;
      }
      const addresses = extractAddresses(row.value);
      const what = row.name ?? vscode.l10n.t('This value');
      if (addresses.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('{0} holds no IP address (IPv4, IPv6, optionally with a port). For an object, expand it and use the field that holds the address.', what),
        );
        return;
      }
      const chosen = addresses.length === 1 ? addresses[0] : await pickAddress(addresses, what);
      if (chosen) await opener.open(chosen, { kind: 'now' });
    },

    showForAddress: async (arg?: unknown) => {
      const parsed = parseAddressArgs(arg);
      if (!parsed) {
        // Reached from the palette or a stale link: fall back to the selection-based command.
        await vscode.commands.executeCommand(TRAFFIC_COMMANDS.showForSelection);
        return;
      }
      await opener.open(parsed.target, parsed.centre);
    },

    chooseFlowLog: async () => {
      const chosen = await opener.choice.change('addresses');
      if (chosen) void vscode.window.showInformationMessage(vscode.l10n.t('Addresses (selections, debugger variables, terminal links, hovers) are now looked up in {0}.', trafficTargetTitle(chosen)));
    },
  };
}

async function pickAddress(addresses: readonly ExtractedAddress[], what: string): Promise<ExtractedAddress | undefined> {
  const chosen = await vscode.window.showQuickPick(
    addresses.map((a) => ({ label: formatAddress(a), description: a.version === 6 ? 'IPv6' : 'IPv4', address: a })),
    { title: vscode.l10n.t('{0} holds {1} addresses', what, addresses.length), placeHolder: vscode.l10n.t('Show the traffic of which address?') },
  );
  return chosen?.address;
}

/** The selected text, and the whole line any offset of it sits on: the editor's, else the terminal's selection. */
async function selectedText(): Promise<{ text: string; lineOf: (offset: number) => string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const { document } = editor;
    const parts = editor.selections.map((s) => ({ start: document.offsetAt(s.start), text: document.getText(s) }));
    const text = parts.map((p) => p.text).join('\n');
    if (text.trim()) {
      const lineOf = (offset: number): string => {
        let at = offset;
        for (const p of parts) {
          if (at <= p.text.length) return document.lineAt(document.positionAt(p.start + at).line).text;
          at -= p.text.length + 1;
        }
        return lineInText(text, offset);
      };
      return { text, lineOf };
    }
  }
  if (!vscode.window.activeTerminal) return undefined;
  // Terminals give their selection only through the clipboard: copy it, then put the clipboard back.
  const previous = await vscode.env.clipboard.readText();
  await vscode.env.clipboard.writeText('');
  try {
    await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
    const text = await vscode.env.clipboard.readText();
    return text.trim() ? { text, lineOf: (offset) => lineInText(text, offset) } : undefined;
  } finally {
    await vscode.env.clipboard.writeText(previous);
  }
}
