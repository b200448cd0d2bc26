/**
 * A sample of the workbench's and the address-traffic bridges' host messages formatted in
 * Simplified Chinese from the real bundle file (placeholders filled, the one/many flow log forms),
 * and the same calls in English unchanged. Pure parts read `@vscode/l10n`, configured as the host does.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { FlowLog } from '../../../src/cloud/cenApi';
import { fieldSchema } from '../../../src/flowlogs/fieldSchema';
import { csvDroppedColumnsNote, csvPreamble } from '../../../src/views/workbench/exportFormat';
import { indexProblem } from '../../../src/views/workbench/indexNeeds';
import { resolveWorkbenchRange } from '../../../src/views/workbench/workbenchLanguage';
import { installVscodeStandIn } from '../../support/vscodeStandIn';
import type * as TargetModule from '../../../src/views/traffic/trafficTarget';
import type * as ChoiceModule from '../../../src/views/traffic/trafficTargetChoice';
import type * as LinksModule from '../../../src/views/traffic/terminalAddressLinks';
import { PROJECT_ROOT } from './l10nSourceScan';

installVscodeStandIn();
const localRequire = createRequire(__filename);
const { targetPickItems, trafficTargetTitle } = localRequire('../../../src/views/traffic/trafficTarget') as typeof TargetModule;
const { choicePrompt, noFlowLogs } = localRequire('../../../src/views/traffic/trafficTargetChoice') as typeof ChoiceModule;
const { terminalLinksOf } = localRequire('../../../src/views/traffic/terminalAddressLinks') as typeof LinksModule;

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const zh = (): void => l10n.config({ contents: zhBundle });

afterEach(() => l10n.config({ contents: {} }));

function flowLog(flowLogId: string, cenId: string, name: string): FlowLog {
  return { flowLogId, name, description: '', cenId, regionId: 'cn-hangzhou', status: 'Active', rawStatus: 'Active', creationTime: '2026-01-01T00:00:00Z', projectName: `p-${flowLogId}`, logStoreName: `ls-${flowLogId}`, interval: 600, tags: [] };
}

const CENS = [{ cenId: 'cen-1', name: 'prod' }, { cenId: 'cen-2', name: 'lab' }];
const LOGS = [flowLog('fl-a', 'cen-1', 'a'), flowLog('fl-b', 'cen-1', 'b'), flowLog('fl-c', 'cen-2', 'c')];
const REF = { regionId: 'cn-hangzhou', projectName: 'proj', logStoreName: 'store' };
const MISSING = fieldSchema({ logFormatString: '${srcaddr}${dstaddr}${bytes}', olderForm: false }, { kind: 'missing' });
const PROVENANCE = {
  query: 'dstport:22',
  from: 1_764_979_200,
  to: 1_764_982_800,
  rangeLabel: 'x',
  target: { regionId: 'cn-hangzhou', projectName: 'p', logStoreName: 'l', flowLogId: 'fl-a' },
  exportedAt: new Date(Date.UTC(2026, 11, 6, 5, 0)),
};

test('the address-traffic chooser in Chinese: the prompt with and without a target in use, one and many flow logs', () => {
  zh();
  const cen = { kind: 'cen' as const, cenId: 'cen-1', title: 'prod', flowLogs: LOGS.slice(0, 2) };
  assert.equal(choicePrompt('10.0.0.1', undefined), '在哪个流日志或哪个 CEN 的全部流日志中显示 10.0.0.1 的流量？选择会保留给下一个地址使用。');
  assert.equal(choicePrompt('10.0.0.1', cen), '在哪个流日志或哪个 CEN 的全部流日志中显示 10.0.0.1 的流量？当前：prod 的全部流日志。选择会保留给下一个地址使用。');
  const items = targetPickItems(CENS, LOGS, cen);
  assert.equal(items[0].label, '$(check) prod 的全部流日志');
  assert.equal(items[0].description, '使用中 · 2 个流日志');
  assert.deepEqual(items.slice(1).filter((i) => i.target.kind === 'cen').map((i) => i.description), ['1 个流日志']);
  assert.equal(noFlowLogs(), '此账号下没有找到流日志。请先在 CEN 流日志视图中创建一个。');
});

test('the same chooser in English is unchanged', () => {
  const cen = { kind: 'cen' as const, cenId: 'cen-1', title: 'prod', flowLogs: LOGS.slice(0, 2) };
  assert.equal(trafficTargetTitle(cen), 'all flow logs of prod');
  assert.equal(choicePrompt('10.0.0.1', cen), 'Show traffic for 10.0.0.1 in which flow log, or across which CEN? Now: all flow logs of prod. Remembered for the next address.');
  assert.deepEqual(targetPickItems(CENS, LOGS).filter((i) => i.target.kind === 'cen').map((i) => i.description), ['1 flow log', '2 flow logs']);
});

test('a terminal link’s tooltip in Chinese, around now and around the line’s time', () => {
  zh();
  const now = Date.UTC(2026, 11, 6, 5, 0) / 1000;
  assert.equal(terminalLinksOf('connect 47.88.1.2:443 failed', now)[0]?.tooltip, '显示 47.88.1.2:443 在当前时间前后的流日志流量');
  assert.equal(terminalLinksOf('2026-12-06T04:10:00Z ERROR connect 47.88.1.2:443', now)[0]?.tooltip, '显示 47.88.1.2:443 在该行时间前后的流日志流量');
});

test('the Create Index offer in Chinese names the logstore and the fields with their types', () => {
  zh();
  assert.equal(indexProblem(REF, MISSING)?.message, 'Logstore proj/store 没有索引，因此无法查询其中的流日志记录。是否为 srcaddr, dstaddr, bytes（bytes 为 long，其余为 text） 创建索引？');
});

test('a snapped range and a CSV export’s notes in Chinese; the header row and the query stay as they are', () => {
  zh();
  const range = resolveWorkbenchRange({ kind: 'quick', minutes: 60 }, 600, new Date(Date.UTC(2026, 11, 6, 5, 3)));
  assert.match(range.label, /，已对齐到 10 分钟的捕获窗口$/);
  const lines = csvPreamble(PROVENANCE).split('\r\n');
  assert.equal(lines[0], '# CEN 流日志导出');
  assert.equal(lines[1], '# Project：p  Logstore：l  地域：cn-hangzhou  流日志：fl-a');
  assert.equal(lines[2], `# 时间范围：2025-12-06T00:00:00.000Z 至 2025-12-06T01:00:00.000Z [from, to)（${PROVENANCE.from}–${PROVENANCE.to}）x`);
  assert.equal(lines[3], '# 查询：dstport:22');
  assert.equal(csvDroppedColumnsNote(new Map([['extra', 2]])), '# 注意：表头写入后才出现的字段，其值未导出：extra (2)\r\n');
});

test('the same range label and CSV notes in English are unchanged', () => {
  const range = resolveWorkbenchRange({ kind: 'quick', minutes: 60 }, 600, new Date(Date.UTC(2026, 11, 6, 5, 3)));
  assert.match(range.label, /, snapped to 10-minute capture windows$/);
  const lines = csvPreamble(PROVENANCE).split('\r\n');
  assert.deepEqual(lines.slice(0, 4), [
    '# CEN Flow Logs export',
    '# project: p  logstore: l  region: cn-hangzhou  flow log: fl-a',
    `# time range: 2025-12-06T00:00:00.000Z to 2025-12-06T01:00:00.000Z [from, to) (${PROVENANCE.from}–${PROVENANCE.to}) x`,
    '# query: dstport:22',
  ]);
});
