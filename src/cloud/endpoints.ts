/**
 * Endpoint settings are checked before any call: https everywhere, plain http only for loopback
 * hosts (the local emulator), so a typo can never send signed requests in clear text over a network.
 */
import { t } from '@vscode/l10n';

export type EndpointCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** 127.0.0.0/8, ::1, localhost and *.localhost (RFC 6761) are loopback. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * A full URL endpoint such as the CEN API's `https://cbn.aliyuncs.com`. Answers the URL without a
 * trailing slash (pop-core appends `/`).
 */
export function checkUrlEndpoint(raw: string, settingName: string): EndpointCheck<string> {
  const text = raw.trim();
  if (text === '') return { ok: false, message: t('{0} is empty; set it to an https:// URL such as https://cbn.aliyuncs.com.', settingName) };
  // The URL parser silently drops tabs and line breaks, which could turn the text into another host.
  if (/[\s\p{Cc}]/u.test(text)) {
    return { ok: false, message: t('{0} contains spaces, line breaks or control characters; type the URL again without them.', settingName) };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: t('{0} "{1}" is not a URL; expected something like https://cbn.aliyuncs.com.', settingName, text) };
  }
  if (url.username || url.password) {
    return { ok: false, message: t('{0} must not contain a user name or password.', settingName) };
  }
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { ok: false, message: t('{0} "{1}" must be just a scheme and host (and port), without a path or query.', settingName, text) };
  }
  if (url.protocol === 'https:') return { ok: true, value: `https://${url.host}` };
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return { ok: true, value: `http://${url.host}` };
    return {
      ok: false,
      message: t('{0} "{1}" uses plain http, which is allowed only for loopback hosts (127.0.0.1, localhost) such as the local emulator; use https://.', settingName, text),
    };
  }
  return { ok: false, message: t('{0} "{1}" must start with https:// (or http:// for a loopback host).', settingName, text) };
}

/**
 * A `host[:port]` endpoint with a separate protocol, as the Log Service SDK takes it
 * (`cn-hangzhou.log.aliyuncs.com`, `localhost:8080`).
 */
export function checkHostEndpoint(
  rawHost: string,
  protocol: 'https' | 'http',
  settingName: string,
): EndpointCheck<{ host: string; protocol: 'https' | 'http' }> {
  const host = rawHost.trim();
  if (!/^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-fA-F:]+\](?::\d{1,5})?$/.test(host)) {
    return { ok: false, message: t('{0} "{1}" must be host[:port] without a scheme or path, e.g. cn-hangzhou.log.aliyuncs.com.', settingName, host) };
  }
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  if (protocol === 'http' && !isLoopbackHost(hostname)) {
    return {
      ok: false,
      message: t('{0} "{1}" with plain http is allowed only for loopback hosts (127.0.0.1, localhost) such as the local emulator; use https.', settingName, host),
    };
  }
  return { ok: true, value: { host, protocol } };
}
