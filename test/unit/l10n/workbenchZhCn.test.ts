/**
 * The query workbench's DOM-free modules in Simplified Chinese from the real bundle file, set up as
 * the page does (webview/l10n.ts with the boot data's language and bundle): time-range labels and
 * their validation (one sentence per unit and number form), elapsed times, the pie's "Other" slice
 * and the packed-page errors — and the same calls in English unchanged.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configureWebviewL10n } from '../../../webview/l10n';
import { absoluteSpec, describeRange, QUICK_RANGES, relativeSpec } from '../../../webview/timeRange/rangeChoices';
import { formatCount, formatElapsed } from '../../../webview/grid/valueFormat';
import { pieSlices } from '../../../webview/charts/chartChoice';
import { storePage } from '../../../webview/grid/packedPage';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh = (): void => configureWebviewL10n({ language: 'zh-cn', bundle: zhBundle });

afterEach(() => configureWebviewL10n(undefined));

const message = (check: { ok: boolean; message?: string }): string | undefined => (check.ok ? undefined : check.message);

test('the time-range picker in Chinese: quick labels, "last N" in each unit and number form, with grouped digits', () => {
  zh();
  assert.deepEqual(QUICK_RANGES.map((q) => q.label), ['最近 15 分钟', '最近 1 小时', '最近 4 小时', '最近 24 小时', '最近 7 天']);
  assert.equal(describeRange({ kind: 'relative', amount: 1, unit: 'days' }), '最近 1 天');
  assert.equal(describeRange({ kind: 'relative', amount: 3, unit: 'hours' }), '最近 3 小时');
  assert.equal(describeRange({ kind: 'relative', amount: 1500, unit: 'minutes' }), '最近 1,500 分钟');
  assert.equal(describeRange({ kind: 'quick', minutes: 7 }), '最近 7 分钟');
});

test('the time-range validation in Chinese names the input and the limit of the unit chosen', () => {
  zh();
  assert.equal(message(relativeSpec('-2', 'hours')), '“-2”不是正整数。');
  // A year is the limit: 365 days, 8760 hours, 525600 minutes.
  assert.equal(message(relativeSpec('400', 'days')), '最多 365 天。');
  assert.equal(message(relativeSpec('9000', 'hours')), '最多 8,760 小时。');
  assert.equal(message(relativeSpec('600000', 'minutes')), '最多 525,600 分钟。');
  assert.equal(message(absoluteSpec('', '2024-03-05T08:00')), '请输入开始日期和时间。');
  assert.equal(message(absoluteSpec('2024-03-05T07:00', '')), '请输入结束日期和时间。');
  assert.equal(message(absoluteSpec('2024-03-05T08:00', '2024-03-05T07:00')), '开始时间必须早于结束时间。');
});

test('elapsed times and counts follow the display language', () => {
  zh();
  assert.equal(formatElapsed(850), '850 毫秒');
  assert.equal(formatElapsed(2400), '2.4 秒');
  assert.equal(formatCount(1234567), '1,234,567');
});

test('the pie folds the smallest slices into one named "其他" in Chinese', () => {
  zh();
  const labels = Array.from({ length: 14 }, (_, i) => `v${i}`);
  const values = labels.map((_, i) => 100 - i);
  const slices = pieSlices({ labels, series: [{ name: 'n', values }] }, 12);
  assert.equal(slices.length, 12);
  assert.equal(slices[11]?.label, '其他');
  // The 3 smallest values (89 + 88 + 87) make the last slice.
  assert.equal(slices[11]?.value, 89 + 88 + 87);
});

test('a broken packed page is refused with its reason in Chinese', () => {
  zh();
  // Two one-character cells declared, three characters of text.
  assert.throws(() => storePage({ rowCount: 2, width: 1, text: 'abc', lengths: Uint16Array.of(1, 1) }, 0), { name: 'TypeError', message: '打包行：长度合计为 2，而文本长度为 3' });
});

test('the same calls in English are unchanged', () => {
  assert.equal(QUICK_RANGES[1]?.label, 'Last 1 hour');
  assert.equal(describeRange({ kind: 'relative', amount: 1, unit: 'days' }), 'Last 1 day');
  assert.equal(describeRange({ kind: 'relative', amount: 1500, unit: 'minutes' }), 'Last 1,500 minutes');
  assert.equal(message(relativeSpec('400', 'days')), 'At most 365 days.');
  assert.equal(message(relativeSpec('x', 'days')), '"x" is not a positive whole number.');
  assert.equal(formatElapsed(2400), '2.4 s');
  assert.throws(() => storePage({ rowCount: 2, width: 1, text: 'abc', lengths: Uint16Array.of(1, 1) }, 0), { name: 'TypeError', message: 'packed rows: lengths add up to 2, the text has 3' });
  const labels = Array.from({ length: 14 }, (_, i) => `v${i}`);
  assert.equal(pieSlices({ labels, series: [{ name: 'n', values: labels.map((_, i) => 100 - i) }] }, 12)[11]?.label, 'Other');
});
