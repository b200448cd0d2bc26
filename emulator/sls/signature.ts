/**
 * SLS request signature v1, as both Node SDKs compute it:
 * VERB\nCONTENT-MD5\nCONTENT-TYPE\nDATE\n + the x-log-… and x-acs-… headers (lower-case, sorted, name:value\n)
 * + resource (path, then `?` and the query pairs sorted by name with UN-encoded values).
 * The key is the bare AccessKey secret; hmac-sha1 (@alicloud/log) or hmac-sha256 (@alicloud/sls20201230).
 */
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function canonicalResource(path: string, query: ReadonlyMap<string, string | undefined>): string {
  const keys = [...query.keys()].sort();
  if (keys.length === 0) return path;
  return path + '?' + keys.map((k) => (query.get(k) === undefined ? k : `${k}=${query.get(k)}`)).join('&');
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
}

export function stringToSign(method: string, headers: IncomingHttpHeaders, resource: string): string {
  const logHeaders = Object.keys(headers)
    .map((k) => k.toLowerCase())
    .filter((k) => k.startsWith('x-log-') || k.startsWith('x-acs-'))
    .sort()
    .map((k) => `${k}:${header(headers, k)}\n`)
    .join('');
  return `${method}\n${header(headers, 'content-md5')}\n${header(headers, 'content-type')}\n${header(headers, 'date')}\n${logHeaders}${resource}`;
}

export type SignatureMethod = 'hmac-sha1' | 'hmac-sha256';

export function signatureMethodOf(headers: IncomingHttpHeaders): SignatureMethod | undefined {
  const m = header(headers, 'x-log-signaturemethod').toLowerCase();
  if (m === '' || m === 'hmac-sha1') return 'hmac-sha1';
  if (m === 'hmac-sha256') return 'hmac-sha256';
  return undefined;
}

export function sign(method: SignatureMethod, secret: string, text: string): string {
  return createHmac(method === 'hmac-sha1' ? 'sha1' : 'sha256', secret).update(text, 'utf8').digest('base64');
}
