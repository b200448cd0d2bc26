/** CEN RPC API. STUB — to be completed. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';

export async function handleCenRequest(_ctx: EmulatorContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(501, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ Code: 'NotImplemented', Message: 'CEN API not implemented yet' }));
}
