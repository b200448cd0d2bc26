/**
 * CEN RPC API over HTTP: injected faults first (as a gateway would throttle before anything else),
 * then authentication, then the action. Answers are JSON; errors carry the gateway's
 * {RequestId, HostId, Code, Message, Recommend} body with a fitting status.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context';
import { CEN_ACTIONS } from './actions';
import { CenApiError, invalidParameter, missingParameter } from './apiError';
import { loadCbnMetadata, requestProblems, type ActionSpec } from './metadata';
import { RpcParams } from './params';
import { authenticate, readRpcParams } from './rpcGateway';

const HOST_ID = 'cbn.aliyuncs.com';

let metadata: Map<string, ActionSpec> | undefined;

/** Refuses a request that breaks the action's published metadata, as the service does. */
function checkAgainstMetadata(action: string, params: ReadonlyMap<string, string>): void {
  metadata ??= loadCbnMetadata();
  const spec = metadata.get(action);
  if (!spec) return;
  const [first] = requestProblems(spec, params);
  if (!first) return;
  throw first.code === 'MissingParameter' ? missingParameter(first.param) : invalidParameter(first.param, `${first.why}.`);
}

export async function handleCenRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
  const decision = ctx.faults.decide('cen');
  let action = '?';
  try {
    if (req.method !== 'GET' && req.method !== 'POST') {
      throw new CenApiError(405, 'InvalidParameter', `HTTP method ${req.method} is not supported; use GET or POST.`);
    }
    const raw = await readRpcParams(req);
    action = raw.get('Action') ?? '?';
    switch (decision.type) {
      case 'throttle':
        throw new CenApiError(400, 'Throttling', 'Request was denied due to request throttling.');
      case 'serverError':
        throw decision.status === 503
          ? new CenApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
          : new CenApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.');
      case 'drop':
      case 'none':
        break;
    }
    const call = authenticate(req.method, raw, { accounts: ctx.accounts, nonces: ctx.cenNonces, now: ctx.now });
    const handler = Object.hasOwn(CEN_ACTIONS, call.action) ? CEN_ACTIONS[call.action] : undefined;
    if (!handler) {
      throw new CenApiError(404, 'InvalidAction.NotFound', `Specified api "${call.action}" is not found, please check your url and method.`);
    }
    checkAgainstMetadata(call.action, call.params);
    ctx.cenScripted.apply(call.action);
    const body = handler({
      store: ctx.cen,
      account: call.account,
      params: new RpcParams(call.params),
      idempotency: ctx.cenIdempotency,
      action: call.action,
    });
    // A dropped connection after the work is done: the client never learns the outcome, which
    // is exactly the case ClientToken idempotency exists for.
    if (decision.type === 'drop') {
      ctx.log(`CEN ${action}: dropping the connection (fault injection)`);
      res.socket?.destroy();
      return;
    }
    send(res, 200, { RequestId: requestId, ...body });
  } catch (e) {
    if (decision.type === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (!(e instanceof CenApiError)) throw e;
    send(res, e.status, {
      RequestId: requestId,
      HostId: HOST_ID,
      Code: e.code,
      Message: e.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=Cbn`,
    });
  }
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-acs-request-id': String(body.RequestId) });
  res.end(text);
}
