/**
 * A sample of the CEN merge's refusals and the query documents' messages formatted in Simplified
 * Chinese from the real bundle file (placeholders filled, the one/many forms), each at the same
 * position as in English, and the same calls in English unchanged. The pure modules read
 * `@vscode/l10n`, configured here as the host does.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { CenInstance, FlowLog } from '../../../src/cloud/cenApi';
import { diagnoseDocument } from '../../../src/documents/documentDiagnostics';
import { cenChoices, flowLogChoices } from '../../../src/documents/flowLogHeader';
import { parseQueryDocument } from '../../../src/documents/queryDocument';
import { queryFileAction } from '../../../src/documents/queryFileCommands';
import { singleQueryFile } from '../../../src/documents/queryFileTemplate';
import { hoverAt } from '../../../src/documents/queryHover';
import { createDisplayFormat } from '../../../src/l10n/displayFormat';
import { cenRefusals } from '../../../src/query/cenMerge';
import { topValuesFromRecords } from '../../../src/query/topValues';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh = (): void => l10n.config({ contents: zhBundle });
const en = (): void => l10n.config({ contents: {} });

afterEach(en);

/** Where `part` stands in `text` (its first occurrence), as a diagnostic range. */
function rangeOf(text: string, part: string): { from: number; to: number } {
  const from = text.indexOf(part);
  assert.ok(from >= 0, `"${part}" is not in "${text}"`);
  return { from, to: from + part.length };
}

/** The query's refusals as [range, message], in the language configured now. */
const refusals = (query: string): { from: number; to: number; message: string }[] => cenRefusals(query).map((d) => ({ from: d.from, to: d.to, message: d.message }));

const CEN_MERGE_CASES: readonly { query: string; part: string; en: string; zh: string }[] = [
  {
    query: '* | select approx_percentile(bytes, 0.95) as p95',
    part: 'approx_percentile(bytes, 0.95)',
    en: "Cannot merge across the CEN's flow logs: approx_percentile(…) — a percentile of the union is not a function of each flow log's percentiles. Run it per flow log instead.",
    zh: '无法跨该 CEN 的流日志合并结果：approx_percentile(…)——合并后的百分位数无法由各流日志的百分位数算出。请改为按单个流日志运行。',
  },
  {
    query: '* | select count(distinct srcaddr) as talkers',
    part: 'count(distinct srcaddr)',
    en: "Cannot merge across the CEN's flow logs: count(DISTINCT …) would count a value seen in two flow logs twice. Run it per flow log instead.",
    zh: '无法跨该 CEN 的流日志合并结果：count(DISTINCT …) 会把同时出现在两个流日志中的值计数两次。请改为按单个流日志运行。',
  },
  {
    query: '* | select srcaddr, count(*) as flows group by dstaddr',
    part: 'dstaddr',
    en: 'Cannot merge across the CEN\'s flow logs: GROUP BY "dstaddr" must be a selected column: the groups of each flow log are matched by the selected keys. Run it per flow log instead.',
    zh: '无法跨该 CEN 的流日志合并结果：GROUP BY“dstaddr”必须是 SELECT 中的列：各流日志的分组按所选的键对应合并。请改为按单个流日志运行。',
  },
  {
    query: '* | select srcaddr, sum(bytes) as total from log order by packets desc',
    part: 'packets',
    en: 'Cannot merge across the CEN\'s flow logs: ORDER BY "packets" must name a selected column (its alias, its position, or the same expression) to sort the merged rows. Run it per flow log instead.',
    zh: '无法跨该 CEN 的流日志合并结果：ORDER BY“packets”必须指向 SELECT 中的列（其别名、位置或相同的表达式），才能对合并后的行排序。请改为按单个流日志运行。',
  },
  {
    query: '* | select a.srcaddr from log a join log b on a.dstaddr = b.srcaddr',
    part: 'join',
    en: "Cannot merge across the CEN's flow logs: JOIN combines rows inside one logstore; it cannot span the CEN's logstores. Run it per flow log instead.",
    zh: '无法跨该 CEN 的流日志合并结果：JOIN 只在一个 Logstore 内组合行，无法跨越该 CEN 的多个 Logstore。请改为按单个流日志运行。',
  },
  {
    query: '* | select srcaddr, sum(bytes) as total group by srcaddr having sum(bytes) > 1000',
    part: 'having sum(bytes) > 1000',
    en: "Cannot merge across the CEN's flow logs: HAVING would filter each flow log's partial groups before they are added up. Run it per flow log instead.",
    zh: '无法跨该 CEN 的流日志合并结果：HAVING 会在各流日志的部分分组相加之前就对其过滤。请改为按单个流日志运行。',
  },
];

for (const c of CEN_MERGE_CASES) {
  test(`a CEN merge refusal in Chinese and English, at the same place: ${c.query}`, () => {
    const at = rangeOf(c.query, c.part);
    zh();
    assert.deepEqual(refusals(c.query), [{ ...at, message: c.zh }]);
    en();
    assert.deepEqual(refusals(c.query), [{ ...at, message: c.en }]);
  });
}

