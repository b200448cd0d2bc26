/**
 * The demo world as the service models it today (api-current.md §1), the same for the same seed:
 * CENs with Enterprise and Basic transit routers in several regions, attachments of every type
 * (VPC, VPN, VBR, ECR, inter-region), several flow logs per CEN — router-level and per-attachment,
 * default and custom LogFormatString — plus one CEN of the older form whose flow log has no transit
 * router (2019 fields). A RAM user's CEN for the other account, and N generated CENs for scale
 * tests. Ids come from the seed; times are relative to the clock at start.
 *
 * prod-backbone (issue 20): each Enterprise router's flow log captures its outbound cross-region
 * traffic (api-current.md §1.3: an inter-region connection captures outbound only). Hangzhou and
 * Beijing have Active router-level flow logs; Shanghai's only flow log (shanghai-vpc) is Inactive,
 * so cn-shanghai → cn-hangzhou and cn-shanghai → cn-beijing are not logged while the opposite
 * directions are — the one-way pairs. Its records carry DEMO_TRAFFIC_SHIFT (../data/trafficShift).
 */
import type { AccountRegistry } from '../accounts';
import type { FlowLogStatus } from '../../src/flowlogs/catalog';
import type { SeededRandom } from '../seededRandom';
import type { AttachmentType } from '../storeSeams';
import type { CenStore, TransitRouterRecord, TransitRouterType } from './store';
import { DEMO_TRAFFIC_SHIFT, demoTrafficShift } from '../data/trafficShift';

const DAY_MS = 86_400_000;

/** The 2019 per-CEN form's fields, as such a flow log reports its format. */
export const OLDER_FORM_LOG_FORMAT =
  '${srcaddr}${dstaddr}${bytes}${account-id}${cen-id}${srcport}${dstport}${protocol}${direction}${packets}${rtt}${start}${end}${log-status}';

/** A custom format: the mandatory prefix, ports, protocol, direction, window and the region pair. */
export const CUSTOM_LOG_FORMAT = '${srcaddr}${dstaddr}${bytes}${srcport}${dstport}${protocol}${packets}${direction}${start}${end}${src-region-id}${dst-region-id}${attachment-id}';

interface DemoAttachment {
  readonly type: AttachmentType;
  /** For TR: the peer router's region (another router of the same CEN). */
  readonly peerRegionId?: string;
  /** For a VPN/VBR/ECR: where the resource lives, when not the router's region. */
  readonly name?: string;
}

interface DemoRouter {
  readonly regionId: string;
  readonly type: TransitRouterType;
  readonly attachments: readonly DemoAttachment[];
}

interface DemoFlowLog {
  readonly regionId: string;
  /** Index into the router's attachments; absent = the whole router. */
  readonly attachment?: number;
  readonly status: Extract<FlowLogStatus, 'Active' | 'Inactive'>;
  readonly name: string;
  readonly projectName: string;
  readonly logStoreName: string;
  readonly interval: 60 | 600;
  readonly logFormatString?: string;
  /** The 2019 per-CEN form: no transit router. */
  readonly olderForm?: boolean;
}

interface DemoCen {
  readonly name: string;
  readonly description: string;
  readonly routers: readonly DemoRouter[];
  readonly flowLogs?: readonly DemoFlowLog[];
}

