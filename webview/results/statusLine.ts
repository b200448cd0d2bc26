/** The status line under the grid: rows, elapsed time, Complete/Incomplete and the request id. */
import type { QueryStatus } from '../../src/protocol/messages';
import { codicon, h } from '../dom';
import { formatCount, formatElapsed } from '../grid/valueFormat';
import { t } from '../l10n';

export class StatusLine {
  readonly element: HTMLDivElement;

  constructor() {
    this.element = h('div', 'status-line');
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.dataset.testid = 'status';
  }

  idle(text: string): void {
    this.set([{ text }]);
  }

  running(text: string): void {
    this.set([{ icon: 'loading codicon-modifier-spin', text }]);
  }

  /** `query`: the text that produced the rows, named so a grid is never mistaken for another query's. */
  done(status: QueryStatus, shownRows: number, query: string): void {
    const rows =
      shownRows !== status.rowCount
        ? t('{0} of {1} rows', formatCount(shownRows), formatCount(status.rowCount))
        : t('{0} rows', formatCount(status.rowCount));
    this.set([
      { icon: 'table', text: status.more ? t('{0} (more available)', rows) : rows, testid: 'status-rows' },
      { icon: 'watch', text: formatElapsed(status.elapsedMs), testid: 'status-elapsed' },
      status.progress === 'Complete'
        ? { icon: 'pass', text: t('Complete'), testid: 'status-progress' }
        : { icon: 'warning', text: t('Incomplete — the service had not scanned everything; counts may be low'), testid: 'status-progress', cls: 'warn' },
      ...shortfallItems(status),
      // One line however long (it names flow logs), so it never squeezes the grid; the tooltip has it all.
      ...(status.counting ? [{ icon: 'info', text: status.counting.text, testid: 'status-counting', cls: 'dim note', title: [status.counting.text, status.counting.detail].filter(Boolean).join('\n') }] : []),
      ...(status.slsRequestId ? [{ icon: 'key', text: t('Request {0}', status.slsRequestId), testid: 'status-request-id', cls: 'dim' }] : []),
      { icon: 'search', text: abbreviateQuery(query, 60), testid: 'status-query', cls: 'dim query', title: query },
    ]);
  }

  private set(items: { icon?: string; text: string; testid?: string; cls?: string; title?: string }[]): void {
    this.element.replaceChildren(
      ...items.map((i) => {
        const s = h('span', `status-item ${i.cls ?? ''}`);
        if (i.icon) s.append(codicon(i.icon));
        s.append(document.createTextNode(` ${i.text}`));
        if (i.testid) s.dataset.testid = i.testid;
        if (i.title !== undefined) s.title = i.title;
        return s;
      }),
    );
  }
}

/** A query on one line, cut to `max` characters. */
export function abbreviateQuery(query: string, max: number): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A CEN panel's flow logs that failed or stayed Incomplete, named (the rows of the others are shown). */
function shortfallItems(status: QueryStatus): { icon: string; text: string; testid: string; cls: string; title?: string }[] {
  const failed = (status.shortfalls ?? []).filter((s) => s.kind === 'failed');
  const incomplete = (status.shortfalls ?? []).filter((s) => s.kind === 'incomplete');
  return [
    ...(failed.length > 0
      ? [{ icon: 'error', text: t('Failed: {0} — not in these rows', failed.map((s) => s.flowLog).join(', ')), testid: 'status-failed-flow-logs', cls: 'warn', title: failed.map((s) => `${s.flowLog}: ${s.message ?? t('failed')}`).join('\n') }]
      : []),
    ...(incomplete.length > 0 ? [{ icon: 'warning', text: t('Incomplete: {0}', incomplete.map((s) => s.flowLog).join(', ')), testid: 'status-incomplete-flow-logs', cls: 'warn' }] : []),
  ];
}
