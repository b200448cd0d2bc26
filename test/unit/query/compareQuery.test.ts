/** The compare's aggregation per dimension, reading its answer, and the search behind one row. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPARE_DIMENSIONS, compareSql, dimensionUnavailable, keyLabel, measuredRows, rowRecordsQuery } from '../../../src/query/compareQuery';
import { queryShape } from '../../../src/query/queryShape';
import { localRefusal } from '../../../src/query/localRefusal';
import { CURRENT_FIELDS, OLDER_FORM_FIELDS } from '../../../src/flowlogs/catalog';

describe('compare queries', () => {
  it('groups by the dimension\'s fields (hyphenated ones quoted), sums bytes, counts records, biggest first, bounded', () => {
    assert.equal(compareSql('source', 100), '* | SELECT srcaddr AS k0, sum(bytes) AS total_bytes, count(*) AS record_count GROUP BY srcaddr ORDER BY total_bytes DESC LIMIT 100');
    assert.match(compareSql('regionPair'), /SELECT "src-region-id" AS k0, "dst-region-id" AS k1, .* GROUP BY "src-region-id", "dst-region-id" /);
    assert.match(compareSql('port'), /GROUP BY dstport, protocol /);
    for (const d of COMPARE_DIMENSIONS) {
      assert.equal(queryShape(compareSql(d.id, 5000)).sql?.trailingLimit?.count, 5000, `${d.id}: an analytic statement with its limit`);
      assert.deepEqual(localRefusal(compareSql(d.id)), [], `${d.id}: nothing the local checks refuse`);
    }
  });

  it('says which dimensions a flow log\'s fields cannot answer, and why', () => {
    const current = CURRENT_FIELDS.map((f) => f.name);
    for (const d of COMPARE_DIMENSIONS) assert.equal(dimensionUnavailable(d.id, current), undefined, d.id);
    const older = OLDER_FORM_FIELDS.map((f) => f.name);
    assert.match(dimensionUnavailable('regionPair', older) ?? '', /src-region-id, dst-region-id/);
    assert.equal(dimensionUnavailable('source', older), undefined);
    assert.match(dimensionUnavailable('port', ['srcaddr', 'dstaddr', 'bytes', 'dstport']) ?? '', /protocol.*leaves it out/);
  });

  it('reads the answer\'s columns by name; "null" sums are 0; a non-number is a clear error', () => {
    const r = measuredRows('regionPair', ['k0', 'k1', 'total_bytes', 'record_count'], [['cn-hangzhou', 'cn-beijing', '1200', '3'], ['cn-hangzhou', 'cn-qingdao', 'null', '0']]);
    assert.deepEqual(r, { ok: true, rows: [{ key: ['cn-hangzhou', 'cn-beijing'], bytes: 1200, records: 3 }, { key: ['cn-hangzhou', 'cn-qingdao'], bytes: 0, records: 0 }] });
    const reordered = measuredRows('source', ['record_count', 'total_bytes', 'k0'], [['2', '1.5E3', '10.0.0.1']]);
    assert.deepEqual(reordered, { ok: true, rows: [{ key: ['10.0.0.1'], bytes: 1500, records: 2 }] });
    const missing = measuredRows('source', ['srcaddr', 'bytes'], []);
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.message, /lacks the compare's columns \(it has srcaddr, bytes\)/);
    assert.equal(measuredRows('source', ['k0', 'total_bytes', 'record_count'], [['a', 'lots', '1']]).ok, false);
  });

  it('labels keys for people and opens a row with a search on exactly its key', () => {
    assert.equal(keyLabel('regionPair', ['cn-hangzhou', 'cn-beijing']), 'cn-hangzhou → cn-beijing');
    assert.equal(keyLabel('port', ['443', '6']), '443/TCP');
    assert.equal(keyLabel('port', ['9', '99']), '9/99');
    assert.equal(keyLabel('source', ['10.0.0.1']), '10.0.0.1');
    assert.equal(rowRecordsQuery('source', ['10.250.8.17']), 'srcaddr:10.250.8.17');
    assert.equal(rowRecordsQuery('destination', ['fe80::1']), 'dstaddr:"fe80::1"');
    assert.equal(rowRecordsQuery('regionPair', ['cn-hangzhou', 'cn-beijing']), 'src-region-id:"cn-hangzhou" and dst-region-id:"cn-beijing"');
    assert.equal(rowRecordsQuery('port', ['443', '6']), 'dstport:443 and protocol:6');
    assert.equal(rowRecordsQuery('port', ['null', '1']), 'not dstport:* and protocol:1');
    for (const q of [rowRecordsQuery('regionPair', ['cn-hangzhou', 'cn-beijing']), rowRecordsQuery('source', ['fe80::1']), rowRecordsQuery('port', ['null', '1'])]) {
      assert.equal(queryShape(q).sql, undefined, `${q}: a search`);
      assert.deepEqual(localRefusal(q), [], `${q}: nothing the local checks refuse`);
    }
  });
});
