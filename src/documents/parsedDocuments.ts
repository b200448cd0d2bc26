/**
 * The parsed model of each open `.slsql` document, kept per version so the CodeLens, diagnostics,
 * completion and hover of one edit parse the text once.
 */
import * as vscode from 'vscode';
import { parseQueryDocument, type QueryDocument } from './queryDocument';
import { QUERY_LANGUAGE_ID } from './queryFileCommands';

export { QUERY_LANGUAGE_ID };

export class ParsedDocuments {
  private readonly cache = new Map<string, { readonly version: number; readonly doc: QueryDocument }>();

  get(document: vscode.TextDocument): QueryDocument {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.doc;
    const doc = parseQueryDocument(document.getText(), Date.now() / 1000);
    this.cache.set(key, { version: document.version, doc });
    return doc;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
