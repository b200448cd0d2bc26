/**
 * The extension's UI, built on first need and then kept. The lazy registrations made at activation
 * (commands, tree provider, panel serializer) all go through here. If building fails, that is
 * reported once (log + notification) and every later use is a quiet no-op instead of a retry that
 * would register things twice.
 */
import type * as vscode from 'vscode';
import type { ContributedCommand } from './contributions';
import type { HostUi } from './hostUi';
import { errorText } from '../errorText';

/** The part of `vscode.window` used here; passed in, not imported (see forwardingTreeProvider.ts). */
export type ErrorNotifier = Pick<typeof vscode.window, 'showErrorMessage'>;

type State = { readonly kind: 'unbuilt' } | { readonly kind: 'built'; readonly ui: HostUi } | { readonly kind: 'failed' };

export class LazyHostUi {
  private state: State = { kind: 'unbuilt' };

  constructor(
    private readonly build: () => HostUi,
    private readonly log: vscode.LogOutputChannel,
    private readonly window: ErrorNotifier,
    private readonly l10n: Pick<typeof vscode.l10n, 't'>,
  ) {}

  /** Builds on the first call; undefined when building failed. */
  get(): HostUi | undefined {
    switch (this.state.kind) {
      case 'built':
        return this.state.ui;
      case 'failed':
        return undefined;
      case 'unbuilt':
        return this.buildOnce();
    }
  }

  async run(id: ContributedCommand, args: unknown[]): Promise<unknown> {
    const ui = this.get();
    if (!ui) return undefined;
    await ui.ready;
    return ui.commands.run(id, args);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.serializer((ui) => ui.panelSerializer).deserializeWebviewPanel(panel, state);
  }

  private markRevived: () => void = () => undefined;
  /** Settles when VS Code first hands one of our panels back (it does after a window load, never after a host restart). */
  readonly revived = new Promise<void>((resolve) => (this.markRevived = resolve));

  /** A serializer registered at activation that builds the UI, waits for credentials, then hands over to the one `pick` chooses. */
  serializer(pick: (ui: HostUi) => vscode.WebviewPanelSerializer): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
        this.markRevived();
        const ui = this.get();
        if (!ui) {
          panel.dispose();
          return;
        }
        await ui.ready;
        await pick(ui).deserializeWebviewPanel(panel, state);
      },
    };
  }

  private buildOnce(): HostUi | undefined {
    try {
      const ui = this.build();
      this.state = { kind: 'built', ui };
      return ui;
    } catch (e) {
      this.state = { kind: 'failed' };
      const message = errorText(e);
      this.log.error(`CEN Flow Logs could not load its views and commands: ${e instanceof Error && e.stack ? e.stack : message}`);
      const showLog = this.l10n.t('Show Log');
      void this.window.showErrorMessage(this.l10n.t('CEN Flow Logs could not load its views and commands: {0}', message), showLog).then((choice) => {
        if (choice === showLog) this.log.show(true);
      });
      return undefined;
    }
  }
}
