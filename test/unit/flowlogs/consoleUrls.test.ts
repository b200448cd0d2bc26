/**
 * Console links, checked against the URL shapes of shared/spec/api-current.md §6 (not against our
 * implementation), on both sites (the cenFlowLogs.consoleSite setting):
 * - CEN instance list: https://cen.console.aliyun.com/cen/list | https://cen.console.alibabacloud.com/cen/list
 * - CEN instance: …/cen/detail/<cen-id> (ROS console-link catalog `cen/detail/{nativeId}`); the
 *   current console has no per-CEN flow-log page (issue 18 item 7): a flow log is found under the
 *   CEN's Transit Router tab, so the link opens the CEN, with the flow log's region.
 * - Log Service logstore search: https://sls.console.aliyun.com/lognext/project/<p>/logsearch/<l> (and
 *   the same path on sls.console.alibabacloud.com), region chosen by `slsRegion`.
 * Was: a per-CEN `/flowlog` tab link, which does not exist in the current console.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cenConsoleUrl, cenListConsoleUrl, flowLogConsoleUrl, logstoreConsoleUrl, type ConsoleSite } from '../../../src/flowlogs/consoleUrls';

const flowLog = { cenId: 'cen-7qthudw0ll6jmc1234', regionId: 'cn-shanghai', projectName: 'flowlogs-cn-shanghai', logStoreName: 'cen-flowlog' };

const HOSTS: Record<ConsoleSite, { cen: string; sls: string }> = {
  china: { cen: 'cen.console.aliyun.com', sls: 'sls.console.aliyun.com' },
  international: { cen: 'cen.console.alibabacloud.com', sls: 'sls.console.alibabacloud.com' },
};

describe('console URLs (api-current.md §6)', () => {
  for (const site of ['china', 'international'] as const) {
    it(`${site}: the CEN instance list`, () => {
      assert.equal(cenListConsoleUrl(site), `https://${HOSTS[site].cen}/cen/list`);
    });

    it(`${site}: a flow log opens its CEN instance (no per-CEN flow-log page exists), carrying the region`, () => {
      const url = new URL(flowLogConsoleUrl(flowLog, site));
      assert.equal(url.origin, `https://${HOSTS[site].cen}`);
      assert.equal(url.pathname, `/cen/detail/${flowLog.cenId}`);
      assert.equal(url.searchParams.get('regionId'), 'cn-shanghai');
      assert.ok(!url.pathname.includes('flowlog'));
    });

    it(`${site}: the logstore's search page in the Log Service console of the flow log's region`, () => {
      const url = new URL(logstoreConsoleUrl(flowLog, site));
      assert.equal(url.origin, `https://${HOSTS[site].sls}`);
      assert.equal(url.pathname, `/lognext/project/${flowLog.projectName}/logsearch/${flowLog.logStoreName}`);
      assert.equal(url.searchParams.get('slsRegion'), 'cn-shanghai');
    });

    it(`${site}: a CEN instance links to its detail page`, () => {
      assert.equal(cenConsoleUrl('cen-7qthudw0ll6jmc1234', site), `https://${HOSTS[site].cen}/cen/detail/cen-7qthudw0ll6jmc1234`);
    });
  }

  it('the China site is the default', () => {
    assert.equal(new URL(flowLogConsoleUrl(flowLog)).host, 'cen.console.aliyun.com');
  });

  it('ids and names cannot break out of their path segment or query value', () => {
    const url = new URL(flowLogConsoleUrl({ cenId: 'cen-a/../b?x', regionId: 'cn-hangzhou&x=1' }));
    assert.equal(url.pathname.split('/').filter((s) => s).length, 3);
    assert.equal(decodeURIComponent(url.pathname.split('/')[3]), 'cen-a/../b?x');
    assert.deepEqual(url.searchParams.getAll('regionId'), ['cn-hangzhou&x=1']);
    const sls = new URL(logstoreConsoleUrl({ projectName: 'p', logStoreName: 'a/b#c', regionId: 'cn-shanghai' }));
    assert.equal(sls.hash, '');
    assert.equal(decodeURIComponent(sls.pathname.split('/').pop() ?? ''), 'a/b#c');
  });
});
