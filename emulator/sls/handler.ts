/** Log Service API. STUB — to be completed. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';

export async function handleSlsRequest(_ctx: EmulatorContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(501, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errorCode: 'NotImplemented', errorMessage: 'SLS API not implemented yet' }));
}
