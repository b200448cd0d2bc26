/**
 * Where credentials come from: keys the user entered (kept by the caller in SecretStorage), the
 * @alicloud/credentials default chain (environment, ~/.alibabacloud/credentials, aliyun CLI
 * profiles, ECS RAM role, OIDC, URI), or one named aliyun CLI profile. Labels and errors never
 * contain a secret; an AccessKey ID is shown masked.
 */
import { t } from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudError } from './cloudError';
import type { AccessCredentials, CredentialSource } from './credentialTypes';
import { loadSdk } from './sdkLoader';
import { errorText } from '../errorText';

/** "LTAI…wner": enough to tell keys apart, not enough to use one. */
export function maskAccessKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? `${accessKeyId.slice(0, 2)}…` : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

function credentialFailure(label: string, e: unknown): CloudError {
  const detail = errorText(e);
  return new CloudError({
    kind: 'credentials',
    message: t('No usable credentials from {0}: {1}', label, detail),
    nextStep: t('Sign in with an AccessKey, or set up the aliyun CLI / ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.'),
    cause: e,
  });
}

function requireComplete(label: string, c: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string }): AccessCredentials {
  if (!c.accessKeyId || !c.accessKeySecret) throw credentialFailure(label, new Error(t('no AccessKey ID and secret were found')));
  return c.securityToken ? { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken } : { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret };
}

/** Keys the user typed in (the caller keeps them in SecretStorage). */
export function staticCredentialSource(credentials: AccessCredentials): CredentialSource {
  const label = `AccessKey ${maskAccessKeyId(credentials.accessKeyId)}`;
  const snapshot = requireComplete(label, credentials);
  return { label, getCredentials: async () => snapshot };
}

/** Alibaba's default credential chain, resolved on each call (STS tokens rotate inside it). */
export function defaultChainCredentialSource(): CredentialSource {
  const label = t('the default credential chain');
  let credential: InstanceType<ReturnType<typeof loadSdk>['Credential']> | undefined;
  return {
    label,
    getCredentials: async () => {
      try {
        credential ??= new (loadSdk().Credential)();
        return requireComplete(label, await credential.getCredential());
      } catch (e) {
        // A failed chain is retried from scratch next time (the user may have fixed the setup).
        credential = undefined;
        throw e instanceof CloudError ? e : credentialFailure(label, e);
      }
    },
  };
}

/** One named profile of the aliyun CLI (~/.aliyun/config.json); any mode the SDK supports. */
export function cliProfileCredentialSource(profileName: string): CredentialSource {
  const label = `aliyun CLI profile "${profileName}"`;
  let provider: { getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken: string }> } | undefined;
  return {
    label,
    getCredentials: async () => {
      try {
        provider ??= loadSdk().CLIProfileCredentialsProvider.builder().withProfileName(profileName).build();
        return requireComplete(label, await provider.getCredentials());
      } catch (e) {
        provider = undefined;
        throw e instanceof CloudError ? e : credentialFailure(label, e);
      }
    },
  };
}

export interface CliProfileSummary {
  readonly name: string;
  /** AK, StsToken, RamRoleArn, EcsRamRole, … as the CLI writes it. */
  readonly mode: string;
  readonly regionId?: string;
  readonly current: boolean;
}

export function defaultCliConfigPath(): string {
  return join(homedir(), '.aliyun', 'config.json');
}

/**
 * The aliyun CLI's profiles (names, modes, regions — never keys), for a quick pick.
 * No config file means no profiles; an unreadable one is an error that says where it is.
 */
export async function listCliProfiles(configPath: string = defaultCliConfigPath()): Promise<readonly CliProfileSummary[]> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return [];
    throw credentialFailure(configPath, e);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CloudError({
      kind: 'credentials',
      message: t('{0} is not valid JSON: {1}', configPath, errorText(e)),
      nextStep: t('Fix the file or run `aliyun configure` again.'),
    });
  }
  const root = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const current = typeof root.current === 'string' ? root.current : undefined;
  const profiles = Array.isArray(root.profiles) ? root.profiles : [];
  return profiles.flatMap((p: unknown): CliProfileSummary[] => {
    if (typeof p !== 'object' || p === null) return [];
    const r = p as Record<string, unknown>;
    if (typeof r.name !== 'string' || r.name === '') return [];
    return [
      {
        name: r.name,
        mode: typeof r.mode === 'string' && r.mode !== '' ? r.mode : 'AK',
        regionId: typeof r.region_id === 'string' && r.region_id !== '' ? r.region_id : undefined,
        current: r.name === current,
      },
    ];
  });
}