test('a statement under a -- cen: header is refused in Chinese at its place in the document', () => {
  const text = '-- cen: prod-backbone\n\n* | select median(rtt) as p50';
  zh();
  const found = diagnoseDocument(parseQueryDocument(text, 1_800_000_000)).filter((d) => d.severity === 'error');
  assert.deepEqual(
    found.map((d) => ({ text: text.slice(d.from, d.to), message: d.message })),
    [{ text: 'median(rtt)', message: '无法跨该 CEN 的流日志合并结果：median(…)——合并后的中位数无法由各流日志的中位数算出。请改为按单个流日志运行。' }],
  );
});

test('a header naming no flow log, and an empty -- cen: header, in Chinese with the value and the close matches', () => {
  zh();
  const text = '-- flowlog: prod-backbone-flowlgo\n-- cen: \ndstport:22';
  const found = diagnoseDocument(parseQueryDocument(text, 1_800_000_000), {
    flowLogExists: () => false,
    flowLogMatches: () => ['prod-backbone-flowlog', 'flowlog-aaa'],
  });
  assert.deepEqual(
    found.map((d) => d.message),
    [
      '此账号中没有名称或 ID 为“prod-backbone-flowlgo”的流日志。您是否要写 "prod-backbone-flowlog" 或 "flowlog-aaa"？',
      '请写明这些查询在其流日志上运行的 CEN（名称或 ID），例如 -- cen: prod-backbone。',
    ],
  );
  assert.deepEqual(found[0]?.alternatives?.map((a) => a.title), ['改为“prod-backbone-flowlog”', '改为“flowlog-aaa”']);
});

function flowLog(name: string, flowLogId: string, cenId: string): FlowLog {
  return { flowLogId, name, description: '', cenId, regionId: 'cn-hangzhou', status: 'Active', rawStatus: 'Active', creationTime: '2026-12-01T00:00:00Z', projectName: 'p', logStoreName: 'l', interval: 600, tags: [] };
}

test('header completions in Chinese: one flow log and many, a shared name, an unnamed CEN', () => {
  const cens: CenInstance[] = [
    { cenId: 'cen-prod', name: 'prod', description: '', status: 'Active', creationTime: '' },
    { cenId: 'cen-lab', name: '', description: '', status: 'Active', creationTime: '' },
  ];
  const flowLogs = [flowLog('dup', 'flowlog-a', 'cen-prod'), flowLog('dup', 'flowlog-b', 'cen-prod'), flowLog('edge', 'flowlog-c', 'cen-prod'), flowLog('lab', 'flowlog-d', 'cen-lab')];
  zh();
  assert.deepEqual(cenChoices(cens, flowLogs).map((c) => [c.description, c.detail]), [['cen-prod', '3 个流日志'], ['未命名', '1 个流日志']]);
  assert.deepEqual(flowLogChoices(flowLogs).map((c) => c.description).slice(0, 2), ['dup（与另一个流日志同名）', 'dup（与另一个流日志同名）']);
  en();
  assert.deepEqual(cenChoices(cens, flowLogs).map((c) => [c.description, c.detail]), [['cen-prod', '3 flow logs'], ['unnamed', '1 flow log']]);
});

test('a query saved as a file in Chinese keeps its headers as syntax and translates only the comments', () => {
  zh();
  assert.equal(singleQueryFile('dstport:22', { title: 'SSH' }), '-- 已保存的查询：SSH\n-- flowlog: <流日志的名称或 ID>\n\ndstport:22\n');
  assert.equal(queryFileAction('runInNewPanel'), '在新面板中运行语句');
  en();
  assert.equal(singleQueryFile('dstport:22', { title: 'SSH' }), '-- Saved query: SSH\n-- flowlog: <name or id of the flow log>\n\ndstport:22\n');
});

test('hovering a field in Chinese: a reserved field, a field missing from the index, a flow-log field', () => {
  zh();
  const reserved = hoverAt('* | select __time__', 12);
  assert.match(reserved?.markdown ?? '', /^\*\*__time__\*\* — 日志服务保留字段\n\n/);
  const missing = hoverAt('* | select rtt', 12, [{ name: 'bytes', type: 'long' }]);
  const field = hoverAt('dstport:22', 1);
  assert.match(missing?.markdown ?? '', /^\*\*rtt\*\* — 不在此流日志的索引中\n\n/);
  assert.match(field?.markdown ?? '', /^\*\*dstport\*\* `long` — 流日志字段\n\n/);
});

test('a field value offered in completion says its count in Chinese, one and many, the number in the display language', () => {
  const records = [{ v: '443', n: '1204' }, { v: '22', n: '1' }];
  zh();
  assert.deepEqual(topValuesFromRecords(records, createDisplayFormat('zh-cn')).map((v) => v.detail), ['最近 1,204 条记录', '最近 1 条记录']);
  en();
  assert.deepEqual(topValuesFromRecords(records, createDisplayFormat('de')).map((v) => v.detail), ['1.204 records of late', '1 record of late']);
});
