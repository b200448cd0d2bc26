/**
 * The hostile-query corpus against the emulator through the real SLS client (@alicloud/sls20201230
 * over HTTP): queries that pass the local checks either run or come back as one positioned
 * invalidInput CloudError; queries refused locally also never crash the service side or the client
 * (the workbench does not block on local diagnostics, so the service must cope). No case may hang,
 * surface a TypeError, or be reported as an unexpected/unknown failure.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type QueryRequest, type SlsApi } from '../../src/cloud/slsApi';
import { CloudError } from '../../src/cloud/cloudError';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { QUERY_CASES } from '../reliability/corpus/queries';

const PER_CASE_MS = 20_000;

let emu: TestEmulator;
let sls: SlsApi;
let target: Pick<QueryRequest, 'regionId' | 'projectName' | 'logStoreName' | 'from' | 'to'>;

before(async () => {
  emu = await startTestEmulator({ historyDays: 0.05 });
  sls = createSlsClient({
    endpoint: emu.slsEndpoint,
    protocol: 'http',
    credentials: ownerCredentials,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 },
    incomplete: { initialDelayMs: 5 },
    timeoutMs: 15_000,
  });
  const f = emu.context.cen.listFlowLogs().find((x) => x.status === 'Active');
  assert.ok(f, 'the demo has an Active flow log');
  const now = Math.floor(Date.now() / 1000);
  target = { regionId: f.regionId, projectName: f.projectName, logStoreName: f.logStoreName, from: now - 3600, to: now + 1 };
});
after(() => emu.close());

type Answer = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly error: unknown };

async function send(query: string): Promise<Answer> {
  try {
    const r = await sls.query({ ...target, query, line: 10 });
    return { ok: true, rows: r.rows.length };
  } catch (error) {
    return { ok: false, error };
  }
}

function describeError(e: unknown): string {
  return e instanceof CloudError ? `${e.kind}/${e.code ?? ''}: ${e.message}` : String(e);
}

describe('hostile queries: the service side through the real SLS client', () => {
  for (const c of QUERY_CASES) {
    it(`${c.expect.kind}: ${c.name}`, { timeout: PER_CASE_MS }, async () => {
      const answer = await send(c.query);
      switch (c.expect.kind) {
        case 'runs':
          assert.ok(answer.ok, `expected rows, got ${answer.ok ? '' : describeError(answer.error)}`);
          break;
        case 'service': {
          assert.ok(!answer.ok, 'expected a ParameterInvalid answer, got rows');
          const e = answer.error;
          assert.ok(e instanceof CloudError, `a CloudError, not ${String(e)}`);
          assert.equal(e.kind, 'invalidInput', describeError(e));
          assert.equal(e.code, 'ParameterInvalid');
          assert.ok(e.position, `the error is positioned: ${e.message}`);
          assert.ok(e.position.offset >= 0 && e.position.offset <= c.query.length);
          if (c.expect.at !== undefined) assert.equal(c.query.slice(e.position.offset, e.position.offset + c.expect.at.length), c.expect.at);
          break;
        }
        case 'local':
          // Refused locally; if it is sent anyway the answer must still be clear, never a crash.
          if (!answer.ok) {
            const e = answer.error;
            assert.ok(e instanceof CloudError, `a CloudError, not ${String(e)}`);
            assert.equal(e.kind, 'invalidInput', describeError(e));
          }
          break;
      }
    });
  }

  it('the emulator is still healthy after the whole corpus', async () => {
    const r = await sls.query({ ...target, query: '* | select count(*) as n' });
    assert.equal(r.rows.length, 1);
    assert.ok(Number(recordsOf(r)[0].n) >= 0);
  });
});
