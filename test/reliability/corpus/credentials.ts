/**
 * Wrong, empty and malformed credentials. Each must end in one CloudError of kind `credentials`
 * from both services (through the real SDKs, against the emulator), and no message may carry the
 * secret that was used.
 */
import type { AccessCredentials } from '../../../src/cloud/credentialTypes';

export interface CredentialCase {
  readonly name: string;
  readonly credentials: AccessCredentials;
}

const OWNER_ID = 'LTAIemulatorOwner';
const OWNER_SECRET = 'emulator-owner-secret';

export const CREDENTIAL_CASES: readonly CredentialCase[] = [
  { name: 'owner id with a wrong secret', credentials: { accessKeyId: OWNER_ID, accessKeySecret: 'wrong-secret-123' } },
  { name: 'unknown AccessKey id', credentials: { accessKeyId: 'LTAInobodyKnowsThisKey', accessKeySecret: OWNER_SECRET } },
  { name: 'owner id with an empty secret', credentials: { accessKeyId: OWNER_ID, accessKeySecret: '' } },
  { name: 'empty id with the owner secret', credentials: { accessKeyId: '', accessKeySecret: OWNER_SECRET } },
  { name: 'secret with a trailing space', credentials: { accessKeyId: OWNER_ID, accessKeySecret: `${OWNER_SECRET} ` } },
  { name: 'id with a leading space', credentials: { accessKeyId: ` ${OWNER_ID}`, accessKeySecret: OWNER_SECRET } },
  { name: 'secret in another case', credentials: { accessKeyId: OWNER_ID, accessKeySecret: OWNER_SECRET.toUpperCase() } },
  { name: 'unicode secret', credentials: { accessKeyId: OWNER_ID, accessKeySecret: 'sécret-密钥-🔑' } },
  { name: 'id that tries to inject a header', credentials: { accessKeyId: `${OWNER_ID}\r\nX-Injected: 1`, accessKeySecret: OWNER_SECRET } },
  { name: 'secret that looks like markup', credentials: { accessKeyId: OWNER_ID, accessKeySecret: '<script>alert(1)</script>' } },
];
