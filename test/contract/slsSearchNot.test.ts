/**
 * The `not` forms the facets' − writes, answered by the emulator as the SLS search syntax
 * documents them (https://www.alibabacloud.com/help/en/sls/user-guide/search-syntax, "Operators":
 * `not status:200`, `request_method:GET not status:200`; examples: `not request_method:GET`,
 * `* not Status:200 | select …` in the root-cause-analysis page). Each count is compared with
 * one computed here, independently, over the generator's records, through the real SDK.
 */
import '../support/localhost-resolver.cjs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeFlowLogAndRange, ownerCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createSlsClient } from '../../src/cloud/slsClient';
import { recordsOf, type SlsApi } from '../../src/cloud/slsApi';
import { applyFilter } from '../../src/query/searchFilter';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';
import type { FlowLogView } from '../../emulator/cen/store';

let emu: TestEmulator;
let sls: SlsApi;
let flowLog: FlowLogView;
let rows: readonly FlowRow[];
let from: number;
let to: number;

before(async () => {
  emu = await startTestEmulator({ historyDays: 1 });
  ({ flowLog, from, to } = activeFlowLogAndRange(emu, 6));
  sls = createSlsClient({ endpoint: emu.slsEndpoint, protocol: 'http', credentials: ownerCredentials });
  rows = emu.context.sls.generatedRows(flowLog.flowLogId, from, to);
});
after(() => emu.close());

async function count(query: string): Promise<number> {
  const result = await sls.query({ regionId: flowLog.regionId, projectName: flowLog.projectName, logStoreName: flowLog.logStoreName, from, to, query: `${query} | select count(*) as n` });
  return Number(recordsOf(result)[0].n);
}

describe('search statements with not, as Log Service documents them', () => {
  test('the range has records to port 22 and to other ports', () => {
    assert.ok(rows.some((r) => r.dstport === 22) && rows.some((r) => r.dstport !== 22));
  });

  test('a leading "not field:value" (what − on * writes) counts every record without that value', async () => {
    const expected = rows.filter((r) => r.dstport !== 22).length;
    assert.equal(applyFilter('*', 'dstport', '22', 'exclude', true), 'not dstport:22');
    assert.equal(await count('not dstport:22'), expected);
    assert.equal(await count('* not dstport:22'), expected, '"* not x" is "all but x"');
    assert.equal(await count('* and not dstport:22'), expected);
  });

  test('"a not b" is a and not b; "not" binds to the term after it', async () => {
    const tcp = rows.filter((r) => r.protocol === 6);
    assert.ok(tcp.length > 0);
    assert.equal(await count('protocol:6 not dstport:22'), tcp.filter((r) => r.dstport !== 22).length);
    assert.equal(await count('protocol:6 and not dstport:22'), tcp.filter((r) => r.dstport !== 22).length);
    assert.equal(await count('not dstport:22 or dstport:22'), rows.length, '(not a) or a is everything');
  });

  test('a leading not on a quoted hyphenated field (what − writes for text values)', async () => {
    // Whichever region field varies in this range (a flow log's records all pass its own router's region on one side).
    const fields = [['src-region-id', (r: FlowRow) => r.srcRegionId], ['dst-region-id', (r: FlowRow) => r.dstRegionId]] as const;
    const varied = fields.find(([, of]) => new Set(rows.map(of)).size >= 2);
    assert.ok(varied, 'the range has records of more than one region');
    const [field, of] = varied;
    const region = of(rows[0]);
    const query = applyFilter('', field, region, 'exclude');
    assert.equal(query, `not ${field}:"${region}"`);
    const expected = rows.filter((r) => of(r) !== region).length;
    assert.ok(expected > 0 && expected < rows.length);
    assert.equal(await count(query), expected);
  });
});
