/**
 * Every refusal the CEN API can give (api-current.md §4.1), through the extension's client (real
 * pop-core over HTTP), and the typed error the user sees for it. The codes our emulator once
 * invented (Forbidden.NotWhitelisted, InvalidOperation.FlowLogExists, InvalidRegionId.NotSupported)
 * are gone, with the tests that asserted them: a second flow log per CEN, a region outside the 2019
 * list and the whitelist are now the service's to decide.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import RPCClient from '@alicloud/pop-core';
import type { CenApi, CenInstance } from '../../src/cloud/cenApi';
import { mapCenError } from '../../src/cloud/cenErrors';
import { createCenClient, type CenCallLogEntry } from '../../src/cloud/cenClient';
import { CloudError, type CloudErrorKind } from '../../src/cloud/cloudError';
import type { CredentialSource } from '../../src/cloud/credentialTypes';
import { notWhitelistedCredentials, ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { routerIn } from '../support/transitRouters';

function expectCloudError(kind: CloudErrorKind, code?: string, check?: (e: CloudError) => void): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof CloudError, `expected a CloudError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    if (code) assert.equal(e.code, code);
    check?.(e);
    return true;
  };
}

const keys = (accessKeyId: string, accessKeySecret: string): CredentialSource => ({
  label: 'test keys',
  getCredentials: async () => ({ accessKeyId, accessKeySecret }),
});

describe('CEN client ⇄ emulator: refusals', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  let cens: CenInstance[];
  const calls: CenCallLogEntry[] = [];
  const client = (credentials: CredentialSource): CenApi =>
    createCenClient({ endpoint: emu.cenUrl, credentials, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
  const byName = (name: string): CenInstance => cens.find((c) => c.name === name) ?? assert.fail(`no demo CEN ${name}`);
  let shenzhen = '';

  before(async () => {
    emu = await startTestEmulator();
    cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, log: (e) => void calls.push(e), retry: { baseDelayMs: 10, maxDelayMs: 50 } });
    cens = [];
    for await (const page of cen.listCens()) cens.push(...page);
    shenzhen = (await routerIn(cen, byName('dev-network').cenId, 'cn-shenzhen')).transitRouterId;
  });
  after(() => emu.close());

  it('a flow log on a router outside the 2019 region list is sent to the service, which answers for the Basic Edition', async () => {
    const backbone = byName('prod-backbone');
    const qingdao = await routerIn(cen, backbone.cenId, 'cn-qingdao');
    const before = calls.length;
    await assert.rejects(
      cen.createFlowLog({ regionId: 'cn-qingdao', cenId: backbone.cenId, transitRouterId: qingdao.transitRouterId, projectName: 'p-qingdao', logStoreName: 'store' }),
      expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /Enterprise Edition/)),
    );
    assert.ok(calls.slice(before).some((c) => c.action === 'CreateFlowlog'), 'the service was asked');
  });

  it('a RAM user without flow-log permission sees its CENs but cannot create a flow log, and is told which cen: action to ask for', async () => {
    const outsider = client(notWhitelistedCredentials);
    const page = await outsider.listCensPage(1);
    assert.deepEqual(page.items.map((c) => c.name), ['partner-network']);
    const router = await routerIn(outsider, page.items[0]!.cenId, 'cn-hangzhou');
    await assert.rejects(
      outsider.createFlowLog({ regionId: 'cn-hangzhou', cenId: page.items[0]!.cenId, transitRouterId: router.transitRouterId, projectName: 'partner-logs', logStoreName: 'flows' }),
      expectCloudError('permission', 'Forbidden.RAM', (e) => {
        assert.match(e.nextStep ?? '', /cen:CreateFlowlog/);
        assert.equal(e.httpStatus, 403);
      }),
    );
  });

  it('a CEN that does not exist is ParameterCenInstanceId, "not found"', async () => {
    await assert.rejects(cen.listTransitRouters('cen-doesnotexist0000'), expectCloudError('notFound', 'ParameterCenInstanceId', (e) => assert.match(e.nextStep ?? '', /Refresh/)));
  });

  it('a transit router that does not exist is InvalidTransitRouterId.NotFound', async () => {
    await assert.rejects(
      cen.createFlowLog({ regionId: 'cn-shenzhen', cenId: byName('dev-network').cenId, transitRouterId: 'tr-doesnotexist0000', projectName: 'p-one', logStoreName: 'store' }),
      expectCloudError('notFound', 'InvalidTransitRouterId.NotFound'),
    );
  });

  /** Each §4.1 code as the service sends it, scripted into the emulator and read through pop-core: kind, retried or not. */
  const serviceCodes: readonly { action: string; code: string; message: string; status: number; kind: CloudErrorKind; retried: boolean }[] = [
    { action: 'DescribeCens', code: 'Rejected.Throttling', message: 'Request was denied due to request throttling.', status: 400, kind: 'throttled', retried: true },
    { action: 'DescribeCens', code: 'Throttling.User', message: 'Request was denied due to user flow control.', status: 400, kind: 'throttled', retried: true },
    { action: 'DescribeCens', code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.', status: 503, kind: 'serverError', retried: true },
    { action: 'ActiveFlowLog', code: 'IncorrectStatus.TrFlowlog', message: 'The status of the flow log does not allow this operation.', status: 400, kind: 'incorrectStatus', retried: true },
    { action: 'ActiveFlowLog', code: 'LOCK_ERROR', message: 'The resource is locked by another operation.', status: 400, kind: 'incorrectStatus', retried: true },
    { action: 'ModifyFlowLogAttribute', code: 'Operation.Blocking', message: 'The operation is blocked by another operation.', status: 400, kind: 'incorrectStatus', retried: true },
    { action: 'ModifyFlowLogAttribute', code: 'IncorrectStatus.flowlog', message: 'The status of the flow log does not allow this operation.', status: 400, kind: 'incorrectStatus', retried: true },
    { action: 'CreateFlowlog', code: 'InvalidOperation.CenInstanceStatus', message: 'The CEN instance is in a status that does not allow this operation.', status: 400, kind: 'incorrectStatus', retried: true },
    { action: 'DescribeCens', code: 'InvalidSecurityToken.Expired', message: 'Specified SecurityToken is expired.', status: 400, kind: 'credentials', retried: false },
    { action: 'ListTransitRouterPeerAttachments', code: 'IllegalParam.Region', message: 'The region is illegal.', status: 400, kind: 'invalidInput', retried: false },
    { action: 'DescribeCens', code: 'Forbidden.RAM', message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.", status: 403, kind: 'permission', retried: false },
    { action: 'DescribeCens', code: 'NoPermission', message: 'You are not authorized to perform this operation.', status: 403, kind: 'permission', retried: false },
  ];
  for (const c of serviceCodes) {
    it(`${c.code} (${c.action}) → ${c.kind}${c.retried ? ', retried until it passes' : ', not retried'}`, async () => {
      const seen: CenCallLogEntry[] = [];
      const watched = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, retry: { baseDelayMs: 5, maxDelayMs: 20 }, log: (e) => void seen.push(e) });
      await emu.scriptCenError({ action: c.action, code: c.code, message: c.message, status: c.status });
      const call = (): Promise<unknown> => {
        switch (c.action) {
          case 'DescribeCens':
            return watched.listCensPage(1);
          case 'ListTransitRouterPeerAttachments':
            return watched.listAttachments('TR', { cenId: byName('prod-backbone').cenId, regionId: 'cn-hangzhou', transitRouterId: 'tr-any' });
          case 'CreateFlowlog':
            return watched.createFlowLog({ regionId: 'cn-shenzhen', cenId: byName('dev-network').cenId, transitRouterId: shenzhen, projectName: 'p-busy', logStoreName: 'store' });
          default:
            return watched.startFlowLog({ flowLogId: 'flowlog-any', regionId: 'cn-hangzhou' }).catch((e: unknown) => {
              // After the scripted answer the retry reaches the (unknown) flow log: that is fine here.
              if (e instanceof CloudError && e.code === 'InvalidFlowlogId.NotFound') return undefined;
              throw e;
            });
        }
      };
      if (c.action === 'ModifyFlowLogAttribute') {
        const res = watched.modifyFlowLog({ flowLogId: 'flowlog-any', regionId: 'cn-hangzhou' }, { name: 'x' }).catch((e: unknown) => e);
        const e = await res;
        assert.ok(seen[0] && !seen[0].ok && seen[0].code === c.code, JSON.stringify(seen[0]));
        assert.ok(seen.length >= 2, 'retried');
        assert.ok(!(e instanceof CloudError) || e.code === 'InvalidFlowlogId.NotFound', String(e));
        return;
      }
      if (c.retried) {
        await call();
        assert.equal(seen[0]?.code, c.code);
        assert.ok(seen.length >= 2, 'retried');
        if (c.action === 'CreateFlowlog') {
          const created = (await watched.listFlowLogs({ regionId: 'cn-shenzhen', cenId: byName('dev-network').cenId })).find((f) => f.logStoreName === 'store');
          if (created) {
            await watched.waitForStable({ flowLogId: created.flowLogId, regionId: 'cn-shenzhen' });
            await watched.deleteFlowLog({ flowLogId: created.flowLogId, regionId: 'cn-shenzhen' });
            await watched.waitForStable({ flowLogId: created.flowLogId, regionId: 'cn-shenzhen' });
          }
        }
      } else {
        await assert.rejects(call(), expectCloudError(c.kind, c.code, (e) => assert.equal(e.httpStatus, c.status)));
        assert.equal(seen.length, 1, 'not retried');
      }
    });
  }

  it('an expired STS token asks to refresh the credentials, not to check a RAM policy', async () => {
    await emu.scriptCenError({ action: 'DescribeCens', code: 'InvalidSecurityToken.Expired', message: 'Specified SecurityToken is expired.', status: 400 });
    await assert.rejects(cen.listCensPage(1), expectCloudError('credentials', 'InvalidSecurityToken.Expired', (e) => {
      assert.match(e.message, /expired/);
      assert.match(e.nextStep ?? '', /Refresh the temporary credentials|sign in again/);
      assert.doesNotMatch(e.userMessage, /RAM/);
    }));
  });

  it('a delete whose Log Service target is gone (SourceProjectNotExist / ProjectOrLogstoreNotExist) is "already gone"', async () => {
    for (const code of ['SourceProjectNotExist', 'ProjectOrLogstoreNotExist']) {
      await emu.scriptCenError({ action: 'DeleteFlowlog', code, message: 'The specified project or logstore does not exist.', status: 400 });
      await cen.deleteFlowLog({ flowLogId: 'flowlog-gone000000000000', regionId: 'cn-hangzhou' });
    }
  });

  it('a refusal the product has no mapping for shows the service’s own message and code', async () => {
    await emu.scriptCenError({ action: 'DescribeCens', code: 'SomethingNew.Refusal', message: 'A new refusal the product has never seen.', status: 400 });
    await assert.rejects(cen.listCensPage(1), expectCloudError('unknown', 'SomethingNew.Refusal', (e) => assert.match(e.userMessage, /never seen.*SomethingNew\.Refusal/)));
  });

  it('a wrong secret fails the signature check: "check your AccessKey"', async () => {
    await assert.rejects(
      client(keys('LTAIemulatorOwner', 'not-the-secret')).listCensPage(1),
      expectCloudError('credentials', 'SignatureDoesNotMatch', (e) => {
        assert.match(e.nextStep ?? '', /AccessKey/);
        assert.doesNotMatch(e.userMessage, /not-the-secret/);
      }),
    );
  });

  it('an unknown AccessKey ID is refused', async () => {
    await assert.rejects(client(keys('LTAInobody', 'whatever')).listCensPage(1), expectCloudError('credentials', 'InvalidAccessKeyId.NotFound'));
  });

  it('a replayed request (same nonce) is refused the second time', async () => {
    // Signed here by hand, not by pop-core, so the test controls the nonce.
    const params: Record<string, string> = {
      Action: 'DescribeCens',
      Version: '2017-09-12',
      Format: 'JSON',
      AccessKeyId: 'LTAIemulatorOwner',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const canonical = Object.keys(params)
      .sort()
      .map((k) => `${enc(k)}=${enc(params[k]!)}`)
      .join('&');
    const signature = createHmac('sha1', 'emulator-owner-secret&').update(`POST&%2F&${enc(canonical)}`).digest('base64');
    const body = `${canonical}&Signature=${enc(signature)}`;
    const send = async (): Promise<{ status: number; json: Record<string, unknown> }> => {
      const res = await fetch(`${emu.cenUrl}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const first = await send();
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.equal(typeof first.json.TotalCount, 'number');
    const second = await send();
    assert.equal(second.status, 400);
    assert.equal(second.json.Code, 'SignatureNonceUsed');
  });

  it('a missing required parameter is named', async () => {
    await assert.rejects(
      cen.createFlowLog({ regionId: 'cn-shenzhen', cenId: '', transitRouterId: shenzhen, projectName: 'p-one', logStoreName: 'store' }),
      expectCloudError('invalidInput', 'MissingParameter', (e) => assert.match(e.message, /"CenId"/)),
    );
  });

  it('invalid names, intervals and log formats are refused with the parameter named', async () => {
    const cenId = byName('dev-network').cenId;
    const base = { regionId: 'cn-shenzhen', cenId, transitRouterId: shenzhen, projectName: 'contract-flowlogs', logStoreName: 'dev-network' };
    await assert.rejects(cen.createFlowLog({ ...base, name: 'https://x' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /FlowLogName/)));
    await assert.rejects(cen.createFlowLog({ ...base, description: 'x'.repeat(257) }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /Description/)));
    await assert.rejects(cen.createFlowLog({ ...base, logFormatString: '${dstaddr}${srcaddr}${bytes}' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /LogFormatString.*\$\{srcaddr\}/)));
    await assert.rejects(cen.createFlowLog({ ...base, logFormatString: '${srcaddr}${dstaddr}${bytes}${nope}' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /"nope" at position 28/)));
    await assert.rejects(cen.createFlowLog({ ...base, projectName: 'Bad_Project' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /ProjectName/)));
    assert.equal((await cen.listFlowLogs({ regionId: 'cn-shenzhen', cenId })).length, 0, 'nothing was created');
  });

  it('an unknown action (wrong case) is InvalidAction.NotFound', async () => {
    const raw = new RPCClient({ endpoint: emu.cenUrl, apiVersion: '2017-09-12', accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    const err = await raw.request('DescribeFlowLogs', {}, { method: 'POST' }).then(
      () => assert.fail('wrong-case action accepted'),
      (e: unknown) => mapCenError(e),
    );
    assert.equal(err.code, 'InvalidAction.NotFound');
    assert.equal(err.httpStatus, 404);
  });

  it('an unknown flow log id is an empty list, not an error', async () => {
    assert.equal(await cen.getFlowLog({ flowLogId: 'flowlog-unknown', regionId: 'cn-hangzhou' }), undefined);
  });

  it('a plain-http endpoint that is not loopback is refused before any call', () => {
    assert.throws(
      () => createCenClient({ endpoint: 'http://cbn.aliyuncs.com', credentials: ownerCredentials }),
      expectCloudError('invalidInput', undefined, (e) => assert.match(e.message, /loopback/)),
    );
  });
});

describe('CEN client ⇄ emulator: clock skew', () => {
  let emu: TestEmulator;
  before(async () => {
    // The emulator's clock runs 20 minutes ahead of ours.
    emu = await startTestEmulator({ now: () => Date.now() + 20 * 60_000 });
  });
  after(() => emu.close());

  it('a timestamp more than 15 minutes off is refused with a clock hint', async () => {
    const cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials });
    await assert.rejects(cen.listCensPage(1), expectCloudError('credentials', 'InvalidTimeStamp.Expired', (e) => assert.match(e.userMessage, /clock/)));
  });
});
