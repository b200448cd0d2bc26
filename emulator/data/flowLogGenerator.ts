/**
 * Deterministic flow-log records, one capture window at a time. A flow log gets a fixed
 * "topology" (the CEN's hosts per region, shared by its flow logs; long-lived conversations with heavy-tailed weights); each window
 * then samples records from it with its own seed, so a window's records are the same whenever
 * (and however often) they are generated — the emulator can produce new windows as time passes
 * and tests can recompute exactly what the emulator serves.
 *
 * Two forms (api-current.md §1.3, §5.1): a flow log on a transit router records the traffic through
 * that router with today's fields (src-region-id, dst-region-id, attachment-id). Inter-region
 * connections capture outbound only, so a router-level flow log sees the cross-region traffic leaving
 * its region (direction out) and a VPC/VPN/VBR/ECR attachment's both ways; a flow log of the 2019 form
 * records the whole CEN with rtt and log-status (NODATA/SKIPDATA marker records). Either writes only
 * the fields its LogFormatString names (`written`; the SLS store leaves the others out).
 */
import type { FlowLogInterval, LogStatus } from '../../src/flowlogs/catalog';
import { writtenFields } from '../../src/flowlogs/fieldSchema';
import { hashSeed, SeededRandom, WeightedPicker } from '../seededRandom';
import { baseRttMs } from './regionGeography';
import type { ShiftTalker, TrafficShift } from './trafficShift';

/** One record with typed values; `null` where the service writes "-" (NODATA/SKIPDATA markers). */
export interface FlowRow {
  readonly time: number;
  readonly accountId: string;
  readonly cenId: string;
  readonly srcaddr: string;
  readonly srcport: number | null;
  readonly dstaddr: string;
  readonly dstport: number | null;
  readonly protocol: number | null;
  readonly direction: string;
  readonly packets: number | null;
  readonly bytes: number | null;
  readonly rtt: number | null;
  readonly start: number;
  readonly end: number;
  readonly logStatus: LogStatus;
  readonly attachmentId: string;
  readonly srcRegionId: string;
  readonly dstRegionId: string;
}

/** Transit router attachment types (ListTransitRouter*Attachments' ResourceType; TR = inter-region connection). */
export type AttachmentType = 'VPC' | 'VPN' | 'VBR' | 'ECR' | 'TR';

export interface GeneratedAttachment {
  readonly id: string;
  readonly type: AttachmentType;
  /** For an inter-region connection (TR): the peer router's region. */
  readonly peerRegionId?: string;
}

export interface FlowLogGeneratorInput {
  readonly seed: number;
  readonly flowLogId: string;
  readonly cenId: string;
  readonly accountId: string;
  /** The CEN's regions; traffic is generated only between two different ones. */
  readonly regions: readonly string[];
  readonly interval: FlowLogInterval;
  /** Mean records per hour at the daily average (default 4000). */
  readonly recordsPerHour?: number;
  /** The flow log's region (its transit router's): today's form records only traffic through it. */
  readonly regionId?: string;
  readonly transitRouterId?: string;
  /** A per-attachment flow log's attachment; absent = the whole router. */
  readonly attachment?: GeneratedAttachment;
  /** A router-level flow log's router's attachments, when known: records name the local network's connection among them. */
  readonly routerAttachments?: readonly GeneratedAttachment[];
  /** As DescribeFlowlogs returns it; empty or absent = every field of the form. */
  readonly logFormatString?: string;
  /** The 2019 per-CEN form; default: true when there is no transit router. */
  readonly olderForm?: boolean;
  /** A before/after change in the CEN's traffic (the demo's); applied where this flow log sees it. */
  readonly shift?: TrafficShift;
}

/** Whether the input describes a flow log of the 2019 form. */
export function isOlderForm(input: FlowLogGeneratorInput): boolean {
  return input.olderForm ?? !input.transitRouterId;
}

export const DEFAULT_RECORDS_PER_HOUR = 4000;
/** Share of windows released with no traffic at all / with records skipped (capacity limits). */
export const NODATA_RATE = 0.004;
export const SKIPDATA_RATE = 0.006;

