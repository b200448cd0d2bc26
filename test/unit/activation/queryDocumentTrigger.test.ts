/**
 * A query file gets its editor features without a command first: the UI is built once a .slsql
 * document is open (already at activation, or opened later), and not for other files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { whenQueryDocumentOpens, type DocumentEvents } from '../../../src/activation/queryDocumentTrigger';

type Doc = { languageId: string };

function workspace(open: Doc[]): DocumentEvents & { opened(d: Doc): void } {
  const listeners = new Set<(d: Doc) => void>();
  const ws = {
    textDocuments: open,
    onDidOpenTextDocument: (l: (d: Doc) => void) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    opened: (d: Doc) => {
      for (const l of [...listeners]) l(d);
    },
  };
  return ws as unknown as DocumentEvents & { opened(d: Doc): void };
}

describe('building the UI for query documents', () => {
  it('builds at once when a query document is already open', () => {
    let builds = 0;
    whenQueryDocumentOpens(workspace([{ languageId: 'slsql' }]), 'slsql', () => builds++);
    assert.equal(builds, 1);
  });

  it('builds once, on the first query document opened later, not for other files', () => {
    let builds = 0;
    const ws = workspace([{ languageId: 'typescript' }]);
    whenQueryDocumentOpens(ws, 'slsql', () => builds++);
    ws.opened({ languageId: 'json' });
    assert.equal(builds, 0);
    ws.opened({ languageId: 'slsql' });
    ws.opened({ languageId: 'slsql' });
    assert.equal(builds, 1);
  });
});
