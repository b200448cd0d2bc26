/** Every workbench preset is a snippet in query files, and expands to exactly the preset's query. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { presetSnippets } from '../../../src/documents/presetSnippets';
import { QUERY_PRESETS } from '../../../src/query/presets';

/** What VS Code inserts for a snippet whose tab stops keep their defaults. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:((?:[^\\}]|\\.)*)\}/g, '$1').replace(/\\([\\$}])/g, '$1');
}

describe('preset snippets', () => {
  it('one per preset, each expanding to the preset query for the capture window', () => {
    const snippets = presetSnippets(60);
    assert.equal(snippets.length, QUERY_PRESETS.length);
    for (const s of snippets) assert.equal(expand(s.snippet), s.query, s.label);
    assert.ok(snippets.some((s) => /\$\{1:/.test(s.snippet)), 'address parameters are tab stops');
  });
});