interface Service {
  readonly port: number;
  readonly protocol: number;
  readonly weight: number;
  /** Median bytes per record and average packet size, typical for the application. */
  readonly medianBytes: number;
  readonly packetSize: number;
}

const SERVICES: readonly Service[] = [
  { port: 443, protocol: 6, weight: 34, medianBytes: 180_000, packetSize: 980 },
  { port: 80, protocol: 6, weight: 9, medianBytes: 60_000, packetSize: 820 },
  { port: 3306, protocol: 6, weight: 11, medianBytes: 90_000, packetSize: 420 },
  { port: 6379, protocol: 6, weight: 8, medianBytes: 25_000, packetSize: 160 },
  { port: 22, protocol: 6, weight: 5, medianBytes: 8_000, packetSize: 210 },
  { port: 53, protocol: 17, weight: 8, medianBytes: 1_200, packetSize: 110 },
  { port: 8080, protocol: 6, weight: 6, medianBytes: 50_000, packetSize: 760 },
  { port: 5432, protocol: 6, weight: 4, medianBytes: 70_000, packetSize: 450 },
  { port: 9092, protocol: 6, weight: 4, medianBytes: 400_000, packetSize: 1_200 },
  { port: 123, protocol: 17, weight: 2, medianBytes: 300, packetSize: 76 },
  { port: 27017, protocol: 6, weight: 3, medianBytes: 60_000, packetSize: 520 },
  { port: 0, protocol: 1, weight: 3, medianBytes: 600, packetSize: 84 },
  { port: 4789, protocol: 17, weight: 3, medianBytes: 250_000, packetSize: 1_350 },
];

interface Conversation {
  readonly srcRegion: string;
  readonly dstRegion: string;
  readonly srcaddr: string;
  readonly dstaddr: string;
  readonly service: Service;
  readonly direction: 'in' | 'out';
  /** Typical bytes per record for this conversation (heavier conversations move more). */
  readonly volume: number;
  readonly rttMs: number;
}

export interface FlowLogTopology {
  readonly input: FlowLogGeneratorInput;
  readonly conversations: readonly Conversation[];
  readonly picker: WeightedPicker | undefined;
  readonly attachmentByRegion: ReadonlyMap<string, string>;
  /** The fields this flow log writes (its LogFormatString, or every field of its form). */
  readonly written: readonly string[];
  readonly olderForm: boolean;
  /** The shift's new talker as this flow log sees it (absent when it does not capture its pair). */
  readonly talker?: Conversation;
}

const HOSTS_PER_REGION = 24;
const CONVERSATIONS = 700;

/**
 * The hosts of each region's networks: the CEN's, so every flow log of the CEN sees the same ones
 * (a Hangzhou host is the source in the Hangzhou router's records and the destination in Beijing's).
 */
function cenHosts(input: FlowLogGeneratorInput, regions: readonly string[]): Map<string, string[]> {
  const rng = new SeededRandom(hashSeed(input.seed, input.cenId, 'hosts'));
  const hosts = new Map<string, string[]>();
  regions.forEach((region, i) => {
    // Each region's VPCs get their own 10.x/16, as address planning across a CEN requires.
    const secondOctet = (16 + hashSeed(input.cenId, region) % 200 + i) % 250;
    const set = new Set<string>();
    while (set.size < HOSTS_PER_REGION) set.add(`10.${secondOctet}.${rng.int(0, 15)}.${rng.int(4, 250)}`);
    hosts.set(region, [...set]);
  });
  return hosts;
}

