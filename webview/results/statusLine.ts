/** The status line under the grid: rows, elapsed time, Complete/Incomplete and the request id. */
import type { QueryStatus } from '../../src/protocol/messages';
import { codicon, h } from '../dom';
import { formatCount, formatElapsed } from '../grid/valueFormat';

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

  done(status: QueryStatus, shownRows: number): void {
    const rows = shownRows !== status.rowCount ? `${formatCount(shownRows)} of ${formatCount(status.rowCount)} rows` : `${formatCount(status.rowCount)} rows`;
    this.set([
      { icon: 'table', text: status.more ? `${rows} (more available)` : rows, testid: 'status-rows' },
      { icon: 'watch', text: formatElapsed(status.elapsedMs), testid: 'status-elapsed' },
      status.progress === 'Complete'
        ? { icon: 'pass', text: 'Complete', testid: 'status-progress' }
        : { icon: 'warning', text: 'Incomplete — the service had not scanned everything; counts may be low', testid: 'status-progress', cls: 'warn' },
      ...(status.slsRequestId ? [{ icon: 'key', text: `Request ${status.slsRequestId}`, testid: 'status-request-id', cls: 'dim' }] : []),
    ]);
  }

  private set(items: { icon?: string; text: string; testid?: string; cls?: string }[]): void {
    this.element.replaceChildren(
      ...items.map((i) => {
        const s = h('span', `status-item ${i.cls ?? ''}`);
        if (i.icon) s.append(codicon(i.icon));
        s.append(document.createTextNode(` ${i.text}`));
        if (i.testid) s.dataset.testid = i.testid;
        return s;
      }),
    );
  }
}