const OWNER_CENS: readonly DemoCen[] = [
  {
    name: 'prod-backbone',
    description: 'Production backbone between the China regions',
    routers: [
      {
        regionId: 'cn-hangzhou',
        type: 'Enterprise',
        attachments: [
          { type: 'VPC' },
          { type: 'VPC' },
          { type: 'VBR' },
          { type: 'VPN' },
          { type: 'ECR' },
          { type: 'TR', peerRegionId: 'cn-shanghai' },
          { type: 'TR', peerRegionId: 'cn-beijing' },
        ],
      },
      { regionId: 'cn-shanghai', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'TR', peerRegionId: 'cn-hangzhou' }] },
      { regionId: 'cn-beijing', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'TR', peerRegionId: 'cn-hangzhou' }] },
      { regionId: 'cn-qingdao', type: 'Basic', attachments: [{ type: 'VPC' }] },
    ],
    flowLogs: [
      // First: tests and the workbench e2e take the first Active flow log in cn-hangzhou.
      { regionId: 'cn-hangzhou', status: 'Active', name: 'prod-backbone-flowlog', projectName: 'cen-flowlogs-hangzhou', logStoreName: 'prod-backbone', interval: 600 },
      {
        regionId: 'cn-hangzhou',
        attachment: 6,
        status: 'Active',
        name: 'hangzhou-to-beijing',
        projectName: 'cen-flowlogs-interregion',
        logStoreName: 'hangzhou-to-beijing',
        interval: 60,
        logFormatString: CUSTOM_LOG_FORMAT,
      },
      { regionId: 'cn-beijing', status: 'Active', name: 'beijing-router', projectName: 'cen-flowlogs-beijing', logStoreName: 'prod-backbone-beijing', interval: 600 },
      // Shanghai's only flow log, stopped: nothing leaving cn-shanghai is logged (one-way pairs).
      { regionId: 'cn-shanghai', attachment: 0, status: 'Inactive', name: 'shanghai-vpc', projectName: 'cen-flowlogs-shanghai', logStoreName: 'shanghai-vpc', interval: 600 },
    ],
  },
  {
    name: 'global-transit',
    description: 'Hong Kong, Singapore, Frankfurt and the US',
    routers: [
      { regionId: 'cn-hongkong', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'TR', peerRegionId: 'ap-southeast-1' }] },
      {
        regionId: 'ap-southeast-1',
        type: 'Enterprise',
        attachments: [{ type: 'VPC' }, { type: 'VBR' }, { type: 'TR', peerRegionId: 'cn-hongkong' }, { type: 'TR', peerRegionId: 'eu-central-1' }],
      },
      { regionId: 'eu-central-1', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'TR', peerRegionId: 'ap-southeast-1' }] },
      { regionId: 'us-west-1', type: 'Enterprise', attachments: [{ type: 'VPC' }] },
      { regionId: 'us-east-1', type: 'Basic', attachments: [{ type: 'VPC' }] },
    ],
    flowLogs: [
      { regionId: 'ap-southeast-1', status: 'Inactive', name: 'global-transit-flowlog', projectName: 'cen-flowlogs-singapore', logStoreName: 'global-transit', interval: 60 },
      { regionId: 'eu-central-1', attachment: 1, status: 'Active', name: 'frankfurt-to-singapore', projectName: 'cen-flowlogs-frankfurt', logStoreName: 'to-singapore', interval: 600 },
    ],
  },
  {
    name: 'dev-network',
    description: 'Development VPCs in north and south China',
    routers: [
      { regionId: 'cn-shenzhen', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'VBR' }, { type: 'TR', peerRegionId: 'cn-zhangjiakou' }] },
      { regionId: 'cn-zhangjiakou', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'TR', peerRegionId: 'cn-shenzhen' }] },
      { regionId: 'cn-huhehaote', type: 'Basic', attachments: [{ type: 'VPC' }] },
    ],
  },
  {
    name: 'apac-edge',
    description: 'Edge sites in Asia Pacific and London',
    routers: [
      { regionId: 'ap-southeast-3', type: 'Enterprise', attachments: [{ type: 'VPC' }] },
      { regionId: 'ap-southeast-5', type: 'Enterprise', attachments: [{ type: 'VPC' }, { type: 'VPN' }] },
      { regionId: 'eu-west-1', type: 'Basic', attachments: [{ type: 'VPC' }] },
    ],
  },
  {
    name: 'classic-interconnect',
    description: 'An older CEN: Basic Edition routers only, and a flow log of the 2019 per-CEN form',
    routers: [
      { regionId: 'cn-hangzhou', type: 'Basic', attachments: [{ type: 'VPC' }] },
      { regionId: 'cn-shenzhen', type: 'Basic', attachments: [{ type: 'VPC' }] },
    ],
    flowLogs: [
      {
        regionId: 'cn-hangzhou',
        status: 'Active',
        name: 'classic-flowlog',
        projectName: 'cen-flowlogs-classic',
        logStoreName: 'classic-interconnect',
        interval: 600,
        olderForm: true,
        logFormatString: OLDER_FORM_LOG_FORMAT,
      },
    ],
  },
  { name: 'lab-empty', description: 'A CEN with nothing attached yet', routers: [] },
];

const RAM_USER_CENS: readonly DemoCen[] = [
  {
    name: 'partner-network',
    description: 'CEN of an account whose RAM user may not manage flow logs',
    routers: [
      { regionId: 'cn-hangzhou', type: 'Enterprise', attachments: [{ type: 'VPC' }] },
      { regionId: 'cn-shanghai', type: 'Enterprise', attachments: [{ type: 'VPC' }] },
    ],
  },
];

/** Regions generated CENs spread over (the open ones of the 2019 list). */
const SCALE_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-zhangjiakou', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1', 'us-west-1'];

