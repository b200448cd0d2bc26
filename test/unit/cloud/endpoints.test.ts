import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkHostEndpoint, checkUrlEndpoint, isLoopbackHost } from '../../../src/cloud/endpoints';

describe('endpoint settings', () => {
  it('recognises loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', 'proj.localhost', '::1', '[::1]']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['cbn.aliyuncs.com', '10.0.0.1', 'localhost.example.com', '128.0.0.1', '127.0.0.1.nip.io']) assert.ok(!isLoopbackHost(h), h);
  });

  it('accepts https anywhere and normalises away the trailing slash', () => {
    assert.deepEqual(checkUrlEndpoint('https://cbn.aliyuncs.com/', 's'), { ok: true, value: 'https://cbn.aliyuncs.com' });
    assert.deepEqual(checkUrlEndpoint(' https://cbn-vpc.aliyuncs.com:8443 ', 's'), { ok: true, value: 'https://cbn-vpc.aliyuncs.com:8443' });
  });

  it('accepts plain http only for loopback hosts, naming the setting', () => {
    assert.deepEqual(checkUrlEndpoint('http://127.0.0.1:4010', 'cenFlowLogs.cenEndpoint'), { ok: true, value: 'http://127.0.0.1:4010' });
    const r = checkUrlEndpoint('http://cbn.aliyuncs.com', 'cenFlowLogs.cenEndpoint');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^cenFlowLogs\.cenEndpoint .*plain http.*loopback/);
  });

  it('refuses other schemes, paths, credentials in the URL and non-URLs', () => {
    for (const bad of ['ftp://x', 'https://x/path', 'https://u:p@x', 'cbn.aliyuncs.com', '', 'https://x?a=1']) {
      assert.equal(checkUrlEndpoint(bad, 's').ok, false, bad);
    }
  });

  it('checks host[:port] endpoints with a separate protocol', () => {
    assert.deepEqual(checkHostEndpoint('cn-hangzhou.log.aliyuncs.com', 'https', 's'), { ok: true, value: { host: 'cn-hangzhou.log.aliyuncs.com', protocol: 'https' } });
    assert.equal(checkHostEndpoint('localhost:8080', 'http', 's').ok, true);
    assert.equal(checkHostEndpoint('cn-hangzhou.log.aliyuncs.com', 'http', 's').ok, false);
    assert.equal(checkHostEndpoint('https://cn-hangzhou.log.aliyuncs.com', 'https', 's').ok, false);
    assert.equal(checkHostEndpoint('host/path', 'https', 's').ok, false);
  });
});