/** Builds the fixed part of a flow log's traffic: who talks to whom, how much, on which port. */
export function buildTopology(input: FlowLogGeneratorInput): FlowLogTopology {
  const rng = new SeededRandom(hashSeed(input.seed, input.flowLogId, 'topology'));
  const olderForm = isOlderForm(input);
  const written = writtenFields({ logFormatString: input.logFormatString, olderForm });
  const regions = [...new Set(input.regions)].sort();
  const attachmentByRegion = new Map(
    regions.map((r) => [r, `tr-attach-${hashSeed(input.cenId, r).toString(36).padStart(7, '0').slice(0, 7)}${r.length}`]),
  );
  const fixed = { input, attachmentByRegion, written, olderForm };
  if (regions.length < 2) return { ...fixed, conversations: [], picker: undefined };

  const hosts = cenHosts(input, regions);

  // Region pairs carry very different amounts (a couple of busy links, many quiet ones).
  const pairs = capturedPairs(input, olderForm, regions);
  if (pairs.length === 0) return { ...fixed, conversations: [], picker: undefined };
  const pairPicker = new WeightedPicker(pairs.map(() => rng.logNormal(1, 1.2)));
  const servicePicker = new WeightedPicker(SERVICES.map((s) => s.weight));

  const conversations: Conversation[] = [];
  const weights: number[] = [];
  const shifted = input.shift?.talker;
  for (let rank = 1; rank <= CONVERSATIONS; rank++) {
    const [srcRegion, dstRegion] = pairs[pairPicker.pick(rng)];
    const service = SERVICES[servicePicker.pick(rng)];
    // Zipf-like: the first few conversations carry most records and most bytes.
    const weight = 1 / rank ** 1.05;
    weights.push(weight);
    conversations.push({
      srcRegion,
      dstRegion,
      srcaddr: rng.pick(hosts.get(srcRegion) ?? []),
      dstaddr: rng.pick(hosts.get(dstRegion) ?? []),
      service,
      direction: directionOf(input, olderForm, srcRegion, rng),
      volume: rng.logNormal(service.medianBytes, 0.8) * Math.max(1, 40 / rank ** 0.8),
      rttMs: baseRttMs(srcRegion, dstRegion),
    });
  }
  const talker = shifted && pairs.some(([a, b]) => a === shifted.srcRegionId && b === shifted.dstRegionId) ? talkerConversation(input, olderForm, shifted, hosts, rng) : undefined;
  return { ...fixed, conversations, picker: new WeightedPicker(weights), talker };
}

/** The shift's talker as a conversation: its fixed address to a host of the destination region. */
function talkerConversation(input: FlowLogGeneratorInput, olderForm: boolean, t: ShiftTalker, hosts: ReadonlyMap<string, string[]>, rng: SeededRandom): Conversation {
  const service = SERVICES.find((s) => s.port === t.dstport && s.protocol === t.protocol) ?? SERVICES[0];
  return {
    srcRegion: t.srcRegionId,
    dstRegion: t.dstRegionId,
    srcaddr: t.srcaddr,
    dstaddr: rng.pick(hosts.get(t.dstRegionId) ?? ['10.0.0.1']),
    service: { ...service, port: t.dstport, protocol: t.protocol, medianBytes: t.medianBytes, packetSize: t.packetSize },
    direction: directionOf(input, olderForm, t.srcRegionId, rng),
    volume: t.medianBytes,
    rttMs: baseRttMs(t.srcRegionId, t.dstRegionId),
  };
}

/**
 * The region pairs whose traffic the flow log sees: the whole CEN (2019 form); a router-level flow
 * log, what leaves its region (its inter-region connections capture outbound only); a VPC/VPN/VBR/ECR
 * attachment, both ways through its region; an inter-region connection, its region to the peer only.
 */
function capturedPairs(input: FlowLogGeneratorInput, olderForm: boolean, regions: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of regions) for (const b of regions) if (a !== b) pairs.push([a, b]);
  if (olderForm || input.regionId === undefined) return pairs;
  const here = input.regionId;
  const peer = input.attachment?.type === 'TR' ? input.attachment.peerRegionId : undefined;
  if (input.attachment?.type === 'TR') return pairs.filter(([src, dst]) => src === here && dst === peer);
  if (!input.attachment) return pairs.filter(([src]) => src === here);
  return pairs.filter(([src, dst]) => src === here || dst === here);
}

