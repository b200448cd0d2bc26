/**
 * A sample of the host's messages — the create flow's validation, the explorer's tooltips, cloud
 * errors, field descriptions, region names — formatted in Simplified Chinese from the real zh-cn
 * bundle (placeholders filled), and unchanged in English without one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { FlowLog } from '../../../src/cloud/cenApi';
import { mapCenError } from '../../../src/cloud/cenErrors';
import { fieldSpec } from '../../../src/flowlogs/catalog';
import { regionLabel, setRegionDisplayLanguage } from '../../../src/flowlogs/regions';
import { checkInterval, checkProjectName, logFormatProblem } from '../../../src/flowlogs/validation';
import { FlowLogNode } from '../../../src/views/explorer/nodes/flowLogNode';
import { LoadMoreNode } from '../../../src/views/explorer/nodes/loadMoreNode';
import { PROJECT_ROOT } from './l10nSourceScan';

const zhBundle = JSON.parse(readFileSync(join(PROJECT_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

const flowLog: FlowLog = {
  flowLogId: 'flowlog-abc',
  name: 'hz-out',
  description: '',
  cenId: 'cen-1',
  regionId: 'cn-hangzhou',
  status: 'Active',
  rawStatus: 'Active',
  creationTime: '2026-01-02T03:04:05Z',
  projectName: 'flow-project',
  logStoreName: 'flow-store',
  interval: 600,
  transitRouterId: 'tr-hz',
  tags: [],
};

/** Runs `check` once in Simplified Chinese and once in English, then restores English. */
function inBothLanguages(check: (language: 'zh' | 'en') => void): void {
  try {
    l10n.config({ contents: zhBundle });
    setRegionDisplayLanguage('zh-cn');
    check('zh');
    l10n.config({ contents: {} });
    setRegionDisplayLanguage('en');
    check('en');
  } finally {
    l10n.config({ contents: {} });
    setRegionDisplayLanguage('en');
  }
}

test('the create flow validation messages, with their placeholders filled', () => {
  inBothLanguages((lang) => {
    const zh = lang === 'zh';
    assert.equal(
      checkProjectName('My-project'),
      zh ? 'Project 名称第 1 位是“M”；只允许小写字母、数字和短划线（-）。' : 'Project name has "M" at position 1; only lower-case letters, digits and hyphens (-) are allowed.',
    );
    assert.equal(checkInterval(120), zh ? '捕获窗口必须为 60 秒（1 分钟）或 600 秒（10 分钟），不能是 120。' : 'Interval must be 60 seconds (1 minute) or 600 seconds (10 minutes), not 120.');
    // Messages that quote ${field} text keep it literally (the l10n formatter fills only {0}-style placeholders).
    assert.equal(
      logFormatProblem('${dstaddr}')?.message,
      zh
        ? '日志格式，第 1 个字符：自定义格式必须以 ${srcaddr}${dstaddr}${bytes} 开头（服务要求这三个字段在最前）；此处应为 ${srcaddr}。'
        : 'Log format, character 1: a custom format must start with ${srcaddr}${dstaddr}${bytes} (the service requires these three first); ${srcaddr} belongs here.',
    );
    assert.equal(logFormatProblem('abc')?.message, zh ? '日志格式，第 1 个字符：应为 ${name} 形式的字段，实际为“abc”。' : 'Log format, character 1: expected a field as ${name}, found "abc".');
  });
});

test('explorer tooltips and descriptions, with the region named as the console names it', () => {
  inBothLanguages((lang) => {
    const zh = lang === 'zh';
    const tooltip = new FlowLogNode(flowLog).present().tooltip ?? '';
    const lines = tooltip.split('\n');
    assert.ok(lines.includes(zh ? '- 地域：华东1（杭州）（cn-hangzhou）' : '- Region: China (Hangzhou) (cn-hangzhou)'), tooltip);
    assert.ok(lines.includes(zh ? '- 捕获窗口：10 分钟（600 秒）' : '- Capture window: 10 minutes (600 s)'), tooltip);
    assert.ok(lines.includes(zh ? '- 日志服务：Project `flow-project`，Logstore `flow-store`' : '- Log Service: project `flow-project`, logstore `flow-store`'), tooltip);
    assert.equal(new LoadMoreNode(50, 120).present().description, zh ? '已显示 120 个 CEN 实例中的 50 个' : '50 of 120 CEN instances shown');
    assert.equal(regionLabel('ap-southeast-1'), zh ? '新加坡（ap-southeast-1）' : 'Singapore (ap-southeast-1)');
  });
});

test('a cloud error and a field description are read in the language configured when shown', () => {
  const popCoreError = Object.assign(new Error('Forbidden'), { code: 'Forbidden', data: { Code: 'Forbidden', Message: 'denied', RequestId: 'req-1' } });
  inBothLanguages((lang) => {
    const zh = lang === 'zh';
    const e = mapCenError(popCoreError, 'CreateFlowlog');
    assert.equal(e.kind, 'permission');
    assert.equal(e.message, zh ? '您的 RAM 用户无权执行此操作。 denied' : 'Your RAM user is not allowed to do this. denied');
    assert.equal(e.nextStep, zh ? '请让管理员为您的 RAM 用户授予 RAM 权限 cen:CreateFlowlog。' : 'Ask an administrator to grant the RAM permission cen:CreateFlowlog to your RAM user.');
    // The catalog was loaded before the bundle was configured: its text is still read when shown.
    assert.equal(fieldSpec('bytes')?.description, zh ? '捕获窗口内的字节数' : 'Bytes in the capture window');
  });
});
