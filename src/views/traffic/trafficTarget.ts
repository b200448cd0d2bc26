/**
 * Where an address's traffic is looked up: one flow log, or every flow log of a CEN. Remembered per
 * workspace in this shape; the bare flow log remembered before CENs could be chosen still reads.
 */
import { t } from '@vscode/l10n';
import type { CenInstance, FlowLog } from '../../cloud/cenApi';
import type { FlowLogInterval } from '../../flowlogs/catalog';
import { regionName } from '../../flowlogs/regions';
import { flowLogArgument } from '../workbench/commands';
import { captureInterval } from '../workbench/workbenchLanguage';

export type TrafficTarget =
  | { readonly kind: 'flowLog'; readonly flowLog: FlowLog }
  | { readonly kind: 'cen'; readonly cenId: string; readonly title: string; readonly flowLogs: readonly FlowLog[] };

/** Reads a remembered target back (undefined for anything unrecognisable). */
export function parseTrafficTarget(value: unknown): TrafficTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  if (o.kind === 'flowLog') {
    const flowLog = flowLogArgument({ flowLog: o.flowLog });
    return flowLog ? { kind: 'flowLog', flowLog } : undefined;
  }
  if (o.kind === 'cen') {
    if (typeof o.cenId !== 'string' || o.cenId === '' || !Array.isArray(o.flowLogs)) return undefined;
    const flowLogs = (o.flowLogs as unknown[]).map((f) => flowLogArgument({ flowLog: f })).filter((f): f is FlowLog => f !== undefined);
    if (flowLogs.length === 0) return undefined;
    return { kind: 'cen', cenId: o.cenId, title: typeof o.title === 'string' && o.title !== '' ? o.title : o.cenId, flowLogs };
  }
  // Remembered before CENs could be chosen: a bare flow log.
  const flowLog = flowLogArgument({ flowLog: value });
  return flowLog ? { kind: 'flowLog', flowLog } : undefined;
}

/** "prod-hz-to-fra", "All flow logs of prod-backbone". */
export function trafficTargetTitle(target: TrafficTarget): string {
  switch (target.kind) {
    case 'flowLog':
      return target.flowLog.name || target.flowLog.flowLogId;
    case 'cen':
      return t('all flow logs of {0}', target.title);
  }
}

/** The capture window ranges are snapped to: a CEN's coarsest, so every flow log's windows fit whole. */
export function targetWindow(target: TrafficTarget): FlowLogInterval {
  switch (target.kind) {
    case 'flowLog':
      return captureInterval(target.flowLog.interval);
    case 'cen':
      return target.flowLogs.reduce<FlowLogInterval>((coarsest, f) => (captureInterval(f.interval) > coarsest ? captureInterval(f.interval) : coarsest), captureInterval(target.flowLogs[0]?.interval ?? 600));
  }
}

/** A cache key unique per target (a flow log and a CEN never share one). */
export function targetKey(target: TrafficTarget): string {
  switch (target.kind) {
    case 'flowLog':
      return `flowLog:${target.flowLog.flowLogId}`;
    case 'cen':
      return `cen:${target.cenId}`;
  }
}

/** Two targets are the same choice (a CEN whatever flow logs it had when remembered). */
export function sameTarget(a: TrafficTarget, b: TrafficTarget): boolean {
  return targetKey(a) === targetKey(b);
}

export interface TargetPickItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly target: TrafficTarget;
  /** The target in use now (the chooser shows it first and says so). */
  readonly current?: boolean;
}

/**
 * The chooser's entries: per CEN that has flow logs, "All flow logs of <CEN>" first, then each of
 * its flow logs; CENs by name. Flow logs of a CEN not listed still appear under their CEN id. With
 * a `current` target, its entry comes first, marked "in use" (as VS Code's own pickers mark the current choice).
 */
export function targetPickItems(cens: readonly Pick<CenInstance, 'cenId' | 'name'>[], flowLogs: readonly FlowLog[], current?: TrafficTarget): TargetPickItem[] {
  const byCen = new Map<string, FlowLog[]>();
  for (const f of flowLogs) byCen.set(f.cenId, [...(byCen.get(f.cenId) ?? []), f]);
  const nameOf = new Map(cens.map((c) => [c.cenId, c.name || c.cenId]));
  const title = (cenId: string): string => nameOf.get(cenId) ?? cenId;
  const items: TargetPickItem[] = [];
  for (const cenId of [...byCen.keys()].sort((a, b) => title(a).localeCompare(title(b)))) {
    const members = [...(byCen.get(cenId) ?? [])].sort((a, b) => (a.name || a.flowLogId).localeCompare(b.name || b.flowLogId));
    const cen: TrafficTarget = { kind: 'cen', cenId, title: title(cenId), flowLogs: members };
    items.push({
      label: `$(type-hierarchy) ${t('All flow logs of {0}', title(cenId))}`,
      description: members.length === 1 ? t('1 flow log') : t('{0} flow logs', members.length),
      detail: `CEN ${cenId} · ${[...new Set(members.map((f) => regionName(f.regionId)))].join(', ')}`,
      target: cen,
    });
    for (const f of members) {
      items.push({
        label: f.name || f.flowLogId,
        description: `${regionName(f.regionId)} · ${f.status}`,
        detail: `${f.flowLogId} · CEN ${title(cenId)} · ${f.projectName}/${f.logStoreName}`,
        target: { kind: 'flowLog', flowLog: f },
      });
    }
  }
  const at = current === undefined ? -1 : items.findIndex((i) => sameTarget(i.target, current));
  if (at < 0) return items;
  const inUse = items[at];
  return [{ ...inUse, label: `$(check) ${inUse.label.replace(/^\$\([a-z-]+\) /, '')}`, description: `${t('in use')} · ${inUse.description}`, current: true }, ...items.slice(0, at), ...items.slice(at + 1)];
}
