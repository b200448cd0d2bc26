/**
 * Coverage: for each region pair a CEN connects (its inter-region connections), whether each
 * direction is being logged. api-current.md §1.3: an inter-region connection captures only the
 * outbound traffic of its own transit router, and a router-level flow log follows the same
 * per-connection rule — so A → B is logged by an Active flow log on A's router, either for the
 * whole router or for A's connection to B; B's flow logs never log A → B on that connection.
 * (B's VPC connections do see A's traffic arriving for their own VPCs, but only that part: not
 * counted as coverage.) Pure.
 */
import { t } from '@vscode/l10n';
import type { FlowLog, TransitRouter, TransitRouterAttachment } from '../cloud/cenApi';

/** Whether one direction is logged, could be, or cannot be (no Enterprise router on the sending side). */
export type DirectionState = 'logged' | 'notLogged' | 'cannotLog';

export interface DirectionCoverage {
  readonly from: string;
  readonly to: string;
  readonly state: DirectionState;
  /** The sending side's transit router (where a flow log for this direction belongs). */
  readonly router?: TransitRouter;
  /** The sending router's inter-region connection toward `to`, when listed. */
  readonly attachment?: TransitRouterAttachment;
  /** Active flow logs that capture this direction. */
  readonly loggedBy: readonly FlowLog[];
  /** Flow logs that would capture it but are not Active (stopped, or still being created/changed). */
  readonly notActive: readonly FlowLog[];
}

export type PairState = 'both' | 'oneWay' | 'none';

export interface PairCoverage {
  /** The two regions, in display order (a < b by id). */
  readonly a: string;
  readonly b: string;
  readonly forward: DirectionCoverage;
  readonly back: DirectionCoverage;
  readonly state: PairState;
}

export interface CoverageInput {
  readonly routers: readonly TransitRouter[];
  /** The CEN's inter-region connections (kind TR), from every router. */
  readonly interRegionAttachments: readonly TransitRouterAttachment[];
  readonly flowLogs: readonly FlowLog[];
}

/** One entry per region pair joined by an inter-region connection, sorted by region ids. */
export function cenCoverage(input: CoverageInput): PairCoverage[] {
  const regionOfRouter = new Map(input.routers.map((r) => [r.transitRouterId, r.regionId]));
  const pairs = new Map<string, [string, string]>();
  for (const att of input.interRegionAttachments) {
    const here = regionOfRouter.get(att.transitRouterId);
    const there = att.resourceRegionId || regionOfRouter.get(att.resourceId);
    if (!here || !there || here === there) continue;
    const [a, b] = here < there ? [here, there] : [there, here];
    pairs.set(`${a}>${b}`, [a, b]);
  }
  return [...pairs.values()]
    .sort(([a1, b1], [a2, b2]) => a1.localeCompare(a2) || b1.localeCompare(b2))
    .map(([a, b]) => {
      const forward = directionCoverage(input, a, b);
      const back = directionCoverage(input, b, a);
      return { a, b, forward, back, state: pairState(forward, back) };
    });
}

function pairState(forward: DirectionCoverage, back: DirectionCoverage): PairState {
  const logged = [forward, back].filter((d) => d.state === 'logged').length;
  return logged === 2 ? 'both' : logged === 1 ? 'oneWay' : 'none';
}

/** Whether `from` → `to` is logged on the sending router (whole router, or its connection to `to`). */
export function directionCoverage(input: CoverageInput, from: string, to: string): DirectionCoverage {
  const candidates = input.routers.filter((r) => r.regionId === from);
  const attachmentOf = (r: TransitRouter): TransitRouterAttachment | undefined =>
    input.interRegionAttachments.find((x) => x.transitRouterId === r.transitRouterId && (x.resourceRegionId === to || input.routers.some((p) => p.transitRouterId === x.resourceId && p.regionId === to)));
  const router = candidates.find((r) => attachmentOf(r) !== undefined) ?? candidates[0];
  const attachment = router ? attachmentOf(router) : undefined;
  if (!router || router.edition !== 'Enterprise') return { from, to, state: 'cannotLog', router, attachment, loggedBy: [], notActive: [] };
  const capturing = input.flowLogs.filter(
    (f) => f.transitRouterId === router.transitRouterId && (!f.transitRouterAttachmentId || f.transitRouterAttachmentId === attachment?.attachmentId),
  );
  const loggedBy = capturing.filter((f) => f.status === 'Active');
  const notActive = capturing.filter((f) => f.status !== 'Active');
  return { from, to, state: loggedBy.length > 0 ? 'logged' : 'notLogged', router, attachment, loggedBy, notActive };
}

/** The directions that are not logged but could be (what "create the missing side" offers). */
export function missingDirections(pairs: readonly PairCoverage[]): DirectionCoverage[] {
  return pairs.flatMap((p) => [p.forward, p.back]).filter((d) => d.state === 'notLogged');
}

/** "cn-shanghai → cn-hangzhou is not logged", and the like: one plain sentence per direction. */
export function directionSentence(d: DirectionCoverage): string {
  const arrow = `${d.from} → ${d.to}`;
  switch (d.state) {
    case 'logged':
      return t('{0} is logged by {1}', arrow, d.loggedBy.map((f) => f.name || f.flowLogId).join(', '));
    case 'notLogged':
      return d.notActive.length > 0
        ? t('{0} is not logged ({1})', arrow, d.notActive.map((f) => t('{0} is {1}', f.name || f.flowLogId, f.status)).join(', '))
        : t('{0} is not logged', arrow);
    case 'cannotLog':
      return d.router ? t('{0} cannot be logged: the {1} transit router is not Enterprise Edition', arrow, d.from) : t('{0} cannot be logged: no transit router of this CEN in {1}', arrow, d.from);
  }
}

/** "both directions logged", "one way only", "not logged" — for a pair's description. */
export function pairSummary(p: PairCoverage): string {
  switch (p.state) {
    case 'both':
      return t('both directions logged');
    case 'oneWay':
      return t('one way only');
    case 'none':
      return t('not logged');
  }
}
