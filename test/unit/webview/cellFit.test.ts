import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL_CHROME_PX, ELLIPSIS, fitCell, HINT_GAP_PX, singleLine, textColumns } from '../../../webview/grid/cellFit';

const CH = 7;
/** A column exactly `chars` characters wide inside its padding and border. */
const widthFor = (chars: number, extraPx = 0): number => chars * CH + CELL_CHROME_PX + extraPx;

test('a value and its hint that fit are shown whole', () => {
  assert.deepEqual(fitCell('6', 'TCP', widthFor(4, HINT_GAP_PX), CH), { text: '6', hint: 'TCP', differs: false });
});

test('the hint goes first when both do not fit; the value stays whole', () => {
  assert.deepEqual(fitCell('1536', '1.5 KB', widthFor(8), CH), { text: '1536', hint: '', differs: false });
  // One pixel short of value + gap + hint.
  assert.equal(fitCell('6', 'TCP', widthFor(4, HINT_GAP_PX) - 1, CH).hint, '');
});

test('a value exactly as wide as the column is not cut', () => {
  assert.deepEqual(fitCell('10.0.1.23', '', widthFor(9), CH), { text: '10.0.1.23', hint: '', differs: false });
});

test('a longer value is cut to whole characters plus an ellipsis that together fit', () => {
  const fit = fitCell('172.16.254.100', '', widthFor(9), CH);
  assert.equal(fit.text, `172.16.2${ELLIPSIS}`);
  assert.equal(fit.differs, true);
  assert.ok(textColumns(fit.text) * CH <= widthFor(9) - CELL_CHROME_PX);
});

test('a column narrower than one character shows only the ellipsis, never a negative cut', () => {
  assert.deepEqual(fitCell('abc', '', 10, CH), { text: ELLIPSIS, hint: '', differs: true });
  assert.deepEqual(fitCell('abc', '', 0, CH), { text: ELLIPSIS, hint: '', differs: true });
});

test('an empty value stays empty', () => {
  assert.deepEqual(fitCell('', '', widthFor(3), CH), { text: '', hint: '', differs: false });
});

test('wide East Asian characters count as two columns and are never split', () => {
  assert.equal(textColumns('杭州'), 4);
  assert.equal(textColumns('cn-杭州'), 7);
  const fit = fitCell('华东1杭州', '', widthFor(5), CH);
  // room = 5 - 1 (ellipsis) = 4 columns: two wide characters.
  assert.equal(fit.text, `华东${ELLIPSIS}`);
});

test('surrogate pairs are kept whole when cutting', () => {
  const fit = fitCell('😀😀😀😀', '', widthFor(4), CH);
  assert.equal(fit.text, `😀${ELLIPSIS}`);
  assert.ok(!/[\ud800-\udbff]$/.test(fit.text.slice(0, -1)), 'no lone high surrogate before the ellipsis');
});

test('control characters become visible marks so a row stays one line, and the cell says it differs', () => {
  assert.equal(singleLine('a\r\nb\nc\rd\te\u0000f'), 'a↵b↵c↵d→e·f');
  assert.equal(singleLine('plain'), 'plain');
  const fit = fitCell('GET /\r\nHost: x', '', widthFor(40), CH);
  assert.equal(fit.text, 'GET /↵Host: x');
  assert.equal(fit.differs, true);
});

test('markup is kept as characters (the grid writes it as text)', () => {
  const v = '<img src=x onerror=alert(1)>';
  assert.deepEqual(fitCell(v, '', widthFor(v.length), CH), { text: v, hint: '', differs: false });
});
