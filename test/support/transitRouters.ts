/** Finding the demo's transit routers and attachments through the real client, for tests that create flow logs. */
import assert from 'node:assert/strict';
import type { AttachmentKind, CenApi, TransitRouter, TransitRouterAttachment } from '../../src/cloud/cenApi';

export async function routerIn(api: CenApi, cenId: string, regionId: string): Promise<TransitRouter> {
  const routers = await api.listTransitRouters(cenId);
  return routers.find((r) => r.regionId === regionId) ?? assert.fail(`CEN ${cenId} has no transit router in ${regionId}`);
}

export async function attachmentOf(api: CenApi, router: TransitRouter, kind: AttachmentKind): Promise<TransitRouterAttachment> {
  const list = await api.listAttachments(kind, { cenId: router.cenId, regionId: router.regionId, transitRouterId: router.transitRouterId });
  return list[0] ?? assert.fail(`router ${router.transitRouterId} has no ${kind} attachment`);
}
