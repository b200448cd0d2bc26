/**
 * The region map's and the before/after compare's messages in Simplified Chinese from the real
 * bundle file: the pure modules the host uses (count notes, earlier-range refusals, compare
 * dimensions) and the pages' data shaping (region names, packets, the boot data's l10n), with the
 * placeholders filled; and the same calls in English unchanged once the pages are configured back.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { basisSentence, type PairBasis } from '../../../src/flowlogs/uniqueTraffic';
import { COMPARE_DIMENSIONS, dimensionUnavailable } from '../../../src/query/compareQuery';
import { EARLIER_CHOICES, earlierRange } from '../../../src/query/compareRange';
import { bootL10nSetup, configureWebviewL10n } from '../../../webview/l10n';
import { buildSankey, formatMetric } from '../../../webview/regionMap/mapData';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
/** As a page does it: the language and bundle the host put in its boot data. */
const zh = (): void => configureWebviewL10n(bootL10nSetup(JSON.stringify({ l10n: { language: 'zh-cn', bundle: zhBundle } })));

afterEach(() => {
  configureWebviewL10n(undefined);
  l10n.config({ contents: {} });
});

const partial: PairBasis = {
  src: 'cn-hangzhou',
  dst: 'cn-beijing',
  vantage: 'sourceConnections',
  countedFrom: ['vpc-log'],
  countedFlowLogIds: ['fl-1'],
  alsoCapturedBy: ['peer-log'],
};

test('the boot data carries the language and bundle; anything malformed is English', () => {
  assert.equal(bootL10nSetup(JSON.stringify({ l10n: { language: 'zh-cn', bundle: { a: 'b' } } }))?.language, 'zh-cn');
  assert.equal(bootL10nSetup('{not json'), undefined);
  assert.equal(bootL10nSetup(JSON.stringify({ l10n: { language: 42 } })), undefined);
  assert.equal(bootL10nSetup(undefined), undefined);
});

test('region map in Chinese: region names as the China-site console shows them, packets, unrecorded attachments', () => {
  zh();
  const g = buildSankey([{ src: 'cn-hangzhou', dst: 'cn-qingdao', attachmentId: '-', bytes: 10, packets: 12_345 }], 'packets', true);
  assert.deepEqual(
    g.nodes.map((n) => n.label),
    ['华东1（杭州）', '华北1（青岛）', '未记录网络实例连接'],
  );
  assert.equal(formatMetric(12_345, 'packets'), '12 K 个数据包');
  assert.equal(formatMetric(1536, 'bytes'), '1.5 KB');
  assert.equal(
    basisSentence(partial),
    'cn-hangzhou → cn-beijing：按 vpc-log 统计，它只能看到其所连接网络的流量；peer-log 也捕获了该流量，但未累加（是同一份流量）。',
  );
});

test('compare in Chinese: dimensions, earlier choices, a refusal with its spans, a missing field', () => {
  zh();
  assert.deepEqual(COMPARE_DIMENSIONS.map((d) => d.label), ['源地址（发送方）', '目的地址', '地域对', '目的端口']);
  assert.deepEqual(COMPARE_DIMENSIONS.find((d) => d.id === 'regionPair')?.keyLabels, ['源地域', '目的地域']);
  assert.deepEqual(EARLIER_CHOICES.map((c) => c.label), ['上一时段', '昨天同一时段', '上周同一时段', '自选时间范围…']);
  const twoDays = { from: 1_714_521_600, to: 1_714_521_600 + 2 * 86_400 };
  assert.deepEqual(earlierRange(twoDays, { kind: 'sameTimeYesterday' }, 600), {
    ok: false,
    message: '当前时间范围（2 天）长于一天，两个范围会重叠；请与上一时段对比，或选择不超过 1 天的范围。',
  });
  assert.equal(dimensionUnavailable('port', ['dstaddr', 'bytes', 'protocol']), '此流日志的记录不包含 dstport（其日志格式未包含该字段），因此无法按目的端口对比。');
});

test('without a bundle the same calls give the English text and names', () => {
  const g = buildSankey([{ src: 'cn-hangzhou', dst: 'cn-qingdao', attachmentId: '-', bytes: 10, packets: 12_345 }], 'packets', true);
  assert.deepEqual(g.nodes.map((n) => n.label), ['China (Hangzhou)', 'China (Qingdao)', 'attachment not recorded']);
  assert.equal(formatMetric(12_345, 'packets'), '12 K packets');
  assert.equal(
    basisSentence(partial),
    'cn-hangzhou → cn-beijing: counted from vpc-log, which sees only the traffic of the networks it is attached to; also captured by peer-log, not added (the same traffic).',
  );
  assert.equal(EARLIER_CHOICES[0]?.label, 'Previous period');
  assert.equal(
    dimensionUnavailable('port', ['dstaddr', 'bytes', 'protocol']),
    "This flow log's records do not carry dstport (its log format leaves it out), so it cannot be compared by destination port.",
  );
});
