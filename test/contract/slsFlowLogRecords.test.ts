/**
 * A flow log created through the CEN side gets its project, logstore and index on the SLS side,
 * and records appear for each capture window that ends while it is Active — time moves.
 */
import '../support/localhost-resolver.cjs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, ownerCredentials, type TestEmulator } from '../support/emulator';
import { OWNER_ACCOUNT } from '../../emulator/accounts';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type SlsApi } from '../../src/cloud/slsApi';

let emu: TestEmulator;
let sls: SlsApi;
// A controllable clock, starting just after a 10-minute boundary.
let clockMs = (Math.floor(Date.now() / 600_000) * 600 + 5) * 1000;

before(async () => {
  emu = await startTestEmulator({ historyDays: 0, now: () => clockMs });
  sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials });
});
after(() => emu.close());

test('CreateFlowlog ensures project, logstore and index; windows appear as time passes', async () => {
  const cen = emu.context.cen.censOf(OWNER_ACCOUNT.accountId).find((c) => c.name === 'dev-network');
  assert.ok(cen);
  const regions = emu.context.cen.cenRegions(cen.cenId);
  const created = emu.context.cen.createFlowLog(OWNER_ACCOUNT, {
    regionId: 'cn-shenzhen', cenId: cen.cenId, projectName: 'dev-flowlogs', logStoreName: 'dev-network', interval: 60,
  });
  const ref = { regionId: 'cn-shenzhen', projectName: 'dev-flowlogs', logStoreName: 'dev-network' };
  assert.equal((await sls.getIndex(ref))?.bytes.type, 'long');

  const start = Math.floor(clockMs / 1000);
  const count = async (): Promise<number> =>
    Number(recordsOf(await sls.query({ ...ref, from: start - 3600, to: Math.floor(clockMs / 1000) + 1, query: '* | select count(*) as n' }))[0].n);
  assert.equal(await count(), 0, 'nothing before the first window ends');

  clockMs += 1_000; // past the 200 ms transition: Active
  assert.equal(emu.context.cen.listFlowLogs().find((f) => f.flowLogId === created.flowLogId)?.status, 'Active');
  clockMs += 5 * 60_000; // five 60-second windows end
  const afterFive = await count();
  assert.ok(afterFive > 0);
  const windows = await sls.query({ ...ref, from: start - 3600, to: Math.floor(clockMs / 1000) + 1, query: '* | select count(distinct __time__) as w, count_if("cen-id" <> \'' + cen.cenId + '\') as other' });
  assert.equal(Number(recordsOf(windows)[0].w), 5);
  assert.equal(recordsOf(windows)[0].other, '0');

  // Today's form (issue 18): traffic through the flow log's router only, between the CEN's regions.
  const regionPairs = await sls.query({ ...ref, from: start - 3600, to: Math.floor(clockMs / 1000) + 1, query: '* | select distinct "src-region-id" as s, "dst-region-id" as d' });
  assert.ok(recordsOf(regionPairs).length > 0);
  for (const r of recordsOf(regionPairs)) {
    assert.ok(regions.includes(r.s) && regions.includes(r.d) && r.s !== r.d, `${r.s}→${r.d} is cross-region within the CEN`);
    assert.ok(r.s === 'cn-shenzhen' || r.d === 'cn-shenzhen', `${r.s}→${r.d} passes the cn-shenzhen router`);
  }

  clockMs += 3 * 60_000;
  assert.ok((await count()) > afterFive, 'new windows keep arriving while Active');
});
