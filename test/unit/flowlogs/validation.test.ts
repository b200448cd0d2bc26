import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_FORMAT_REQUIRED_PREFIX, SUPPORTED_REGIONS } from '../../../src/flowlogs/catalog';
import {
  checkCenId,
  checkDescription,
  checkFlowLogName,
  checkInterval,
  checkLogFormatString,
  checkLogStoreName,
  checkProjectName,
  checkRegionId,
  checkTransitRouterAttachmentId,
  checkTransitRouterId,
  validateCreateInput,
  validateModifyInput,
} from '../../../src/flowlogs/validation';

const valid = {
  cenId: 'cen-7qthudw0ll6jmc0001',
  regionId: 'cn-hangzhou',
  transitRouterId: 'tr-bp1g9313sx675zr1lajmj',
  projectName: 'cen-flow-logs-cn-hangzhou',
  logStoreName: 'cen_flow_log',
};

describe('flow-log field validation (the API rules, before any call)', () => {
  it('name: optional, 1–128 characters, no http(s):// prefix', () => {
    assert.equal(checkFlowLogName(''), undefined);
    assert.equal(checkFlowLogName('prod flow log'), undefined);
    assert.equal(checkFlowLogName('x'.repeat(128)), undefined);
    assert.match(checkFlowLogName('x'.repeat(129)) ?? '', /129 characters.*at most 128.*character 129/);
    assert.match(checkFlowLogName('http://evil') ?? '', /cannot start with http/);
    assert.match(checkFlowLogName('HTTPS://x') ?? '', /cannot start with http/);
    assert.equal(checkFlowLogName('my-http://x'), undefined, 'only a leading URL scheme is refused');
    assert.match(checkFlowLogName('   ') ?? '', /only spaces/);
    assert.equal(checkFlowLogName('流日志'.repeat(40)), undefined, '120 CJK characters count as 120, not as UTF-16 units');
  });

  it('description: optional, 1–256 characters, no http(s):// prefix', () => {
    assert.equal(checkDescription(''), undefined);
    assert.equal(checkDescription('d'.repeat(256)), undefined);
    assert.match(checkDescription('d'.repeat(257)) ?? '', /at most 256/);
    assert.match(checkDescription('https://x') ?? '', /Description cannot start with http/);
  });

  it('interval: only 60 or 600 seconds', () => {
    assert.equal(checkInterval(60), undefined);
    assert.equal(checkInterval(600), undefined);
    for (const bad of [0, 59, 300, 601, 3600]) assert.match(checkInterval(bad) ?? '', /60 seconds.*600 seconds/, String(bad));
  });

  // Was "each of the 16 is accepted; others are refused": regions now come from the API (issue 18), so only the id's shape is checked.
  it('region: any id-shaped region is accepted, the service decides; empty or malformed is refused', () => {
    for (const r of SUPPORTED_REGIONS) assert.equal(checkRegionId(r.id), undefined, r.id);
    assert.equal(checkRegionId('cn-qingdao'), undefined);
    assert.equal(checkRegionId('mars-north-1'), undefined);
    assert.match(checkRegionId('') ?? '', /region is required/);
    assert.match(checkRegionId('cn hangzhou') ?? '', /not a region id/);
  });

  it('CEN id: cen- prefix, lower-case letters and digits, positioned error', () => {
    assert.equal(checkCenId('cen-abc123'), undefined);
    assert.match(checkCenId('') ?? '', /required/);
    assert.match(checkCenId('vpc-abc') ?? '', /not a CEN instance id/);
    assert.match(checkCenId('cen-ab_c') ?? '', /"_" at position 7/);
  });

  it('project name: 3–63, lower-case letters, digits, hyphens, letter/digit at both ends', () => {
    assert.equal(checkProjectName('abc'), undefined);
    assert.equal(checkProjectName('a'.repeat(63)), undefined);
    assert.match(checkProjectName('') ?? '', /required/);
    assert.match(checkProjectName('ab') ?? '', /3 to 63.*it is 2/);
    assert.match(checkProjectName('a'.repeat(64)) ?? '', /3 to 63.*it is 64/);
    assert.match(checkProjectName('My-project') ?? '', /"M" at position 1/);
    assert.match(checkProjectName('my_project') ?? '', /"_" at position 3/);
    assert.match(checkProjectName('-abc') ?? '', /must start with/);
    assert.match(checkProjectName('abc-') ?? '', /must end with/);
  });

  it('logstore name: like a project name but underscores allowed', () => {
    assert.equal(checkLogStoreName('cen_flow-log1'), undefined);
    assert.match(checkLogStoreName('ab') ?? '', /3 to 63/);
    assert.match(checkLogStoreName('flow.log') ?? '', /"\." at position 5/);
    assert.match(checkLogStoreName('_abc') ?? '', /must start with/);
    assert.match(checkLogStoreName('abc_') ?? '', /must end with/);
  });

  // Was "optional": a flow log is always created on a transit router today (api-current.md §1.5).
  it('transit router ids: required, tr- / tr-attach- prefixed; the attachment optional', () => {
    assert.match(checkTransitRouterId('') ?? '', /transit router is required/);
    assert.equal(checkTransitRouterAttachmentId(''), undefined);
    assert.equal(checkTransitRouterId('tr-bp1abc'), undefined);
    assert.match(checkTransitRouterId('vpc-1') ?? '', /tr-xxxxxxxx/);
    assert.match(checkTransitRouterId('tr-') ?? '', /tr-xxxxxxxx/);
    assert.match(checkTransitRouterId('tr-AB') ?? '', /"A" at position 4/);
    assert.equal(checkTransitRouterAttachmentId('tr-attach-123'), undefined);
    assert.match(checkTransitRouterAttachmentId('tr-123') ?? '', /tr-attach-/);
  });

  it('log format: starts with the required prefix, known fields only, each once, positioned', () => {
    assert.equal(checkLogFormatString(''), undefined);
    assert.equal(checkLogFormatString(LOG_FORMAT_REQUIRED_PREFIX), undefined);
    assert.equal(checkLogFormatString(LOG_FORMAT_REQUIRED_PREFIX + '${srcport}${dstport}'), undefined);
    assert.match(checkLogFormatString('${dstaddr}${srcaddr}${bytes}') ?? '', /must start with/);
    const prefixLen = LOG_FORMAT_REQUIRED_PREFIX.length;
    assert.match(checkLogFormatString(LOG_FORMAT_REQUIRED_PREFIX + '${nope}') ?? '', new RegExp(`unknown field "nope" at position ${prefixLen + 1}`));
    assert.match(checkLogFormatString(LOG_FORMAT_REQUIRED_PREFIX + ' ${rtt}') ?? '', new RegExp(`expected \\$\\{field\\} at position ${prefixLen + 1}`));
    assert.match(checkLogFormatString(LOG_FORMAT_REQUIRED_PREFIX + '${bytes}') ?? '', /"bytes" appears twice/);
  });

  it('whole create request: valid passes; each bad field is reported once, by field', () => {
    assert.deepEqual(validateCreateInput(valid), []);
    const issues = validateCreateInput({
      ...valid,
      regionId: 'cn hangzhou',
      projectName: 'P',
      name: 'https://x',
      interval: 300 as 600,
      transitRouterId: 'x',
    });
    assert.deepEqual(
      issues.map((i) => i.field),
      ['regionId', 'transitRouterId', 'projectName', 'name', 'interval'],
    );
    assert.deepEqual(validateCreateInput({ ...valid, transitRouterId: '' }).map((i) => i.field), ['transitRouterId']);
  });

  it('modify request: name, description and interval follow the same rules', () => {
    assert.deepEqual(validateModifyInput({ name: 'new name' }), []);
    assert.deepEqual(
      validateModifyInput({ name: 'x'.repeat(200), description: 'http://a', interval: 1 as 60 }).map((i) => i.field),
      ['name', 'description', 'interval'],
    );
  });
});
