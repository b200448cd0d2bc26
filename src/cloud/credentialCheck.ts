/**
 * Credentials are checked before they sign anything: an empty key, or one with spaces or line
 * breaks (a bad paste, or a header-injection attempt), gets a clear credentials error instead of an
 * SDK crash, and a credential source that fails (missing CLI profile, unreadable file) is a
 * credentials error too. Messages never quote the values.
 */
import { t } from '@vscode/l10n';
import { CloudError } from './cloudError';
import type { AccessCredentials, CredentialSource } from './credentialTypes';

const nextStep = (): string => t('Sign in again with your AccessKey ID and secret, or pick another credential source.');

export function credentialProblem(c: AccessCredentials): CloudError | undefined {
  const parts: readonly (readonly [string, string | undefined])[] = [
    ['AccessKey ID', c.accessKeyId],
    [t('AccessKey secret'), c.accessKeySecret],
    [t('STS security token'), c.securityToken],
  ];
  for (const [label, value] of parts) {
    if (value === undefined) continue;
    if (value === '') return new CloudError({ kind: 'credentials', message: t('The {0} is empty.', label), nextStep: nextStep() });
    if (/[\s\p{Cc}]/u.test(value)) {
      return new CloudError({ kind: 'credentials', message: t('The {0} contains spaces, line breaks or control characters.', label), nextStep: nextStep() });
    }
  }
  return undefined;
}

/** The source's credentials, checked; any failure is a 'credentials' CloudError. */
export async function resolveCredentials(source: CredentialSource): Promise<AccessCredentials> {
  let c: AccessCredentials;
  try {
    c = await source.getCredentials();
  } catch (e) {
    if (e instanceof CloudError) throw e;
    // The source's own message is left out: a credentials-file parser may quote the file.
    throw new CloudError({ kind: 'credentials', message: t('Could not read credentials from {0}.', source.label), nextStep: nextStep(), cause: e });
  }
  const problem = credentialProblem(c);
  if (problem) throw problem;
  return c;
}
