/**
 * Query documents (`.slsql`) get their editor features from the extension's UI chunk: build it
 * as soon as one is open (activation by `onLanguage:slsql`), not only on a first command.
 */
import type * as vscode from 'vscode';

/** The part of `vscode.workspace` used here; passed in so activation stays free of namespace copies. */
export type DocumentEvents = Pick<typeof vscode.workspace, 'textDocuments' | 'onDidOpenTextDocument'>;

export function whenQueryDocumentOpens(workspace: DocumentEvents, languageId: string, build: () => void): vscode.Disposable {
  if (workspace.textDocuments.some((d) => d.languageId === languageId)) {
    build();
    return { dispose: () => undefined };
  }
  const listener = workspace.onDidOpenTextDocument((d) => {
    if (d.languageId !== languageId) return;
    listener.dispose();
    build();
  });
  return listener;
}
