/**
 * Credentials in a real VS Code with no keys in the environment: the sign-in welcome view, signing
 * in with an AccessKey (kept in SecretStorage), a wrong secret, a RAM user without flow-log permission, and
 * picking a profile of the aliyun CLI (~/.aliyun/config.json in code-server's own HOME).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { E2E_TEST_TIMEOUT_MS, UI_TIMEOUT_MS, useVsCode } from './harness';
import { removeAliyunCliConfig, writeAliyunCliConfig } from './harness/aliyunCliConfig';
import {
  answerFieldStep,
  answerStep,
  clickWelcomeButton,
  credentialStatusBarItem,
  signInWithAccessKey,
  waitForCredentialStatus,
  waitForTreeRow,
  welcomeView,
} from './harness/explorerSteps';
import { NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT } from '../../emulator/accounts';

const SIGN_IN_WELCOME = /Sign in to Alibaba Cloud/;

describe('explorer credentials', { timeout: 900_000 }, () => {
  const vs = useVsCode({ env: {} });

  it('offers sign-in when there are no credentials; an AccessKey signs in and the tree loads', async () => {
    await signInWithAccessKey(vs, 'LTAIemulatorOwner', 'emulator-owner-secret');
    await waitForTreeRow(vs, 'prod-backbone');
    await waitForCredentialStatus(vs, 'AccessKey LTAI…wner');
    // Sign out brings the welcome view back.
    await vs.runCommand('CEN Flow Logs: Sign Out');
    await welcomeView(vs, SIGN_IN_WELCOME).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('a wrong secret gives a clear credentials error in the tree, without the secret', async () => {
    await signInWithAccessKey(vs, 'LTAIemulatorOwner', 'definitely-wrong-secret');
    const row = vs.treeRow('Could not load CEN instances').first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /AccessKey|signature|credentials/i);
    assert.ok(!text.includes('definitely-wrong-secret'));
    await row.click();
    await vs.notification(/Could not load CEN instances/);
  });

  // Was "told it must be whitelisted": Forbidden.NotWhitelisted was our emulator's invention; the
  // service answers a RAM user without the permission with Forbidden.RAM (api-current.md §4.1).
  it('a RAM user without flow-log permission is told which cen: permission to ask for when creating a flow log', async () => {
    await signInWithAccessKey(vs, 'LTAIemulatorNoFlowLog', 'emulator-noflowlog-secret');
    await waitForTreeRow(vs, 'partner-network');
    await vs.contextMenu('partner-network', 'Create Flow Log…');
    await vs.answerQuickPick('China (Hangzhou) (cn-hangzhou)');
    await vs.answerQuickPick('The whole transit router');
    await answerStep(vs, /Project name/, 'partner-logs');
    await answerStep(vs, /Logstore name/, 'partner');
    await answerStep(vs, /Flow log name/, '');
    await answerStep(vs, /Description/, '');
    await vs.answerQuickPick('10 minutes (600 s, default)');
    await answerFieldStep(vs);
    await answerStep(vs, /Tags/, '');
    await vs.notification(/cen:CreateFlowlog/, 30_000);
    assert.equal(vs.emulator.context.cen.flowLogsOf('6543210987654321').length, 0);
  });

  it('an expired STS token answer leads to entering the credentials again, and the action then works', async () => {
    await signInWithAccessKey(vs, 'LTAIemulatorOwner', 'emulator-owner-secret');
    await waitForTreeRow(vs, 'prod-backbone');
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    await waitForTreeRow(vs, 'prod-backbone-flowlog');
    // The service's answer to a request signed with an STS token that ran out (api-current.md §4.1).
    vs.emulator.context.cenScripted.add({ action: 'DeactiveFlowLog', code: 'InvalidSecurityToken.Expired', message: 'Specified SecurityToken is expired.', status: 400 });
    await vs.contextMenu('prod-backbone-flowlog', 'Stop Flow Log');
    await vs.clickNotificationButton(/STS security token has expired/, 'Switch Credentials…');
    await vs.answerQuickPick('Sign in with an AccessKey…');
    await answerStep(vs, /AccessKey ID/, 'LTAIemulatorOwner');
    await answerStep(vs, /AccessKey secret/, 'emulator-owner-secret');
    await waitForTreeRow(vs, 'prod-backbone');
    await vs.expandTreeItem('prod-backbone');
    await vs.expandTreeItem('China (Hangzhou) (cn-hangzhou)');
    await vs.contextMenu('prod-backbone-flowlog', 'Stop Flow Log');
    await vs.treeRow('prod-backbone-flowlog').filter({ hasText: /whole router · Inactive/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const f = vs.emulator.context.cen.flowLogsOf(OWNER_ACCOUNT.accountId).find((x) => x.name === 'prod-backbone-flowlog');
    assert.equal(f?.status, 'Inactive');
  });

  it('"Use an aliyun CLI Profile" lists the CLI profiles; the picked one loads its account and names itself in the status bar', { timeout: E2E_TEST_TIMEOUT_MS }, async () => {
    writeAliyunCliConfig(
      vs,
      [
        { name: 'owner', accessKeyId: OWNER_ACCOUNT.accessKeyId, accessKeySecret: OWNER_ACCOUNT.accessKeySecret, regionId: 'cn-hangzhou' },
        { name: 'partner', accessKeyId: NOT_WHITELISTED_ACCOUNT.accessKeyId, accessKeySecret: NOT_WHITELISTED_ACCOUNT.accessKeySecret, regionId: 'cn-shanghai' },
      ],
      'owner',
    );
    try {
      await vs.openViewContainer('CEN Flow Logs');
      await clickWelcomeButton(vs, SIGN_IN_WELCOME, 'Use an aliyun CLI Profile');
      // Both profiles are offered (the CLI's current one marked), never their keys.
      const options = vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await options.filter({ hasText: 'partner' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      const offered = await options.allTextContents();
      assert.equal(offered.length, 2, JSON.stringify(offered));
      assert.match(offered.find((o) => o.includes('owner')) ?? '', /AK · cn-hangzhou · current/);
      assert.match(offered.find((o) => o.includes('partner')) ?? '', /AK · cn-shanghai/);
      assert.doesNotMatch(offered.join(' '), /LTAI|secret/);
      await vs.answerQuickPick('partner');
      await waitForTreeRow(vs, 'partner-network');
      await waitForCredentialStatus(vs, 'aliyun CLI profile partner');
      assert.equal(await vs.treeRow('prod-backbone').count(), 0, 'only the partner account’s CENs');

      // The status bar switches to the other profile; the tree follows.
      await credentialStatusBarItem(vs, 'aliyun CLI profile partner').first().click();
      await vs.answerQuickPick('Use an aliyun CLI profile…');
      await vs.answerQuickPick('owner');
      await waitForTreeRow(vs, 'prod-backbone');
      await waitForCredentialStatus(vs, 'aliyun CLI profile owner');
      assert.equal(await vs.treeRow('partner-network').count(), 0);
    } finally {
      removeAliyunCliConfig(vs);
    }
  });
});
