/**
 * A tiny raw HTTP server standing in for Alibaba Cloud's endpoints (not for our code) that answers
 * whatever a test scripts: odd JSON, HTML error pages, truncated or empty bodies, a dropped
 * connection, or no answer at all. The real clients are pointed at it to prove every odd answer
 * becomes one clear CloudError.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedAnswer =
  /** `encoding`: how `body` becomes bytes (default utf8; latin1 sends binary, e.g. a compressed body, byte for byte). */
  | { readonly kind: 'reply'; readonly status: number; readonly body: string; readonly contentType?: string; readonly headers?: Readonly<Record<string, string>>; readonly encoding?: BufferEncoding }
  /** Announces `declaredLength` bytes, sends `body`, then closes the connection. */
  | { readonly kind: 'truncate'; readonly status: number; readonly body: string; readonly declaredLength: number }
  /** Closes the socket without answering. */
  | { readonly kind: 'drop' }
  /** Never answers (the client's timeout must fire). */
  | { readonly kind: 'hang' };

export interface FakeService {
  readonly port: number;
  /** Requests received, as "METHOD host path". */
  readonly requests: string[];
  answerWith(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

export async function startFakeService(): Promise<FakeService> {
  let next: ScriptedAnswer = { kind: 'reply', status: 200, body: '{}' };
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method ?? 'GET'} ${req.headers.host ?? ''} ${(req.url ?? '/').split('?')[0]}`);
    req.resume();
    req.on('end', () => {
      const a = next;
      switch (a.kind) {
        case 'reply':
          res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json', 'x-log-requestid': 'FAKE-REQUEST', ...a.headers });
          res.end(a.body, a.encoding ?? 'utf8');
          return;
        case 'truncate':
          res.writeHead(a.status, { 'content-type': 'application/json', 'content-length': String(a.declaredLength) });
          res.write(a.body, () => res.destroy());
          return;
        case 'drop':
          req.socket.destroy();
          return;
        case 'hang':
          hanging.add(res);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    answerWith: (answer) => {
      next = answer;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
