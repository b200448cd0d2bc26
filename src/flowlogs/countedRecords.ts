/**
 * Which records of each flow log of a CEN a query over the CEN counts, so that its totals are the
 * region map's: uniqueTraffic.ts decides, per region pair, the vantage and the flow logs counted
 * there; each of those flow logs then contributes that pair's records seen at that vantage, and
 * nothing else. The answer is one search filter per flow log, ANDed to the user's search. Pure.
 */
import { searchFieldName, searchValueLiteral } from '../query/searchLiteral';
import { DIRECTION_FIELD } from './regionTraffic';
import { uniqueRegionTraffic, vantageDirection, vantageOf, type CapturedTraffic, type PairBasis } from './uniqueTraffic';

export interface CountedRecords {
  /** Flow log id → the search for the records it contributes; a flow log not in the map contributes none. */
  readonly filters: ReadonlyMap<string, string>;
  /** Each pair's basis, as the region map shows it. */
  readonly bases: readonly PairBasis[];
}

/** One flow log's share: destination regions per (source region, direction condition). */
type Share = Map<string, { src: string; direction: 'any' | 'out' | 'notOut'; dsts: string[] }>;

/** The flow logs' pair answers (split by direction where written) → the records each one contributes. */
export function countedRecords(answers: readonly CapturedTraffic[]): CountedRecords {
  const { bases } = uniqueRegionTraffic(answers);
  const shares = new Map<string, Share>();
  for (const b of bases) {
    for (const id of b.countedFlowLogIds) {
      const answer = answers.find((a) => a.source.flowLogId === id);
      if (!answer) continue;
      const rows = answer.traffic.filter((t) => t.src === b.src && t.dst === b.dst && vantageOf(answer.source, t) === b.vantage);
      const direction = vantageDirection(b.vantage, rows.some((t) => t.direction !== undefined));
      const share = shares.get(id) ?? new Map();
      const key = `${b.src}\u0000${direction}`;
      const group = share.get(key) ?? { src: b.src, direction, dsts: [] };
      group.dsts.push(b.dst);
      share.set(key, group);
      shares.set(id, share);
    }
  }
  const filters = new Map<string, string>();
  for (const [id, share] of shares) filters.set(id, [...share.values()].map(groupSearch).join(' or '));
  return { filters, bases };
}

const SRC = searchFieldName('src-region-id');
const DST = searchFieldName('dst-region-id');
const DIRECTION = searchFieldName(DIRECTION_FIELD);

/** `(src-region-id:"a" and (dst-region-id:"b" or …) and direction:out)`. */
function groupSearch(g: { src: string; direction: 'any' | 'out' | 'notOut'; dsts: readonly string[] }): string {
  const dsts = [...g.dsts].sort().map((d) => `${DST}:${searchValueLiteral(d)}`);
  const parts = [`${SRC}:${searchValueLiteral(g.src)}`, dsts.length === 1 ? dsts[0] : `(${dsts.join(' or ')})`];
  if (g.direction === 'out') parts.push(`${DIRECTION}:out`);
  if (g.direction === 'notOut') parts.push(`not ${DIRECTION}:out`);
  return `(${parts.join(' and ')})`;
}

/** The statement one flow log runs: its counted records within the user's search, then the SQL. */
export function countedStatement(search: string, filter: string, sql: string): string {
  const user = search.trim();
  const where = user === '' || user === '*' ? filter : `(${user}) and (${filter})`;
  return `${where} | ${sql}`;
}
