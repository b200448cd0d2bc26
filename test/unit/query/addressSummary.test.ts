import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLOW_LOG_COLUMNS, LogSchema, RESERVED_COLUMNS } from '../../../emulator/sql/logSchema';
import { planQuery } from '../../../emulator/sql/queryPlan';
import { addressSummaryQuery, formatByteCount, readAddressSummary, SUMMARY_GROUP_LIMIT, summaryRange } from '../../../src/query/addressSummary';
import { diagnose } from '../../../src/query/diagnostics';

const schema = new LogSchema([...RESERVED_COLUMNS, ...FLOW_LOG_COLUMNS]);

describe('addressSummaryQuery', () => {
  for (const target of [{ address: '10.0.0.1' }, { address: '10.0.0.1', port: 443 }, { address: '2001:db8::1', port: 80 }]) {
    it(`is one valid analytic query for ${JSON.stringify(target)} (local checks and the emulator agree)`, () => {
      const q = addressSummaryQuery(target);
      assert.deepEqual(diagnose(q).filter((d) => d.severity === 'error'), []);
      assert.doesNotThrow(() => planQuery(q, schema));
      assert.ok(q.includes(`'${target.address}'`));
    });
  }
});

describe('summaryRange', () => {
  it('is the last hour of closed windows, the same all through one window', () => {
    const start = Date.UTC(2026, 11, 6, 10, 40) / 1000;
    const r = summaryRange(start + 1, 600);
    assert.deepEqual(r, { from: start - 3600, to: start });
    assert.deepEqual(summaryRange(start + 599, 600), r);
  });
});

describe('readAddressSummary', () => {
  const columns = ['peer', 'port', 'bytes_in', 'bytes_out', 'total'];
  const row = (peer: string, port: string, bin: number, bout: number): string[] => [peer, port, String(bin), String(bout), String(bin + bout)];

  it('totals bytes in and out and ranks peers and ports', () => {
    const s = readAddressSummary(columns, [row('10.0.0.9', '443', 5000, 100), row('10.0.0.8', '22', 10, 3000), row('10.0.0.9', '80', 10, 10), row('10.0.0.7', '443', 1, 1)], 2);
    assert.equal(s.bytesIn, 5021);
    assert.equal(s.bytesOut, 3111);
    assert.deepEqual(s.topPeers, [{ key: '10.0.0.9', bytes: 5120 }, { key: '10.0.0.8', bytes: 3010 }]);
    assert.deepEqual(s.topPorts, [{ key: 443, bytes: 5102 }, { key: 22, bytes: 3010 }]);
    assert.equal(s.truncated, false);
  });

  it('reads columns by name, whatever order the service chose', () => {
    const s = readAddressSummary(['bytes_out', 'peer', 'bytes_in', 'port'], [['7', 'p', '3', '53']]);
    assert.deepEqual([s.bytesIn, s.bytesOut, s.topPorts[0].key], [3, 7, 53]);
  });

  it('says when the group limit was reached', () => {
    const rows = Array.from({ length: SUMMARY_GROUP_LIMIT }, (_, i) => row(`10.0.${i >> 8}.${i & 255}`, '443', 1, 1));
    assert.equal(readAddressSummary(columns, rows).truncated, true);
  });

  it('names unexpected columns', () => {
    assert.throws(() => readAddressSummary(['a'], []), /unexpected columns: a/);
  });

  it('formats byte counts', () => {
    assert.deepEqual([0, 1023, 1536, 10 * 1024 * 1024, 3.5 * 1024 ** 3].map(formatByteCount), ['0 B', '1023 B', '1.5 KB', '10 MB', '3.5 GB']);
  });
});
