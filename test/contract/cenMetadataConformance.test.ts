/**
 * The product's CEN calls held to Alibaba's published API metadata (test/contract/data/cbn-meta):
 * every request the client sends while it exercises every CEN action it calls (through the real
 * pop-core SDK against the emulator) is recorded and checked — no parameter the action does not
 * define, every required one present, each value of its type and documented values — and every
 * response field the client reads must exist in the action's published response model. The
 * emulator applies the same request check to every call of the whole contract suite.
 * Also: lenient parsing of what the SDKs type as strings, and unknown enum values kept raw.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CBN_METADATA_DIR, COMMON_RPC_PARAMS, loadCbnMetadata, requestProblems, type ActionSpec } from '../../emulator/cen/metadata';
import { ATTACHMENT_KINDS, type CenApi, type CenInstance } from '../../src/cloud/cenApi';
import { createCenClient } from '../../src/cloud/cenClient';
import { listAccountFlowLogs } from '../../src/flowlogs/flowLogListing';
import { FlowLogLifecycle } from '../../src/flowlogs/lifecycle';
import { ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { startFakeService, type FakeService } from '../reliability/fakeAlibabaService';

interface SentRequest {
  readonly action: string;
  readonly params: ReadonlyMap<string, string>;
}

/** Response models: path → type, e.g. "FlowLogs.FlowLog[].TransitRouterId" → "string". */
function responseModels(): Map<string, Set<string>> {
  const dir = join(CBN_METADATA_DIR, 'responses');
  const out = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const m = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { action: string; fields: Record<string, string> };
    out.set(m.action, new Set(Object.keys(m.fields)));
  }
  return out;
}

