/**
 * Counting each flow once when several flow logs of a CEN capture the same region pair. A packet
 * from A to B passes the A router's inter-region connection (captured outbound only, `out`,
 * api-current.md §1.3), and may also be seen on a local connection: entering A's router from a
 * VPC/VPN/VBR/ECR (`in`) or leaving B's router for one (`out`). Those are the same bytes, so a
 * pair's total comes from one vantage point, in this order:
 *  1. leaving the source router (a flow log in the source region, direction `out`; no direction
 *     written = taken as leaving, as coverage.ts counts it): complete. A router-level flow log is
 *     preferred over its connections' flow logs (it sees every connection); without one, the
 *     connection flow logs are added up, one per connection (different connections carry
 *     different packets).
 *  2. a flow log of the 2019 per-CEN form: the whole CEN, each flow once.
 *  3. otherwise local connections only (partial: the traffic of the networks they watch): the
 *     source side if any, else the destination side; a router-level flow log of that side, or else
 *     one flow log per connection added up.
 * Two flow logs on the same router (or the same connection) are duplicates: the first by id counts.
 * Pure.
 */
import { t } from '@vscode/l10n';
import { sumRegionTraffic, type RegionPairTraffic } from './regionTraffic';

/** Where a flow log captures: its router's region, and whether it is the whole router, one connection, or the 2019 per-CEN form. */
export interface CaptureSource {
  readonly flowLogId: string;
  readonly name: string;
  readonly regionId: string;
  readonly kind: 'router' | 'connection' | 'olderForm';
  /** The router (router or connection kinds): two flow logs on it capture the same traffic. */
  readonly transitRouterId?: string;
  /** The connection (connection kind). */
  readonly attachmentId?: string;
}

export interface CapturedTraffic {
  readonly source: CaptureSource;
  /** The flow log's answer, split by direction where its format writes it. */
  readonly traffic: readonly RegionPairTraffic[];
}

/** Which vantage point a pair's total was taken from, and what was left out as the same traffic. */
export interface PairBasis {
  readonly src: string;
  readonly dst: string;
  readonly vantage: 'leavingSource' | 'wholeCen' | 'sourceConnections' | 'destinationConnections';
  /** Names of the flow logs whose records were counted. */
  readonly countedFrom: readonly string[];
  /** Their ids (a click on the pair opens these flow logs' records: the ones its numbers come from). */
  readonly countedFlowLogIds: readonly string[];
  /** Names of other flow logs that captured the pair too (not added: the same traffic). */
  readonly alsoCapturedBy: readonly string[];
}

export interface UniqueTraffic {
  /** One total per pair (and attachment), directions folded: each flow counted once. */
  readonly traffic: RegionPairTraffic[];
  readonly bases: PairBasis[];
}

type Vantage = PairBasis['vantage'];

interface Row {
  readonly source: CaptureSource;
  readonly vantage: Vantage;
  readonly t: RegionPairTraffic;
}

/** The vantage point of one answer row of one flow log. */
export function vantageOf(source: CaptureSource, t: Pick<RegionPairTraffic, 'src' | 'direction'>): Vantage {
  if (source.kind === 'olderForm') return 'wholeCen';
  if (source.regionId === t.src) return t.direction === undefined || t.direction === 'out' ? 'leavingSource' : 'sourceConnections';
  return 'destinationConnections';
}

/**
 * vantageOf turned round, for a search over one counted flow log's records of one pair: which
 * `direction` values its rows at `vantage` have (`writesDirection`: its answer was split by it).
 */
export function vantageDirection(vantage: Vantage, writesDirection: boolean): 'any' | 'out' | 'notOut' {
  switch (vantage) {
    case 'leavingSource':
      return writesDirection ? 'out' : 'any';
    case 'sourceConnections':
      return 'notOut';
    case 'wholeCen':
    case 'destinationConnections':
      return 'any';
  }
}

const ORDER: readonly Vantage[] = ['leavingSource', 'wholeCen', 'sourceConnections', 'destinationConnections'];

/** What capture point a flow log stands for: duplicates of it see the same packets. */
function capturePoint(s: CaptureSource): string {
  switch (s.kind) {
    case 'router':
      return `router:${s.transitRouterId ?? s.flowLogId}`;
    case 'connection':
      return `connection:${s.attachmentId ?? s.flowLogId}`;
    case 'olderForm':
      return 'cen';
  }
}

/** The flow logs counted at one vantage: a router-level one if any, else one per connection. */
function chooseSources(rows: readonly Row[], vantage: Vantage): CaptureSource[] {
  const byId = [...new Map(rows.map((r) => [r.source.flowLogId, r.source])).values()].sort((a, b) => a.flowLogId.localeCompare(b.flowLogId));
  if (vantage === 'wholeCen') return byId.slice(0, 1);
  const routers = byId.filter((s) => s.kind === 'router');
  if (routers.length > 0) return routers.slice(0, 1);
  const seen = new Set<string>();
  return byId.filter((s) => {
    const point = capturePoint(s);
    if (seen.has(point)) return false;
    seen.add(point);
    return true;
  });
}

/** Every flow log's answer → one total per pair, each flow once, with the basis of each pair. */
export function uniqueRegionTraffic(answers: readonly CapturedTraffic[]): UniqueTraffic {
  const byPair = new Map<string, Row[]>();
  for (const a of answers) {
    for (const t of a.traffic) {
      const k = `${t.src}>${t.dst}`;
      const list = byPair.get(k) ?? [];
      list.push({ source: a.source, vantage: vantageOf(a.source, t), t });
      byPair.set(k, list);
    }
  }
  const counted: RegionPairTraffic[] = [];
  const bases: PairBasis[] = [];
  for (const rows of byPair.values()) {
    const vantage = ORDER.find((v) => rows.some((r) => r.vantage === v)) ?? 'destinationConnections';
    const atVantage = rows.filter((r) => r.vantage === vantage);
    const chosen = chooseSources(atVantage, vantage);
    const ids = new Set(chosen.map((s) => s.flowLogId));
    counted.push(...atVantage.filter((r) => ids.has(r.source.flowLogId)).map((r) => r.t));
    const others = [...new Set(rows.filter((r) => !ids.has(r.source.flowLogId)).map((r) => r.source.name))];
    bases.push({ src: rows[0].t.src, dst: rows[0].t.dst, vantage, countedFrom: chosen.map((s) => s.name), countedFlowLogIds: chosen.map((s) => s.flowLogId), alsoCapturedBy: others });
  }
  bases.sort((a, b) => a.src.localeCompare(b.src) || a.dst.localeCompare(b.dst));
  // Directions folded: the split was only needed to choose.
  return { traffic: sumRegionTraffic([counted]), bases };
}

/** A pair's basis as a sentence, when it needs one (other flow logs left out, or only local connections seen). */
export function basisSentence(b: PairBasis): string | undefined {
  const arrow = `${b.src} → ${b.dst}`;
  const from = b.countedFrom.join(', ');
  const partial = b.vantage === 'sourceConnections' || b.vantage === 'destinationConnections';
  const others = b.alsoCapturedBy.join(', ');
  if (partial) {
    return others
      ? t('{0}: counted from {1}, which sees only the traffic of the networks it is attached to; also captured by {2}, not added (the same traffic).', arrow, from, others)
      : t('{0}: counted from {1}, which sees only the traffic of the networks it is attached to.', arrow, from);
  }
  if (!others) return undefined;
  return t('{0}: counted once, from {1}; also captured by {2}, not added (the same traffic).', arrow, from, others);
}
