/**
 * Console links for every one of the 16 flow-log regions, checked against the URL shapes Alibaba
 * Cloud's own documentation and tools link to (not against our implementation):
 * - CEN console, instance detail pages: https://cen.console.aliyun.com/cen/detail/<cen-id>/<tab>
 *   (CEN docs link e.g. `/cen/detail/cen-0e7i2gmdfs6ymbxgay/route`; ROS console-link catalog:
 *   `https://cen.console.aliyun.com/cen/detail/{nativeId}`). CEN is a global resource, so the
 *   region of the flow log travels as a query parameter.
 * - Log Service console, logstore search page, region chosen by `slsRegion`:
 *   https://sls.console.aliyun.com/lognext/project/<project>/logsearch/<logstore>?slsRegion=<region>
 *   (as SLS's own alert/dashboard links and the ROS catalog's `…/project/{nativeId}/overview?slsRegion={regionId}`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cenConsoleUrl, consoleSiteOf, flowLogConsoleUrl, logstoreConsoleUrl } from '../../../src/flowlogs/consoleUrls';

/** A flow log as DescribeFlowlogs returns it, in one region (ids shaped like the service's). */
function flowLogIn(regionId: string) {
  return {
    cenId: 'cen-7qthudw0ll6jmc1234',
    flowLogId: `flowlog-${regionId.replace(/-/g, '')}0001`,
    regionId,
    projectName: `flowlogs-${regionId}`,
    logStoreName: 'cen-flowlog',
  };
}

/** The 16 region ids of shared/spec/flow-logs.md, typed out so a change to the catalog shows here. */
const SPEC_REGIONS = [
  'cn-hangzhou', 'cn-shanghai', 'cn-zhangjiakou', 'cn-shenzhen', 'cn-beijing', 'cn-huhehaote', 'cn-hongkong', 'eu-west-1',
  'us-west-1', 'us-east-1', 'eu-central-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-5', 'ap-southeast-2', 'ap-southeast-3',
];

describe('console URLs', () => {
  // Was: "covers exactly the 16 regions of the spec". Regions come from the API today (issue 18);
  // the links must work for any region id, so the 16 stay as sample ids below.

  for (const regionId of SPEC_REGIONS) {
    it(`flow log in ${regionId}: the CEN instance's detail page in the CEN console, for that region and flow log`, () => {
      const f = flowLogIn(regionId);
      const url = new URL(flowLogConsoleUrl(f));
      assert.equal(url.protocol, 'https:');
      assert.equal(url.host, 'cen.console.aliyun.com');
      const [section, page, cenId, tab, ...rest] = url.pathname.split('/').filter((s) => s);
      assert.deepEqual([section, page, cenId], ['cen', 'detail', f.cenId], url.pathname);
      assert.ok(tab, 'a tab of the detail page');
      assert.deepEqual(rest, []);
      assert.equal(url.searchParams.get('regionId'), regionId);
      assert.equal(url.searchParams.get('flowLogId'), f.flowLogId);
      assert.equal(url.hash, '');
    });

    it(`flow log in ${regionId}: its logstore's search page in the Log Service console of that region`, () => {
      const f = flowLogIn(regionId);
      const url = new URL(logstoreConsoleUrl(f));
      assert.equal(url.origin, 'https://sls.console.aliyun.com');
      assert.equal(url.pathname, `/lognext/project/${f.projectName}/logsearch/${f.logStoreName}`);
      assert.equal(url.searchParams.get('slsRegion'), regionId);
    });
  }

  it('every region gets its own flow-log and logstore URL', () => {
    const flowLogUrls = new Set(SPEC_REGIONS.map((r) => flowLogConsoleUrl({ ...flowLogIn(r), flowLogId: 'flowlog-same' })));
    const logstoreUrls = new Set(SPEC_REGIONS.map((r) => logstoreConsoleUrl({ ...flowLogIn(r), projectName: 'same-project' })));
    assert.equal(flowLogUrls.size, 16);
    assert.equal(logstoreUrls.size, 16);
  });

  it('ids and names cannot break out of their path segment or query value', () => {
    const url = new URL(flowLogConsoleUrl({ cenId: 'cen-a/../b?x', regionId: 'cn-hangzhou', flowLogId: 'fl&regionId=us-east-1' }));
    assert.equal(url.pathname.split('/').filter((s) => s).length, 4);
    assert.equal(decodeURIComponent(url.pathname.split('/')[3]), 'cen-a/../b?x');
    assert.deepEqual(url.searchParams.getAll('regionId'), ['cn-hangzhou']);
    assert.equal(url.searchParams.get('flowLogId'), 'fl&regionId=us-east-1');
    const sls = new URL(logstoreConsoleUrl({ projectName: 'p', logStoreName: 'a/b#c', regionId: 'cn-shanghai' }));
    assert.equal(sls.hash, '');
    assert.equal(decodeURIComponent(sls.pathname.split('/').pop() ?? ''), 'a/b#c');
    assert.equal(sls.searchParams.get('slsRegion'), 'cn-shanghai');
  });

  it('a CEN instance links to its overview in the CEN console', () => {
    const url = new URL(cenConsoleUrl('cen-7qthudw0ll6jmc1234'));
    assert.equal(url.origin, 'https://cen.console.aliyun.com');
    assert.match(url.pathname, /^\/cen\/detail\/cen-7qthudw0ll6jmc1234(\/[a-z]+)?$/i);
  });

  it('the international site: the same pages on alibabacloud.com', () => {
    const f = flowLogIn('ap-southeast-1');
    assert.equal(new URL(logstoreConsoleUrl(f, 'international')).origin, 'https://sls.console.alibabacloud.com');
    assert.equal(new URL(flowLogConsoleUrl(f, 'international')).origin, 'https://cen.console.alibabacloud.com');
    assert.equal(new URL(cenConsoleUrl(f.cenId, 'international')).origin, 'https://cen.console.alibabacloud.com');
    assert.equal(consoleSiteOf('international'), 'international');
    assert.equal(consoleSiteOf('mars'), 'china', 'an unknown setting value falls back to the China site');
  });

  it('the Log Service link carries the query (base64 of its UTF-8) and the time range, as SLS documents', () => {
    const url = new URL(logstoreConsoleUrl(flowLogIn('cn-hangzhou'), 'china', { query: '*|select count(*)', from: 1684311959, to: 1684312259 }));
    // The documented example: `*|select count(*)` → KnxzZWxlY3QgY291bnQoKik=
    assert.equal(url.searchParams.get('encode'), 'base64');
    assert.equal(url.searchParams.get('queryString'), 'KnxzZWxlY3QgY291bnQoKik=');
    assert.equal(url.searchParams.get('queryTimeType'), '99');
    assert.equal(url.searchParams.get('startTime'), '1684311959');
    assert.equal(url.searchParams.get('endTime'), '1684312259');
    const unicode = new URL(logstoreConsoleUrl(flowLogIn('cn-hangzhou'), 'china', { query: 'srcaddr:"10.0.0.1" and 注释', from: 0, to: 60 }));
    assert.equal(Buffer.from(unicode.searchParams.get('queryString') ?? '', 'base64').toString('utf8'), 'srcaddr:"10.0.0.1" and 注释');
  });
});
