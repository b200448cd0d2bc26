/** Query-string parsing for SLS requests: values decoded exactly once, as the signer saw them. */
export function parseQueryString(raw: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!raw) return out;
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, '%20'));
      } catch {
        return s;
      }
    };
    if (eq < 0) out.set(decode(pair), undefined);
    else out.set(decode(pair.slice(0, eq)), decode(pair.slice(eq + 1)));
  }
  return out;
}

/** `<project>.<region>.localhost`, `<project>.localhost`, `<region>.localhost`, `localhost` (port stripped). */
export function parseSlsHost(host: string, knownRegion: (id: string) => boolean): { project?: string; region?: string } {
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const labels = name.split('.');
  // Everything before the endpoint: strip a trailing "localhost" / "log.aliyuncs.com"-style suffix.
  const endpointAt = labels.findIndex((l, i) => l === 'localhost' || (l === 'log' && labels[i + 1] === 'aliyuncs'));
  const prefix = endpointAt >= 0 ? labels.slice(0, endpointAt) : labels.slice(0, -1);
  if (prefix.length >= 2) return { project: prefix[0], region: prefix[1] };
  if (prefix.length === 1) return knownRegion(prefix[0]) ? { region: prefix[0] } : { project: prefix[0] };
  return {};
}
