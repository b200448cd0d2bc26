/**
 * A sample of the query language's and the lifecycle commands' messages formatted in Simplified
 * Chinese from the real bundle file (placeholders filled, the minute/minutes forms), and the same
 * calls in English unchanged. The pure modules read `@vscode/l10n`, configured here as the host does.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { diagnose } from '../../../src/query/diagnostics';
import { describeRefusal, localRefusal } from '../../../src/query/localRefusal';
import { findPreset, presetAvailability, renderPreset } from '../../../src/query/presets';
import { SQL_FUNCTIONS } from '../../../src/query/sqlVocabulary';
import { newestWindow, parseTimeRange, QUICK_RANGES, validateTimeRange } from '../../../src/query/timeRange';
import { parseTags, wholeRouterLabel } from '../../../src/views/commands/createFlowLogChoices';
import { errorHeadline, presentError } from '../../../src/views/commands/errorPresentation';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh = (): void => l10n.config({ contents: zhBundle });

afterEach(() => l10n.config({ contents: {} }));

const messages = (query: string): string[] => diagnose(query).map((d) => d.message);

test('the create flow’s tag validation in Chinese, with the values filled in', () => {
  zh();
  assert.equal(parseTags('env=prod, =x').problem, '标签“=x”没有键；请写成 key=value。');
  const many = Array.from({ length: 21 }, (_, i) => `k${i}=v`).join(',');
  assert.equal(parseTags(many).problem, '最多允许 20 个标签（您写了 21 个）。');
  assert.equal(wholeRouterLabel(), '整个转发路由器');
});

test('query diagnostics in Chinese: brackets, LIMIT, unknown column with its suggestion', () => {
  zh();
  assert.deepEqual(messages('dstport:443 | select count(*) from log limit 2000000'), ['LIMIT 2000000 超过了日志服务的上限 1,000,000 行。']);
  assert.deepEqual(messages('* | select count(* from log'), ['“(”没有闭合；请添加“)”。']);
  assert.deepEqual(messages('* | select dstprot from log'), ['未知列“dstprot”：Logstore 中没有该字段，也没有定义同名的别名。您是否要写 dstport？']);
  assert.deepEqual(messages(''), ['查询语句为空：输入 * 查看所有记录，或输入查询条件，例如 dstport:443。']);
});

test('a refusal line in Chinese names line, column and how many more problems there are', () => {
  zh();
  const query = '* | select count(* from log;';
  assert.equal(
    describeRefusal(localRefusal(query)),
    '第 1 行，第 17 列：“(”没有闭合；请添加“)”。（另有 1 个问题）',
  );
});

test('time ranges in Chinese: quick labels, parse errors, validation, and the newest window (1 minute and 10 minutes)', () => {
  zh();
  assert.deepEqual(QUICK_RANGES.map((q) => q.label), ['最近 15 分钟', '最近 1 小时', '最近 4 小时', '最近 24 小时', '最近 7 天']);
  assert.deepEqual(parseTimeRange('soon'), { ok: false, message: '“soon”不是时间范围。请尝试 15m、4h、7d、last 30 minutes，或 2024-05-01T10:00Z to 2024-05-01T12:00Z。' });
  assert.deepEqual(parseTimeRange('0h'), { ok: false, message: '时间范围必须大于 0 小时。' });
  const now = Date.UTC(2024, 4, 1, 10, 7, 30) / 1000;
  assert.deepEqual(validateTimeRange({ from: now - 60, to: now - 120 }, now), [
    { severity: 'error', message: '开始时间（2024-05-01 10:06:30）必须早于结束时间（2024-05-01 10:05:30）。' },
  ]);
  assert.equal(newestWindow(now, 60).message, '流日志按 1 分钟的采集窗口聚合流量，并在窗口结束后才写入该窗口的记录，因此最新的数据最多延迟 1 分钟：10:07–10:08 UTC 的窗口在 10:08 UTC 之后出现。');
  assert.equal(newestWindow(now, 600).message, '流日志按 10 分钟的采集窗口聚合流量，并在窗口结束后才写入该窗口的记录，因此最新的数据最多延迟 10 分钟：10:00–10:10 UTC 的窗口在 10:10 UTC 之后出现。');
});

test('presets keep their id and query; title, description and parameter refusals follow the language', () => {
  const english = findPreset('address-activity');
  assert.ok(english);
  const englishTitle = english.title;
  const englishQuery = renderPreset(english, { ip: '10.0.0.1' });
  zh();
  const preset = findPreset('address-activity');
  assert.ok(preset);
  assert.equal(englishTitle, 'Everything about this IP');
  assert.equal(preset.title, '此 IP 的全部记录');
  assert.deepEqual(renderPreset(preset, { ip: '10.0.0.1' }), englishQuery);
  assert.deepEqual(renderPreset(preset, { ip: 'host-a' }), { ok: false, message: 'IP 地址（IPv4 或 IPv6）：“host-a”不是 IPv4 或 IPv6 地址。' });
  const rtt = findPreset('rtt-percentiles');
  assert.ok(rtt);
  const availability = presetAvailability(rtt, ['dstaddr', 'bytes']);
  assert.equal(availability.available ? '' : availability.reason, '需要 rtt, log-status，只有 2019 版（按 CEN 实例）的流日志才写入这些字段。');
  assert.equal(SQL_FUNCTIONS.find((f) => f.name === 'approx_distinct')?.description, 'x 的不同值个数（近似）');
});

test('error headlines and the failed-action prefix in Chinese', () => {
  zh();
  assert.equal(errorHeadline('permission'), '没有权限。');
  assert.equal(presentError(new Error('boom'), '删除流日志').message, '删除流日志失败：boom');
});

test('without a bundle the same calls give the English text', () => {
  assert.equal(parseTags('=x').problem, 'Tag "=x" has no key; write key=value.');
  assert.equal(QUICK_RANGES[1]?.label, 'Last hour');
  assert.equal(newestWindow(Date.UTC(2024, 4, 1, 10, 7, 30) / 1000, 60).message.includes('up to 1 minute old'), true);
  assert.equal(errorHeadline('permission'), 'Permission denied.');
  assert.equal(presentError(new Error('boom'), 'Delete flow log').message, 'Delete flow log failed: boom');
});
