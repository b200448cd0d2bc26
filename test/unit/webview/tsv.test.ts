import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toTsv, tsvCell } from '../../../webview/grid/tsv';

test('cells are joined by tabs and rows by newlines, with an optional header', () => {
  assert.equal(toTsv(['a', 'b'], [['1', '2'], ['3', '4']]), 'a\tb\n1\t2\n3\t4');
  assert.equal(toTsv(undefined, [['1', '2']]), '1\t2');
});

test('tabs and newlines inside values cannot break the table shape', () => {
  assert.equal(tsvCell('x\ty\r\nz'), 'x y z');
  const out = toTsv(undefined, [['<img src=x onerror=alert(1)>', 'multi\nline']]);
  assert.equal(out.split('\n').length, 1);
  assert.equal(out.split('\t').length, 2);
  assert.ok(out.startsWith('<img src=x onerror=alert(1)>'));
});
