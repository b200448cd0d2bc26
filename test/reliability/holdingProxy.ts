/**
 * A plain HTTP forwarder in front of the emulator that stands for a slow service: while `hold()`
 * is on, requests arrive and count as in flight but get no answer until `release()`. It measures
 * how many requests a client really has in flight toward the service, and lets a test look at the
 * rest of the extension (the tree) while queries are stuck, without any timing assumption.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  /** `localhost:<port>`, usable as an SLS endpoint (the project goes in front as a subdomain). */
  readonly endpoint: string;
  /** Requests received and not yet answered, and the most ever at once. */
  readonly inFlight: number;
  readonly peak: number;
  /** Requests received while holding, not yet forwarded. */
  readonly held: number;
  readonly received: number;
  hold(): void;
  release(): void;
  /** Resolves once `held` reaches n (polled: the requests arrive over the network). */
  untilHeld(n: number): Promise<void>;
  resetPeak(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(targetPort: number): Promise<HoldingProxy> {
  let inFlight = 0;
  let peak = 0;
  let received = 0;
  let holding = false;
  const waiting: (() => void)[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    received++;
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.once('close', () => inFlight--);
    if (holding) waiting.push(() => forward(req, res));
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `localhost:${port}`,
    get inFlight() {
      return inFlight;
    },
    get peak() {
      return peak;
    },
    get held() {
      return waiting.length;
    },
    get received() {
      return received;
    },
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    untilHeld: async (n) => {
      while (waiting.length < n) await new Promise((r) => setTimeout(r, 20));
    },
    resetPeak: () => void (peak = inFlight),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
