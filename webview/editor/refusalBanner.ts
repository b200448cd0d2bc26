/**
 * The banner shown when a run is refused because the local checks found errors: each error with
 * its line and column (a button that puts the cursor there), why nothing was sent, and an explicit
 * "Run anyway" for false positives. Text only ever goes in as text.
 */
import type { LocalProblem } from '../../src/protocol/messages';
import { button, codicon, h } from '../dom';
import { formatCount } from '../grid/valueFormat';
import { t } from '../l10n';

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
    const headline =
      problems.length === 1
        ? t('Not sent to Log Service: the query has an error found before running it.')
        : t('Not sent to Log Service: the query has {0} errors found before running it.', formatCount(problems.length));
    body.append(h('div', 'error-message', headline));
    const list = h('ul', 'refusal-problems');
    for (const p of problems.slice(0, LISTED_PROBLEMS)) {
      const item = h('li', 'refusal-problem');
      const at = h('button', 'link-button refusal-position', t('Line {0}, column {1}', p.line, p.column));
      at.type = 'button';
      at.title = t('Show in the query');
      at.addEventListener('click', () => this.events.onReveal(p));
      item.append(at, document.createTextNode(t(': {0}', p.message)));
      list.append(item);
    }
    if (problems.length > LISTED_PROBLEMS) list.append(h('li', 'refusal-problem', t('… and {0} more, marked in the query.', formatCount(problems.length - LISTED_PROBLEMS))));
    body.append(list);
    // Not mergeable across a CEN: "Run anyway" cannot help (an inexact merge is never shown); one flow log can.
    if (problems.some((p) => p.code === 'not-mergeable')) {
      body.append(h('div', 'error-next', t('Change the statement so it merges exactly (count, sum, min, max, avg, GROUP BY, ORDER BY, LIMIT), or run it on one flow log of the CEN.')));
      const perFlowLog = button({ label: t('Run per flow log…'), icon: 'run', secondary: true, title: t('Pick one flow log of this CEN and run the statement in its own panel'), testid: 'run-per-flow-log' }, () => this.events.onRunPerFlowLog());
      this.element.replaceChildren(codicon('error'), body, perFlowLog);
    } else {
      body.append(h('div', 'error-next', t('Fix the marked text, or choose "Run anyway" if you are sure Log Service accepts the query.')));
      const runAnyway = button({ label: t('Run anyway'), icon: 'run-errors', secondary: true, title: t('Send the query to Log Service despite the errors found locally'), testid: 'run-anyway' }, () => this.events.onRunAnyway());
      this.element.replaceChildren(codicon('error'), body, runAnyway);
    }
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
