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
import { ATTACHMENT_LISTS } from '../../src/cloud/cenWire';
import { unavailableCenApi } from '../../src/cloud/unavailableCenApi';
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

/** Records which methods of the client the scenario called (every one must be). */
function tracingMethods(api: CenApi, called: Set<string>): CenApi {
  return new Proxy(api, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof v !== 'function' || typeof key !== 'string') return v;
      return (...args: unknown[]) => {
        called.add(key);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Test state, as an operator would build it in the console: n more VPCs attached to one router. */
function addVpcAttachments(emu: TestEmulator, cenId: string, regionId: string, transitRouterId: string, n: number): void {
  const store = emu.context.cen;
  for (let i = 0; i < n; i++) {
    store.addAttachment({
      attachmentId: store.newId('tr-attach', 16),
      cenId,
      transitRouterId,
      regionId,
      type: 'VPC',
      resourceId: store.newId('vpc', 20),
      resourceRegionId: regionId,
      resourceOwnerId: '1234567890123456',
      name: `bulk-${i}`,
      status: 'Attached',
      creationTime: Date.now(),
    });
  }
}

const CLIENT_SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'cloud', 'cenClient.ts'), 'utf8');
const WIRE_SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'cloud', 'cenWire.ts'), 'utf8');

/** The actions cenClient.ts calls: `this.call('Action'` and the per-kind attachment lists. */
function actionsInSource(): Set<string> {
  const out = new Set([...CLIENT_SOURCE.matchAll(/this\.call\('(\w+)'/g)].map((m) => m[1]));
  for (const spec of Object.values(ATTACHMENT_LISTS)) out.add(spec.action);
  return out;
}

/** Every request parameter name cenClient.ts writes: `{ Name: …` in a Params literal, `params.Name =`, and `Tag.N.Key`. */
function paramsInSource(): Set<string> {
  const out = new Set<string>();
  for (const m of CLIENT_SOURCE.matchAll(/(?:params|base)\.([A-Z]\w*)\s*=/g)) out.add(m[1]);
  for (const lit of CLIENT_SOURCE.matchAll(/(?:this\.call\('\w+', |: Params = )\{([^}]*)\}/g)) {
    for (const m of lit[1].matchAll(/(?:^|[{,])\s*([A-Z]\w*):/g)) out.add(m[1]);
  }
  for (const m of CLIENT_SOURCE.matchAll(/params\[`(\w+)\.\$\{[^}]+\}\.(\w+)`\]/g)) out.add(`${m[1]}.N.${m[2]}`);
  return out;
}

/** Every response field name cenWire.ts reads (`.text('X'`, `.list('X'`, …) and the attachment lists' resource fields. */
function fieldsInSource(): Set<string> {
  const out = new Set([...WIRE_SOURCE.matchAll(/\.(?:text|optionalText|integer|obj|list)\('(\w+)'/g)].map((m) => m[1]));
  for (const spec of Object.values(ATTACHMENT_LISTS)) {
    out.add(spec.resourceId);
    out.add(spec.resourceRegionId);
  }
  return out;
}

/** A parameter name as the coverage table names it: `Tag.2.Key` → `Tag.N.Key`. */
const paramShape = (name: string): string => name.replace(/\.\d+\./, '.N.');

/** A response body flattened to the response model's paths (`A.B[].C`), each with its JSON kind. */
function bodyPaths(v: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(v)) {
    out.set(prefix, 'array');
    for (const item of v) if (typeof item === 'object' && item !== null) bodyPaths(item, prefix, out);
    return out;
  }
  for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(child)) bodyPaths(child, `${path}[]`, out);
    else if (typeof child === 'object' && child !== null && typeof (child as { toFixed?: unknown }).toFixed !== 'function') {
      out.set(path, 'object');
      bodyPaths(child, path, out);
    } else out.set(path, typeof child === 'object' ? 'number' : typeof child);
  }
  return out;
}

/** Whether a JSON value of this kind is what the Go SDK's field type says the service sends. */
function kindFits(kind: string, goType: string): boolean {
  if (goType === 'object' || goType === 'array') return kind === goType;
  if (goType.startsWith('array<')) return kind === 'array';
  if (goType === 'string') return kind === 'string';
  if (goType === 'bool') return kind === 'boolean';
  if (/^(u?int\d*|float\d+)$/.test(goType)) return kind === 'number';
  return false;
}

const FLOW_LOG_REF_PARAMS = ['RegionId', 'FlowLogId', 'ClientToken', 'CenId'];
const ATTACHMENT_LIST_PARAMS = ['CenId', 'RegionId', 'TransitRouterId', 'MaxResults'];

