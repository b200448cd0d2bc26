/**
 * The terminal link and hover providers VS Code gets right after activation, forwarding to the extension's
 * UI (where the debugging bridges live, src/views/traffic/). Terminal links and hovers have no
 * contribution point that would activate us later, so they are registered with activation (afterActivation.ts); the cheap checks
 * here (the line could hold an address; hovers are on for this kind of file) keep every other
 * terminal line and hover from loading the UI. Only type imports from `vscode`.
 */
import type * as vscode from 'vscode';
import { hoverEnabled, hoverFileKind } from '../views/traffic/hoverFileKind';
import type { TrafficBridges } from '../views/traffic/registerTrafficBridges';

/** Something that could be part of an IPv4 (`1.2`) or IPv6 (`a:b:`, `::`) address. */
const MAYBE_ADDRESS = /\d\.\d|[0-9a-f]:[0-9a-f]*:/i;

/** The UI's bridges once its saved credentials are restored (a hover before that would read "not signed in"). */
export type BridgesWhenReady = () => Promise<TrafficBridges | undefined>;

export class ForwardingTerminalLinks implements vscode.TerminalLinkProvider {
  constructor(private readonly bridges: BridgesWhenReady) {}

  async provideTerminalLinks(context: vscode.TerminalLinkContext, token: vscode.CancellationToken): Promise<vscode.TerminalLink[]> {
    if (!MAYBE_ADDRESS.test(context.line)) return [];
    return (await (await this.bridges())?.terminalLinks.provideTerminalLinks(context, token)) ?? [];
  }

  async handleTerminalLink(link: vscode.TerminalLink): Promise<void> {
    await (await this.bridges())?.terminalLinks.handleTerminalLink(link);
  }
}

export class ForwardingAddressHovers implements vscode.HoverProvider {
  constructor(
    private readonly bridges: BridgesWhenReady,
    /** The `cenFlowLogs.addressHover.enabled` setting, read on each hover (it may change). */
    private readonly setting: () => unknown,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!hoverEnabled(hoverFileKind(document.languageId, document.fileName), this.setting())) return undefined;
    if (!MAYBE_ADDRESS.test(document.lineAt(position.line).text)) return undefined;
    return (await (await this.bridges())?.hovers.provideHover(document, position, token)) ?? undefined;
  }
}