describe('CEN calls ⇄ Alibaba’s published metadata (aliyun-openapi-meta cbn, Go SDK response models)', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  const sent: SentRequest[] = [];
  const read = new Set<string>();
  const metadata = loadCbnMetadata();

  before(async () => {
    emu = await startTestEmulator();
    cen = createCenClient({
      endpoint: emu.cenUrl,
      credentials: ownerCredentials,
      retry: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 12 },
      poll: { initialMs: 30, maxMs: 60 },
      traceRequests: (action, params) => void sent.push({ action, params: new Map(Object.entries(params).map(([k, v]) => [k, String(v)])) }),
      traceFields: (field) => void read.add(field),
    });
    // Every CEN action the product calls, as the product calls it.
    const cens: CenInstance[] = [];
    for await (const page of cen.listCens()) cens.push(...page);
    const prod = cens.find((c) => c.name === 'prod-backbone') ?? assert.fail('demo CEN prod-backbone');
    await cen.listChildInstances(prod.cenId);
    await cen.listChildInstanceRegions();
    await listAccountFlowLogs(cen);
    const routers = await cen.listTransitRouters(prod.cenId);
    const beijing = routers.find((r) => r.regionId === 'cn-beijing') ?? assert.fail('router in cn-beijing');
    const ref = { cenId: prod.cenId, regionId: beijing.regionId, transitRouterId: beijing.transitRouterId };
    for (const kind of ATTACHMENT_KINDS) await cen.listAttachments(kind, ref);
    const vpc = (await cen.listAttachments('VPC', ref))[0] ?? assert.fail('a VPC attachment');
    const lifecycle = new FlowLogLifecycle(() => cen);
    const f = await lifecycle.create({
      ...ref,
      transitRouterAttachmentId: vpc.attachmentId,
      projectName: 'conformance',
      logStoreName: 'flows',
      name: 'conformance',
      description: 'every field',
      interval: 60,
      logFormatString: '${srcaddr}${dstaddr}${bytes}${srcport}',
      tags: [{ key: 'k', value: 'v' }],
    });
    const stopped = await lifecycle.stop(f);
    const modified = await lifecycle.modify(stopped, { name: 'renamed', description: 'changed', interval: 600 });
    const started = await lifecycle.start(modified);
    await lifecycle.delete(started);
  });
  after(() => emu.close());

  it('the published metadata of every action the product calls is committed', () => {
    const called = new Set(sent.map((s) => s.action));
    for (const action of called) assert.ok(metadata.has(action), `no metadata for ${action}`);
    for (const action of [
      'DescribeCens',
      'DescribeCenAttachedChildInstances',
      'DescribeChildInstanceRegions',
      'ListTransitRouters',
      'ListTransitRouterVpcAttachments',
      'ListTransitRouterVbrAttachments',
      'ListTransitRouterVpnAttachments',
      'ListTransitRouterEcrAttachments',
      'ListTransitRouterPeerAttachments',
      'DescribeFlowlogs',
      'CreateFlowlog',
      'ActiveFlowLog',
      'DeactiveFlowLog',
      'ModifyFlowLogAttribute',
      'DeleteFlowlog',
    ]) {
      assert.ok(called.has(action), `the scenario calls ${action}`);
    }
  });

  it('every request: only defined parameters, every required one, right types and documented values', () => {
    const problems: string[] = [];
    for (const r of sent) {
      const spec = metadata.get(r.action) as ActionSpec;
      for (const p of requestProblems(spec, r.params)) problems.push(`${r.action}: ${p.param} ${p.why} (${p.code})`);
      for (const name of r.params.keys()) assert.ok(!COMMON_RPC_PARAMS.has(name), `${r.action} sends the signature field ${name} itself`);
    }
    assert.deepEqual(problems, []);
  });

  it('DescribeFlowlogs always names its region, and CreateFlowlog its transit router', () => {
    for (const r of sent.filter((x) => x.action === 'DescribeFlowlogs')) assert.ok(r.params.get('RegionId'), 'DescribeFlowlogs without RegionId');
    const creates = sent.filter((x) => x.action === 'CreateFlowlog');
    assert.ok(creates.length > 0);
    for (const r of creates) assert.match(r.params.get('TransitRouterId') ?? '', /^tr-/);
  });

  it('every response field the client reads exists in the action’s published response model', () => {
    const models = responseModels();
    const missing: string[] = [];
    for (const field of read) {
      const [action, path] = field.split(':');
      const model = models.get(action);
      assert.ok(model, `no response model for ${action}`);
      if (!model.has(path)) missing.push(field);
    }
    assert.ok(read.size > 40, `the trace saw the reads (${read.size})`);
    assert.deepEqual(missing, []);
  });

  it('the check itself refuses what breaks the metadata: unknown, missing, mistyped and off-list values', () => {
    const create = metadata.get('CreateFlowlog')!;
    const codes = (params: Record<string, string>): string[] => requestProblems(create, new Map(Object.entries(params))).map((p) => `${p.code} ${p.param}`);
    assert.deepEqual(codes({ RegionId: 'cn-hangzhou', CenId: 'cen-1' }), []);
    assert.deepEqual(codes({ CenId: 'cen-1' }), ['MissingParameter RegionId']);
    assert.deepEqual(codes({ RegionId: 'r', CenId: 'c', Bogus: 'x' }), ['InvalidParameter Bogus']);
    assert.deepEqual(codes({ RegionId: 'r', CenId: 'c', Interval: 'ten' }), ['InvalidParameter Interval']);
    assert.deepEqual(codes({ RegionId: 'r', CenId: 'c', Interval: '300' }), ['InvalidParameter Interval']);
    assert.deepEqual(codes({ RegionId: 'r', CenId: 'c', 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' }), []);
    assert.deepEqual(codes({ RegionId: 'r', CenId: 'c', 'Tag.1.Nope': 'k' }), ['InvalidParameter Tag.1.Nope']);
    const routers = metadata.get('ListTransitRouters')!;
    assert.deepEqual(requestProblems(routers, new Map([['Type', 'Premium']])).map((p) => p.code), ['InvalidParameter']);
    assert.deepEqual(requestProblems(routers, new Map([['PageSize', '51']])).map((p) => p.code), ['InvalidParameter']);
  });

  it('the emulator refuses a request that breaks the metadata as the service does', async () => {
    const raw = new (await import('@alicloud/pop-core')).default({ endpoint: emu.cenUrl, apiVersion: '2017-09-12', accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    const code = (action: string, params: Record<string, unknown>): Promise<string> =>
      raw.request(action, params, { method: 'POST' }).then(
        () => 'accepted',
        (e: unknown) => String((e as { code?: string }).code),
      );
    assert.equal(await code('CreateFlowlog', { CenId: 'cen-x' }), 'MissingParameter');
    assert.equal(await code('ListTransitRouters', { Type: 'Premium' }), 'InvalidParameter');
    assert.equal(await code('DescribeFlowlogs', { RegionId: 'cn-hangzhou', Bogus: 1 }), 'InvalidParameter');
  });
});

describe('lenient parsing (api-current.md §2.2, §7.4): what the SDKs type as strings, and unknown values', () => {
  let fake: FakeService;
  let cen: CenApi;
  before(async () => {
    fake = await startFakeService();
    cen = createCenClient({ endpoint: `http://127.0.0.1:${fake.port}`, credentials: ownerCredentials, retry: { maxAttempts: 1 } });
  });
  after(() => fake.close());

  const reply = (body: unknown): void => fake.answerWith({ kind: 'reply', status: 200, body: JSON.stringify(body) });

  it('DescribeFlowlogs: string counters and Success, an unknown Status kept raw on its row, a missing destination', async () => {
    reply({
      RequestId: 'r',
      Success: 'true',
      TotalCount: '2',
      PageNumber: '1',
      PageSize: '50',
      FlowLogs: {
        FlowLog: [
          { FlowLogId: 'flowlog-1', CenId: 'cen-1', RegionId: 'cn-hangzhou', Status: 'Active', Interval: 600, TransitRouterId: 'tr-1', FlowLogVersion: '3', Tags: { Tag: [{ Key: 'a', Value: 'b' }] } },
          { FlowLogId: 'flowlog-2', CenId: 'cen-1', RegionId: 'cn-hangzhou', Status: 'Upgrading', Interval: '60', ProjectName: '', LogStoreName: '' },
        ],
      },
    });
    const logs = await cen.listFlowLogs({ regionId: 'cn-hangzhou' });
    assert.equal(logs.length, 2);
    assert.deepEqual(logs.map((f) => [f.status, f.rawStatus]), [['Active', 'Active'], ['Unknown', 'Upgrading']]);
    assert.equal(logs[1].interval, 60);
    assert.equal(logs[1].projectName, '');
    assert.equal(logs[1].transitRouterId, undefined, 'an older-form flow log');
    assert.deepEqual(logs[0].tags, [{ key: 'a', value: 'b' }]);
  });

  it('ListTransitRouters: an unknown Type is kept raw (edition Unknown), never fails the list', async () => {
    reply({ RequestId: 'r', TotalCount: 2, PageNumber: 1, PageSize: 50, TransitRouters: [
      { TransitRouterId: 'tr-1', CenId: 'cen-1', RegionId: 'cn-hangzhou', Type: 'Enterprise', Status: 'Active' },
      { TransitRouterId: 'tr-2', CenId: 'cen-1', RegionId: 'cn-shanghai', Type: 'Premium', Status: 'Upgrading' },
    ] });
    const routers = await cen.listTransitRouters('cen-1');
    assert.deepEqual(routers.map((r) => [r.edition, r.rawType, r.status]), [['Enterprise', 'Enterprise', 'Active'], ['Unknown', 'Premium', 'Upgrading']]);
  });

  it('DescribeCens and DescribeCenAttachedChildInstances: unknown Status / ChildInstanceType kept raw', async () => {
    reply({ RequestId: 'r', TotalCount: '1', PageNumber: '1', PageSize: '10', Cens: { Cen: [{ CenId: 'cen-1', Status: 'Migrating' }] } });
    assert.equal((await cen.listCensPage(1)).items[0]?.status, 'Migrating');
    reply({ RequestId: 'r', TotalCount: 1, ChildInstances: { ChildInstance: [{ CenId: 'cen-1', ChildInstanceId: 'x-1', ChildInstanceType: 'ECR', ChildInstanceRegionId: 'cn-hangzhou', Status: 'Attached' }] } });
    assert.equal((await cen.listChildInstances('cen-1'))[0]?.childInstanceType, 'ECR');
  });
});
