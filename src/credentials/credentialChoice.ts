/**
 * Which credential source the user chose. Persisted in globalState — it holds no secret: an entered
 * AccessKey pair lives only in SecretStorage.
 */
// Pure (no vscode import): messages go through @vscode/l10n's t, configured by the host (src/activation/hostL10n.ts).
import { t } from '@vscode/l10n';

export type CredentialChoice =
  | { readonly kind: 'accessKey' } // the pair in SecretStorage
  | { readonly kind: 'cliProfile'; readonly profile: string } // a profile of ~/.aliyun/config.json
  | { readonly kind: 'environment' }; // @alicloud/credentials' default chain (env vars first)

export function parseCredentialChoice(value: unknown): CredentialChoice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.kind) {
    case 'accessKey':
      return { kind: 'accessKey' };
    case 'environment':
      return { kind: 'environment' };
    case 'cliProfile':
      return typeof v.profile === 'string' && v.profile ? { kind: 'cliProfile', profile: v.profile } : undefined;
    default:
      return undefined;
  }
}

/** Whether the standard environment variables carry a key (the e2e harness and `npm start` use them). */
export function environmentHasAccessKey(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
}

/** AccessKey ids are alphanumeric; secrets have no spaces. Checked as the user types. */
export function checkAccessKeyId(value: string): string | undefined {
  const v = value.trim();
  if (!v) return t('Enter the AccessKey ID (it starts with LTAI).');
  const bad = [...v].findIndex((c) => !/[A-Za-z0-9]/.test(c));
  if (bad >= 0) return t('AccessKey ID has "{0}" at position {1}; it contains only letters and digits.', v[bad] ?? '', bad + 1);
  return undefined;
}

export function checkAccessKeySecret(value: string): string | undefined {
  if (!value) return t('Enter the AccessKey secret.');
  const bad = [...value].findIndex((c) => /\s/.test(c));
  if (bad >= 0) return t('AccessKey secret has a space at position {0}; paste the secret alone.', bad + 1);
  return undefined;
}
