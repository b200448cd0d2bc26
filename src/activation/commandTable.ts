/**
 * The real command handlers, keyed by contributed id. VS Code only sees the lazy registrations
 * made at activation (lazyCommands.ts); they run the handler found here once the UI is built.
 */
import type { Disposable } from 'vscode';
import type { CommandHandler, CommandSink } from '../views/commands/commandRegistrar';
import type { ContributedCommand } from './contributions';

export class CommandTable implements CommandSink {
  private readonly handlers = new Map<ContributedCommand, CommandHandler>();

  registerCommand(id: ContributedCommand, handler: CommandHandler): Disposable {
    if (this.handlers.has(id)) throw new Error(`command ${id} has two handlers`);
    this.handlers.set(id, handler);
    return { dispose: () => this.handlers.delete(id) };
  }

  run(id: ContributedCommand, args: unknown[]): unknown {
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`command ${id} is contributed but has no handler`);
    return handler(...args);
  }

  /** Contributed ids without a handler (logged once the UI is built: a wiring mistake). */
  missing(ids: readonly ContributedCommand[]): ContributedCommand[] {
    return ids.filter((id) => !this.handlers.has(id));
  }
}
