import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HISTORY_CAP, addToHistory, parseHistory, removeFromHistory, serializeHistory } from '../../../src/query/history';

describe('query history', () => {
  it('puts the newest first', () => {
    const h = addToHistory(addToHistory([], 'a', 1), 'b', 2);
    assert.deepEqual(h.map((e) => e.query), ['b', 'a']);
  });

  it('moves a repeated query to the front instead of duplicating it', () => {
    let h = addToHistory([], 'dstport:443', 1);
    h = addToHistory(h, 'x', 2);
    h = addToHistory(h, '  dstport:443 ', 3);
    assert.deepEqual(h, [{ query: 'dstport:443', ranAt: 3 }, { query: 'x', ranAt: 2 }]);
  });

  it(`keeps at most ${HISTORY_CAP}`, () => {
    let h: ReturnType<typeof addToHistory> = [];
    for (let i = 0; i < 80; i++) h = addToHistory(h, `q${i}`, i);
    assert.equal(h.length, 50);
    assert.equal(h[0].query, 'q79');
    assert.equal(h[49].query, 'q30');
  });

  it('ignores empty queries and does not mutate its input', () => {
    const original = addToHistory([], 'a', 1);
    const copy = JSON.stringify(original);
    assert.equal(addToHistory(original, '   ', 2).length, 1);
    addToHistory(original, 'b', 3);
    assert.equal(JSON.stringify(original), copy);
  });

  it('removes a query', () => {
    const h = addToHistory(addToHistory([], 'a', 1), 'b', 2);
    assert.deepEqual(removeFromHistory(h, 'a').map((e) => e.query), ['b']);
  });

  it('round-trips through JSON', () => {
    const h = addToHistory(addToHistory([], 'a', 1), '* | select "log-status"', 2);
    assert.deepEqual(parseHistory(JSON.parse(JSON.stringify(serializeHistory(h)))), h);
  });

  it('drops malformed stored entries', () => {
    const stored = [{ query: 'ok', ranAt: 1 }, null, 'x', { query: 5, ranAt: 1 }, { query: 'no time' }, { query: 'ok', ranAt: 2 }, { query: 'b', ranAt: Number.NaN }];
    assert.deepEqual(parseHistory(stored), [{ query: 'ok', ranAt: 1 }]);
    assert.deepEqual(parseHistory({ not: 'an array' }), []);
    assert.deepEqual(parseHistory(undefined), []);
  });
});
