/**
 * The real CEN and SLS clients pointed at a fake Alibaba endpoint that answers odd shapes: every
 * answer becomes one CloudError of the expected kind with a message, never a TypeError, a silent
 * empty result or a hang (each case is bounded by the client's own timeout and retry policy).
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCenClient } from '../../src/cloud/cenClient';
import { createSlsClient } from '../../src/cloud/slsClient';
import { CloudError } from '../../src/cloud/cloudError';
import type { CenApi } from '../../src/cloud/cenApi';
import type { SlsApi } from '../../src/cloud/slsApi';
import { ownerCredentials } from '../support/emulator';
import { startFakeService, type FakeService } from '../reliability/fakeAlibabaService';
import {
  CEN_SHAPE_CASES,
  SLS_HISTOGRAM_CASES,
  SLS_INDEX_CASES,
  SLS_LOGSTORE_LIST_CASES,
  SLS_PROJECT_LIST_CASES,
  SLS_SHAPE_CASES,
  type ShapeCase,
} from '../reliability/corpus/responseShapes';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 2, totalTimeoutMs: 5_000 };

let fake: FakeService;
let cen: CenApi;
let sls: SlsApi;

before(async () => {
  fake = await startFakeService();
  cen = createCenClient({ endpoint: `http://127.0.0.1:${fake.port}`, credentials: ownerCredentials, retry: FAST_RETRY, timeoutMs: 800 });
  sls = createSlsClient({ endpoint: `localhost:${fake.port}`, protocol: 'http', credentials: ownerCredentials, retry: FAST_RETRY, timeoutMs: 800, incomplete: { maxPolls: 2, initialDelayMs: 5 } });
});
after(() => fake.close());

async function outcome(op: () => Promise<unknown>): Promise<unknown> {
  try {
    return { resolved: await op() };
  } catch (e) {
    return e;
  }
}

function assertClear(c: ShapeCase, got: unknown): void {
  assert.ok(got instanceof CloudError, `expected a CloudError, got ${got instanceof Error ? `${got.name}: ${got.message}` : JSON.stringify(got)?.slice(0, 300)}`);
  assert.equal(got.kind, c.kind, `${got.kind}: ${got.message}`);
  assert.ok(got.message.length > 10 && got.message.length < 600, `a short, present message: ${got.message.slice(0, 200)}`);
  assert.ok(!got.message.includes('emulator-owner-secret'), 'no secret in the message');
  if (c.message) assert.match(got.message, c.message);
}

describe('CEN client: odd answers from the endpoint', () => {
  for (const c of CEN_SHAPE_CASES) {
    it(c.name, { timeout: 15_000 }, async () => {
      fake.answerWith(c.answer);
      assertClear(c, await outcome(() => cen.listCensPage(1)));
    });
  }
});

describe('SLS client: odd answers from the endpoint', () => {
  const now = Math.floor(Date.now() / 1000);
  for (const c of SLS_SHAPE_CASES) {
    it(c.name, { timeout: 15_000 }, async () => {
      fake.answerWith(c.answer);
      assertClear(c, await outcome(() => sls.query({ regionId: 'cn-hangzhou', projectName: 'fake-project', logStoreName: 'ls', from: now - 60, to: now, query: '*' })));
    });
  }
});

describe('SLS client: odd answers to the list, index and histogram calls', () => {
  const now = Math.floor(Date.now() / 1000);
  const ref = { regionId: 'cn-hangzhou', projectName: 'fake-project', logStoreName: 'ls' };
  const calls: readonly (readonly [readonly ShapeCase[], () => Promise<unknown>])[] = [
    [SLS_PROJECT_LIST_CASES, () => sls.listProjects('cn-hangzhou')],
    [SLS_LOGSTORE_LIST_CASES, () => sls.listLogStores('cn-hangzhou', 'fake-project')],
    [SLS_INDEX_CASES, () => sls.getIndex(ref)],
    [SLS_HISTOGRAM_CASES, () => sls.histogram({ ...ref, from: now - 60, to: now, query: '*' })],
  ];
  for (const [cases, call] of calls) {
    for (const c of cases) {
      it(c.name, { timeout: 15_000 }, async () => {
        fake.answerWith(c.answer);
        assertClear(c, await outcome(call));
      });
    }
  }
});
