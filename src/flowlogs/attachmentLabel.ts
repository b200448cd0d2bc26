/** How a transit-router attachment (and so a per-attachment flow log) is named to the user. */
import type { AttachmentKind, TransitRouterAttachment } from '../cloud/cenApi';

const KIND_NAMES: Readonly<Record<AttachmentKind, string>> = {
  VPC: 'VPC',
  VPN: 'VPN',
  VBR: 'VBR',
  ECR: 'ECR',
  TR: 'inter-region connection',
};

export function attachmentKindName(kind: AttachmentKind): string {
  return KIND_NAMES[kind];
}

/** "VPC vpc-… (cn-shanghai)", or for an inter-region connection "inter-region → cn-beijing". */
export function attachmentLabel(a: Pick<TransitRouterAttachment, 'kind' | 'resourceId' | 'resourceRegionId' | 'attachmentId'>): string {
  if (a.kind === 'TR') return `inter-region → ${a.resourceRegionId || a.resourceId || a.attachmentId}`;
  const what = a.resourceId || a.attachmentId;
  return a.resourceRegionId ? `${a.kind} ${what} (${a.resourceRegionId})` : `${a.kind} ${what}`;
}

/**
 * attachment-id → its readable name, for the grid's attachment-id cells: "VPC vpc-… (cn-shanghai)",
 * with the attachment's own name after it when it has one.
 */
export function attachmentNames(list: readonly Pick<TransitRouterAttachment, 'kind' | 'resourceId' | 'resourceRegionId' | 'attachmentId' | 'name'>[]): Record<string, string> {
  return Object.fromEntries(list.map((a) => [a.attachmentId, a.name ? `${attachmentLabel(a)} · ${a.name}` : attachmentLabel(a)]));
}

/** An inter-region connection captures only the outbound traffic of its own router (api-current.md §1.3). */
export function capturesOutboundOnly(a: Pick<TransitRouterAttachment, 'kind'>): boolean {
  return a.kind === 'TR';
}
