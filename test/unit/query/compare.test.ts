/** Before / after: joining two aggregations into deltas, new/vanished entries and safe ratios. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesRatio, compareRows, compareTotals, sortEntries, type MeasuredRow } from '../../../src/query/compare';

const row = (key: string | string[], bytes: number, records = 1): MeasuredRow => ({ key: typeof key === 'string' ? [key] : key, bytes, records });

describe('before/after compare', () => {
  it('joins on the key: bytes in each range, difference and ratio', () => {
    const entries = compareRows([row('10.0.0.1', 100, 2), row('10.0.0.2', 400)], [row('10.0.0.1', 250, 5), row('10.0.0.2', 100)]);
    const one = entries.find((e) => e.key[0] === '10.0.0.1');
    assert.deepEqual(one, { key: ['10.0.0.1'], status: 'both', earlierBytes: 100, currentBytes: 250, earlierRecords: 2, currentRecords: 5, difference: 150, ratio: 2.5 });
    const two = entries.find((e) => e.key[0] === '10.0.0.2');
    assert.equal(two?.difference, -300);
    assert.equal(two?.ratio, 0.25);
  });

  it('marks entries only in the current range new and only in the earlier range vanished', () => {
    const entries = compareRows([row('gone', 70), row('kept', 10)], [row('kept', 10), row('fresh', 30)]);
    const status = Object.fromEntries(entries.map((e) => [e.key[0], e.status]));
    assert.deepEqual(status, { gone: 'vanished', kept: 'both', fresh: 'new' });
    const fresh = entries.find((e) => e.key[0] === 'fresh');
    assert.deepEqual([fresh?.earlierBytes, fresh?.currentBytes, fresh?.difference, fresh?.ratio], [0, 30, 30, null]);
    const gone = entries.find((e) => e.key[0] === 'gone');
    assert.deepEqual([gone?.earlierBytes, gone?.currentBytes, gone?.difference, gone?.ratio], [70, 0, -70, 0]);
  });

  it('ratio never divides by zero: nothing to nothing is 1, something from nothing is null', () => {
    assert.equal(bytesRatio(0, 0), 1);
    assert.equal(bytesRatio(0, 5), null);
    assert.equal(bytesRatio(5, 0), 0);
    assert.equal(bytesRatio(4, 8), 2);
    const [e] = compareRows([row('z', 0)], [row('z', 0)]);
    assert.deepEqual([e.status, e.ratio, e.difference], ['both', 1, 0]);
    const [f] = compareRows([row('z', 0)], [row('z', 9)]);
    assert.deepEqual([f.status, f.ratio], ['both', null], 'a key present with zero bytes before is not new, yet has no finite ratio');
  });

  it('multi-value keys (region pairs) are kept apart and a repeated key within one answer is summed', () => {
    const entries = compareRows(
      [row(['cn-hangzhou', 'cn-beijing'], 10), row(['cn-beijing', 'cn-hangzhou'], 7)],
      [row(['cn-hangzhou', 'cn-beijing'], 15), row(['cn-hangzhou', 'cn-beijing'], 5, 3)],
    );
    assert.equal(entries.length, 2);
    const forward = entries.find((e) => e.key.join('>') === 'cn-hangzhou>cn-beijing');
    assert.deepEqual([forward?.currentBytes, forward?.currentRecords, forward?.ratio], [20, 4, 2]);
    assert.equal(entries.find((e) => e.key.join('>') === 'cn-beijing>cn-hangzhou')?.status, 'vanished');
  });

  it('sorts by the size of the change first (growth and drop alike), then by key; other columns both ways', () => {
    const entries = compareRows([row('a', 100), row('b', 10), row('c', 50)], [row('a', 20), row('b', 60), row('d', 5)]);
    assert.deepEqual(entries.map((e) => e.key[0]), ['a', 'b', 'c', 'd'], '|−80| > |+50| > |−50| (tie broken by key) > |+5|');
    assert.deepEqual(sortEntries(entries, 'ratio', 'descending').map((e) => e.key[0]), ['d', 'b', 'a', 'c'], 'new (null ratio) first, then 6, 0.2, 0');
    assert.deepEqual(sortEntries(entries, 'current', 'ascending').map((e) => e.key[0]), ['c', 'd', 'a', 'b']);
    assert.deepEqual(sortEntries(entries, 'key', 'descending').map((e) => e.key[0]), ['d', 'c', 'b', 'a']);
    assert.deepEqual(sortEntries(entries, 'earlier', 'descending').map((e) => e.key[0]), ['a', 'c', 'b', 'd']);
  });

  it('totals: sums of both sides, their ratio, and the counts of new and vanished entries', () => {
    const totals = compareTotals(compareRows([row('a', 100), row('b', 10)], [row('a', 300), row('c', 5), row('d', 5)]));
    assert.deepEqual(totals, { earlierBytes: 110, currentBytes: 310, difference: 200, ratio: 310 / 110, newCount: 2, vanishedCount: 1 });
    assert.deepEqual(compareTotals([]), { earlierBytes: 0, currentBytes: 0, difference: 0, ratio: 1, newCount: 0, vanishedCount: 0 });
  });
});
