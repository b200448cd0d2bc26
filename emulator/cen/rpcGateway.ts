/**
 * What Alibaba's API gateway does before an RPC action runs: collect parameters from the query
 * (GET) or the form body (POST), check the common parameters, the signature, the nonce and the
 * timestamp, and find the caller's account. Every refusal is a CenApiError with the gateway's code.
 */
import type { IncomingMessage } from 'node:http';
import type { AccountRegistry, EmulatorAccount } from '../accounts';
import { CenApiError, missingParameter } from './apiError';
import { rpcSignature, signaturesMatch, stringToSign } from './rpcSignature';

export const CEN_API_VERSION = '2017-09-12';
const MAX_SKEW_MS = 15 * 60_000;
const MAX_BODY_BYTES = 1 << 20;

export interface AuthenticatedCall {
  readonly action: string;
  readonly params: ReadonlyMap<string, string>;
  readonly account: EmulatorAccount;
}

export async function readRpcParams(req: IncomingMessage): Promise<Map<string, string>> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const params = new Map<string, string>(url.searchParams);
  if (req.method === 'POST') {
    const body = await readBody(req);
    const type = String(req.headers['content-type'] ?? '');
    if (body.length > 0 && !type.startsWith('application/x-www-form-urlencoded')) {
      throw new CenApiError(400, 'InvalidParameter', `POST bodies must be application/x-www-form-urlencoded, got "${type}".`);
    }
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new CenApiError(413, 'InvalidParameter', 'The request body is too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Remembers nonces for as long as a timestamp stays acceptable, per AccessKeyId. */
export class NonceRegistry {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** false when the nonce was already used by this key within the window. */
  claim(accessKeyId: string, nonce: string): boolean {
    const now = this.now();
    if (this.seen.size > 10_000) this.prune(now);
    const key = `${accessKeyId}\n${nonce}`;
    const at = this.seen.get(key);
    if (at !== undefined && now - at <= 2 * MAX_SKEW_MS) return false;
    this.seen.set(key, now);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }

  private prune(now: number): void {
    for (const [k, at] of this.seen) if (now - at > 2 * MAX_SKEW_MS) this.seen.delete(k);
  }
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

export function authenticate(
  method: string,
  params: ReadonlyMap<string, string>,
  deps: { accounts: AccountRegistry; nonces: NonceRegistry; now: () => number },
): AuthenticatedCall {
  const get = (name: string): string => {
    const v = params.get(name);
    if (v === undefined || v === '') throw missingParameter(name);
    return v;
  };
  const action = get('Action');
  const version = get('Version');
  if (version !== CEN_API_VERSION) {
    throw new CenApiError(400, 'InvalidVersion', `Specified parameter Version "${version}" is not valid; this API is version ${CEN_API_VERSION}.`);
  }
  const format = params.get('Format');
  if (format !== undefined && format.toUpperCase() !== 'JSON') {
    throw new CenApiError(400, 'InvalidParameter', `The emulator answers only Format=JSON, got "${format}".`);
  }
  const accessKeyId = get('AccessKeyId');
  const signatureMethod = get('SignatureMethod');
  if (signatureMethod !== 'HMAC-SHA1') {
    throw new CenApiError(400, 'InvalidParameter', `The parameter "SignatureMethod" must be HMAC-SHA1, got "${signatureMethod}".`);
  }
  const signatureVersion = get('SignatureVersion');
  if (signatureVersion !== '1.0') {
    throw new CenApiError(400, 'InvalidParameter', `The parameter "SignatureVersion" must be 1.0, got "${signatureVersion}".`);
  }
  const nonce = get('SignatureNonce');
  const timestamp = get('Timestamp');
  const signature = get('Signature');

  const m = TIMESTAMP.exec(timestamp);
  const at = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
  if (Number.isNaN(at)) {
    throw new CenApiError(400, 'InvalidTimeStamp.Format', `Specified time stamp "${timestamp}" is not in the format YYYY-MM-DDThh:mm:ssZ (UTC).`);
  }
  if (Math.abs(deps.now() - at) > MAX_SKEW_MS) {
    throw new CenApiError(400, 'InvalidTimeStamp.Expired', `Specified time stamp "${timestamp}" is more than 15 minutes away from the server time; check your clock.`);
  }

  const account = deps.accounts.byAccessKeyId(accessKeyId);
  if (!account) throw new CenApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const expectedToSign = stringToSign(method, params);
  if (!signaturesMatch(rpcSignature(account.accessKeySecret, expectedToSign), signature)) {
    // Like the real gateway, say what the server signed so a client author can compare.
    throw new CenApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature does not match our calculation. server string to sign is:${expectedToSign}`,
    );
  }
  // Only a correctly signed request burns its nonce, so forgeries cannot block a client's nonces.
  if (!deps.nonces.claim(accessKeyId, nonce)) {
    throw new CenApiError(400, 'SignatureNonceUsed', `Specified signature nonce "${nonce}" was used already.`);
  }
  return { action, params, account };
}
