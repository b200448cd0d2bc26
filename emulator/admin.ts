/**
 * Admin endpoints under /__emulator/ (a path neither real API uses), for tests and demos:
 *   GET  /__emulator/faults          current fault settings and how many faults were injected
 *   POST /__emulator/faults          JSON partial FaultSettings, merged in; answers the new settings
 *   POST /__emulator/config          JSON {transitionMs}: how long CEN transitions last from now on
 *   GET  /__emulator/state           dump of the CEN state (and the SLS state when it offers one)
 *   POST /__emulator/cen-errors      JSON {action, code, message, status?, times?}: the next call(s) of that CEN action answer this error
 *   POST /__emulator/reset           faults off, nonces/tokens forgotten, CEN demo state re-seeded
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context';
import { parseFaultSettings } from './faults';
import { parseScriptedError } from './cen/scriptedAnswers';
import { errorText } from '../src/errorText';

export const ADMIN_PREFIX = '/__emulator/';

/** Optional hooks the SLS store may offer; called only when present. */
interface OptionalSlsAdmin {
  snapshot?: () => unknown;
  reset?: () => void | Promise<void>;
}

export async function handleAdminRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!.slice(ADMIN_PREFIX.length);
  const route = `${req.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'GET faults':
        return send(res, 200, { settings: ctx.faults.settings, injected: ctx.faults.injected });
      case 'POST faults': {
        const settings = ctx.faults.update(parseFaultSettings(await readJson(req)));
        ctx.log(`faults set to ${JSON.stringify(settings)}`);
        return send(res, 200, { settings });
      }
      case 'POST cen-errors': {
        const scripted = parseScriptedError(await readJson(req));
        ctx.cenScripted.add(scripted);
        return send(res, 200, { scripted });
      }
      case 'POST config': {
        const body = await readJson(req);
        const t = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).transitionMs : undefined;
        if (typeof t !== 'number' || !Number.isInteger(t) || t < 0) {
          return send(res, 400, { error: 'config: transitionMs must be a non-negative integer' });
        }
        ctx.cen.transitionMs = t;
        return send(res, 200, { transitionMs: t });
      }
      case 'GET state': {
        const sls = ctx.sls as OptionalSlsAdmin;
        return send(res, 200, {
          port: ctx.port,
          faults: { settings: ctx.faults.settings, injected: ctx.faults.injected },
          cen: ctx.cen.snapshot(),
          sls: sls.snapshot?.(),
        });
      }
      case 'POST reset': {
        ctx.faults.reset();
        ctx.cenNonces.clear();
        ctx.cenIdempotency.clear();
        ctx.cenScripted.clear();
        ctx.resetCen();
        await (ctx.sls as OptionalSlsAdmin).reset?.();
        return send(res, 200, { reset: true });
      }
      default:
        return send(res, 404, { error: `no admin endpoint ${route}` });
    }
  } catch (e) {
    return send(res, 400, { error: errorText(e) });
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`request body is not JSON: ${errorText(e)}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
