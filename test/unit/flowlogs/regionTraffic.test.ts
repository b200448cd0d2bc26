/**
 * Traffic by region pair: the aggregation's statement, reading its rows, summing several flow
 * logs' answers (equal to one aggregation over the union of their records, computed here
 * independently), and which formats cannot answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingRegionFields, pairRecordsQuery, parseRegionTraffic, regionTrafficQuery, sumRegionTraffic, type RegionPairTraffic } from '../../../src/flowlogs/regionTraffic';
import { diagnose } from '../../../src/query/diagnostics';

interface Rec {
  src: string;
  dst: string;
  att: string;
  bytes: number;
  packets: number;
}

/** What `group by src, dst, att` answers for these records, as the service's string rows. */
function aggregate(records: readonly Rec[]): string[][] {
  const m = new Map<string, Rec>();
  for (const r of records) {
    const k = `${r.src}|${r.dst}|${r.att}`;
    const e = m.get(k);
    if (e) {
      e.bytes += r.bytes;
      e.packets += r.packets;
    } else m.set(k, { ...r });
  }
  return [...m.values()].map((r) => [r.src, r.dst, r.att, String(r.bytes), String(r.packets)]);
}

const COLUMNS = ['src', 'dst', 'att', 'total_bytes', 'total_packets'];

function recs(seed: number, n: number): Rec[] {
  const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];
  const out: Rec[] = [];
  let x = seed;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < n; i++) {
    const s = regions[next() % 3];
    let d = regions[next() % 3];
    if (d === s) d = regions[(regions.indexOf(s) + 1) % 3];
    out.push({ src: s, dst: d, att: `att-${next() % 2}`, bytes: next() % 100_000, packets: next() % 100 });
  }
  return out;
}

describe('region traffic', () => {
  it('is one SQL statement the local checks accept, with or without the attachment', () => {
    for (const by of [false, true]) {
      const q = regionTrafficQuery(by);
      assert.deepEqual(diagnose(q).filter((d) => d.severity === 'error'), [], q);
      assert.match(q, /sum\(bytes\).*sum\(packets\)/);
      assert.equal(q.includes('"attachment-id"'), by);
    }
  });

  it('sums of per-flow-log answers equal one aggregation over the union of their records', () => {
    const a = recs(1, 400);
    const b = recs(2, 300);
    const merged = sumRegionTraffic([parseRegionTraffic(COLUMNS, aggregate(a)), parseRegionTraffic(COLUMNS, aggregate(b))]);
    const union = parseRegionTraffic(COLUMNS, aggregate([...a, ...b]));
    const key = (t: RegionPairTraffic): string => `${t.src}|${t.dst}|${t.attachmentId}|${t.bytes}|${t.packets}`;
    assert.deepEqual(merged.map(key).sort(), union.map(key).sort());
    assert.ok(merged.every((t, i) => i === 0 || merged[i - 1].bytes >= t.bytes), 'busiest pair first');
  });

  it('skips rows without both regions and reads missing numbers as 0', () => {
    const rows = parseRegionTraffic(['src', 'dst', 'total_bytes', 'total_packets'], [['-', '-', '5', '1'], ['cn-hangzhou', 'null', '5', '1'], ['cn-hangzhou', 'cn-shanghai', '', '3']]);
    assert.deepEqual(rows, [{ src: 'cn-hangzhou', dst: 'cn-shanghai', bytes: 0, packets: 3 }]);
    assert.throws(() => parseRegionTraffic(['a', 'b'], []), /lacks a column/);
  });

  it('names the fields a format lacks: the 2019 form and custom formats without regions cannot answer', () => {
    assert.deepEqual(missingRegionFields({ logFormatString: '', olderForm: false }, true), []);
    assert.deepEqual(missingRegionFields({ logFormatString: '', olderForm: true }, false), ['src-region-id', 'dst-region-id']);
    assert.deepEqual(missingRegionFields({ logFormatString: '${srcaddr}${dstaddr}${bytes}${src-region-id}${dst-region-id}', olderForm: false }, true), ['packets', 'attachment-id']);
  });

  it('opens a pair (and attachment) as a search on its region fields', () => {
    assert.equal(pairRecordsQuery('cn-hangzhou', 'cn-shanghai'), 'src-region-id:"cn-hangzhou" and dst-region-id:"cn-shanghai"');
    assert.equal(pairRecordsQuery('cn-hangzhou', 'cn-shanghai', 'tr-attach-1'), 'src-region-id:"cn-hangzhou" and dst-region-id:"cn-shanghai" and attachment-id:"tr-attach-1"');
    assert.deepEqual(diagnose(pairRecordsQuery('cn-hangzhou', 'cn-shanghai', 'tr-attach-1')).filter((d) => d.severity === 'error'), []);
  });
});
