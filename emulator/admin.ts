/** Admin endpoints (fault injection at run time, state inspection). STUB — to be completed. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';

export const ADMIN_PREFIX = '/__emulator/';

export async function handleAdminRequest(_ctx: EmulatorContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{}');
}