/**
 * Direction as the router sees it (api-current.md §1.3): an inter-region connection (and so a
 * router-level flow log's cross-region records) captures outbound only; on a VPC/VPN/VBR/ECR
 * connection traffic from the local network enters the router (in) and traffic for it leaves the
 * router (out). The 2019 form: a mix.
 */
function directionOf(input: FlowLogGeneratorInput, olderForm: boolean, srcRegion: string, rng: SeededRandom): 'in' | 'out' {
  if (olderForm || input.regionId === undefined) return rng.next() < 0.62 ? 'out' : 'in';
  if (input.attachment?.type === 'TR' || !input.attachment) return 'out';
  return srcRegion === input.regionId ? 'in' : 'out';
}

/** The attachment a record of today's form is seen on. */
function attachmentOf(topology: FlowLogTopology, c: Conversation): string {
  const { input } = topology;
  if (input.attachment) return input.attachment.id;
  if (topology.olderForm || input.regionId === undefined) return topology.attachmentByRegion.get(c.direction === 'out' ? c.srcRegion : c.dstRegion) ?? '-';
  // Router-level: the connection of the local network end — one of the router's own when they are known.
  const locals = (input.routerAttachments ?? []).filter((a) => a.type !== 'TR');
  if (locals.length > 0) return locals[hashSeed(c.srcRegion === input.regionId ? c.srcaddr : c.dstaddr) % locals.length].id;
  return topology.attachmentByRegion.get(input.regionId) ?? '-';
}

/** Window starts in [from, to) aligned to the interval (window ends are `start + interval`). */
export function windowStarts(from: number, to: number, interval: number): number[] {
  const out: number[] = [];
  for (let s = Math.ceil(from / interval) * interval; s < to; s += interval) out.push(s);
  return out;
}

/** The quietest hour's traffic as a share of the daily average (for callers that need a count of records). */
export const QUIETEST_HOUR_FACTOR = 0.55;

/** Traffic follows the day: busiest around 14:00 China time, quietest around 04:00. */
function diurnalFactor(time: number): number {
  const hourUtc8 = ((time / 3600 + 8) % 24 + 24) % 24;
  return 1 + (1 - QUIETEST_HOUR_FACTOR) * Math.sin(((hourUtc8 - 8) / 24) * 2 * Math.PI);
}

function markerRow(topology: FlowLogTopology, start: number, end: number, status: LogStatus): FlowRow {
  const { input } = topology;
  return {
    time: end, accountId: input.accountId, cenId: input.cenId,
    srcaddr: '-', srcport: null, dstaddr: '-', dstport: null, protocol: null, direction: '-',
    packets: null, bytes: null, rtt: null, start, end, logStatus: status,
    attachmentId: '-', srcRegionId: '-', dstRegionId: '-',
  };
}

