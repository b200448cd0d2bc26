/**
 * The emulator: one HTTP server on loopback speaking both the CEN RPC API and the Log Service API.
 * Requests are told apart the way the real services are: SLS requests carry `x-log-apiversion`
 * (and the project in the Host header); everything else is a CEN RPC call.
 * Admin endpoints live under /__emulator/, a path neither real API uses.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountRegistry } from './accounts';
import { EmulatorContext, type EmulatorOptions } from './context';
import { handleCenRequest } from './cen/handler';
import { handleSlsRequest } from './sls/handler';
import { handleAdminRequest, ADMIN_PREFIX } from './admin';

export interface RunningEmulator {
  readonly port: number;
  /** CEN endpoint for @alicloud/pop-core, e.g. http://127.0.0.1:PORT */
  readonly cenUrl: string;
  /** SLS endpoint as the SDKs take it (project is prepended as a subdomain), e.g. localhost:PORT */
  readonly slsEndpoint: string;
  readonly context: EmulatorContext;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accounts = options.accountsFile ? AccountRegistry.fromFile(options.accountsFile) : new AccountRegistry();
  const context = await EmulatorContext.create(options, accounts);
  const server = createServer((req, res) => {
    route(context, req, res).catch((err: unknown) => {
      context.log(`unhandled error: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
      }
      res.end(JSON.stringify({ Code: 'InternalError', Message: 'The emulator failed on this request.' }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  context.setPort(port);
  return {
    port,
    cenUrl: `http://127.0.0.1:${port}`,
    slsEndpoint: `localhost:${port}`,
    context,
    close: async () => {
      await context.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith(ADMIN_PREFIX)) return handleAdminRequest(ctx, req, res);
  if (req.headers['x-log-apiversion'] !== undefined) return handleSlsRequest(ctx, req, res);
  return handleCenRequest(ctx, req, res);
}