export function seedDemoState(store: CenStore, accounts: AccountRegistry, random: SeededRandom, extraCens: number, now: number): void {
  const owner = accounts.all().find((a) => a.flowLogWhitelisted);
  const ramUser = accounts.all().find((a) => !a.flowLogWhitelisted);
  const minute = (t: number): number => Math.floor(t / 60_000) * 60_000;
  if (owner) {
    OWNER_CENS.forEach((c, i) => {
      const cenId = addDemoCen(store, random, owner.accountId, c, minute(now - (400 - i * 30) * DAY_MS));
      if (c.name === DEMO_TRAFFIC_SHIFT.cenName) store.setTrafficShift(cenId, demoTrafficShift(now));
    });
    for (let i = 1; i <= extraCens; i++) {
      const count = random.int(1, 3);
      const routers: DemoRouter[] = [];
      for (let k = 0; k < count; k++) {
        const regionId = random.pick(SCALE_REGIONS);
        if (routers.some((r) => r.regionId === regionId)) continue;
        routers.push({ regionId, type: random.next() < 0.8 ? 'Enterprise' : 'Basic', attachments: [{ type: random.next() < 0.8 ? 'VPC' : 'VBR' }] });
      }
      addDemoCen(store, random, owner.accountId, { name: `scale-cen-${String(i).padStart(4, '0')}`, description: 'Generated for scale tests', routers }, minute(now - random.int(1, 300) * DAY_MS));
    }
  }
  if (ramUser) {
    RAM_USER_CENS.forEach((c) => addDemoCen(store, random, ramUser.accountId, c, minute(now - 90 * DAY_MS)));
  }
}

const RESOURCE_PREFIX: Readonly<Record<Exclude<AttachmentType, 'TR'>, string>> = { VPC: 'vpc', VBR: 'vbr', VPN: 'vpn', ECR: 'ecr' };

/** Adds the CEN with its routers, attachments and flow logs; returns its id. */
function addDemoCen(store: CenStore, random: SeededRandom, accountId: string, demo: DemoCen, created: number): string {
  const cenId = store.newId('cen', 18);
  store.addCen({ cenId, ownerAccountId: accountId, name: demo.name, description: demo.description, status: 'Active', creationTime: created, protectionLevel: 'REDUCED', tags: [] });
  const routers = new Map<string, TransitRouterRecord>();
  demo.routers.forEach((r, i) => {
    const router: TransitRouterRecord = {
      transitRouterId: store.newId('tr', 20),
      cenId,
      regionId: r.regionId,
      type: r.type,
      name: `${demo.name}-${r.regionId}`,
      description: `${r.type} Edition transit router of ${demo.name} in ${r.regionId}`,
      status: 'Active',
      creationTime: created + (i + 1) * 600_000,
    };
    routers.set(r.regionId, router);
    store.addRouter(router);
  });
  const attachmentIds = new Map<string, string[]>();
  demo.routers.forEach((r) => {
    const router = routers.get(r.regionId)!;
    const ids: string[] = [];
    r.attachments.forEach((a, i) => {
      const peer = a.type === 'TR' ? routers.get(a.peerRegionId ?? '') : undefined;
      if (a.type === 'TR' && !peer) throw new Error(`demo ${demo.name}: no router in ${a.peerRegionId} to connect to`);
      const resourceId = peer ? peer.transitRouterId : `${RESOURCE_PREFIX[a.type as Exclude<AttachmentType, 'TR'>]}-${random.id(20)}`;
      const attachmentId = store.newId('tr-attach', 16);
      ids.push(attachmentId);
      store.addAttachment({
        attachmentId,
        cenId,
        transitRouterId: router.transitRouterId,
        regionId: r.regionId,
        type: a.type,
        resourceId,
        resourceRegionId: peer ? peer.regionId : r.regionId,
        resourceOwnerId: accountId,
        name: a.name ?? (peer ? `${r.regionId}-to-${peer.regionId}` : `${a.type.toLowerCase()}-${r.regionId}-${i + 1}`),
        status: 'Attached',
        creationTime: router.creationTime + (i + 1) * 3_600_000,
      });
    });
    attachmentIds.set(r.regionId, ids);
  });
  for (const fl of demo.flowLogs ?? []) {
    const router = routers.get(fl.regionId);
    const attachmentId = fl.attachment === undefined ? '' : (attachmentIds.get(fl.regionId)?.[fl.attachment] ?? '');
    const attachment = attachmentId ? store.attachments.get(attachmentId) : undefined;
    store.insertFlowLog({
      flowLogId: store.newId('flowlog', 20),
      accountId,
      cenId,
      regionId: fl.regionId,
      name: fl.name,
      description: fl.olderForm ? `Flow log of ${demo.name} (per-CEN form, before transit routers)` : `Flow log of ${demo.name}`,
      status: fl.status,
      creationTime: created + 30 * DAY_MS,
      projectName: fl.projectName,
      logStoreName: fl.logStoreName,
      interval: fl.interval,
      logFormatString: fl.logFormatString ?? '',
      transitRouterId: fl.olderForm || !router ? '' : router.transitRouterId,
      transitRouterAttachmentId: attachmentId,
      attachmentType: attachment?.type,
      flowLogVersion: fl.olderForm ? '1' : '3',
      tags: fl.olderForm ? [] : [{ key: 'team', value: 'network' }],
    });
  }
  return cenId;
}
