import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/query/diagnostics';
import { QUERY_PRESETS, findPreset, presetAvailability, renderPreset } from '../../../src/query/presets';
import { CURRENT_FIELDS, FLOW_LOG_FIELDS, OLDER_FORM_FIELDS } from '../../../src/flowlogs/catalog';

const examples = (id: string): Record<string, string> =>
  Object.fromEntries((findPreset(id)?.parameters ?? []).map((p) => [p.name, p.example]));

describe('presets', () => {
  for (const preset of QUERY_PRESETS) {
    it(`${preset.id} renders and passes diagnostics with no errors`, () => {
      const rendered = renderPreset(preset, examples(preset.id));
      assert.ok(rendered.ok, rendered.ok ? '' : rendered.message);
      assert.doesNotMatch(rendered.query, /\{\w+\}/);
      const errors = diagnose(rendered.query).filter((d) => d.severity !== 'info');
      assert.deepEqual(errors, []);
      assert.ok(preset.title && preset.description);
    });
  }

  it('each declares exactly the flow-log fields its query uses', () => {
    for (const preset of QUERY_PRESETS) {
      const used = FLOW_LOG_FIELDS.map((f) => f.name).filter((name) => new RegExp(`(^|[^\\w-])"?${name}"?($|[^\\w-])`).test(preset.query));
      assert.deepEqual([...preset.requires].sort(), used.sort(), preset.id);
    }
  });

  it('is available only where the schema has its fields, and says which one is missing', () => {
    const current = CURRENT_FIELDS.map((f) => f.name);
    const older = OLDER_FORM_FIELDS.map((f) => f.name);
    const rtt = findPreset('rtt-percentiles');
    const pairs = findPreset('region-pairs');
    assert.ok(rtt && pairs);
    assert.deepEqual(presetAvailability(rtt, older), { available: true });
    const missing = presetAvailability(rtt, current);
    assert.ok(!missing.available);
    assert.deepEqual(missing.missing, ['rtt', 'log-status']);
    assert.match(missing.reason, /Needs rtt, log-status, which only flow logs of the 2019 \(per-CEN\) form write/);
    assert.deepEqual(presetAvailability(pairs, current), { available: true });
    const noRegions = presetAvailability(pairs, older);
    assert.ok(!noRegions.available && /Needs src-region-id, dst-region-id/.test(noRegions.reason));
    assert.deepEqual(presetAvailability(rtt, undefined), { available: true }, 'no schema known: offered');
  });

  it('has unique ids and covers the questions in flow-logs.md', () => {
    const ids = QUERY_PRESETS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['top-talkers', 'top-destination-ports', 'protocol-mix', 'traffic-over-time', 'region-pairs', 'rtt-percentiles', 'log-status-health', 'address-activity']) {
      assert.ok(findPreset(id), id);
    }
  });

  it('quotes hyphenated fields in SQL presets', () => {
    assert.match(findPreset('region-pairs')?.query ?? '', /"src-region-id", "dst-region-id"/);
    assert.match(findPreset('log-status-health')?.query ?? '', /"log-status" = 'NODATA'/);
  });

  it('fills the window parameter with the flow log interval, defaulting to 600', () => {
    const preset = findPreset('traffic-over-time');
    assert.ok(preset);
    const r60 = renderPreset(preset, { window: '60' });
    assert.ok(r60.ok && r60.query.includes('__time__ % 60 AS window_start'));
    const rDefault = renderPreset(preset);
    assert.ok(rDefault.ok && rDefault.query.includes('__time__ % 600 AS window_start'));
  });

  it('rejects a bad window and a missing or bad address with a message', () => {
    const windowed = findPreset('log-status-health');
    const address = findPreset('address-activity');
    assert.ok(windowed && address);
    const bad = renderPreset(windowed, { window: '10; drop' });
    assert.equal(bad.ok, false);
    const missing = renderPreset(address);
    assert.ok(!missing.ok && /IP address/.test(missing.message));
    assert.equal(renderPreset(address, { ip: 'not-an-ip' }).ok, false);
  });

  it('quotes an IPv6 address in the address preset', () => {
    const address = findPreset('address-activity');
    assert.ok(address);
    const r = renderPreset(address, { ip: 'fe80::1' });
    assert.ok(r.ok);
    assert.equal(r.query, 'srcaddr:"fe80::1" or dstaddr:"fe80::1"');
    assert.deepEqual(diagnose(r.query), []);
  });

  it('suggests charts that suit the result shape', () => {
    assert.equal(findPreset('protocol-mix')?.chart, 'pie');
    assert.ok(['line', 'area'].includes(findPreset('traffic-over-time')?.chart ?? ''));
    assert.equal(findPreset('address-activity')?.chart, 'table');
  });
});
