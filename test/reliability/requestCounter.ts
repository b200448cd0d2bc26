/**
 * Counts the HTTP requests an in-process emulator receives, at the emulator's own server, through
 * Node's `http.server.request.start` diagnostics channel (no change to the emulator, no proxy):
 * the way to prove that input refused locally never reached the API.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

export interface RequestCounter {
  /** Requests seen on `port` since the counter started (admin /__emulator/ calls excluded). */
  readonly count: number;
  /** Method and path of each counted request, for failure messages. */
  readonly seen: readonly string[];
  stop(): void;
}

interface RequestStart {
  readonly request: IncomingMessage;
}

export function countRequests(port: number): RequestCounter {
  const seen: string[] = [];
  const onStart = (message: unknown): void => {
    const req = (message as RequestStart).request;
    if (req.socket.localPort !== port) return;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/__emulator/')) return;
    seen.push(`${req.method ?? 'GET'} ${req.headers.host ?? ''}${path}`);
  };
  subscribe('http.server.request.start', onStart);
  return {
    get count() {
      return seen.length;
    },
    seen,
    stop: () => unsubscribe('http.server.request.start', onStart),
  };
}
