/** The entered AccessKey pair, kept only in VS Code's SecretStorage (the OS keychain). */
import type * as vscode from 'vscode';
import type { AccessCredentials } from '../cloud/credentialTypes';

const SECRET_KEY = 'cenFlowLogs.accessKey';

export class AccessKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<AccessCredentials | undefined> {
    const raw = await this.secrets.get(SECRET_KEY);
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw) as Partial<AccessCredentials>;
      return typeof v.accessKeyId === 'string' && typeof v.accessKeySecret === 'string'
        ? { accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret }
        : undefined;
    } catch {
      return undefined; // unreadable entry: treated as signed out
    }
  }

  async store(pair: AccessCredentials): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify({ accessKeyId: pair.accessKeyId, accessKeySecret: pair.accessKeySecret }));
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }
}
