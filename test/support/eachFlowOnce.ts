/**
 * The records a CEN's totals count, recomputed here from the generator's records by the README's
 * rule ("Each flow counted once"), for CENs like the demo's prod-backbone whose flow logs of today's
 * form all capture the traffic leaving their own router (direction `out`, src-region-id = the flow
 * log's region): a pair's records come from the router-level flow log of the source region (the
 * first by id) when one has records of the pair, else from every connection flow log that has.
 * Any other record (a local connection's `in`, a 2019-form flow log) fails the precondition loudly
 * rather than being guessed at.
 */
import assert from 'node:assert/strict';
import type { FlowRow } from '../../emulator/data/flowLogGenerator';

export interface CapturingFlowLog {
  readonly flowLogId: string;
  readonly regionId: string;
  /** Set for a flow log on one connection; absent for a router-level one. */
  readonly attachmentId?: string;
}

/** Each flow log's counted records, from every flow log's generated records. */
export function eachFlowOnce(flowLogs: readonly CapturingFlowLog[], rowsOf: (f: CapturingFlowLog) => readonly FlowRow[]): Map<string, FlowRow[]> {
  const rows = new Map(flowLogs.map((f) => [f.flowLogId, rowsOf(f)] as const));
  const attachments = flowLogs.flatMap((f) => (f.attachmentId === undefined ? [] : [f.attachmentId]));
  assert.equal(new Set(attachments).size, attachments.length, 'one flow log per connection (two on one connection would be the same records)');
  for (const f of flowLogs) {
    for (const r of rows.get(f.flowLogId) ?? []) {
      assert.ok(r.srcRegionId === f.regionId && r.direction === 'out', `${f.flowLogId}: a record not leaving its own router (${r.srcRegionId} → ${r.dstRegionId}, ${r.direction}) — this helper does not cover it`);
    }
  }
  const pairs = new Map(flowLogs.map((f) => [f.flowLogId, new Set((rows.get(f.flowLogId) ?? []).map((r) => `${r.srcRegionId}>${r.dstRegionId}`))] as const));
  const routers = flowLogs.filter((f) => f.attachmentId === undefined).sort((a, b) => a.flowLogId.localeCompare(b.flowLogId));
  const out = new Map<string, FlowRow[]>();
  for (const f of flowLogs) {
    const counted = (rows.get(f.flowLogId) ?? []).filter((r) => {
      const pair = `${r.srcRegionId}>${r.dstRegionId}`;
      const router = routers.find((g) => pairs.get(g.flowLogId)?.has(pair));
      return router === undefined ? f.attachmentId !== undefined : router.flowLogId === f.flowLogId;
    });
    out.set(f.flowLogId, counted);
  }
  return out;
}
