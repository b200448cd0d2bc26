/** Sign in (AccessKey / aliyun CLI profile / environment chain), switch, sign out. */
import * as vscode from 'vscode';
import type { CommandRegistrar } from '../commands/commandRegistrar';
import type { ActiveCredentials } from '../../credentials/activeCredentials';
import { checkAccessKeyId, checkAccessKeySecret } from '../../credentials/credentialChoice';

const t = vscode.l10n.t;

export function registerCredentialCommands(r: CommandRegistrar, credentials: ActiveCredentials): void {
  const signInWithAccessKey = async (): Promise<void> => {
    const accessKeyId = await vscode.window.showInputBox({
      title: t('Sign in to Alibaba Cloud (1/2)'),
      prompt: t('AccessKey ID (stored in VS Code’s secret storage, never in settings)'),
      placeHolder: 'LTAI…',
      ignoreFocusOut: true,
      validateInput: checkAccessKeyId,
    });
    if (accessKeyId === undefined) return;
    const accessKeySecret = await vscode.window.showInputBox({
      title: t('Sign in to Alibaba Cloud (2/2)'),
      prompt: t('AccessKey secret for {0}', accessKeyId.trim()),
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
      const signIn = t('Sign in with AccessKey');
      const next = await vscode.window.showWarningMessage(
        t('No aliyun CLI profile was found in ~/.aliyun/config.json. Run `aliyun configure`, or sign in with an AccessKey.'),
        signIn,
      );
      if (next === signIn) await signInWithAccessKey();
      return;
    }
    const chosen = await vscode.window.showQuickPick(
      profiles.map((p) => ({
        label: p.name,
        description: [p.mode, p.regionId, p.current ? t('current') : undefined].filter((x) => x).join(' · '),
        profile: p.name,
      })),
      { placeHolder: t('Use which aliyun CLI profile?') },
    );
    if (chosen) await credentials.use({ kind: 'cliProfile', profile: chosen.profile });
  };

  const useEnvironment = (): Promise<void> => credentials.use({ kind: 'environment' });

  const signOut = async (): Promise<void> => {
    await credentials.signOut();
    void vscode.window.showInformationMessage(t('Signed out: the stored AccessKey was removed from VS Code’s secret storage.'));
  };

  r.register('cenFlowLogs.credentials.signIn', t('Sign in'), signInWithAccessKey);
  r.register('cenFlowLogs.credentials.useCliProfile', t('Use aliyun CLI profile'), useCliProfile);
  r.register('cenFlowLogs.credentials.useEnvironment', t('Use environment credentials'), useEnvironment);
  r.register('cenFlowLogs.credentials.signOut', t('Sign out'), signOut);
  r.register('cenFlowLogs.credentials.switch', t('Switch credentials'), async () => {
    type Item = vscode.QuickPickItem & { run: () => Promise<void> };
    const stored = await credentials.storedAccessKeyLabel();
    const items: Item[] = [
      ...(stored && credentials.choice?.kind !== 'accessKey'
        ? [{ label: `$(key) ${t('Use the stored {0}', stored)}`, run: () => credentials.use({ kind: 'accessKey' }) }]
        : []),
      { label: `$(key) ${t('Sign in with an AccessKey…')}`, run: signInWithAccessKey },
      { label: `$(terminal) ${t('Use an aliyun CLI profile…')}`, run: useCliProfile },
      {
        label: `$(server-environment) ${t('Use the default credential chain')}`,
        description: 'ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, ~/.alibabacloud/credentials, …',
        run: useEnvironment,
      },
    ];
    if (credentials.source) items.push({ label: `$(sign-out) ${t('Sign out')}`, run: signOut });
    const chosen = await vscode.window.showQuickPick(items, {
      placeHolder: credentials.label ? t('Currently using {0}', credentials.label) : t('Not signed in'),
    });
    if (chosen) await chosen.run();
  });
}
