/**
 * Coverage rules (api-current.md §1.3): a direction A → B of an inter-region connection is logged by
 * an Active flow log on A's router, for the whole router or for A's connection to B; never by B's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cenCoverage, directionSentence, missingDirections } from '../../../src/flowlogs/coverage';
import { connection, flowLog, router } from '../../support/cenBuilders';

const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const BJ = 'cn-beijing';

/** The demo's prod-backbone: Hangzhou connected to Shanghai and Beijing, each side with its own connection. */
const routers = [router(HZ), router(SH), router(BJ), router('cn-qingdao', 'Basic')];
const connections = [connection(HZ, SH), connection(HZ, BJ), connection(SH, HZ), connection(BJ, HZ)];

describe('coverage of inter-region directions', () => {
  it('lists each connected pair once, in region-id order', () => {
    const pairs = cenCoverage({ routers, interRegionAttachments: connections, flowLogs: [] });
    assert.deepEqual(pairs.map((p) => `${p.a}|${p.b}`), [`${BJ}|${HZ}`, `${HZ}|${SH}`]);
    assert.ok(pairs.every((p) => p.state === 'none'));
  });

  it('a router-level Active flow log logs every direction leaving its region, and only those', () => {
    const pairs = cenCoverage({ routers, interRegionAttachments: connections, flowLogs: [flowLog(HZ, { name: 'hz-router' })] });
    const hzSh = pairs.find((p) => p.b === SH)!;
    assert.equal(hzSh.forward.from, HZ);
    assert.equal(hzSh.forward.state, 'logged');
    assert.deepEqual(hzSh.forward.loggedBy.map((f) => f.name), ['hz-router']);
    assert.equal(hzSh.back.state, 'notLogged', 'Shanghai → Hangzhou needs a flow log on the Shanghai side');
    assert.equal(hzSh.state, 'oneWay');
    assert.equal(directionSentence(hzSh.back), 'cn-shanghai → cn-hangzhou is not logged');
  });

  it('an attachment-level flow log logs only its own connection', () => {
    const onBeijingLink = flowLog(HZ, { attachmentId: connection(HZ, BJ).attachmentId, name: 'hz-to-bj' });
    const pairs = cenCoverage({ routers, interRegionAttachments: connections, flowLogs: [onBeijingLink] });
    assert.equal(pairs.find((p) => p.a === BJ)!.back.state, 'logged', 'Hangzhou → Beijing');
    assert.equal(pairs.find((p) => p.b === SH)!.forward.state, 'notLogged', 'Hangzhou → Shanghai is another connection');
  });

  it('a flow log on a VPC connection, or a stopped one, does not log the direction; the stopped one is named', () => {
    const vpc = flowLog(SH, { attachmentId: 'tr-attach-vpc-sh', name: 'shanghai-vpc' });
    const stopped = flowLog(SH, { status: 'Inactive', name: 'sh-router' });
    const [, hzSh] = cenCoverage({ routers, interRegionAttachments: connections, flowLogs: [vpc, stopped] });
    assert.equal(hzSh.back.state, 'notLogged');
    assert.deepEqual(hzSh.back.notActive.map((f) => f.name), ['sh-router']);
    assert.equal(directionSentence(hzSh.back), 'cn-shanghai → cn-hangzhou is not logged (sh-router is Inactive)');
  });

  it('both sides logged: both; the missing side carries its router and connection for the create wizard', () => {
    const pairs = cenCoverage({ routers, interRegionAttachments: connections, flowLogs: [flowLog(HZ), flowLog(SH)] });
    assert.equal(pairs.find((p) => p.b === SH)!.state, 'both');
    const missing = missingDirections(pairs);
    assert.deepEqual(missing.map((d) => `${d.from}>${d.to}`), [`${BJ}>${HZ}`]);
    assert.equal(missing[0].router?.transitRouterId, `tr-${BJ}`);
    assert.equal(missing[0].attachment?.attachmentId, connection(BJ, HZ).attachmentId);
  });

  it('a Basic Edition sending router cannot log (not offered as missing)', () => {
    const basic = [router(HZ), router(SH, 'Basic')];
    const [pair] = cenCoverage({ routers: basic, interRegionAttachments: [connection(HZ, SH)], flowLogs: [flowLog(HZ)] });
    assert.equal(pair.forward.state, 'logged');
    assert.equal(pair.back.state, 'cannotLog');
    assert.deepEqual(missingDirections([pair]), []);
    assert.match(directionSentence(pair.back), /not Enterprise Edition/);
  });

  it('a connection listed on one side only still makes a pair; the router-level flow log on the other side covers it', () => {
    const [pair] = cenCoverage({ routers: [router(HZ), router(SH)], interRegionAttachments: [connection(HZ, SH)], flowLogs: [flowLog(SH)] });
    assert.equal(pair.back.state, 'logged', 'Shanghai → Hangzhou by the Shanghai router');
    assert.equal(pair.back.attachment, undefined);
  });
});
