// The editor's local checks and the emulator's query planner are written independently; these
// cases pin that they agree: presets run, refused queries are flagged locally, and the
// emulator's positioned messages land on the token they name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLOW_LOG_COLUMNS, LogSchema, RESERVED_COLUMNS } from '../../../emulator/sql/logSchema';
import { planQuery } from '../../../emulator/sql/queryPlan';
import { mapFunction } from '../../../emulator/sql/slsFunctions';
import { diagnose } from '../../../src/query/diagnostics';
import { QUERY_PRESETS, renderPreset } from '../../../src/query/presets';
import { locateServerError } from '../../../src/query/serverError';
import { SQL_FUNCTIONS } from '../../../src/query/sqlVocabulary';

const schema = new LogSchema([...RESERVED_COLUMNS, ...FLOW_LOG_COLUMNS]);

function emulatorError(query: string): string | undefined {
  try {
    planQuery(query, schema);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('presets on the emulator', () => {
  for (const preset of QUERY_PRESETS) {
    it(`${preset.id} is accepted by the emulator's planner`, () => {
      const r = renderPreset(preset, Object.fromEntries(preset.parameters.map((p) => [p.name, p.example])));
      assert.ok(r.ok);
      assert.equal(emulatorError(r.query), undefined);
    });
  }
});

describe('refused queries: flagged locally, located from the emulator message', () => {
  const cases: { query: string; at: string }[] = [
    { query: "* | select 'abc", at: "'abc" },
    { query: '* | delete from log', at: 'delete' },
    { query: '* | select * from other', at: 'other' },
    { query: 'srcaddr:*.1', at: '*.1' },
    { query: '* | select count(*);', at: ';' },
    { query: 'dstport:443 and', at: 'd' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.query), () => {
      const message = emulatorError(c.query);
      assert.ok(message, 'the emulator accepted it');
      assert.ok(diagnose(c.query).some((d) => d.severity === 'error'), 'no local error');
      const loc = locateServerError(message, c.query);
      assert.ok(loc, `not located: ${message}`);
      assert.equal(c.query.slice(loc.from, loc.to), c.at);
    });
  }
});

describe('functions offered by completion', () => {
  it('are all functions the emulator knows (answers, or refuses as unsupported by design)', () => {
    const unknown = SQL_FUNCTIONS.map((f) => f.name).filter((name) => mapFunction(name).kind === 'unknown');
    assert.deepEqual(unknown, []);
  });
});
