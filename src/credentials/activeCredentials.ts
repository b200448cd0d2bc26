/**
 * The credential source in use: what the user chose (globalState), resolved into a CredentialSource
 * through the cloud layer. Changing it fires onDidChange so clients, the tree and the status bar
 * follow. Not signed in = no source.
 */
import * as vscode from 'vscode';
import type { CliProfileSummary } from '../cloud/credentials';
import { maskAccessKeyId } from '../cloud/credentials';
import type { AccessCredentials, CredentialSource } from '../cloud/credentialTypes';
import type { AccessKeyStore } from './accessKeyStore';
import { environmentHasAccessKey, parseCredentialChoice, type CredentialChoice } from './credentialChoice';

/** How choices become sources; implemented by src/cloud/credentials.ts, wired in extension.ts. */
export interface CredentialSourceFactory {
  fromAccessKey(pair: AccessCredentials): CredentialSource;
  fromCliProfile(profile: string): CredentialSource;
  /** @alicloud/credentials' default chain: env vars, ~/.alibabacloud/credentials, CLI default profile, ECS role… */
  fromDefaultChain(): CredentialSource;
  listCliProfiles(): Promise<readonly CliProfileSummary[]>;
}

const CHOICE_KEY = 'cenFlowLogs.credentialChoice';

export class ActiveCredentials implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: { choice: CredentialChoice; source: CredentialSource; label: string } | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly keys: AccessKeyStore,
    private readonly factory: CredentialSourceFactory,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Restores the last choice; with none, uses the environment's key if it has one (emulator, CI). */
  async restore(): Promise<void> {
    const saved = parseCredentialChoice(this.state.get(CHOICE_KEY));
    const choice = saved ?? (environmentHasAccessKey(this.env) ? { kind: 'environment' as const } : undefined);
    this.current = choice ? await this.resolve(choice) : undefined;
    this.changed.fire();
  }

  /**
   * Before restore() finishes: whether a source will probably be there (a saved choice or keys in
   * the environment), so the view does not flash the sign-in welcome while loading.
   */
  get expectsSource(): boolean {
    return this.current !== undefined || parseCredentialChoice(this.state.get(CHOICE_KEY)) !== undefined || environmentHasAccessKey(this.env);
  }

  get source(): CredentialSource | undefined {
    return this.current?.source;
  }

  get choice(): CredentialChoice | undefined {
    return this.current?.choice;
  }

  /** For the status bar: "AccessKey LTAI…wner", "aliyun CLI profile default", "Environment". */
  get label(): string | undefined {
    return this.current?.label;
  }

  async signInWithAccessKey(pair: AccessCredentials): Promise<void> {
    await this.keys.store(pair);
    await this.use({ kind: 'accessKey' });
  }

  async use(choice: CredentialChoice): Promise<void> {
    const resolved = await this.resolve(choice);
    if (!resolved) throw new Error(vscode.l10n.t('No AccessKey is stored; sign in with an AccessKey first.'));
    this.current = resolved;
    await this.state.update(CHOICE_KEY, choice);
    this.changed.fire();
  }

  /** Forgets the stored AccessKey and the choice. */
  async signOut(): Promise<void> {
    await this.keys.clear();
    await this.state.update(CHOICE_KEY, undefined);
    this.current = undefined;
    this.changed.fire();
  }

  /** The masked id of the AccessKey in SecretStorage, if one is stored. */
  async storedAccessKeyLabel(): Promise<string | undefined> {
    const pair = await this.keys.get();
    return pair ? `AccessKey ${maskAccessKeyId(pair.accessKeyId)}` : undefined;
  }

  listCliProfiles(): Promise<readonly CliProfileSummary[]> {
    return this.factory.listCliProfiles();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async resolve(
    choice: CredentialChoice,
  ): Promise<{ choice: CredentialChoice; source: CredentialSource; label: string } | undefined> {
    switch (choice.kind) {
      case 'accessKey': {
        const pair = await this.keys.get();
        if (!pair) return undefined;
        return { choice, source: this.factory.fromAccessKey(pair), label: `AccessKey ${maskAccessKeyId(pair.accessKeyId)}` };
      }
      case 'cliProfile':
        return { choice, source: this.factory.fromCliProfile(choice.profile), label: `aliyun CLI profile ${choice.profile}` };
      case 'environment': {
        const id = this.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
        const label = id ? vscode.l10n.t('Environment ({0})', maskAccessKeyId(id)) : vscode.l10n.t('Default credential chain');
        return { choice, source: this.factory.fromDefaultChain(), label };
      }
    }
  }
}
