/**
 * Hovering a query word: fields tell their meaning and type (from the target's index when known),
 * functions their signature; other words say nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../../src/documents/queryHover';

function hover(query: string, word: string, fields?: Parameters<typeof hoverAt>[2]) {
  return hoverAt(query, query.indexOf(word) + 1, fields);
}

describe('query hover', () => {
  it('a search field: its type and meaning from the catalog, positioned on the name', () => {
    const q = 'dstport:22';
    const h = hover(q, 'dstport');
    assert.ok(h);
    assert.equal(q.slice(h.from, h.to), 'dstport');
    assert.match(h.markdown, /\*\*dstport\*\* `long`.*\n\nDestination port/);
  });

  it('quoted and SQL fields, reserved fields', () => {
    assert.match(hover('* | select "log-status", count(*) group by "log-status"', 'log-status')?.markdown ?? '', /OK = recorded/);
    assert.match(hover('* | select srcaddr', 'srcaddr')?.markdown ?? '', /Source address/);
    assert.match(hover('* | select __time__', '__time__')?.markdown ?? '', /reserved/);
  });

  it('a function: its signature and description', () => {
    assert.match(hover('* | select approx_percentile(rtt, 0.9)', 'approx_percentile')?.markdown ?? '', /approx_percentile\(x, p\) → double/);
  });

  it('with the target index known, a catalog field it lacks says so; an index-only field shows its type', () => {
    const fields = [{ name: 'dstport', type: 'long' as const }, { name: 'vpc-id', type: 'text' as const }];
    assert.match(hover('* | select rtt', 'rtt', fields)?.markdown ?? '', /not in this flow log's index/);
    assert.match(hover('"vpc-id":x', 'vpc-id', fields)?.markdown ?? '', /\*\*vpc-id\*\* `text`/);
  });

  it('values, keywords and unknown words have no hover', () => {
    assert.equal(hover('dstport:22', '22'), undefined);
    assert.equal(hover('* | select 1 from log', 'select'), undefined);
    assert.equal(hover('* | select nosuchthing', 'nosuchthing'), undefined);
  });
});