/** Every parameter each action is sent with by cenClient.ts (the scan of the source below keeps this honest). */
const PARAMS_THE_CLIENT_SENDS: Readonly<Record<string, readonly string[]>> = {
  DescribeCens: ['PageNumber', 'PageSize'],
  DescribeCenAttachedChildInstances: ['CenId', 'PageNumber', 'PageSize'],
  DescribeChildInstanceRegions: ['AcceptLanguage'],
  ListTransitRouters: ['CenId', 'PageNumber', 'PageSize'],
  ListTransitRouterVpcAttachments: [...ATTACHMENT_LIST_PARAMS, 'NextToken'],
  ListTransitRouterVbrAttachments: ATTACHMENT_LIST_PARAMS,
  ListTransitRouterVpnAttachments: ATTACHMENT_LIST_PARAMS,
  ListTransitRouterEcrAttachments: ATTACHMENT_LIST_PARAMS,
  ListTransitRouterPeerAttachments: ATTACHMENT_LIST_PARAMS,
  DescribeFlowlogs: ['RegionId', 'CenId', 'FlowLogId', 'TransitRouterId', 'Status', 'PageNumber', 'PageSize'],
  CreateFlowlog: [
    'RegionId',
    'CenId',
    'TransitRouterId',
    'ClientToken',
    'TransitRouterAttachmentId',
    'ProjectName',
    'LogStoreName',
    'FlowLogName',
    'Description',
    'Interval',
    'LogFormatString',
    'Tag.N.Key',
    'Tag.N.Value',
  ],
  ActiveFlowLog: FLOW_LOG_REF_PARAMS,
  DeactiveFlowLog: FLOW_LOG_REF_PARAMS,
  ModifyFlowLogAttribute: [...FLOW_LOG_REF_PARAMS, 'FlowLogName', 'Description', 'Interval'],
  DeleteFlowlog: FLOW_LOG_REF_PARAMS,
};

