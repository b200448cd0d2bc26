import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/query/diagnostics';
import { QUERY_PRESETS, findPreset, renderPreset } from '../../../src/query/presets';

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
