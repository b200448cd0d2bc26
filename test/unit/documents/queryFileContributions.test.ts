/**
 * The .slsql language as package.json contributes it: the grammar colours the same SQL keywords
 * as the workbench's tokenizer, every contributed file exists and ships in the VSIX, Ctrl/Cmd+Enter
 * runs only in query files, and a new file's template holds statements without local errors.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { SQL_KEYWORDS } from '../../../src/query/tokenizer';
import { parseQueryDocument, runnableText } from '../../../src/documents/queryDocument';
import { diagnoseDocument } from '../../../src/documents/documentDiagnostics';
import { queryFileTemplate, singleQueryFile } from '../../../src/documents/queryFileTemplate';

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

describe('a workbench query saved as a file', () => {
  const NOW = Date.UTC(2026, 11, 6, 5) / 1000;

  it('reads back as one statement with the same text, flow log and range', () => {
    const query = '* | select dstport, count(*) as n\n\n  group by dstport;';
    const ranges = [
      { kind: 'quick', minutes: 60 },
      { kind: 'quick', minutes: 15 },
      { kind: 'quick', minutes: 1440 },
      { kind: 'relative', amount: 7, unit: 'days' },
      { kind: 'relative', amount: 90, unit: 'minutes' },
      { kind: 'absolute', from: Date.UTC(2026, 11, 1) / 1000, to: Date.UTC(2026, 11, 1, 6, 30, 15) / 1000 },
    ] as const;
    const minutes = (r: (typeof ranges)[number] | { kind: 'relative'; amount: number; unit: 'minutes' | 'hours' | 'days' } | undefined): number | undefined => {
      if (!r) return undefined;
      switch (r.kind) {
        case 'quick': return r.minutes;
        case 'relative': return r.amount * { minutes: 1, hours: 60, days: 1440 }[r.unit];
        case 'absolute': return (r.to - r.from) / 60;
      }
    };
    for (const range of ranges) {
      const text = singleQueryFile(query, { flowLog: 'prod-backbone-flowlog', range, title: 'range: a title, not a header' });
      const doc = parseQueryDocument(text, NOW);
      assert.deepEqual(doc.problems, [], text);
      assert.equal(doc.statements.length, 1, text);
      const [s] = doc.statements;
      assert.equal(runnableText(s.text), '* | select dstport, count(*) as n\n  group by dstport');
      assert.deepEqual(s.target.kind === 'flowLog' && s.target.nameOrId, 'prod-backbone-flowlog');
      assert.equal(minutes(s.range), minutes(range), `${JSON.stringify(range)} → ${text}`);
      if (range.kind === 'absolute') assert.deepEqual(s.range, range);
    }
  });

  it('without a flow log, the header holds a placeholder to fill in', () => {
    const doc = parseQueryDocument(singleQueryFile('dstport:22', {}), NOW);
    assert.equal(doc.statements[0].target.kind, 'flowLog');
    assert.match(singleQueryFile('dstport:22', {}), /-- flowlog: <name or id of the flow log>/);
  });
});
