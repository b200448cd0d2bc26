/**
 * The demo world, the same for the same seed: CENs for the whitelisted account spanning 15 of the
 * 16 flow-log regions plus cn-qingdao (unsupported), VPC/VBR attachments, one Active and one
 * Inactive flow log; one CEN for the non-whitelisted account; and optionally N generated CENs
 * for scale tests. Ids come from the seed; times are relative to the clock at start.
 */
import type { AccountRegistry } from '../accounts';
import { SUPPORTED_REGIONS, type FlowLogStatus } from '../../src/flowlogs/catalog';
import type { SeededRandom } from '../seededRandom';
import { DEFAULT_LOG_FORMAT, type CenStore, type ChildInstanceType } from './store';

const DAY_MS = 86_400_000;

interface DemoCen {
  readonly name: string;
  readonly description: string;
  readonly children: readonly { type: ChildInstanceType; regionId: string }[];
  readonly flowLog?: {
    readonly regionId: string;
    readonly status: Extract<FlowLogStatus, 'Active' | 'Inactive'>;
    readonly name: string;
    readonly projectName: string;
    readonly logStoreName: string;
    readonly interval: 60 | 600;
  };
}

const OWNER_CENS: readonly DemoCen[] = [
  {
    name: 'prod-backbone',
    description: 'Production backbone between the China regions',
    children: [
      { type: 'VPC', regionId: 'cn-hangzhou' },
      { type: 'VPC', regionId: 'cn-hangzhou' },
      { type: 'VBR', regionId: 'cn-hangzhou' },
      { type: 'VPC', regionId: 'cn-shanghai' },
      { type: 'VPC', regionId: 'cn-beijing' },
      { type: 'VPC', regionId: 'cn-qingdao' },
    ],
    flowLog: {
      regionId: 'cn-hangzhou',
      status: 'Active',
      name: 'prod-backbone-flowlog',
      projectName: 'cen-flowlogs-hangzhou',
      logStoreName: 'prod-backbone',
      interval: 600,
    },
  },
  {
    name: 'global-transit',
    description: 'Hong Kong, Singapore, Frankfurt and the US',
    children: [
      { type: 'VPC', regionId: 'cn-hongkong' },
      { type: 'VPC', regionId: 'ap-southeast-1' },
      { type: 'VPC', regionId: 'eu-central-1' },
      { type: 'VPC', regionId: 'us-west-1' },
      { type: 'VPC', regionId: 'us-east-1' },
      { type: 'VBR', regionId: 'ap-southeast-1' },
    ],
    flowLog: {
      regionId: 'ap-southeast-1',
      status: 'Inactive',
      name: 'global-transit-flowlog',
      projectName: 'cen-flowlogs-singapore',
      logStoreName: 'global-transit',
      interval: 60,
    },
  },
  {
    name: 'dev-network',
    description: 'Development VPCs in north and south China',
    children: [
      { type: 'VPC', regionId: 'cn-shenzhen' },
      { type: 'VPC', regionId: 'cn-zhangjiakou' },
      { type: 'VPC', regionId: 'cn-huhehaote' },
      { type: 'VBR', regionId: 'cn-shenzhen' },
    ],
  },
  {
    name: 'apac-edge',
    description: 'Edge sites in Asia Pacific and London',
    children: [
      { type: 'VPC', regionId: 'ap-southeast-2' },
      { type: 'VPC', regionId: 'ap-southeast-3' },
      { type: 'VPC', regionId: 'ap-southeast-5' },
      { type: 'VPC', regionId: 'ap-south-1' },
      { type: 'VPC', regionId: 'eu-west-1' },
    ],
  },
  { name: 'lab-empty', description: 'A CEN with nothing attached yet', children: [] },
];

const NOT_WHITELISTED_CENS: readonly DemoCen[] = [
  {
    name: 'partner-network',
    description: 'CEN of an account without the flow log whitelist',
    children: [
      { type: 'VPC', regionId: 'cn-hangzhou' },
      { type: 'VPC', regionId: 'cn-shanghai' },
    ],
  },
];

export function seedDemoState(
  store: CenStore,
  accounts: AccountRegistry,
  random: SeededRandom,
  extraCens: number,
  now: number,
): void {
  const owner = accounts.all().find((a) => a.flowLogWhitelisted);
  const outsider = accounts.all().find((a) => !a.flowLogWhitelisted);
  const minute = (t: number): number => Math.floor(t / 60_000) * 60_000;
  if (owner) {
    OWNER_CENS.forEach((c, i) => addDemoCen(store, random, owner.accountId, c, minute(now - (400 - i * 30) * DAY_MS)));
    for (let i = 1; i <= extraCens; i++) {
      const count = random.int(1, 3);
      const children = Array.from({ length: count }, () => ({
        type: (random.next() < 0.8 ? 'VPC' : 'VBR') as ChildInstanceType,
        regionId: random.pick(SUPPORTED_REGIONS).id,
      }));
      addDemoCen(
        store,
        random,
        owner.accountId,
        { name: `scale-cen-${String(i).padStart(4, '0')}`, description: 'Generated for scale tests', children },
        minute(now - random.int(1, 300) * DAY_MS),
      );
    }
  }
  if (outsider) {
    NOT_WHITELISTED_CENS.forEach((c) => addDemoCen(store, random, outsider.accountId, c, minute(now - 90 * DAY_MS)));
  }
}

function addDemoCen(store: CenStore, random: SeededRandom, accountId: string, demo: DemoCen, created: number): void {
  const cenId = store.newId('cen', 18);
  store.addCen(
    {
      cenId,
      ownerAccountId: accountId,
      name: demo.name,
      description: demo.description,
      status: 'Active',
      creationTime: created,
      protectionLevel: 'REDUCED',
      tags: [],
    },
    demo.children.map((c, i) => ({
      childInstanceId: `${c.type === 'VPC' ? 'vpc' : c.type === 'VBR' ? 'vbr' : 'ccn'}-${random.id(20)}`,
      childInstanceType: c.type,
      childInstanceRegionId: c.regionId,
      childInstanceOwnerId: accountId,
      status: 'Attached',
      attachTime: created + (i + 1) * 3_600_000,
    })),
  );
  const fl = demo.flowLog;
  if (!fl) return;
  store.insertFlowLog({
    flowLogId: store.newId('flowlog', 20),
    accountId,
    cenId,
    regionId: fl.regionId,
    name: fl.name,
    description: `Flow log of ${demo.name}`,
    status: fl.status,
    creationTime: created + 30 * DAY_MS,
    projectName: fl.projectName,
    logStoreName: fl.logStoreName,
    interval: fl.interval,
    logFormatString: DEFAULT_LOG_FORMAT,
    transitRouterId: `tr-${random.id(20)}`,
    transitRouterAttachmentId: '',
    flowLogVersion: '2',
    tags: [],
  });
}
