import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadingTimestamp } from '../../../src/query/logLineTimestamp';

const NOW = Date.UTC(2026, 11, 6, 5, 0, 0) / 1000;
const utc = (iso: string): number => Date.parse(iso) / 1000;
const inUtc = { nowSeconds: NOW, localOffsetMinutes: 0 };
const inShanghai = { nowSeconds: NOW, localOffsetMinutes: 480 };

describe('leadingTimestamp', () => {
  const cases: { line: string; expected: number; ctx?: typeof inUtc }[] = [
    { line: '2026-12-06T04:10:00Z ERROR connect to 10.0.0.1:443 timed out', expected: utc('2026-12-06T04:10:00Z') },
    { line: '2026-12-06T12:10:00.123+08:00 WARN reset', expected: utc('2026-12-06T04:10:00Z') },
    { line: '[2026-12-06 04:10:07,331] INFO peer 10.0.0.1', expected: utc('2026-12-06T04:10:07Z') },
    { line: '2026-12-06 12:10:07 peer 10.0.0.1', expected: utc('2026-12-06T04:10:07Z'), ctx: inShanghai },
    { line: '2026/12/06 04:10:07 dial tcp 10.0.0.1:443: i/o timeout', expected: utc('2026-12-06T04:10:07Z') },
    { line: '2026-12-06 04:10 UTC retry', expected: utc('2026-12-06T04:10:00Z') },
    { line: '1796530200 10.0.0.1 closed', expected: 1796530200 },
    { line: '1796530200123 10.0.0.1 closed', expected: 1796530200 },
    { line: '[06/Dec/2026:04:10:00 +0000] "GET / HTTP/1.1" 200', expected: utc('2026-12-06T04:10:00Z') },
    { line: 'Dec  6 04:10:00 host sshd[1]: Accepted from 10.0.0.1', expected: utc('2026-12-06T04:10:00Z') },
  ];
  for (const c of cases) it(JSON.stringify(c.line), () => assert.equal(leadingTimestamp(c.line, c.ctx ?? inUtc), c.expected));

  it('takes a syslog line from late December, read in January, as last year', () => {
    const january = { nowSeconds: utc('2027-01-02T00:00:00Z'), localOffsetMinutes: 0 };
    assert.equal(leadingTimestamp('Dec 31 23:59:00 host app: peer 10.0.0.1', january), utc('2026-12-31T23:59:00Z'));
  });

  const none = [
    'peer 10.0.0.1 at 2026-12-06T04:10:00Z', // not at the start
    '10.0.0.1 - - [06/Dec/2026:04:10:00 +0000] "GET /"', // the address comes first
    '2026-13-06T04:10:00Z bad month',
    '1234567890123456 an id, not a time',
    '0000000001 too early',
    '2030-01-01T00:00:00Z far in the future',
    '12:30:45 no date',
    '',
  ];
  for (const line of none) it(`nothing in ${JSON.stringify(line)}`, () => assert.equal(leadingTimestamp(line, inUtc), undefined));
});