describe('CEN calls ⇄ Alibaba’s published metadata (aliyun-openapi-meta cbn, Go SDK response models)', () => {
  let emu: TestEmulator;
  let cen: CenApi;
  const sent: SentRequest[] = [];
  const read = new Set<string>();
  const calledMethods = new Set<string>();
  const metadata = loadCbnMetadata();

  before(async () => {
    emu = await startTestEmulator();
    const client = createCenClient({
      endpoint: emu.cenUrl,
      credentials: ownerCredentials,
      retry: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 12 },
      poll: { initialMs: 30, maxMs: 60 },
      traceRequests: (action, params) => void sent.push({ action, params: new Map(Object.entries(params).map(([k, v]) => [k, String(v)])) }),
      traceFields: (field) => void read.add(field),
    });
    cen = tracingMethods(client, calledMethods);
    // Every CEN action the product calls, as the product calls it, with every optional parameter the client can send.
    const cens: CenInstance[] = [];
    for await (const page of cen.listCens()) cens.push(...page);
    const prod = cens.find((c) => c.name === 'prod-backbone') ?? assert.fail('demo CEN prod-backbone');
    await cen.listCensPage(1, 10);
    await cen.listChildInstances(prod.cenId);
    await cen.listChildInstanceRegions();
    await listAccountFlowLogs(cen);
    const routers = await cen.listTransitRouters(prod.cenId);
    const beijing = routers.find((r) => r.regionId === 'cn-beijing') ?? assert.fail('router in cn-beijing');
    const ref = { cenId: prod.cenId, regionId: beijing.regionId, transitRouterId: beijing.transitRouterId };
    // More VPC attachments than one page holds, so the list is followed by NextToken as the service pages it.
    addVpcAttachments(emu, beijing.cenId, beijing.regionId, beijing.transitRouterId, 55);
    // Every kind on every router, so every type-specific field (VbrId, EcrId, …) is read at least once.
    for (const r of routers) for (const kind of ATTACHMENT_KINDS) await cen.listAttachments(kind, { cenId: r.cenId, regionId: r.regionId, transitRouterId: r.transitRouterId });
    await cen.listAttachmentsPage('TR', ref);
    const vpc = (await cen.listAttachments('VPC', ref))[0] ?? assert.fail('a VPC attachment');
    await cen.listFlowLogs({ regionId: beijing.regionId, cenId: prod.cenId, transitRouterId: beijing.transitRouterId, status: 'Active' });
    await cen.listFlowLogs({ regionId: beijing.regionId, status: 'Inactive' });
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
      tags: [
        { key: 'k', value: 'v' },
        { key: 'team', value: 'net' },
      ],
    });
    await cen.listFlowLogs({ regionId: beijing.regionId, flowLogId: f.flowLogId });
    await cen.getFlowLog({ regionId: f.regionId, flowLogId: f.flowLogId });
    const stopped = await lifecycle.stop(f);
    const modified = await lifecycle.modify(stopped, { name: 'renamed', description: 'changed', interval: 600 });
    const started = await lifecycle.start(modified);
    await lifecycle.delete(started);
    // A router-level flow log with only what the service requires (it names the destination itself).
    const bare = await cen.createFlowLog({ ...ref, projectName: 'conformance', logStoreName: 'router' });
    await cen.waitForStable({ regionId: ref.regionId, flowLogId: bare, cenId: ref.cenId }, { timeoutMs: 10_000 });
    await cen.deleteFlowLog({ regionId: ref.regionId, flowLogId: bare });
  });
  after(() => emu.close());

  it('the scenario calls every method of the client (CenApi), so no call of the product goes unchecked', () => {
    const methods = Object.keys(unavailableCenApi(new Error('listing the interface')));
    assert.deepEqual(methods.filter((m) => !calledMethods.has(m)), []);
  });

  it('every action cenClient.ts calls is called in the scenario, and its published metadata is committed', () => {
    const called = new Set(sent.map((s) => s.action));
    const inSource = actionsInSource();
    assert.ok(inSource.size >= 15, `the source scan found the actions (${[...inSource].join(', ')})`);
    assert.deepEqual([...inSource].filter((a) => !called.has(a)), [], 'actions the client can call that the scenario did not');
    assert.deepEqual([...called].filter((a) => !metadata.has(a)), [], 'actions without committed metadata');
    assert.deepEqual([...called].filter((a) => !inSource.has(a)), [], 'the scan missed an action the client sent');
  });

  it('every parameter the client can send, per action, was sent in the scenario (and nothing else)', () => {
    const sentShapes = new Map<string, Set<string>>();
    for (const r of sent) {
      const set = sentShapes.get(r.action) ?? new Set<string>();
      for (const name of r.params.keys()) set.add(paramShape(name));
      sentShapes.set(r.action, set);
    }
    const asSent = Object.fromEntries([...sentShapes].map(([a, set]) => [a, [...set].sort()]));
    const expected = Object.fromEntries(Object.entries(PARAMS_THE_CLIENT_SENDS).map(([a, names]) => [a, [...names].sort()]));
    assert.deepEqual(asSent, expected);
    // The table is the client's: the parameter names written in cenClient.ts are exactly its union.
    const inTable = new Set(Object.values(PARAMS_THE_CLIENT_SENDS).flat());
    assert.deepEqual([...paramsInSource()].sort(), [...inTable].sort());
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

  it('every response field cenWire.ts reads was read in the scenario (so the model check above saw it)', () => {
    const segments = new Set([...read].flatMap((f) => (f.split(':')[1] ?? '').split('.').map((x) => x.replace(/\[\]$/, ''))));
    assert.deepEqual([...fieldsInSource()].filter((name) => !segments.has(name)), []);
  });

  it('what the emulator answers to each read the product sends is in the published response model, of its type', async () => {
    const raw = new (await import('@alicloud/pop-core')).default({ endpoint: emu.cenUrl, apiVersion: '2017-09-12', accessKeyId: 'LTAIemulatorOwner', accessKeySecret: 'emulator-owner-secret' });
    const models = new Map<string, Record<string, string>>();
    for (const f of readdirSync(join(CBN_METADATA_DIR, 'responses')).filter((x) => x.endsWith('.json'))) {
      const m = JSON.parse(readFileSync(join(CBN_METADATA_DIR, 'responses', f), 'utf8')) as { action: string; fields: Record<string, string> };
      models.set(m.action, m.fields);
    }
    const problems = new Set<string>();
    const checked = new Set<string>();
    const reads = sent.filter((r) => /^(Describe|List)/.test(r.action) && !r.params.has('FlowLogId'));
    assert.ok(reads.length > 20);
    for (const r of reads) {
      const body: unknown = await raw.request(r.action, Object.fromEntries(r.params), { method: 'POST' });
      const model = models.get(r.action) ?? assert.fail(`no response model for ${r.action}`);
      for (const [path, kind] of bodyPaths(body)) {
        checked.add(`${r.action}:${path}`);
        if (!(path in model)) problems.add(`${r.action}: ${path} is not in the published model`);
        else if (!kindFits(kind, model[path])) problems.add(`${r.action}: ${path} is ${kind}, the model says ${model[path]}`);
      }
    }
    for (const seen of ['DescribeFlowlogs:FlowLogs.FlowLog[].TransitRouterAttachmentId', 'DescribeFlowlogs:TotalCount', 'ListTransitRouterVbrAttachments:TransitRouterAttachments[].VbrId', 'DescribeChildInstanceRegions:Regions.Region[].LocalName']) {
      assert.ok(checked.has(seen), `the walk reached ${seen}`);
    }
    assert.deepEqual([...problems], []);
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
