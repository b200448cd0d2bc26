/** The query error banner: message, next step, error code and request id, all as text. */
import type { QueryErrorInfo } from '../../src/protocol/messages';
import { codicon, h } from '../dom';
import { t } from '../l10n';

export class ErrorBanner {
  readonly element: HTMLDivElement;

  constructor() {
    this.element = h('div', 'error-banner');
    this.element.setAttribute('role', 'alert');
    this.element.dataset.testid = 'query-error';
    this.element.hidden = true;
  }

  show(error: QueryErrorInfo): void {
    const body = h('div', 'error-body');
    body.append(h('div', 'error-message', error.message));
    if (error.nextStep) body.append(h('div', 'error-next', error.nextStep));
    const meta = [error.code, error.slsRequestId ? t('request {0}', error.slsRequestId) : undefined].filter(Boolean).join(' · ');
    if (meta) body.append(h('div', 'error-meta', meta));
    this.element.replaceChildren(codicon('error'), body);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