/** The records released at the end of the window starting at `start`. */
export function generateWindow(topology: FlowLogTopology, start: number): FlowRow[] {
  const { input, conversations, picker } = topology;
  const end = start + input.interval;
  const rng = new SeededRandom(hashSeed(input.seed, input.flowLogId, start));
  const roll = rng.next();
  // Only the 2019 form writes marker records (log-status); today's form just has no records then.
  if (!picker || roll < NODATA_RATE) return topology.olderForm ? [markerRow(topology, start, end, 'NODATA')] : [];
  const skipped = roll < NODATA_RATE + SKIPDATA_RATE;

  const perHour = input.recordsPerHour ?? DEFAULT_RECORDS_PER_HOUR;
  let count = rng.poisson((perHour * input.interval * diurnalFactor(start)) / 3600);
  if (skipped) count = Math.floor(count * (0.4 + 0.3 * rng.next()));

  const rows: FlowRow[] = [];
  const seen = new Set<number>();
  for (let n = 0; n < count; n++) {
    const index = picker.pick(rng);
    const c = conversations[index];
    const icmp = c.service.protocol === 1;
    // A flow key (5-tuple + direction) appears once per window: a second record of the same
    // conversation is a new connection with another ephemeral port.
    let srcport = icmp ? 0 : rng.int(32768, 60999);
    let key = index * 65536 + srcport;
    if (seen.has(key)) {
      if (icmp) continue;
      do {
        srcport = rng.int(1024, 65535);
        key = index * 65536 + srcport;
      } while (seen.has(key));
    }
    seen.add(key);
    const bytesWanted = Math.max(40, c.volume * rng.logNormal(1, 0.6));
    const packets = Math.max(1, Math.round(bytesWanted / c.service.packetSize));
    const avgPacket = Math.min(1500, Math.max(40, c.service.packetSize * (0.85 + 0.3 * rng.next())));
    const bytes = Math.round(packets * avgPacket);
    const rtt = Math.max(1, Math.round(c.rttMs * (1 + 0.25 * Math.abs(rng.normal()))));
    rows.push({
      time: end, accountId: input.accountId, cenId: input.cenId,
      srcaddr: c.srcaddr, srcport, dstaddr: c.dstaddr, dstport: c.service.port, protocol: c.service.protocol,
      direction: c.direction, packets, bytes, rtt, start, end, logStatus: 'OK',
      attachmentId: attachmentOf(topology, c),
      srcRegionId: c.srcRegion, dstRegionId: c.dstRegion,
    });
  }
  if (input.shift && start >= input.shift.at) applyShift(topology, input.shift, start, rows);
  if (!topology.olderForm) return rows;
  if (skipped) rows.push(markerRow(topology, start, end, 'SKIPDATA'));
  if (rows.length === 0) rows.push(markerRow(topology, start, end, 'NODATA'));
  return rows;
}

/**
 * After the shift: the grown pair's records carry `factor` times the bytes and packets, and the new
 * talker's records join (their own random stream, so the other records stay as they were).
 */
function applyShift(topology: FlowLogTopology, shift: TrafficShift, start: number, rows: FlowRow[]): void {
  const { grownPair, talker } = shift;
  rows.forEach((r, i) => {
    if (r.srcRegionId !== grownPair.srcRegionId || r.dstRegionId !== grownPair.dstRegionId || r.bytes === null || r.packets === null) return;
    rows[i] = { ...r, bytes: r.bytes * grownPair.factor, packets: r.packets * grownPair.factor };
  });
  const c = topology.talker;
  if (!c || rows.length === 0) return;
  const { input } = topology;
  const rng = new SeededRandom(hashSeed(input.seed, input.flowLogId, start, 'shift'));
  const count = rng.poisson((talker.recordsPerHour * input.interval) / 3600);
  const ports = new Set<number>();
  for (let n = 0; n < count; n++) {
    let srcport = rng.int(32768, 60999);
    while (ports.has(srcport)) srcport = rng.int(1024, 65535);
    ports.add(srcport);
    const packets = Math.max(1, Math.round((c.volume * rng.logNormal(1, 0.4)) / c.service.packetSize));
    const bytes = Math.round(packets * Math.min(1500, c.service.packetSize * (0.9 + 0.2 * rng.next())));
    const end = start + input.interval;
    rows.push({
      time: end, accountId: input.accountId, cenId: input.cenId,
      srcaddr: c.srcaddr, srcport, dstaddr: c.dstaddr, dstport: c.service.port, protocol: c.service.protocol,
      direction: c.direction, packets, bytes, rtt: Math.max(1, Math.round(c.rttMs * (1 + 0.25 * Math.abs(rng.normal())))),
      start, end, logStatus: 'OK', attachmentId: attachmentOf(topology, c), srcRegionId: c.srcRegion, dstRegionId: c.dstRegion,
    });
  }
}

/** Every record of the windows that end in (from, to]: what the service has released by `to`. */
export function* generateRecords(topology: FlowLogTopology, from: number, to: number): Generator<FlowRow> {
  const interval = topology.input.interval;
  for (const start of windowStarts(from - interval + 1, to - interval + 1, interval)) yield* generateWindow(topology, start);
}
