/**
 * Query documents (`.slsql`) behind their own chunk: the query-file commands are registered when
 * the UI is built, as before; the language features and the commands' implementation are built on
 * the first query document opened or the first query-file command run, whichever comes first.
 */
import * as vscode from 'vscode';
import { whenQueryDocumentOpens } from '../activation/queryDocumentTrigger';
import type { CommandHandler } from '../views/commands/commandRegistrar';
import type { QueryDocumentsDeps } from './registerQueryDocuments';
import { loadQueryDocumentsModule } from './queryDocumentsLoader';
import { queryFileAction, QUERY_FILE_COMMANDS, QUERY_LANGUAGE_ID } from './queryFileCommands';

export function registerQueryDocumentsLazily(context: vscode.ExtensionContext, deps: QueryDocumentsDeps): void {
  let handlers: ReadonlyMap<string, CommandHandler> | undefined;
  const build = (): ReadonlyMap<string, CommandHandler> => {
    if (handlers) return handlers;
    const built = new Map<string, CommandHandler>();
    // The chunk's handlers are kept here; the registrar below already wraps them (log, error message).
    loadQueryDocumentsModule().registerQueryDocuments(context, { ...deps, registrar: { register: (id, _what, handler) => void built.set(id, handler) } });
    handlers = built;
    return built;
  };
  for (const key of Object.keys(QUERY_FILE_COMMANDS) as (keyof typeof QUERY_FILE_COMMANDS)[]) {
    const id = QUERY_FILE_COMMANDS[key];
    deps.registrar.register(id, queryFileAction(key), (...args: unknown[]) => {
      const handler = build().get(id);
      if (!handler) throw new Error(vscode.l10n.t('The query documents module has no handler for {0}.', id));
      return handler(...args);
    });
  }
  context.subscriptions.push(whenQueryDocumentOpens(vscode.workspace, QUERY_LANGUAGE_ID, () => void build()));
}
