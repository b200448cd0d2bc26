/**
 * The BUILT SDK chunk (dist/cloud-sdk.js, after scripts/sdkPrune.mjs removed the SDK code the
 * plugin found unreachable) runs every Log Service, CEN and credentials call the product makes
 * against the emulator. The product's own clients are used unchanged; only the module that
 * sdkLoader.ts requires is the freshly built chunk instead of src/cloud/sdk.ts. A class, method or
 * module pruned that one of these calls needs makes a call here fail.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CenApi, CenInstance } from '../../src/cloud/cenApi';
import { createCenClient } from '../../src/cloud/cenClient';
import { CloudError } from '../../src/cloud/cloudError';
import { cliProfileCredentialSource, defaultChainCredentialSource } from '../../src/cloud/credentials';
import type { CredentialSource } from '../../src/cloud/credentialTypes';
import { recordsOf, type LogstoreRef, type SlsApi } from '../../src/cloud/slsApi';
import { createSlsClient } from '../../src/cloud/slsClient';
import { loadSdk } from '../../src/cloud/sdkLoader';
import { NOT_WHITELISTED_ACCOUNT, OWNER_ACCOUNT } from '../../emulator/accounts';
import { credentialsOf, ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';

const CHUNK = resolve('dist/cloud-sdk.js');

// sdkLoader.ts does `require('./sdk')`; in the VSIX that is dist/cloud-sdk.js. Point it there.
type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const originalResolve = loader._resolveFilename;
loader._resolveFilename = function (request, parent, ...rest) {
  if (request === './sdk' && parent?.filename?.endsWith(join('src', 'cloud', 'sdkLoader.ts'))) return CHUNK;
  return originalResolve.call(this, request, parent, ...rest);
};

let emu: TestEmulator;
let home: string;
const savedEnv = { ...process.env };

before(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'ignore' });
  emu = await startTestEmulator({ historyDays: 1 });
  home = await mkdtemp(join(tmpdir(), 'cen-built-sdk-'));
});
after(async () => {
  await emu.close();
  process.env = savedEnv;
  await rm(home, { recursive: true, force: true });
});

function sls(credentials: CredentialSource = ownerCredentials): SlsApi {
  return createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials, retry: { maxAttempts: 1 }, incomplete: { initialDelayMs: 5 } });
}
function cen(credentials: CredentialSource = ownerCredentials): CenApi {
  return createCenClient({ endpoint: emu.cenUrl, credentials, retry: { maxAttempts: 12, baseDelayMs: 20, maxDelayMs: 100 }, poll: { initialMs: 40, maxMs: 80 } });
}

describe('the built SDK chunk against the emulator', () => {
  it('is what sdkLoader loads, and it is the pruned production build', () => {
    const sdk = loadSdk();
    assert.ok(require.cache[CHUNK], 'sdkLoader loaded dist/cloud-sdk.js');
    assert.equal(require.cache[CHUNK]?.exports, sdk);
    // The generated Log Service models no call reaches are gone from the chunk.
    assert.equal((sdk.SlsModels as Record<string, unknown>).CreateAlertRequest, undefined);
  });

  it('CEN: list, lifecycle and a refusal through pop-core', async () => {
    const api = cen();
    const all: CenInstance[] = [];
    for await (const page of api.listCens()) all.push(...page);
    const dev = all.find((c) => c.name === 'dev-network') ?? assert.fail('demo CEN dev-network missing');
    assert.ok((await api.listChildInstances(dev.cenId)).length > 0);
    assert.ok((await api.listFlowLogs({ regionId: 'cn-hangzhou' })).length >= 2);

    const shenzhen = (await api.listTransitRouters(dev.cenId)).find((r) => r.regionId === 'cn-shenzhen') ?? assert.fail('no router in cn-shenzhen');
    const id = await api.createFlowLog({ regionId: 'cn-shenzhen', cenId: dev.cenId, transitRouterId: shenzhen.transitRouterId, projectName: 'built-chunk', logStoreName: 'flows', name: 'built', interval: 60 });
    const ref = { flowLogId: id, regionId: 'cn-shenzhen', cenId: dev.cenId };
    assert.equal((await api.waitForStable(ref))?.status, 'Active');
    await api.stopFlowLog(ref);
    assert.equal((await api.waitForStable(ref))?.status, 'Inactive');
    await api.modifyFlowLog(ref, { name: 'renamed', description: 'by the built chunk', interval: 600 });
    assert.equal((await api.waitForStable(ref))?.name, 'renamed');
    await api.startFlowLog(ref);
    assert.equal((await api.waitForStable(ref))?.status, 'Active');
    await api.deleteFlowLog(ref);
    assert.equal(await api.waitForStable(ref), undefined);

    // The SDK's error path (pop-core's error object → mapCenError).
    const wrong = cen({ label: 'wrong', getCredentials: async () => ({ accessKeyId: OWNER_ACCOUNT.accessKeyId, accessKeySecret: 'wrong-secret' }) });
    await assert.rejects(wrong.listFlowLogs({ regionId: 'cn-hangzhou' }), (e: unknown) => e instanceof CloudError && e.kind === 'credentials');
    const refused = cen(credentialsOf(NOT_WHITELISTED_ACCOUNT)).createFlowLog({ regionId: 'cn-shenzhen', cenId: dev.cenId, transitRouterId: shenzhen.transitRouterId, projectName: 'built-chunk', logStoreName: 'flows' });
    await assert.rejects(refused, (e: unknown) => e instanceof CloudError && e.code !== undefined && e.kind !== 'unexpectedResponse');
  });

  it('Log Service: projects, logstores, index, ensure, queries, pages, histogram and errors', async () => {
    const flowLog = emu.context.cen.listFlowLogs().find((f) => f.status === 'Active') ?? assert.fail('no Active demo flow log');
    const api = sls();
    const ref: LogstoreRef = { regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName };
    assert.ok((await api.listProjects(flowLog.regionId)).some((p) => p.projectName === flowLog.projectName));
    assert.deepEqual(await api.listLogStores(flowLog.regionId, flowLog.projectName), [flowLog.logStoreName]);
    assert.equal((await api.getIndex(ref))?.bytes?.type, 'long');

    const fresh: LogstoreRef = { regionId: 'cn-shanghai', projectName: 'built-chunk-project', logStoreName: 'flows' };
    await api.ensureFlowLogStore(fresh);
    assert.equal((await api.getIndex(fresh))?.dstport?.type, 'long');

    const now = Math.floor(Date.now() / 1000);
    const span = { ...ref, from: now - 24 * 3600, to: now + 1 };
    const raw = await api.query({ ...span, query: '*', line: 10 });
    assert.equal(raw.rows.length, 10);
    assert.equal(raw.hasSql, false);
    const sql = await api.query({ ...span, query: '* | select count(*) as n' });
    assert.ok(Number(recordsOf(sql)[0]?.n) > 0);
    let paged = 0;
    for await (const page of api.queryPages({ ...span, query: '*' }, { maxRows: 250, concurrency: 2 })) paged += page.rows.length;
    assert.equal(paged, 250);
    let sqlPaged = 0;
    for await (const page of api.queryPages({ ...span, query: '* | select srcaddr limit 30' }, { pageSize: 10 })) sqlPaged += page.rows.length;
    assert.equal(sqlPaged, 30);
    const buckets = await api.histogram({ ...span, query: '*' });
    assert.ok(buckets.reduce((n, b) => n + b.count, 0) > 0);

    // The SDK's error path (openapi-core's error classes → mapSlsError).
    await assert.rejects(api.listLogStores(flowLog.regionId, 'no-such-project'), (e: unknown) => e instanceof CloudError && e.kind === 'notFound');
    const wrong = sls({ label: 'wrong', getCredentials: async () => ({ accessKeyId: OWNER_ACCOUNT.accessKeyId, accessKeySecret: 'wrong-secret' }) });
    await assert.rejects(wrong.listProjects(flowLog.regionId), (e: unknown) => e instanceof CloudError && e.kind === 'credentials');
  });

  it('credentials: the default chain (environment, credentials file) and an aliyun CLI profile', async () => {
    const { accessKeyId, accessKeySecret } = OWNER_ACCOUNT;
    process.env.HOME = home;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = accessKeySecret;
    assert.ok((await cen(defaultChainCredentialSource()).listFlowLogs({ regionId: 'cn-hangzhou' })).length >= 2);

    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    const ini = join(home, 'credentials.ini');
    await writeFile(ini, `[default]\ntype = access_key\naccess_key_id = ${accessKeyId}\naccess_key_secret = ${accessKeySecret}\n`);
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = ini;
    assert.ok((await cen(defaultChainCredentialSource()).listFlowLogs({ regionId: 'cn-hangzhou' })).length >= 2);
    delete process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;

    await mkdir(join(home, '.aliyun'), { recursive: true });
    await writeFile(join(home, '.aliyun', 'config.json'), JSON.stringify({ current: 'emu', profiles: [{ name: 'emu', mode: 'AK', access_key_id: accessKeyId, access_key_secret: accessKeySecret, region_id: 'cn-hangzhou' }] }));
    const flowLog = emu.context.cen.listFlowLogs()[0] ?? assert.fail('no demo flow log');
    assert.ok((await sls(cliProfileCredentialSource('emu')).listProjects(flowLog.regionId)).length > 0);
  });
});
