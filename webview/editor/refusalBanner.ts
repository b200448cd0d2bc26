/**
 * The banner shown when a run is refused because the local checks found errors: each error with
 * its line and column (a button that puts the cursor there), why nothing was sent, and an explicit
 * "Run anyway" for false positives. Text only ever goes in as text.
 */
import type { LocalProblem } from '../../src/protocol/messages';
import { button, codicon, h } from '../dom';

export interface RefusalBannerEvents {
  /** The user chose to send the query despite the errors. */
  onRunAnyway(): void;
  /** A CEN panel's statement cannot be merged: run it on one flow log instead. */
  onRunPerFlowLog(): void;
  /** The user asked to see a problem: move the cursor to it. */
  onReveal(problem: LocalProblem): void;
}

/** More than a handful of lines would push the results off screen; the editor marks them all. */
const LISTED_PROBLEMS = 5;

export class RefusalBanner {
  readonly element: HTMLDivElement;

  constructor(private readonly events: RefusalBannerEvents) {
    this.element = h('div', 'error-banner refusal-banner');
    this.element.setAttribute('role', 'alert');
    this.element.dataset.testid = 'query-refused';
    this.element.hidden = true;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  show(problems: readonly LocalProblem[]): void {
    const body = h('div', 'error-body');
    const count = problems.length === 1 ? 'an error' : `${problems.length} errors`;
    body.append(h('div', 'error-message', `Not sent to Log Service: the query has ${count} found before running it.`));
    const list = h('ul', 'refusal-problems');
    for (const p of problems.slice(0, LISTED_PROBLEMS)) {
      const item = h('li', 'refusal-problem');
      const at = h('button', 'link-button refusal-position', `Line ${p.line}, column ${p.column}`);
      at.type = 'button';
      at.title = 'Show in the query';
      at.addEventListener('click', () => this.events.onReveal(p));
      item.append(at, document.createTextNode(`: ${p.message}`));
      list.append(item);
    }
    if (problems.length > LISTED_PROBLEMS) list.append(h('li', 'refusal-problem', `… and ${problems.length - LISTED_PROBLEMS} more, marked in the query.`));
    body.append(list);
    // Not mergeable across a CEN: "Run anyway" cannot help (an inexact merge is never shown); one flow log can.
    if (problems.some((p) => p.code === 'not-mergeable')) {
      body.append(h('div', 'error-next', 'Change the statement so it merges exactly (count, sum, min, max, avg, GROUP BY, ORDER BY, LIMIT), or run it on one flow log of the CEN.'));
      const perFlowLog = button({ label: 'Run per flow log…', icon: 'run', secondary: true, title: 'Pick one flow log of this CEN and run the statement in its own panel', testid: 'run-per-flow-log' }, () => this.events.onRunPerFlowLog());
      this.element.replaceChildren(codicon('error'), body, perFlowLog);
    } else {
      body.append(h('div', 'error-next', 'Fix the marked text, or choose "Run anyway" if you are sure Log Service accepts the query.'));
      const runAnyway = button({ label: 'Run anyway', icon: 'run-errors', secondary: true, title: 'Send the query to Log Service despite the errors found locally', testid: 'run-anyway' }, () => this.events.onRunAnyway());
      this.element.replaceChildren(codicon('error'), body, runAnyway);
    }
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
