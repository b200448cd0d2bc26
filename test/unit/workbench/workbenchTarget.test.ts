/** What a panel opened on a flow log is told about its attachments: every attachment of the flow log's router, named. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AttachmentKind, FlowLog, TransitRouterAttachment, TransitRouterRef } from '../../../src/cloud/cenApi';
import { attachmentNames } from '../../../src/flowlogs/attachmentLabel';
import { buildTarget, flowLogTargetInput, withRouterAttachmentNames } from '../../../src/views/workbench/workbenchTarget';

const ROUTER: TransitRouterRef = { cenId: 'cen-1', regionId: 'cn-hangzhou', transitRouterId: 'tr-hz' };

function flowLog(over: Partial<FlowLog> = {}): FlowLog {
  return {
    flowLogId: 'flowlog-1',
    name: 'fl',
    description: '',
    cenId: ROUTER.cenId,
    regionId: ROUTER.regionId,
    status: 'Active',
    rawStatus: 'Active',
    creationTime: '',
    projectName: 'p',
    logStoreName: 'l',
    interval: 600,
    transitRouterId: ROUTER.transitRouterId,
    tags: [],
    ...over,
  };
}

function attachment(attachmentId: string, kind: AttachmentKind, resourceId: string, resourceRegionId: string, name = ''): TransitRouterAttachment {
  return { attachmentId, name, description: '', cenId: ROUTER.cenId, transitRouterId: ROUTER.transitRouterId, kind, resourceType: kind, status: 'Attached', resourceId, resourceRegionId };
}

const ATTACHMENTS = [
  attachment('tr-attach-vpc', 'VPC', 'vpc-aaa', 'cn-hangzhou', 'app'),
  attachment('tr-attach-vbr', 'VBR', 'vbr-bbb', 'cn-hangzhou'),
  attachment('tr-attach-peer', 'TR', 'tr-bj', 'cn-beijing'),
];

describe('attachment names for the grid’s attachment-id cells', () => {
  it('names each attachment by type, resource and region (inter-region by its peer region), with its own name after', () => {
    assert.deepEqual(attachmentNames(ATTACHMENTS), {
      'tr-attach-vpc': 'VPC vpc-aaa (cn-hangzhou) · app',
      'tr-attach-vbr': 'VBR vbr-bbb (cn-hangzhou)',
      'tr-attach-peer': 'inter-region → cn-beijing',
    });
  });

  it('a router-level flow log’s panel gets every attachment of its router named', async () => {
    const asked: TransitRouterRef[] = [];
    const input = await withRouterAttachmentNames(flowLogTargetInput(flowLog()), async (r) => {
      asked.push(r);
      return attachmentNames(ATTACHMENTS);
    });
    assert.deepEqual(asked, [ROUTER]);
    const target = buildTarget(input, []);
    assert.deepEqual(Object.keys(target.attachmentNames ?? {}).sort(), ATTACHMENTS.map((a) => a.attachmentId).sort());
    assert.equal(target.attachmentNames?.['tr-attach-peer'], 'inter-region → cn-beijing');
  });

  it('a per-attachment flow log keeps the name its tree row gave, and still sees the router’s others', async () => {
    const f = flowLog({ transitRouterAttachmentId: 'tr-attach-vpc' });
    const input = await withRouterAttachmentNames(flowLogTargetInput(f, 'VPC vpc-aaa (cn-hangzhou) from the row'), async () => attachmentNames(ATTACHMENTS));
    assert.equal(input.attachmentNames?.['tr-attach-vpc'], 'VPC vpc-aaa (cn-hangzhou) from the row');
    assert.equal(input.attachmentNames?.['tr-attach-vbr'], 'VBR vbr-bbb (cn-hangzhou)');
  });

  it('a flow log of the 2019 form (no transit router) asks for nothing and gets no names', async () => {
    let asked = false;
    const input = await withRouterAttachmentNames(flowLogTargetInput(flowLog({ transitRouterId: undefined })), async () => {
      asked = true;
      return {};
    });
    assert.equal(asked, false);
    assert.equal(buildTarget(input, []).attachmentNames, undefined);
  });
});
