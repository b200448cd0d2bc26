/**
 * Credentials are checked before they sign anything: an empty key, or one with spaces or line
 * breaks (a bad paste, or a header-injection attempt), gets a clear credentials error instead of an
 * SDK crash, and a credential source that fails (missing CLI profile, unreadable file) is a
 * credentials error too. Messages never quote the values.
 */
import { CloudError } from './cloudError';
import type { AccessCredentials, CredentialSource } from './credentialTypes';

const NEXT_STEP = 'Sign in again with your AccessKey ID and secret, or pick another credential source.';

export function credentialProblem(c: AccessCredentials): CloudError | undefined {
  const parts: readonly (readonly [string, string | undefined])[] = [
    ['AccessKey ID', c.accessKeyId],
    ['AccessKey secret', c.accessKeySecret],
    ['STS security token', c.securityToken],
  ];
  for (const [label, value] of parts) {
    if (value === undefined) continue;
    if (value === '') return new CloudError({ kind: 'credentials', message: `The ${label} is empty.`, nextStep: NEXT_STEP });
    if (/[\s\p{Cc}]/u.test(value)) {
      return new CloudError({ kind: 'credentials', message: `The ${label} contains spaces, line breaks or control characters.`, nextStep: NEXT_STEP });
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
    throw new CloudError({ kind: 'credentials', message: `Could not read credentials from ${source.label}.`, nextStep: NEXT_STEP, cause: e });
  }
  const problem = credentialProblem(c);
  if (problem) throw problem;
  return c;
}
