/**
 * What the create wizard offers at its router and scope steps, and how it reads tags, as plain data
 * (no vscode import) so each step is unit-tested; createFlowLogWizard.ts turns them into quick picks.
 */
import { ATTACHMENT_KINDS, type AttachmentKind, type Tag, type TransitRouter, type TransitRouterAttachment } from '../../cloud/cenApi';
import { attachmentKindName, attachmentLabel, capturesOutboundOnly } from '../../flowlogs/attachmentLabel';
import { regionLabel } from '../../flowlogs/catalog';
// Pure (no vscode import): messages go through @vscode/l10n's t, configured by the host (src/activation/hostL10n.ts).
import { t } from '@vscode/l10n';

export interface Choice<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** A heading row, not pickable. */
  readonly separator?: boolean;
  readonly value?: T;
}

/** Enterprise routers first (pickable); Basic ones listed after with why they cannot have flow logs. */
export function routerChoices(routers: readonly TransitRouter[], serviceRegionNames: ReadonlyMap<string, string> = new Map()): Choice<TransitRouter>[] {
  const label = (r: TransitRouter): string => regionLabel(r.regionId, serviceRegionNames.get(r.regionId));
  const enterprise = routers.filter((r) => r.edition === 'Enterprise');
  const other = routers.filter((r) => r.edition !== 'Enterprise');
  return [
    ...enterprise.map((r) => ({ label: label(r), description: r.name ? `${r.name} · ${r.transitRouterId}` : r.transitRouterId, value: r })),
    ...(other.length > 0 ? [{ label: t('Cannot have flow logs'), separator: true }] : []),
    ...other.map((r) => ({
      label: `$(circle-slash) ${label(r)}`,
      description: r.transitRouterId,
      detail:
        r.edition === 'Basic'
          ? t('Basic Edition: upgrade it to Enterprise Edition in the CEN console first')
          : t('Edition "{0}": only Enterprise Edition supports flow logs', r.rawType),
      value: r,
    })),
  ];
}

/** What each attachment list has shown so far, and its NextToken when there is more. */
export type ScopePages = Map<AttachmentKind, { items: TransitRouterAttachment[]; nextToken?: string }>;

/** The scope step's answer: the whole router, one attachment, or "show the next page of a list". */
export type ScopeValue = { readonly kind: 'whole' } | { readonly kind: 'attachment'; readonly attachment: TransitRouterAttachment } | { readonly kind: 'more'; readonly list: AttachmentKind };

export const wholeRouterLabel = (): string => t('The whole transit router');

/** "VPC connections", "Inter-region connections". */
function listHeading(kind: AttachmentKind): string {
  return kind === 'TR' ? t('Inter-region connections') : t('{0} connections', attachmentKindName(kind));
}

export function scopeChoices(pages: ScopePages): Choice<ScopeValue>[] {
  const items: Choice<ScopeValue>[] = [{ label: wholeRouterLabel(), detail: t('Captures every connection of the router'), value: { kind: 'whole' } }];
  for (const kind of ATTACHMENT_KINDS) {
    const page = pages.get(kind);
    if (!page || (page.items.length === 0 && !page.nextToken)) continue;
    items.push({ label: listHeading(kind), separator: true });
    for (const a of page.items) {
      items.push({
        label: attachmentLabel(a),
        description: [a.name, a.attachmentId].filter((x) => x).join(' · '),
        detail: capturesOutboundOnly(a)
          ? t('Only traffic leaving this router toward {0} is captured; the peer router can have its own flow log for the other direction.', a.resourceRegionId)
          : undefined,
        value: { kind: 'attachment', attachment: a },
      });
    }
    if (page.nextToken) items.push({ label: `$(more) ${t('More {0}…', listHeading(kind))}`, value: { kind: 'more', list: kind } });
  }
  return items;
}

/** "key=value, key2=value2" → tags (at most 20, as the API allows). */
export function parseTags(text: string): { tags: Tag[]; problem?: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const tags: Tag[] = [];
  for (const p of parts) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? p : p.slice(0, eq)).trim();
    if (!key) return { tags, problem: t('Tag "{0}" has no key; write key=value.', p) };
    tags.push({ key, value: eq < 0 ? '' : p.slice(eq + 1).trim() });
  }
  if (tags.length > 20) return { tags, problem: t('At most 20 tags are allowed (you wrote {0}).', tags.length) };
  return { tags };
}
