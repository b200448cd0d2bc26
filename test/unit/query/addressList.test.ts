import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressAt, extractAddresses, formatAddress } from '../../../src/query/addressList';
import { debugValueText } from '../../../src/views/traffic/debugValue';

/** What a case expects: addresses as written back (`formatAddress`), in order. */
function written(text: string): string[] {
  return extractAddresses(text).map(formatAddress);
}

describe('extractAddresses: debug variable and watch values', () => {
  const cases: { what: string; value: string; expected: string[] }[] = [
    { what: 'a quoted JS string', value: "'10.1.2.3'", expected: ['10.1.2.3'] },
    { what: 'host:port', value: '"172.16.0.9:6379"', expected: ['172.16.0.9:6379'] },
    { what: 'bracketed IPv6 with port', value: "'[2001:db8::7]:8443'", expected: ['[2001:db8::7]:8443'] },
    { what: 'bare IPv6', value: 'fe80::1ff:fe23:4567:890a', expected: ['fe80::1ff:fe23:4567:890a'] },
    { what: 'an object preview with two peers', value: "{local: '10.0.0.5', remote: '10.8.0.1:5432'}", expected: ['10.0.0.5', '10.8.0.1:5432'] },
    { what: 'JSON', value: '{"peers":["10.0.0.1","10.0.0.2:80"],"v6":"2001:db8::1"}', expected: ['10.0.0.1', '10.0.0.2:80', '2001:db8::1'] },
    { what: 'a URL with port and path', value: 'http://192.168.1.20:8080/health?x=1', expected: ['192.168.1.20:8080'] },
    { what: 'an IPv6 URL', value: 'https://[2001:db8:0:1::5]:443/v1', expected: ['[2001:db8:0:1::5]:443'] },
    { what: 'a URL with user info', value: 'postgres://app@10.4.4.4:5432/db', expected: ['10.4.4.4:5432'] },
    { what: 'the same peer twice', value: '10.0.0.1 -> 10.0.0.1', expected: ['10.0.0.1'] },
    { what: 'the same address with and without a port', value: '10.0.0.1 10.0.0.1:22', expected: ['10.0.0.1', '10.0.0.1:22'] },
    { what: 'a Node socket error', value: 'Error: connect ETIMEDOUT 47.88.1.2:443', expected: ['47.88.1.2:443'] },
    { what: 'no address (version numbers, times)', value: 'v1.2.3 at 12:30:45', expected: [] },
  ];
  for (const c of cases) it(c.what, () => assert.deepEqual(written(c.value), c.expected));

  it('gives positions of each address in the text', () => {
    const text = 'from 10.0.0.1:5 to [fe80::1]:6';
    const [a, b] = extractAddresses(text);
    assert.equal(text.slice(a.from, a.to), '10.0.0.1:5');
    assert.equal(text.slice(b.from, b.to), '[fe80::1]:6');
  });

  it('stops at a bound on a dump of addresses', () => {
    const dump = Array.from({ length: 200 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(' ');
    assert.equal(extractAddresses(dump).length, 50);
  });
});

describe('extractAddresses: terminal lines', () => {
  const lines: { line: string; expected: string[] }[] = [
    { line: 'tcp   ESTAB  0  0   10.0.1.5:43122   47.96.0.10:443', expected: ['10.0.1.5:43122', '47.96.0.10:443'] },
    { line: 'PING 10.20.30.40 (10.20.30.40) 56(84) bytes of data.', expected: ['10.20.30.40'] },
    { line: '64 bytes from 2001:db8::2: icmp_seq=1 ttl=64', expected: ['2001:db8::2'] },
    { line: 'curl: (7) Failed to connect to 10.9.9.9 port 80 after 3 ms', expected: ['10.9.9.9'] },
  ];
  for (const c of lines) it(JSON.stringify(c.line), () => assert.deepEqual(written(c.line), c.expected));
});

describe('addressAt', () => {
  const line = '2024-05-01T10:00:00Z peer 10.0.0.1:443 then [2001:db8::1]:80';
  it('finds the address under a column, port included', () => {
    const a = addressAt(line, line.indexOf('0.0.1:'));
    assert.equal(a && formatAddress(a), '10.0.0.1:443');
    const b = addressAt(line, line.indexOf('db8'));
    assert.equal(b && formatAddress(b), '[2001:db8::1]:80');
  });
  it('finds nothing between addresses or in the timestamp', () => {
    assert.equal(addressAt(line, line.indexOf('then')), undefined);
    assert.equal(addressAt(line, 3), undefined);
    assert.equal(addressAt(line, line.length), undefined);
  });
});

describe('debugValueText', () => {
  it('reads a variable of the variables view', () => {
    assert.deepEqual(debugValueText({ sessionId: 's', container: {}, variable: { name: 'peer', value: "'10.0.0.1'", evaluateName: 'req.peer', variablesReference: 0 } }), {
      name: 'req.peer',
      value: "'10.0.0.1'",
    });
  });
  it('reads a watch expression row, with or without its value getter flattened', () => {
    assert.deepEqual(debugValueText({ name: 'socket.remoteAddress', value: "'10.0.0.2'" }), { name: 'socket.remoteAddress', value: "'10.0.0.2'" });
    assert.deepEqual(debugValueText({ name: 'x', _value: '10.0.0.3' }), { name: 'x', value: '10.0.0.3' });
  });
  it('gives nothing for what is not a debug row', () => {
    for (const arg of [undefined, null, 42, 'x', {}, { variable: { value: 7 } }]) assert.equal(debugValueText(arg), undefined);
  });
});
