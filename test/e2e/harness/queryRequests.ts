/**
 * The query requests an in-process emulator receives (GetLogs, GetLogsV2, GetHistograms), seen at
 * the emulator's own HTTP server through Node's `http.server.request.start` diagnostics channel:
 * the proof that a query refused locally never reached Log Service, and that "Run anyway" did.
 * (The emulator's admin API /__emulator/* has no request log; this needs no change to it.)
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

export interface QueryRequestLog {
  /** "GetLogs <query>", "GetLogsV2", "GetHistograms <query>" in arrival order. */
  readonly seen: readonly string[];
  readonly count: number;
  stop(): void;
}

/** Which query API a request is, or undefined for anything else (index, projects, CEN, admin). */
function queryApi(req: IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'logstores') return undefined;
  const type = url.searchParams.get('type');
  const query = url.searchParams.get('query') ?? '';
  if (req.method === 'GET' && parts.length === 2 && type === 'log') return `GetLogs ${query}`;
  if (req.method === 'GET' && parts.length === 3 && parts[2] === 'index' && type === 'histogram') return `GetHistograms ${query}`;
  if (req.method === 'POST' && parts.length === 3 && parts[2] === 'logs') return 'GetLogsV2';
  return undefined;
}

/** Starts recording the query requests that arrive on `port`. */
export function recordQueryRequests(port: number): QueryRequestLog {
  const seen: string[] = [];
  const onStart = (message: unknown): void => {
    const req = (message as { readonly request: IncomingMessage }).request;
    if (req.socket.localPort !== port) return;
    const api = queryApi(req);
    if (api !== undefined) seen.push(api);
  };
  subscribe('http.server.request.start', onStart);
  return {
    seen,
    get count() {
      return seen.length;
    },
    stop: () => unsubscribe('http.server.request.start', onStart),
  };
}
