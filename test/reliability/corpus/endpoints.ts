/**
 * Endpoint settings a user (or a hostile workspace) might set. URL endpoints are the CEN API's
 * (`cenFlowLogs.cenEndpoint`), host endpoints the Log Service's (`cenFlowLogs.slsEndpoint` +
 * `cenFlowLogs.slsProtocol`). Plain http is accepted only for loopback hosts; each refusal must say
 * why in its message.
 */
export interface UrlEndpointCase {
  readonly value: string;
  /** undefined = accepted. */
  readonly message: RegExp | undefined;
}

export const URL_ENDPOINT_CASES: readonly UrlEndpointCase[] = [
  { value: 'http://cbn.aliyuncs.com', message: /plain http.*loopback/ },
  { value: 'http://10.0.0.1:8080', message: /plain http.*loopback/ },
  { value: 'http://192.168.1.10', message: /plain http.*loopback/ },
  { value: 'http://0.0.0.0:9000', message: /plain http.*loopback/ },
  { value: 'http://127.0.0.1.nip.io', message: /plain http.*loopback/ },
  { value: 'http://localhost.evil.example', message: /plain http.*loopback/ },
  { value: 'http://[fe80::1]', message: /plain http.*loopback/ },
  { value: 'http://127.0.0.1@evil.example', message: /user name or password/ },
  { value: 'https://user:pass@cbn.aliyuncs.com', message: /user name or password/ },
  { value: 'http://evil.example#@127.0.0.1', message: /plain http|without a path/ },
  { value: 'https://cbn.aliyuncs.com/evil/path', message: /without a path or query/ },
  { value: 'https://cbn.aliyuncs.com/?Action=DeleteFlowlog', message: /without a path or query/ },
  { value: 'ftp://cbn.aliyuncs.com', message: /must start with https:\/\// },
  { value: 'file:///etc/passwd', message: /must start with https:\/\/|without a path/ },
  { value: 'javascript:alert(1)', message: /must start with https:\/\/|not a URL|without a path/ },
  { value: 'cbn.aliyuncs.com', message: /not a URL|must start with/ },
  { value: '', message: /is empty/ },
  { value: '   ', message: /is empty/ },
  { value: 'https://', message: /not a URL/ },
  { value: 'http://localhost:99999', message: /not a URL/ },
  // The URL parser silently drops tabs and newlines, which would turn this into another host.
  { value: 'https://cbn.aliyuncs.com\n.evil', message: /space|control|line break/ },
  { value: 'https://cbn.aliyuncs.com\t.evil', message: /space|control|line break/ },
  { value: 'https://cbn.aliyuncs.com', message: undefined },
  { value: 'https://cbn.aliyuncs.com/', message: undefined },
  { value: 'http://127.0.0.1:8080', message: undefined },
  { value: 'http://localhost:8080', message: undefined },
  { value: 'http://[::1]:8080', message: undefined },
  { value: 'http://emulator.localhost:8080', message: undefined },
];

export interface HostEndpointCase {
  readonly host: string;
  readonly protocol: 'https' | 'http';
  readonly message: RegExp | undefined;
}

export const HOST_ENDPOINT_CASES: readonly HostEndpointCase[] = [
  { host: 'cn-hangzhou.log.aliyuncs.com', protocol: 'http', message: /plain http.*loopback/ },
  { host: '10.0.0.5:8080', protocol: 'http', message: /plain http.*loopback/ },
  { host: 'localhost.evil.example', protocol: 'http', message: /plain http.*loopback/ },
  { host: 'https://cn-hangzhou.log.aliyuncs.com', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'cn-hangzhou.log.aliyuncs.com/path', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'user@cn-hangzhou.log.aliyuncs.com', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'evil.example?x=1', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'host with spaces', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'host\r\nX-Injected: 1', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: '例え.jp', protocol: 'https', message: /host\[:port\] without a scheme/ },
  { host: 'localhost:abc', protocol: 'http', message: /host\[:port\] without a scheme/ },
  { host: 'cn-hangzhou.log.aliyuncs.com', protocol: 'https', message: undefined },
  { host: 'localhost:8080', protocol: 'http', message: undefined },
  { host: '127.0.0.1:8080', protocol: 'http', message: undefined },
];
