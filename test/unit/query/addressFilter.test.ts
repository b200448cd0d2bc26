import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressQuery, appendFilter, extractAddress, isIPv6 } from '../../../src/query/addressFilter';
import { diagnose } from '../../../src/query/diagnostics';

describe('extractAddress', () => {
  const found: { text: string; address: string; version: 4 | 6; port?: number }[] = [
    { text: '10.0.0.1', address: '10.0.0.1', version: 4 },
    { text: 'connect to 192.168.10.25:8080 failed', address: '192.168.10.25', version: 4, port: 8080 },
    { text: 'src=10.1.2.3 dst=10.4.5.6', address: '10.1.2.3', version: 4 },
    { text: 'ECONNREFUSED 127.0.0.1:5432.', address: '127.0.0.1', version: 4, port: 5432 },
    { text: 'peer [2001:db8::1]:443 reset', address: '2001:db8::1', version: 6, port: 443 },
    { text: 'addr fe80::1ff:fe23:4567:890a%eth0', address: 'fe80::1ff:fe23:4567:890a', version: 6 },
    { text: '2001:0db8:0000:0000:0000:ff00:0042:8329', address: '2001:0db8:0000:0000:0000:ff00:0042:8329', version: 6 },
    { text: 'mapped ::ffff:192.0.2.128 here', address: '::ffff:192.0.2.128', version: 6 },
    { text: 'at [::1]', address: '::1', version: 6 },
    { text: 'v1.2.3.4.5 then 8.8.8.8', address: '8.8.8.8', version: 4 },
    { text: '10.0.0.1:99999', address: '10.0.0.1', version: 4 },
  ];
  for (const c of found) {
    it(`finds ${c.address} in ${JSON.stringify(c.text)}`, () => {
      const a = extractAddress(c.text);
      assert.ok(a);
      assert.equal(a.address, c.address);
      assert.equal(a.version, c.version);
      assert.equal(a.port, c.port);
      assert.ok(c.text.slice(a.from, a.to).includes(c.address.replace(/^\[|\]$/g, '')));
    });
  }

  const none = ['', 'no address here', '999.1.1.1', '12:30:45', 'std::vector', 'version 1.2.3', '::', 'deadbeef'];
  for (const text of none) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => assert.equal(extractAddress(text), undefined));
  }

  it('isIPv6 is strict', () => {
    assert.equal(isIPv6('1:2:3:4:5:6:7:8'), true);
    assert.equal(isIPv6('1:2:3:4:5:6:7'), false);
    assert.equal(isIPv6('1::2::3'), false);
    assert.equal(isIPv6('12345::1'), false);
  });

  it('scans a bounded prefix of a megabyte of text', () => {
    const text = 'a1:b2:'.repeat(200_000) + ' 10.9.8.7';
    assert.equal(extractAddress(text), undefined); // past the scan limit
    assert.equal(extractAddress('x '.repeat(1000) + '10.9.8.7')?.address, '10.9.8.7');
  });
});

describe('addressQuery', () => {
  it('matches either side of the flow', () => {
    assert.equal(addressQuery({ address: '10.0.0.1' }), 'srcaddr:10.0.0.1 or dstaddr:10.0.0.1');
  });
  it('pairs the port with the address on the same side and quotes IPv6', () => {
    const q = addressQuery({ address: 'fe80::1', port: 443 });
    assert.equal(q, '(srcaddr:"fe80::1" and srcport:443) or (dstaddr:"fe80::1" and dstport:443)');
    assert.deepEqual(diagnose(q), []);
  });
});

describe('appendFilter', () => {
  const cases: { query: string; field: string; value: string; expected: string }[] = [
    { query: '*', field: 'srcaddr', value: '10.0.0.1', expected: 'srcaddr:10.0.0.1' },
    { query: '', field: 'dstport', value: '443', expected: 'dstport:443' },
    { query: 'direction:out', field: 'dstport', value: '443', expected: 'direction:out and dstport:443' },
    { query: 'a:1 or b:2', field: 'dstport', value: '443', expected: '(a:1 or b:2) and dstport:443' },
    { query: '(a:1 or b:2) and c:3', field: 'dstport', value: '443', expected: '(a:1 or b:2) and c:3 and dstport:443' },
    { query: '* | select count(*) from log', field: 'src-region-id', value: 'cn-hangzhou', expected: 'src-region-id:"cn-hangzhou" | select count(*) from log' },
    { query: 'direction:in |select 1', field: 'dstaddr', value: 'fe80::1', expected: 'direction:in and dstaddr:"fe80::1" |select 1' },
    { query: 'dstport:443', field: 'dstport', value: '443', expected: 'dstport:443' },
    { query: 'x', field: 'log-status', value: 'say "hi"', expected: 'x and log-status:"say \\"hi\\""' },
  ];
  for (const c of cases) {
    it(`adds ${c.field}=${c.value} to ${JSON.stringify(c.query)}`, () => assert.equal(appendFilter(c.query, c.field, c.value), c.expected));
  }

  it('keeps a query valid after appending', () => {
    const q = appendFilter('* | SELECT "log-status", count(*) AS c GROUP BY "log-status"', 'srcaddr', '10.0.0.1');
    assert.deepEqual(diagnose(q), []);
  });
});
