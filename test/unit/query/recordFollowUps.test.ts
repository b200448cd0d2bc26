import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followUps, recordJson } from '../../../src/query/recordFollowUps';
import { diagnose } from '../../../src/query/diagnostics';

const RECORD = {
  srcaddr: '10.0.1.5',
  srcport: '51234',
  dstaddr: '172.16.0.9',
  dstport: '443',
  protocol: '6',
  bytes: '1200',
  'src-region-id': 'cn-hangzhou',
  'dst-region-id': 'eu-central-1',
};

test('a record offers its source, destination, 5-tuple and region pair, each a query the local checks accept', () => {
  const ups = followUps(RECORD, 600);
  assert.deepEqual(ups.map((u) => u.kind), ['source', 'destination', 'fiveTuple', 'regionPair']);
  assert.equal(ups[0].query, 'srcaddr:10.0.1.5 or dstaddr:10.0.1.5');
  assert.equal(ups[1].query, 'srcaddr:172.16.0.9 or dstaddr:172.16.0.9');
  assert.match(ups[2].query, /^srcaddr:10\.0\.1\.5 and srcport:51234 and dstaddr:172\.16\.0\.9 and dstport:443 and protocol:6 \| select __time__ - __time__ % 600 as window_start/);
  assert.match(ups[3].query, /^src-region-id:"cn-hangzhou" and dst-region-id:"eu-central-1" \|/);
  for (const u of ups) {
    const errors = diagnose(u.query, {}).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], `${u.kind}: ${u.query}`);
  }
});

test('only the follow-ups whose fields the record has: an older-form record has no region pair, an SQL row may have none', () => {
  const { ['src-region-id']: _a, ['dst-region-id']: _b, ...older } = RECORD;
  assert.deepEqual(followUps(older, 60).map((u) => u.kind), ['source', 'destination', 'fiveTuple']);
  assert.match(followUps(older, 60)[2].query, /% 60 as window_start/);
  assert.deepEqual(followUps({ dstport: '443', n: '12' }, 600), []);
  assert.deepEqual(followUps({ srcaddr: '' }, 600), [], 'an empty value is no address');
});

test('a record as JSON keeps every field and its text', () => {
  assert.deepEqual(JSON.parse(recordJson(RECORD)), RECORD);
});
