/**
 * The record detail pane: every field of the active row with its human-readable hint (protocol
 * name, bytes in units, region name, times in local time and UTC), copy as JSON, and one-click
 * follow-ups (this source, this destination, this 5-tuple over time, this region pair).
 */
import { followUps, recordJson, type FollowUp } from '../../src/query/recordFollowUps';
import { button, h } from '../dom';
import { columnKind, presentCell } from '../grid/valueFormat';
import { t } from '../l10n';

export interface RecordDetailEvents {
  onFollowUp(query: string, label: string): void;
  /** `copied`: the sentence saying what was copied. */
  onCopy(text: string, copied: string): void;
  onClose(): void;
}

export class RecordDetail {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private record: Record<string, string> | undefined;

  constructor(private readonly events: RecordDetailEvents) {
    this.element = h('section', 'record-detail');
    this.element.dataset.testid = 'record-detail';
    this.element.setAttribute('aria-label', t('Record details'));
    this.element.hidden = true;
    const head = h('div', 'record-detail-head');
    const title = h('h2', 'record-detail-title', t('Record details'));
    const copy = button({ label: t('Copy as JSON'), icon: 'json', secondary: true, testid: 'detail-copy-json' }, () => {
      if (this.record) this.events.onCopy(recordJson(this.record), t('Copied the record as JSON.'));
    });
    const close = button({ label: t('Close record details'), icon: 'close', secondary: true, iconOnly: true, testid: 'detail-close' }, () => this.events.onClose());
    head.append(title, h('div', 'spacer'), copy, close);
    this.body = h('div', 'record-detail-body');
    this.element.append(head, this.body);
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  /** Shows `record` (undefined: says there is no row to show). `windowSeconds`: the flow log's capture window. */
  show(record: Record<string, string> | undefined, windowSeconds: number): void {
    this.element.hidden = false;
    this.record = record;
    if (!record) {
      this.body.replaceChildren(h('p', 'record-detail-empty', t('Select a row in the results to see all of its fields.')));
      return;
    }
    const list = h('dl', 'record-fields');
    for (const [field, value] of Object.entries(record)) {
      const dt = h('dt', '', field);
      const dd = h('dd');
      dd.append(h('span', 'raw', value === '' ? '—' : value));
      for (const hint of hintsOf(field, value)) dd.append(h('span', 'hint', hint));
      list.append(dt, dd);
    }
    const actions = h('div', 'record-followups');
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', t('Follow-up queries'));
    for (const f of followUps(record, windowSeconds)) actions.append(this.followUpButton(f));
    this.body.replaceChildren(list, actions);
  }

  hide(): void {
    this.element.hidden = true;
  }

  private followUpButton(f: FollowUp): HTMLElement {
    return button({ label: f.label, icon: ICONS[f.kind], secondary: true, title: f.query, testid: `detail-${f.kind}` }, () => this.events.onFollowUp(f.query, f.label));
  }
}

const ICONS: Readonly<Record<FollowUp['kind'], string>> = { source: 'arrow-right', destination: 'arrow-left', fiveTuple: 'graph-line', regionPair: 'globe' };

/** The grid's hint, plus UTC beside local time for time fields. */
function hintsOf(field: string, value: string): string[] {
  const hints: string[] = [];
  const hint = presentCell(field, value).hint;
  if (hint) hints.push(hint);
  if (columnKind(field) === 'time' && /^\d+$/.test(value)) hints.push(t('{0} UTC', new Date(Number(value) * 1000).toISOString().replace('.000Z', 'Z')));
  return hints;
}
