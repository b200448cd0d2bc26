/**
 * Every refusal the CEN API can give, through the extension's client (real pop-core over HTTP),
 * and the typed error the user sees for it.
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

  before(async () => {
    emu = await startTestEmulator();
    cen = createCenClient({ endpoint: emu.cenUrl, credentials: ownerCredentials, log: (e) => void calls.push(e) });
    cens = [];
    for await (const page of cen.listCens()) cens.push(...page);
  });
  after(() => emu.close());

  it('one flow log per CEN: a second create is a conflict naming the existing flow log', async () => {
    const backbone = byName('prod-backbone');
    const [existing] = await cen.listFlowLogs({ cenId: backbone.cenId });
    assert.ok(existing);
    await assert.rejects(
      cen.createFlowLog({ regionId: 'cn-shanghai', cenId: backbone.cenId, projectName: 'another-project', logStoreName: 'another-store' }),
      expectCloudError('conflict', undefined, (e) => {
        assert.match(e.message, new RegExp(existing.flowLogId));
        assert.match(e.nextStep ?? '', /existing/);
      }),
    );
  });

  // Was: refused by the client before any call (the 2019 list of 16). Today the service decides
  // (issue 18, api-current.md §3): the client sends the request and maps the service's refusal.
  it('a region outside the 2019 list is sent to the service, and its refusal is mapped', async () => {
    const before = calls.length;
    await assert.rejects(
      cen.createFlowLog({ regionId: 'cn-qingdao', cenId: byName('dev-network').cenId, projectName: 'p-qingdao', logStoreName: 'store' }),
      expectCloudError('unsupportedRegion'),
    );
    assert.ok(calls.length > before, 'the service was asked');
  });

  it('an unsupported region sent anyway is refused by the service and mapped the same way', async () => {
    const raw = new RPCClient({ endpoint: emu.cenUrl, apiVersion: '2017-09-12', accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    const err = await raw
      .request('CreateFlowlog', { RegionId: 'cn-qingdao', CenId: byName('dev-network').cenId, ProjectName: 'p-qingdao', LogStoreName: 'store' }, { method: 'POST' })
      .then(() => assert.fail('the emulator accepted cn-qingdao'), (e: unknown) => mapCenError(e));
    assert.equal(err.kind, 'unsupportedRegion');
    assert.match(err.nextStep ?? '', /cn-hangzhou/);
  });

  it('an account that is not whitelisted sees its CENs but cannot create a flow log', async () => {
    const outsider = client(notWhitelistedCredentials);
    const page = await outsider.listCensPage(1);
    assert.deepEqual(page.items.map((c) => c.name), ['partner-network']);
    await assert.rejects(
      outsider.createFlowLog({ regionId: 'cn-hangzhou', cenId: page.items[0]!.cenId, projectName: 'partner-logs', logStoreName: 'flows' }),
      expectCloudError('notWhitelisted', undefined, (e) => {
        assert.match(e.code ?? '', /^Forbidden\./);
        assert.match(e.nextStep ?? '', /ticket/i);
        assert.equal(e.httpStatus, 403);
      }),
    );
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
      cen.createFlowLog({ regionId: 'cn-shenzhen', cenId: byName('dev-network').cenId, projectName: '', logStoreName: 'store' }),
      expectCloudError('invalidInput', 'MissingParameter', (e) => assert.match(e.message, /"ProjectName"/)),
    );
  });

  it('invalid names, intervals and log formats are refused with the parameter named', async () => {
    const cenId = byName('dev-network').cenId;
    const base = { regionId: 'cn-shenzhen', cenId, projectName: 'contract-flowlogs', logStoreName: 'dev-network' };
    await assert.rejects(cen.createFlowLog({ ...base, name: 'https://x' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /FlowLogName/)));
    await assert.rejects(cen.createFlowLog({ ...base, description: 'x'.repeat(257) }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /Description/)));
    await assert.rejects(cen.createFlowLog({ ...base, logFormatString: '${dstaddr}${srcaddr}${bytes}' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /LogFormatString.*\$\{srcaddr\}/)));
    await assert.rejects(cen.createFlowLog({ ...base, logFormatString: '${srcaddr}${dstaddr}${bytes}${nope}' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /"nope" at position 28/)));
    await assert.rejects(cen.createFlowLog({ ...base, projectName: 'Bad_Project' }), expectCloudError('invalidInput', 'InvalidParameter', (e) => assert.match(e.message, /ProjectName/)));
    assert.equal((await cen.listFlowLogs({ cenId })).length, 0, 'nothing was created');
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
