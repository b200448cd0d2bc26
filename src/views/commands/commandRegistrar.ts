/**
 * The one way commands are registered: each run is logged, and any failure becomes one clear
 * notification with a "Show Log" button (never an unhandled rejection). Cancellation is quiet.
 */
import * as vscode from 'vscode';
import type { ContributedCommand } from '../../activation/contributions';
import { presentError } from './errorPresentation';

export type CommandHandler = (...args: unknown[]) => unknown;


/** Where handlers go: the table behind the commands registered lazily at activation (src/activation). */
export interface CommandSink {
  registerCommand(id: ContributedCommand, handler: CommandHandler): vscode.Disposable;
}

export class CommandRegistrar {
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly subscriptions: vscode.Disposable[],
    private readonly sink: CommandSink,
  ) {}

  /** `what` names the action in messages: "Stop flow log failed: …". */
  register(id: ContributedCommand, what: string, handler: CommandHandler): void {
    this.subscriptions.push(
      this.sink.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          await this.report(e, what).catch(() => {
            // Reporting itself failed: the window's channel is gone (reload, close). Nowhere left to tell.
          });
          return undefined;
        }
      }),
    );
  }

  async report(error: unknown, what: string): Promise<void> {
    const p = presentError(error, what);
    if (p.cancelled) {
      this.log.info(`${what}: cancelled`);
      return;
    }
    this.log.error(p.detail ? `${p.message} (${p.detail})` : p.message);
    // Refused or expired credentials (an STS token runs out) are fixed by entering them again.
    const switchCredentials = vscode.l10n.t('Switch Credentials…');
    const showLog = vscode.l10n.t('Show Log');
    const actions = p.kind === 'credentials' ? [switchCredentials, showLog] : [showLog];
    const choice = await vscode.window.showErrorMessage(p.message, ...actions);
    if (choice === showLog) this.log.show(true);
    if (choice === switchCredentials) await vscode.commands.executeCommand('cenFlowLogs.credentials.switch');
  }
}
