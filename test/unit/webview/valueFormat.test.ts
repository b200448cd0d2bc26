import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnKind, columnPresenter, formatBytes, formatElapsed, presentCell, setAttachmentNames } from '../../../webview/grid/valueFormat';

test('formatBytes uses binary units with one decimal below 10', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(1048576), '1.0 MB');
  assert.equal(formatBytes(25 * 1024 ** 3), '25 GB');
  assert.equal(formatBytes(-2048), '-2.0 KB');
});

test('bytes, protocol, region and time get a readable hint beside the raw value', () => {
  assert.equal(presentCell('bytes', '1536').hint, '1.5 KB');
  assert.equal(presentCell('bytes', '12').hint, undefined, 'small counts need no hint');
  assert.equal(presentCell('protocol', '6').hint, 'TCP');
  assert.equal(presentCell('protocol', '17').hint, 'UDP');
  assert.equal(presentCell('protocol', '250').hint, undefined);
  assert.equal(presentCell('src-region-id', 'cn-hangzhou').hint, 'China (Hangzhou)');
  assert.match(presentCell('start', '1700000000').hint ?? '', /^2023-11-1[45] \d\d:\d\d:20$/);
  // The record detail's log-status meaning (issue 24), as flow-logs.md words it.
  assert.equal(presentCell('log-status', 'NODATA').hint, 'no traffic in the window');
  assert.equal(presentCell('log-status', 'SKIPDATA').hint, 'some records skipped');
  assert.equal(presentCell('log-status', 'OK').hint, 'data recorded');
  assert.equal(presentCell('log-status', 'MAYBE').hint, undefined, 'an unknown status gets no made-up meaning');
});

test('addresses, ports and regions are filterable; counts and aliases are not', () => {
  assert.equal(presentCell('srcaddr', '10.0.0.1').filterField, 'srcaddr');
  assert.equal(presentCell('dstport', '443').filterField, 'dstport');
  assert.equal(presentCell('dst-region-id', 'cn-shanghai').filterField, 'dst-region-id');
  assert.equal(presentCell('packets', '10').filterField, undefined);
  assert.equal(presentCell('total_bytes', '4096').filterField, undefined);
  assert.equal(presentCell('srcaddr', '').filterField, undefined);
});

test('SQL aliases of byte sums are still shown as bytes', () => {
  assert.equal(columnKind('total_bytes'), 'bytes');
  assert.equal(columnKind('bytes_in'), 'bytes');
  assert.equal(columnKind('bytesx'), undefined);
  assert.equal(presentCell('total_bytes', '2048').hint, '2.0 KB');
});

test('numbers are flagged for right alignment', () => {
  assert.equal(presentCell('anything', '12.5').numeric, true);
  assert.equal(presentCell('anything', '10.0.0.1').numeric, false);
});

test('formatElapsed', () => {
  assert.equal(formatElapsed(850), '850 ms');
  assert.equal(formatElapsed(2400), '2.4 s');
});

test('an attachment id is shown with its attachment\'s name where the target knows it; other ids and regions raw', () => {
  setAttachmentNames({ 'tr-attach-abc': 'VPC vpc-123 (cn-shanghai)' });
  try {
    assert.equal(presentCell('attachment-id', 'tr-attach-abc').hint, 'VPC vpc-123 (cn-shanghai)');
    assert.equal(columnPresenter('attachment-id').hint?.('tr-attach-abc'), 'VPC vpc-123 (cn-shanghai)');
    assert.equal(presentCell('attachment-id', 'tr-attach-other').hint, undefined);
    assert.equal(presentCell('dst-region-id', 'xx-new-9').hint, undefined, 'an unknown region id is shown raw');
    assert.equal(presentCell('dst-region-id', 'me-central-1').hint, 'Saudi Arabia (Riyadh)');
  } finally {
    setAttachmentNames(undefined);
  }
  assert.equal(presentCell('attachment-id', 'tr-attach-abc').hint, undefined);
});
