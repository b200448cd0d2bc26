/**
 * Simplified Chinese in a real VS Code: code-server with display language zh-cn (User/argv.json
 * `locale`) and a test language pack that declares zh-cn without core translations
 * (harness/languagePack.ts), so VS Code's own UI stays English while our extension gets zh-cn from
 * its real package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json. The same steps in English are
 * covered by explorerCredentials.e2e.ts and activation.e2e.ts (the region map's by regionMap.e2e.ts,
 * the compare page's by compareRanges.e2e.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode } from './harness';
import { answerStep, clickWelcomeButton, STEP_TIMEOUT_MS, treeTooltipText, waitForCredentialStatus, waitForTreeRow } from './harness/explorerSteps';
import { gridText, pick, QUERY_TIMEOUT_MS } from './harness/queryWorkbench';

describe('localization: zh-cn', () => {
  const vs = useVsCode({ env: {}, locale: 'zh-cn', containerTitle: 'CEN 流日志' });

  it('shows the container, view, welcome view, input validation, status bar and palette commands in Chinese', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    // Activity-bar title and view name come from package.nls.zh-cn.json.
    await vs.openViewContainer('CEN 流日志');
    await vs.viewPane('流日志');
    // Status-bar item: a host string through vscode.l10n.t.
    await waitForCredentialStatus(vs, '阿里云：未登录');
    await clickWelcomeButton(vs, /登录阿里云，查看您的 CEN 实例/, '使用 AccessKey 登录');
    // Input box title (host) and a validation message from a pure module (@vscode/l10n configured by the host).
    const input = vs.page.locator('.quick-input-widget');
    await input.locator('.quick-input-title', { hasText: '登录阿里云（1/2）' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.locator('.quick-input-box input').fill('LTAI-x');
    await input.locator('.quick-input-message', { hasText: /第 5 位/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await vs.inputBoxMessage(), 'AccessKey ID 第 5 位是“-”；AccessKey ID 只包含字母和数字。');
    await input.locator('.quick-input-box input').fill('LTAIemulatorOwner');
    await input.locator('.quick-input-message', { hasText: /第 5 位/ }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await input.locator('.quick-input-box input').press('Enter');
    await answerStep(vs, /LTAIemulatorOwner 的 AccessKey Secret/, 'emulator-owner-secret');
    await waitForTreeRow(vs, 'prod-backbone');
    // Tree labels, descriptions and tooltips (host strings through @vscode/l10n), region names as the China-site console shows them.
    await vs.expandTreeItem('prod-backbone');
    const basicRouter = '华北1（青岛）（cn-qingdao）';
    await waitForTreeRow(vs, basicRouter);
    const tooltip = await treeTooltipText(vs, basicRouter, '只有企业版转发路由器');
    assert.match(tooltip, /地域：华北1（青岛）（cn-qingdao）/);
    assert.match(tooltip, /版本类型：基础版/);
    assert.match(tooltip, /只有企业版转发路由器及其网络实例连接支持流日志。请先在云企业网控制台中将此基础版转发路由器升级为企业版。/);
    // The context menu's command titles come from package.nls.zh-cn.json.
    const row = await vs.treeItem('prod-backbone');
    await row.click({ button: 'right' });
    await vs.page.locator('.context-view .monaco-menu .action-label', { hasText: /^创建流日志…$/ }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await vs.page.keyboard.press('Escape');
    // A palette command under its Chinese category and title, and the Chinese message it shows.
    await vs.runCommand('CEN 流日志: 退出登录');
    await vs.notification('已退出登录：保存的 AccessKey 已从 VS Code 的机密存储中删除。');
    await waitForCredentialStatus(vs, '阿里云：未登录');
  });
});

describe('localization: zh-cn, signed in', () => {
  const vs = useVsCode({ locale: 'zh-cn', containerTitle: 'CEN 流日志' });

  it('the query workbench status line speaks Chinese (the bundle reached the webview through its boot data)', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.runCommand('CEN 流日志: 查询流日志…');
    await pick(vs, 'prod-backbone-flowlog');
    await vs.answerInputBox('* | select direction as s, count(*) as n group by s order by s');
    const frame = await vs.webviewFrame();
    const progress = frame.locator('[data-testid=status-progress]');
    await progress.waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.match((await progress.textContent()) ?? '', /^\s*结果(不)?精确/);
    const { rows } = await gridText(frame);
    assert.ok(rows.length > 0, 'the query returned rows');
    assert.equal(((await frame.locator('[data-testid=status-rows]').textContent()) ?? '').trim(), `${rows.length} 行`);
    // Screen readers read the page as Chinese.
    assert.match((await frame.locator('html').getAttribute('lang')) ?? '', /^zh/i);
  });

  it('the create flow’s steps, prompts and a validation message are in Chinese; cancelling creates nothing', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    const owned = (): number => vs.emulator.context.cen.listFlowLogs().length;
    await vs.runCommand('CEN 流日志: 创建流日志…');
    await vs.answerQuickPick('prod-backbone');
    const widget = vs.page.locator('.quick-input-widget');
    // Region labels are another module's; the router is picked by its region id, which both languages show.
    await widget.locator('.quick-input-title', { hasText: '创建流日志: prod-backbone' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await widget.locator('.quick-input-box input').fill('cn-beijing');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'cn-beijing' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await widget.locator('.quick-input-box input').press('Enter');
    await vs.answerQuickPick('整个转发路由器');
    await vs.answerQuickPick('创建新的 Project…');
    await answerStep(vs, /^Project 名称：3–63 个小写字母/, 'beijing-logs-zh');
    await answerStep(vs, /^Logstore 名称：/, 'beijing-zh');
    await answerStep(vs, /^流日志名称（可选；/, '');
    await answerStep(vs, /^描述（可选；/, '');
    await vs.answerQuickPick('10 分钟（600 秒，默认）');
    const fields = widget.filter({ has: vs.page.locator('.quick-input-title', { hasText: '每条记录包含的字段' }) });
    await fields.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await fields.locator('.quick-input-box input').press('Enter');
    // The tags step: its prompt, then the message a key-less tag gets as it is typed.
    const tags = widget.filter({ has: vs.page.locator('.quick-input-message', { hasText: /^标签（可选）/ }) });
    await tags.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await tags.locator('.quick-input-box input').fill('team=network, =x');
    await widget.locator('.quick-input-message', { hasText: /没有键/ }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    assert.equal(await vs.inputBoxMessage(), '标签“=x”没有键；请写成 key=value。');
    const before = owned();
    await vs.dismissQuickInput();
    assert.equal(owned(), before, 'cancelled at the last step: nothing was created');
  });

  it('the region map page speaks Chinese: heading, sections, status, and region names as the China-site console shows them', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    // The palette command's title (package.nls.zh-cn.json), its pickers (host), then the page (its boot data's bundle).
    await vs.runCommand('CEN 流日志: 显示地域流量图…');
    await pick(vs, 'prod-backbone');
    await pick(vs, 'prod-backbone 的全部流日志');
    const map = await vs.webviewFrame('地域流量图：prod-backbone');
    await map.locator('[data-testid=region-matrix]').waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    assert.equal(((await map.locator('h1.map-title').textContent()) ?? '').trim(), '地域流量图：prod-backbone');
    assert.match((await map.locator('html').getAttribute('lang')) ?? '', /^zh/i);
    await map.locator('h2.section-title', { hasText: '跨地域连接的覆盖情况' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await map.locator('h2.section-title', { hasText: '矩阵：源地域 × 目的地域' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await map.locator('[data-testid=map-status]').textContent()) ?? '', /个流日志中 \d+ 个已返回结果/);
    assert.match((await map.locator('[data-testid=map-cost]').textContent()) ?? '', /未设置价格/);
    // The hub region's row and column heads carry its console name; the id stays in the title.
    const hangzhou = map.locator('th.row-head[title="cn-hangzhou"]');
    await hangzhou.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(((await hangzhou.textContent()) ?? '').trim(), '华东1（杭州）');
    const heads = await map.locator('th.row-head, th.col-head').allTextContents();
    assert.ok(heads.every((h) => !/^China \(/.test(h.trim())), `no English region names: ${heads.join(', ')}`);
  });

  it('the compare page speaks Chinese: heading, form, and its answer', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    await vs.openViewContainer('CEN 流日志');
    await waitForTreeRow(vs, 'prod-backbone');
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('华东1（杭州）（cn-hangzhou）');
    await vs.contextMenu('prod-backbone-flowlog', '与更早的时间范围对比…');
    const frame = await vs.webviewFrame('对比：prod-backbone-flowlog');
    await frame.locator('h1.compare-heading', { hasText: '前后对比：prod-backbone-flowlog' }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
    await frame.locator('label[for=compare-dimension]', { hasText: '对比维度' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(((await frame.locator('[data-testid=compare-dimension] option[value=source]').textContent()) ?? '').trim(), '源地址（发送方）');
    assert.equal(((await frame.locator('[data-testid=compare-earlier] option[value=previousPeriod]').textContent()) ?? '').trim(), '上一时段');
    // Opened from the tree it compares at once: the summary (or the empty answer) is Chinese.
    await frame.locator('[data-testid=compare-status]', { hasText: /个条目 · \d+ 个新增|两个时间范围内此流日志都没有记录/ }).waitFor({ state: 'visible', timeout: QUERY_TIMEOUT_MS });
  });
});
