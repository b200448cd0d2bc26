/**
 * The .slsql language as package.json contributes it: the grammar colours the same SQL keywords
 * as the workbench's tokenizer, every contributed file exists and ships in the VSIX, Ctrl/Cmd+Enter
 * runs only in query files, and a new file's template holds statements without local errors.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { SQL_KEYWORDS } from '../../../src/query/tokenizer';
import { parseQueryDocument } from '../../../src/documents/queryDocument';
import { diagnoseDocument } from '../../../src/documents/documentDiagnostics';
import { queryFileTemplate } from '../../../src/documents/queryFileTemplate';

interface Pattern {
  readonly name?: string;
  readonly match?: string;
  readonly patterns?: readonly Pattern[];
}
interface Manifest {
  readonly activationEvents: string[];
  readonly contributes: {
    readonly languages: { id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }[];
    readonly grammars: { language: string; scopeName: string; path: string }[];
    readonly keybindings: { command: string; key: string; mac: string; when: string }[];
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

describe('the slsql language contribution', () => {
  const language = manifest.contributes.languages.find((l) => l.id === 'slsql');
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'slsql');

  it('is contributed for *.slsql with its grammar, configuration and icon, all shipped', () => {
    assert.ok(language && grammar);
    assert.deepEqual(language.extensions, ['.slsql']);
    assert.ok(manifest.activationEvents.includes('onLanguage:slsql'));
    const ignore = readFileSync('.vscodeignore', 'utf8');
    for (const file of [grammar.path, language.configuration, language.icon.light, language.icon.dark]) {
      assert.ok(existsSync(file), `${file} exists`);
      const top = file.replace(/^\.\//, '').split('/')[0];
      assert.ok(ignore.includes(`!${top}/**`), `${file} is packaged`);
    }
  });

  it('the grammar highlights exactly the tokenizer SQL keywords', () => {
    assert.ok(grammar);
    const g = JSON.parse(readFileSync(grammar.path, 'utf8')) as { repository: { analytics: { patterns: Pattern[] } } };
    const keyword = g.repository.analytics.patterns.find((p) => p.name === 'keyword.other.sql.slsql');
    const words = /\(\?i:([a-z|]+)\)/.exec(keyword?.match ?? '')?.[1].split('|') ?? [];
    assert.deepEqual([...words].sort(), [...SQL_KEYWORDS].sort());
  });

  it('Ctrl/Cmd+Enter runs the statement only in query files', () => {
    const k = manifest.contributes.keybindings.find((b) => b.command === 'cenFlowLogs.queryFile.run');
    assert.ok(k);
    assert.equal(k.key, 'ctrl+enter');
    assert.equal(k.mac, 'cmd+enter');
    assert.match(k.when, /editorLangId == slsql/);
  });
});

describe('the new-file template', () => {
  it('names the flow log, a range, and holds preset statements the checks accept', () => {
    const text = queryFileTemplate('prod-backbone-flowlog', 600);
    const doc = parseQueryDocument(text, Date.UTC(2026, 11, 6) / 1000);
    assert.ok(doc.statements.length >= 3, text);
    assert.ok(doc.statements.every((s) => s.target.kind === 'flowLog' && s.target.nameOrId === 'prod-backbone-flowlog'));
    assert.deepEqual(diagnoseDocument(doc).filter((d) => d.severity === 'error'), []);
  });
});
