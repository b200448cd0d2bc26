/**
 * Log Service as today's flow logs meet it, through @alicloud/sls20201230 against the emulator over
 * HTTP (api-current.md §4.2, §5): the error codes the product maps (clock skew, expired STS token,
 * no index, a column the index lacks) with the service's shapes, Create Index through the client,
 * and both record forms — today's fields on a transit-router flow log, rtt and log-status only on
 * one of the 2019 form.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../support/emulator';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type SlsApi } from '../../src/cloud/slsApi';
import { CloudError } from '../../src/cloud/cloudError';
import { writtenFields } from '../../src/flowlogs/fieldSchema';
import { findPreset, renderPreset } from '../../src/query/presets';

const FAST = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 };

function client(emu: TestEmulator, securityToken?: string): SlsApi {
  return createSlsClient({
    endpoint: emu.slsEndpoint,
    protocol: 'http',
    credentials: securityToken
      ? { label: 'sts', getCredentials: async () => ({ accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret', securityToken }) }
      : ownerCredentials,
    retry: FAST,
  });
}

async function cloudError(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof CloudError, `a CloudError, got ${String(e)}`);
    return e;
  }
  return assert.fail('the call succeeded');
}

describe('Log Service error codes, through the real SDK', () => {
  test('RequestTimeExpired: the clock is 30 minutes off; the message says so and how to fix it', async () => {
    const emu = await startTestEmulator({ now: () => Date.now() + 30 * 60_000 });
    try {
      const e = await cloudError(client(emu).listProjects('cn-hangzhou'));
      assert.equal(e.code, 'RequestTimeExpired');
      assert.equal(e.httpStatus, 400);
      assert.match(e.message, /clock is more than 15 minutes off/);
      assert.match(e.message, /has been expired while server time is/);
      assert.match(e.nextStep ?? '', /time synchronisation/);
    } finally {
      await emu.close();
    }
  });

  describe('on one emulator', () => {
    let emu: TestEmulator;
    let sls: SlsApi;
    const now = Math.floor(Date.now() / 1000);
    before(async () => {
      emu = await startTestEmulator({ historyDays: 0.25 });
      sls = client(emu);
    });
    after(() => emu.close());

    test('Unauthorized "security token … has expired": refresh the credentials, not the RAM policy', async () => {
      const e = await cloudError(client(emu, 'expired:CAIS-token').listProjects('cn-hangzhou'));
      assert.equal(e.code, 'Unauthorized');
      assert.equal(e.kind, 'credentials');
      assert.match(e.message, /security token \(STS\) of these credentials has expired/);
      assert.match(e.nextStep ?? '', /fresh security token and sign in again/);
      assert.doesNotMatch(e.userMessage, /RAM policy/);
      // A token the service takes is fine.
      assert.ok(Array.isArray(await client(emu, 'CAIS-valid-token').listProjects('cn-hangzhou')));
    });

    test('IndexConfigNotExist: a clear message with Create Index; addIndexKeys creates the index', async () => {
      const project = emu.context.sls.createProject(OWNER_ACCOUNT.accountId, 'contract-noindex', 'cn-hangzhou', '');
      assert.ok(project.ok);
      emu.context.sls.createLogstore(project.value, 'flows');
      const ref = { regionId: 'cn-hangzhou', projectName: 'contract-noindex', logStoreName: 'flows' };
      const e = await cloudError(sls.query({ ...ref, from: now - 3600, to: now, query: '* | select count(*) as n' }));
      assert.equal(e.code, 'IndexConfigNotExist');
      assert.equal(e.httpStatus, 400);
      assert.match(e.message, /has no index/);
      assert.match(e.nextStep ?? '', /Create Index/);
      assert.equal(await sls.getIndex(ref), undefined);
      await sls.addIndexKeys(ref, { srcaddr: { type: 'text' }, bytes: { type: 'long' } });
      assert.deepEqual(await sls.getIndex(ref), { srcaddr: { type: 'text' }, bytes: { type: 'long' } });
    });

    test('a column the index lacks: "cannot be resolved" becomes "not in the index", positioned; adding the key keeps the others', async () => {
      const ref = { regionId: 'cn-hangzhou', projectName: 'contract-partial', logStoreName: 'flows' };
      await sls.ensureFlowLogStore(ref, { fields: ['srcaddr', 'dstaddr', 'bytes'] });
      const query = '* | select dstport, count(*) as n from log group by dstport';
      const e = await cloudError(sls.query({ ...ref, from: now - 3600, to: now, query }));
      assert.equal(e.code, 'ParameterInvalid');
      assert.equal(e.kind, 'invalidInput');
      assert.match(e.message, /The field dstport is not in the logstore's index/);
      assert.match(e.message, /Column 'dstport' cannot be resolved/);
      assert.deepEqual(e.position, { offset: query.indexOf('dstport') });
      const search = await cloudError(sls.query({ ...ref, from: now - 3600, to: now, query: 'dstport:443' }));
      assert.match(search.message, /The field dstport is not in the logstore's index/);

      await sls.addIndexKeys(ref, { dstport: { type: 'long' } });
      assert.deepEqual(Object.keys((await sls.getIndex(ref)) ?? {}).sort(), ['bytes', 'dstaddr', 'dstport', 'srcaddr']);
      assert.deepEqual(recordsOf(await sls.query({ ...ref, from: now - 3600, to: now, query })), []);
    });

    test('the index a flow log gets follows its fields: today\'s catalog by default, typed', async () => {
      const ref = { regionId: 'cn-hangzhou', projectName: 'contract-default', logStoreName: 'flows' };
      await sls.ensureFlowLogStore(ref);
      const index = (await sls.getIndex(ref)) ?? assert.fail('an index');
      assert.deepEqual(Object.keys(index).sort(), [...writtenFields({ olderForm: false })].sort());
      assert.equal(index['src-region-id'].type, 'text');
      assert.equal(index.packets.type, 'long');
      assert.equal(index.rtt, undefined);
    });

    test('today\'s form: records carry src-region-id, dst-region-id, attachment-id; no rtt, no log-status', async () => {
      const fl = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active' && f.transitRouterId) ?? assert.fail('a transit-router flow log');
      const ref = { regionId: fl.regionId, projectName: fl.projectName, logStoreName: fl.logStoreName };
      const raw = recordsOf(await sls.query({ ...ref, from: now - 6 * 3600, to: now + 1, query: '*', line: 20 }));
      assert.ok(raw.length > 0);
      for (const r of raw) {
        assert.match(r['attachment-id'], /^tr-attach-/);
        assert.ok(r['src-region-id'] === fl.regionId || r['dst-region-id'] === fl.regionId, 'traffic through the flow log\'s router');
        assert.ok(!('rtt' in r) && !('log-status' in r), 'no 2019 fields');
      }
      const rtt = await cloudError(sls.query({ ...ref, from: now - 3600, to: now + 1, query: renderQuery('rtt-percentiles') }));
      assert.match(rtt.message, /field (rtt|log-status) is not in the logstore's index/);
    });

    test('the 2019 form: rtt and log-status are there, and the rtt percentile preset answers', async () => {
      const cen = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'dev-network') ?? assert.fail('dev-network');
      const older = {
        flowLogId: 'flowlog-older0form0000001', accountId: OWNER_ACCOUNT.accountId, cenId: cen.cenId, regionId: 'cn-hangzhou',
        name: 'older-form', description: '2019 per-CEN flow log', status: 'Active' as const, creationTime: Date.now() - 3 * 3600_000,
        projectName: 'contract-older', logStoreName: 'cen-flowlog', interval: 600 as const, logFormatString: '',
        transitRouterId: '', transitRouterAttachmentId: '', flowLogVersion: '1', tags: [],
      };
      emu.context.cen.insertFlowLog(older);
      emu.context.sls.ensureProjectAndLogstore(older.accountId, older.regionId, older.projectName, older.logStoreName, writtenFields({ olderForm: true }));
      await new Promise((r) => setTimeout(r, 1100)); // the store refreshes at most once a second
      const ref = { regionId: older.regionId, projectName: older.projectName, logStoreName: older.logStoreName };
      const from = now - 3 * 3600;
      const to = Math.floor(Date.now() / 1000) + 1;
      const statuses = recordsOf(await sls.query({ ...ref, from, to, query: '* | select "log-status" as s, count(*) as n group by s' }));
      assert.ok(statuses.some((r) => r.s === 'OK'));
      const percentiles = recordsOf(await sls.query({ ...ref, from, to, query: renderQuery('rtt-percentiles') }));
      assert.ok(percentiles.length > 0);
      for (const r of percentiles) assert.ok(Number(r.rtt_p50) > 0 && Number(r.rtt_p99) >= Number(r.rtt_p50));
      const raw = recordsOf(await sls.query({ ...ref, from, to, query: '*', line: 5 }));
      for (const r of raw) assert.ok(!('src-region-id' in r) && !('attachment-id' in r), 'no fields of today\'s form');
    });
  });
});

function renderQuery(id: string): string {
  const preset = findPreset(id) ?? assert.fail(`preset ${id}`);
  const rendered = renderPreset(preset, { window: '600' });
  return rendered.ok ? rendered.query : assert.fail(rendered.message);
}
