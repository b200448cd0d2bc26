/**
 * A pool of real-looking result pages for the grid benchmarks: flow-log records from the
 * emulator's deterministic generator, as the all-strings rows SLS returns, packed and cut by the
 * workbench's ResultPager (a short first page, then full pages). The browser reuses the pool to
 * reach 100,000 or 1,000,000 rows (each page is cloned on postMessage and stored packed on
 * arrival, so every stored page is its own copy, as in the webview).
 */
import { buildTopology, generateWindow, windowStarts, type FlowRow } from '../../emulator/data/flowLogGenerator';
import { ResultPager, type ResultPagePayload } from '../../src/views/workbench/resultPages';

export const FLOW_COLUMNS = [
  '__time__', 'account-id', 'cen-id', 'srcaddr', 'srcport', 'dstaddr', 'dstport', 'protocol', 'direction', 'packets',
  'bytes', 'rtt', 'start', 'end', 'log-status', 'attachment-id', 'src-region-id', 'dst-region-id',
];

const text = (v: number | null): string => (v === null ? '' : String(v));

function toCells(r: FlowRow): string[] {
  return [
    String(r.time), r.accountId, r.cenId, r.srcaddr, text(r.srcport), r.dstaddr, text(r.dstport), text(r.protocol), r.direction, text(r.packets),
    text(r.bytes), text(r.rtt), String(r.start), String(r.end), r.logStatus, r.attachmentId, r.srcRegionId, r.dstRegionId,
  ];
}

/** Pages as the workbench's ResultPager cuts them (packed), with the lengths as plain arrays for page.evaluate. */
export function flowRowPages(rows: number): { columns: string[]; pages: PoolPage[]; rows: string[][] } {
  const topology = buildTopology({
    seed: 7,
    flowLogId: 'flowlog-bench',
    cenId: 'cen-bench',
    accountId: '1234567890123456',
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'ap-southeast-1', 'eu-central-1'],
    interval: 60,
    recordsPerHour: 100_000,
  });
  const all: string[][] = [];
  const now = 1_780_000_000;
  for (const s of windowStarts(now - 3 * 3600, now, 60)) {
    for (const r of generateWindow(topology, s)) if (all.length < rows) all.push(toCells(r));
    if (all.length >= rows) break;
  }
  const pages = new ResultPager().pages(FLOW_COLUMNS, all).map(poolPage);
  return { columns: FLOW_COLUMNS, pages, rows: all };
}

export interface PoolPage {
  readonly rowCount: number;
  readonly width: number;
  readonly text: string;
  readonly lengths: number[];
  /** Bytes per length (the page rebuilds the same typed array: 2 → Uint16Array, 4 → Uint32Array). */
  readonly lengthBytes: 2 | 4;
}

export function poolPage(p: ResultPagePayload): PoolPage {
  const { rowCount, width, text, lengths } = p.rows;
  return { rowCount, width, text, lengths: Array.from(lengths), lengthBytes: lengths instanceof Uint16Array ? 2 : 4 };
}
