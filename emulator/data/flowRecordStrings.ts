/** A generated row as SLS stores it: every value a string, "-" where the service writes none. */
import type { FlowLogRecord } from '../../src/flowlogs/catalog';
import type { FlowRow } from './flowLogGenerator';

function num(v: number | null): string {
  return v === null ? '-' : String(v);
}

export function toFlowLogRecord(row: FlowRow, source = ''): FlowLogRecord {
  return {
    __time__: String(row.time),
    __source__: source,
    __topic__: '',
    'account-id': row.accountId,
    'cen-id': row.cenId,
    srcaddr: row.srcaddr,
    srcport: num(row.srcport),
    dstaddr: row.dstaddr,
    dstport: num(row.dstport),
    protocol: num(row.protocol),
    direction: row.direction,
    packets: num(row.packets),
    bytes: num(row.bytes),
    rtt: num(row.rtt),
    start: String(row.start),
    end: String(row.end),
    'log-status': row.logStatus,
    'attachment-id': row.attachmentId,
    'src-region-id': row.srcRegionId,
    'dst-region-id': row.dstRegionId,
  };
}
