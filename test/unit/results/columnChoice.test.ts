import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arrangeColumns, displayOrder, moveColumn, NO_COLUMN_CHOICE, parseColumnChoice, setHidden, setPinned, type ColumnChoice } from '../../../src/results/columnChoice';

const COLUMNS = ['srcaddr', 'dstaddr', 'bytes', 'dstport', 'protocol'];
const names = (shown: readonly number[], columns = COLUMNS) => shown.map((i) => columns[i]);

describe('column choice', () => {
  it('without a choice, every column in arrival order', () => {
    assert.deepEqual(arrangeColumns(COLUMNS, NO_COLUMN_CHOICE), { shown: [0, 1, 2, 3, 4], pinnedCount: 0 });
  });

  it('hides by name, and showing again puts the column back in its place', () => {
    const hidden = setHidden(NO_COLUMN_CHOICE, 'bytes', true);
    assert.deepEqual(names(arrangeColumns(COLUMNS, hidden).shown), ['srcaddr', 'dstaddr', 'dstport', 'protocol']);
    assert.deepEqual(names(arrangeColumns(COLUMNS, setHidden(hidden, 'bytes', false)).shown), COLUMNS);
  });

  it('pinned columns come first, in their chosen order, and are counted', () => {
    const c = setPinned(setPinned(NO_COLUMN_CHOICE, 'protocol', true), 'dstport', true);
    const a = arrangeColumns(COLUMNS, c);
    assert.deepEqual(names(a.shown), ['dstport', 'protocol', 'srcaddr', 'dstaddr', 'bytes']);
    assert.equal(a.pinnedCount, 2);
    assert.equal(arrangeColumns(COLUMNS, setHidden(c, 'dstport', true)).pinnedCount, 1, 'a hidden pinned column is not counted');
  });

  it('moves a column one place among the unpinned, never across the pinned ones', () => {
    let c: ColumnChoice = moveColumn(NO_COLUMN_CHOICE, COLUMNS, 'bytes', -1);
    assert.deepEqual(displayOrder(COLUMNS, c), ['srcaddr', 'bytes', 'dstaddr', 'dstport', 'protocol']);
    c = moveColumn(c, COLUMNS, 'srcaddr', -1);
    assert.deepEqual(displayOrder(COLUMNS, c), ['srcaddr', 'bytes', 'dstaddr', 'dstport', 'protocol'], 'the first cannot move left');
    c = setPinned(c, 'protocol', true);
    assert.deepEqual(moveColumn(c, COLUMNS, 'srcaddr', -1), c, 'the first unpinned one does not jump over a pinned one');
    assert.deepEqual(moveColumn(c, COLUMNS, 'protocol', 1), c, 'nor does a pinned one into the unpinned ones');
  });

  it('applies to a result with other columns: unknown names are ignored, new columns follow in arrival order', () => {
    const c = moveColumn(setHidden(NO_COLUMN_CHOICE, 'bytes', true), COLUMNS, 'protocol', -1);
    const other = ['protocol', 'n', 'bytes', 'srcaddr'];
    assert.deepEqual(names(arrangeColumns(other, c).shown, other), ['srcaddr', 'protocol', 'n']);
    // and the order of the first result survives a move made on the second
    const moved = moveColumn(c, other, 'n', -1);
    assert.deepEqual(displayOrder(COLUMNS, moved).slice(0, 2), ['srcaddr', 'dstaddr']);
  });

  it('never hides every column', () => {
    const all = COLUMNS.reduce((c, n) => setHidden(c, n, true), NO_COLUMN_CHOICE);
    assert.deepEqual(names(arrangeColumns(COLUMNS, all).shown), COLUMNS);
  });

  it('parses what storage or the webview sends, and refuses what is not a choice', () => {
    assert.deepEqual(parseColumnChoice({ order: ['a', 'a', 'b'], hidden: ['c'], pinned: [] }), { order: ['a', 'b'], hidden: ['c'], pinned: [] });
    for (const bad of [undefined, null, [], { order: [], hidden: [] }, { order: [1], hidden: [], pinned: [] }, { order: [''], hidden: [], pinned: [] }, { order: Array(501).fill('x'), hidden: [], pinned: [] }]) {
      assert.equal(parseColumnChoice(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });
});
