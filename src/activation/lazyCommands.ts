/**
 * Registers every contributed command at activation. A few are answered by the activation entry
 * itself; all others forward to the extension's UI, which is loaded on the first such call.
 * Takes the registry as a parameter (VS Code's `commands` in the extension) so no `vscode` import
 * is needed here.
 */
import type { Disposable } from 'vscode';
import type { CommandHandler } from '../views/commands/commandRegistrar';
import { CONTRIBUTED_COMMANDS, type ContributedCommand } from './contributions';

/** The part of `vscode.commands` used here. */
export interface CommandRegistry {
  registerCommand(id: string, handler: CommandHandler): Disposable;
}

/** Runs a command's real handler, loading whatever it needs first. */
export type CommandDispatch = (id: ContributedCommand, args: unknown[]) => Promise<unknown>;

export function registerContributedCommands(
  registry: CommandRegistry,
  own: Partial<Record<ContributedCommand, CommandHandler>>,
  dispatch: CommandDispatch,
): Disposable[] {
  return CONTRIBUTED_COMMANDS.map((id) => registry.registerCommand(id, own[id] ?? ((...args: unknown[]) => dispatch(id, args))));
}
