import type { CenInstance } from '../../../cloud/cenApi';
import { t } from '@vscode/l10n';
import { directionSentence, type DirectionCoverage } from '../../../flowlogs/coverage';
import { regionLabel } from '../../../flowlogs/regions';
import { contextValue } from '../contextValue';
import { md, type NodeBase, type NodeIcon, type NodePresentation } from './explorerNode';

/** Under a CEN with routers in several regions: which directions of its inter-region connections are logged. */
export class CoverageNode implements NodeBase {
  readonly kind = 'coverage';
  readonly id: string;
  /** Its directions were listed (expanded): flow-log changes redraw it from then on. */
  shown = false;

  constructor(
    readonly cen: CenInstance,
    /** Set by the model once the directions are known (e.g. "1 direction not logged"). */
    public summary?: string,
  ) {
    this.id = `cen/${cen.cenId}/coverage`;
  }

  present(): NodePresentation {
    return {
      label: t('Coverage'),
      description: this.summary,
      tooltip: [
        t('**Which directions of the inter-region connections are logged**'),
        '',
        t('An inter-region connection captures only the outbound traffic of its own transit router, so each direction needs an Active flow log on the sending side (for the whole router or for that connection).'),
      ].join('\n'),
      icon: { id: 'shield' },
      collapsible: 'collapsed',
      contextValue: contextValue({ kind: 'coverage' }),
    };
  }
}

/** One direction of a region pair: logged (by which flow logs), not logged (create it), or not possible. */
export class CoverageDirectionNode implements NodeBase {
  readonly kind = 'coverageDirection';
  readonly id: string;

  constructor(
    readonly cen: CenInstance,
    readonly direction: DirectionCoverage,
  ) {
    this.id = `cen/${cen.cenId}/coverage/${direction.from}>${direction.to}`;
  }

  /** What the create wizard starts from for the missing side (its router and connection). */
  get prefill(): { cen: CenInstance; router: DirectionCoverage['router']; attachment: DirectionCoverage['attachment']; name: string } | undefined {
    const d = this.direction;
    if (d.state !== 'notLogged' || !d.router) return undefined;
    return { cen: this.cen, router: d.router, attachment: d.attachment, name: `${d.from}-to-${d.to}` };
  }

  present(): NodePresentation {
    const d = this.direction;
    const notLogged = d.state === 'notLogged';
    return {
      label: `${d.from} → ${d.to}`,
      description: descriptionOf(d),
      tooltip: [
        `**${md(directionSentence(d))}**`,
        '',
        t('- From {0} to {1}', regionLabel(d.from), regionLabel(d.to)),
        d.router ? t('- Sending transit router: `{0}`', d.router.transitRouterId) : undefined,
        d.attachment ? t('- Inter-region connection: `{0}`', d.attachment.attachmentId) : undefined,
        notLogged ? '' : undefined,
        notLogged ? t('Click to create a flow log on the sending router’s connection.') : undefined,
      ]
        .filter((l): l is string => l !== undefined)
        .join('\n'),
      icon: iconOf(d),
      collapsible: 'none',
      contextValue: contextValue({ kind: 'coverageDirection', state: d.state }),
      command: notLogged ? { command: 'cenFlowLogs.flowLog.create', title: t('Create Flow Log'), arguments: [this] } : undefined,
    };
  }
}

function descriptionOf(d: DirectionCoverage): string {
  switch (d.state) {
    case 'logged':
      return t('logged by {0}', d.loggedBy.map((f) => f.name || f.flowLogId).join(', '));
    case 'notLogged':
      return d.notActive.length > 0 ? t('not logged ({0})', d.notActive.map((f) => `${f.name || f.flowLogId} ${f.status}`).join(', ')) : t('not logged');
    case 'cannotLog':
      return d.router ? t('cannot be logged (Basic Edition router)') : t('cannot be logged (no router here)');
  }
}

function iconOf(d: DirectionCoverage): NodeIcon {
  switch (d.state) {
    case 'logged':
      return { id: 'pass-filled', color: 'charts.green' };
    case 'notLogged':
      return { id: 'warning', color: 'list.warningForeground' };
    case 'cannotLog':
      return { id: 'circle-slash', color: 'disabledForeground' };
  }
}
