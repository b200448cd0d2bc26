/** Sign in (AccessKey / aliyun CLI profile / environment chain), switch, sign out. */
import * as vscode from 'vscode';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import type { ActiveCredentials } from '../../credentials/activeCredentials';
import { checkAccessKeyId, checkAccessKeySecret } from '../../credentials/credentialChoice';

export function registerCredentialCommands(r: CommandRegistrar, credentials: ActiveCredentials): void {
  const signInWithAccessKey = async (): Promise<void> => {
    const accessKeyId = await vscode.window.showInputBox({
      title: 'Sign in to Alibaba Cloud (1/2)',
      prompt: 'AccessKey ID (stored in VS Code’s secret storage, never in settings)',
      placeHolder: 'LTAI…',
      ignoreFocusOut: true,
      validateInput: checkAccessKeyId,
    });
    if (accessKeyId === undefined) return;
    const accessKeySecret = await vscode.window.showInputBox({
      title: 'Sign in to Alibaba Cloud (2/2)',
      prompt: `AccessKey secret for ${accessKeyId.trim()}`,
      password: true,
      ignoreFocusOut: true,
      validateInput: checkAccessKeySecret,
    });
    if (accessKeySecret === undefined) return;
    await credentials.signInWithAccessKey({ accessKeyId: accessKeyId.trim(), accessKeySecret });
  };

  const useCliProfile = async (): Promise<void> => {
    const profiles = await credentials.listCliProfiles();
    if (profiles.length === 0) {
      const next = await vscode.window.showWarningMessage(
        'No aliyun CLI profile was found in ~/.aliyun/config.json. Run `aliyun configure`, or sign in with an AccessKey.',
        'Sign in with AccessKey',
      );
      if (next) await signInWithAccessKey();
      return;
    }
    const chosen = await vscode.window.showQuickPick(
      profiles.map((p) => ({
        label: p.name,
        description: [p.mode, p.regionId, p.current ? 'current' : undefined].filter((x) => x).join(' · '),
        profile: p.name,
      })),
      { placeHolder: 'Use which aliyun CLI profile?' },
    );
    if (chosen) await credentials.use({ kind: 'cliProfile', profile: chosen.profile });
  };

  const useEnvironment = (): Promise<void> => credentials.use({ kind: 'environment' });

  const signOut = async (): Promise<void> => {
    await credentials.signOut();
    void vscode.window.showInformationMessage('Signed out: the stored AccessKey was removed from VS Code’s secret storage.');
  };

  r.register('cenFlowLogs.credentials.signIn', 'Sign in', signInWithAccessKey);
  r.register('cenFlowLogs.credentials.useCliProfile', 'Use aliyun CLI profile', useCliProfile);
  r.register('cenFlowLogs.credentials.useEnvironment', 'Use environment credentials', useEnvironment);
  r.register('cenFlowLogs.credentials.signOut', 'Sign out', signOut);
  r.register('cenFlowLogs.credentials.switch', 'Switch credentials', async () => {
    type Item = vscode.QuickPickItem & { run: () => Promise<void> };
    const stored = await credentials.storedAccessKeyLabel();
    const items: Item[] = [
      ...(stored && credentials.choice?.kind !== 'accessKey'
        ? [{ label: `$(key) Use the stored ${stored}`, run: () => credentials.use({ kind: 'accessKey' }) }]
        : []),
      { label: '$(key) Sign in with an AccessKey…', run: signInWithAccessKey },
      { label: '$(terminal) Use an aliyun CLI profile…', run: useCliProfile },
      {
        label: '$(server-environment) Use the default credential chain',
        description: 'ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, ~/.alibabacloud/credentials, …',
        run: useEnvironment,
      },
    ];
    if (credentials.source) items.push({ label: '$(sign-out) Sign out', run: signOut });
    const chosen = await vscode.window.showQuickPick(items, {
      placeHolder: credentials.label ? `Currently using ${credentials.label}` : 'Not signed in',
    });
    if (chosen) await chosen.run();
  });
}
