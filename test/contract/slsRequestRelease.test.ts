/**
 * A finished Log Service call leaves nothing of itself behind: the SDK's HTTP layer (httpx) arms a
 * read timer per request that only its own reader clears, and the Log Service SDK reads bodies
 * another way, so each timer kept its request and response alive for the whole read timeout
 * (30 s) — thousands of requests when result pages come fast (src/cloud/sdk.ts clears it).
 */
import '../support/localhost-resolver.cjs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSlsClient } from '../../src/cloud/slsClient';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator({ historyDays: 0.05 });
});
after(() => emu.close());

test('requests of finished Log Service calls are released, not held until their read timeout', async () => {
  const sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials, timeoutMs: 30_000 });
  const regionId = emu.context.cen.listFlowLogs()[0].regionId;
  const requests: WeakRef<object>[] = [];
  const onStart = (message: unknown): void => void requests.push(new WeakRef((message as { request: object }).request));
  subscribe('http.client.request.start', onStart);
  try {
    for (let i = 0; i < 8; i++) await sls.listProjects(regionId);
  } finally {
    unsubscribe('http.client.request.start', onStart);
  }
  assert.equal(requests.length, 8, 'every call went through node:http');
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  const alive = requests.filter((r) => r.deref() !== undefined).length;
  // The last request's socket may still point at it until the connection is reused or closed.
  assert.ok(alive <= 1, `${alive} of 8 finished requests are still held`);
});
