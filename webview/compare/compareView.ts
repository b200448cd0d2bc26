/**
 * The before/after page: the form (compare by, range, earlier range), a status line that screen
 * readers hear, and the table of deltas — sortable by any column from its header button, rows
 * reachable with Tab and the arrow keys, Enter or a click opening the row's records.
 */
import type { CompareBoot, CompareForm, CompareHostMessage, CompareResultView, CompareRowView, CompareWebviewMessage } from '../../src/protocol/compareMessages';
import { sortEntries, type CompareSortColumn, type SortDirection } from '../../src/query/compare';
import { codicon, h } from '../dom';
import { formatBytes } from '../grid/valueFormat';
import { displayFormat, t } from '../l10n';

export interface ComparePort {
  post(message: CompareWebviewMessage): void;
  saveForm(form: CompareForm): void;
}

/** The page's sentences, in one place, in the display language (read when used, after the page's l10n is configured). */
const TEXT = {
  heading: (title: string) => t('Before / after: {0}', title),
  get compareBy() { return t('Compare by'); },
  get range() { return t('Range'); },
  get with() { return t('Compared with'); },
  get picked() { return t('Earlier range'); },
  get pickedHint() { return t('e.g. 2024-05-01T10:00Z to 2024-05-01T11:00Z'); },
  get compare() { return t('Compare'); },
  get cancel() { return t('Cancel'); },
  running: (current: string, earlier: string) => t('Comparing {0} with {1}…', current, earlier),
  get cancelled() { return t('Compare cancelled.'); },
  get earlier() { return t('Earlier'); },
  get current() { return t('Current'); },
  get difference() { return t('Difference'); },
  get ratio() { return t('Ratio'); },
  get change() { return t('Change'); },
  get new() { return t('new'); },
  get vanished() { return t('vanished'); },
  get empty() { return t('Neither range has any records for this flow log.'); },
  get truncated() { return t('One answer reached the row limit: entries beyond it may show as new or vanished.'); },
  incomplete: (names: string) => t('Log Service answered Incomplete for {0}; totals may be low.', names),
  summary: (rows: number, added: number, gone: number, before: string, after: string, diff: string, ratio: string) => {
    const f = displayFormat();
    return t('{0} entries · {1} new · {2} vanished · total {3} → {4} ({5}, {6})', f.count(rows), f.count(added), f.count(gone), before, after, diff, ratio);
  },
  ranges: (current: string, earlier: string) => t('Current: {0}. Earlier: {1}.', current, earlier),
  get openHint() { return t('Enter or click opens the records of a row.'); },
  notAvailable: (label: string) => t('{0} (not available)', label),
  exactBytes: (n: number) => t('{0} bytes', displayFormat().count(n)),
};

const COLUMNS: readonly { readonly id: CompareSortColumn; readonly label: (key: string) => string; readonly numeric: boolean }[] = [
  { id: 'key', label: (key) => key, numeric: false },
  { id: 'earlier', label: () => TEXT.earlier, numeric: true },
  { id: 'current', label: () => TEXT.current, numeric: true },
  { id: 'difference', label: () => TEXT.difference, numeric: true },
  { id: 'ratio', label: () => TEXT.ratio, numeric: true },
];

export function signedBytes(n: number): string {
  return n > 0 ? `+${formatBytes(n)}` : n < 0 ? `−${formatBytes(-n)}` : formatBytes(0);
}

export function ratioText(ratio: number | null): string {
  if (ratio === null) return '—';
  // Whole ratios stay ungrouped ("×1234"): a factor, read at a glance, the same in every language.
  return `×${ratio >= 100 ? String(Math.round(ratio)) : displayFormat().decimal(ratio, 2, true)}`;
}

export class CompareView {
  private form: CompareForm;
  private requestId = 0;
  private running: number | undefined;
  private result: CompareResultView | undefined;
  private sort: { column: CompareSortColumn; direction: SortDirection } = { column: 'difference', direction: 'descending' };
  private readonly dimension: HTMLSelectElement;
  private readonly range: HTMLSelectElement;
  private readonly earlier: HTMLSelectElement;
  private readonly picked: HTMLInputElement;
  private readonly pickedRow: HTMLElement;
  private readonly pickedError: HTMLElement;
  private readonly compareButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly table: HTMLTableElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly boot: CompareBoot,
    private readonly port: ComparePort,
    saved: CompareForm | undefined,
  ) {
    this.form = saved ?? boot.form;
    root.replaceChildren();
    root.append(h('h1', 'compare-heading', TEXT.heading(boot.title)));
    const form = h('form', 'compare-form');
    form.setAttribute('aria-label', TEXT.heading(boot.title));
    this.dimension = this.select(form, TEXT.compareBy, 'compare-dimension', boot.dimensions.map((d) => ({ value: d.id, label: d.label, disabled: d.unavailable })));
    this.range = this.select(form, TEXT.range, 'compare-range', boot.ranges.map((r) => ({ value: r.id, label: r.label })));
    this.earlier = this.select(form, TEXT.with, 'compare-earlier', boot.earlierChoices.map((c) => ({ value: c.kind, label: c.label })));
    this.pickedRow = h('div', 'compare-field compare-picked');
    const pickedLabel = h('label', '', TEXT.picked);
    this.picked = h('input');
    this.picked.id = 'compare-picked';
    this.picked.dataset.testid = 'compare-picked';
    this.picked.placeholder = TEXT.pickedHint;
    this.picked.spellcheck = false;
    pickedLabel.htmlFor = this.picked.id;
    this.pickedError = h('div', 'compare-field-error');
    this.pickedError.id = 'compare-picked-error';
    this.pickedError.dataset.testid = 'compare-picked-error';
    this.picked.setAttribute('aria-describedby', this.pickedError.id);
    this.pickedRow.append(pickedLabel, this.picked, this.pickedError);
    form.append(this.pickedRow);
    this.compareButton = this.button(form, TEXT.compare, 'diff', 'compare-run', 'submit');
    this.cancelButton = this.button(form, TEXT.cancel, 'close', 'compare-cancel', 'button');
    this.cancelButton.hidden = true;
    this.cancelButton.addEventListener('click', () => this.cancel());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.running !== undefined) this.cancel();
    });
    for (const control of [this.dimension, this.range, this.earlier, this.picked]) control.addEventListener('change', () => this.formChanged());
    this.picked.addEventListener('input', () => this.formChanged());
    root.append(form);
    this.status = h('div', 'compare-status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.status.dataset.testid = 'compare-status';
    this.notes = h('div', 'compare-notes');
    this.table = h('table', 'compare-table');
    this.table.dataset.testid = 'compare-table';
    this.table.hidden = true;
    root.append(this.status, this.notes, this.table);
    this.applyForm();
  }

  private select(parent: HTMLElement, label: string, testid: string, options: readonly { value: string; label: string; disabled?: string }[]): HTMLSelectElement {
    const field = h('div', 'compare-field');
    const l = h('label', '', label);
    const s = h('select');
    s.id = testid;
    s.dataset.testid = testid;
    l.htmlFor = s.id;
    for (const o of options) {
      const option = h('option', '', o.disabled ? TEXT.notAvailable(o.label) : o.label);
      option.value = o.value;
      if (o.disabled) {
        option.disabled = true;
        option.title = o.disabled;
      }
      s.append(option);
    }
    field.append(l, s);
    parent.append(field);
    return s;
  }

  private button(parent: HTMLElement, label: string, icon: string, testid: string, type: 'submit' | 'button'): HTMLButtonElement {
    const b = h('button', 'compare-button');
    b.type = type;
    b.dataset.testid = testid;
    b.append(codicon(icon), document.createTextNode(` ${label}`));
    parent.append(b);
    return b;
  }

  private applyForm(): void {
    this.dimension.value = this.form.dimension;
    this.range.value = this.boot.ranges.some((r) => r.id === this.form.rangeId) ? this.form.rangeId : this.boot.form.rangeId;
    this.earlier.value = this.form.earlier;
    this.picked.value = this.form.pickedText;
    this.pickedRow.hidden = this.form.earlier !== 'picked';
  }

  private readForm(): CompareForm {
    return {
      dimension: this.dimension.value as CompareForm['dimension'],
      rangeId: this.range.value,
      earlier: this.earlier.value as CompareForm['earlier'],
      pickedText: this.picked.value,
    };
  }

  private formChanged(): void {
    this.form = this.readForm();
    this.pickedRow.hidden = this.form.earlier !== 'picked';
    this.setPickedError(undefined);
    this.port.saveForm(this.form);
    this.port.post({ type: 'formChanged', form: this.form });
  }

  private setPickedError(message: string | undefined): void {
    this.pickedError.textContent = message ?? '';
    if (message) this.picked.setAttribute('aria-invalid', 'true');
    else this.picked.removeAttribute('aria-invalid');
  }

  run(): void {
    this.form = this.readForm();
    this.requestId++;
    this.running = this.requestId;
    this.setPickedError(undefined);
    this.setBusy(true);
    this.port.post({ type: 'compare', requestId: this.requestId, form: this.form });
  }

  private cancel(): void {
    if (this.running !== undefined) this.port.post({ type: 'cancel', requestId: this.running });
  }

  private setBusy(busy: boolean): void {
    this.compareButton.disabled = busy;
    this.cancelButton.hidden = !busy;
    this.root.setAttribute('aria-busy', String(busy));
  }

  receive(message: CompareHostMessage): void {
    if (message.requestId !== this.running) return;
    switch (message.type) {
      case 'running':
        this.status.textContent = TEXT.running(message.current, message.earlier);
        return;
      case 'result':
        this.running = undefined;
        this.setBusy(false);
        this.result = message.result;
        this.sort = { column: 'difference', direction: 'descending' };
        this.showResult();
        return;
      case 'failed':
        this.running = undefined;
        this.setBusy(false);
        this.status.textContent = message.message;
        this.status.classList.add('compare-error');
        if (message.field === 'picked') {
          this.setPickedError(message.message);
          this.picked.focus();
        }
        return;
      case 'cancelled':
        this.running = undefined;
        this.setBusy(false);
        this.status.textContent = TEXT.cancelled;
        return;
    }
  }

  private showResult(): void {
    const r = this.result;
    if (!r) return;
    this.status.classList.remove('compare-error');
    const t = r.totals;
    this.status.textContent =
      r.rows.length === 0
        ? TEXT.empty
        : TEXT.summary(r.rows.length, t.newCount, t.vanishedCount, formatBytes(t.earlierBytes), formatBytes(t.currentBytes), signedBytes(t.difference), ratioText(t.ratio));
    const notes = [TEXT.ranges(r.current.label, r.earlier.label), TEXT.openHint];
    if (r.truncated) notes.push(TEXT.truncated);
    if (r.incomplete.length > 0) notes.push(TEXT.incomplete(r.incomplete.join(', ')));
    if (r.counting) notes.push(r.counting);
    this.notes.replaceChildren(...notes.map((n) => h('p', '', n)));
    this.renderTable(r);
  }

  private renderTable(r: CompareResultView): void {
    this.table.hidden = r.rows.length === 0;
    const head = h('thead');
    const headRow = h('tr');
    for (const c of COLUMNS) {
      const th = h('th', c.numeric ? 'numeric' : '');
      th.scope = 'col';
      const active = this.sort.column === c.id;
      th.setAttribute('aria-sort', active ? this.sort.direction : 'none');
      const b = h('button', 'compare-sort');
      b.type = 'button';
      b.dataset.testid = `compare-sort-${c.id}`;
      b.append(document.createTextNode(c.label(r.keyHeading)));
      if (active) b.append(codicon(this.sort.direction === 'ascending' ? 'arrow-up' : 'arrow-down'));
      b.addEventListener('click', () => {
        this.sort = active ? { column: c.id, direction: this.sort.direction === 'ascending' ? 'descending' : 'ascending' } : { column: c.id, direction: c.numeric ? 'descending' : 'ascending' };
        this.renderTable(r);
        (this.table.querySelector(`[data-testid=compare-sort-${c.id}]`) as HTMLElement | null)?.focus();
      });
      th.append(b);
      headRow.append(th);
    }
    const change = h('th', '', TEXT.change);
    change.scope = 'col';
    headRow.append(change);
    head.append(headRow);
    const body = h('tbody');
    for (const row of sortEntries(r.rows, this.sort.column, this.sort.direction)) body.append(this.rowElement(row));
    this.table.replaceChildren(head, body);
  }

  private rowElement(row: CompareRowView): HTMLTableRowElement {
    const tr = h('tr', `compare-row status-${row.status}`);
    tr.tabIndex = 0;
    tr.dataset.testid = 'compare-row';
    tr.dataset.key = row.label;
    tr.dataset.status = row.status;
    const cells = [row.label, formatBytes(row.earlierBytes), formatBytes(row.currentBytes), signedBytes(row.difference), ratioText(row.ratio)];
    cells.forEach((text, i) => {
      const td = h(i === 0 ? 'th' : 'td', i === 0 ? 'key' : 'numeric', text);
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      if (i === 1) td.title = TEXT.exactBytes(row.earlierBytes);
      if (i === 2) td.title = TEXT.exactBytes(row.currentBytes);
      td.dataset.column = COLUMNS[i].id;
      tr.append(td);
    });
    const status = h('td', 'status');
    status.dataset.column = 'change';
    if (row.status === 'new') status.append(codicon('diff-added'), document.createTextNode(` ${TEXT.new}`));
    else if (row.status === 'vanished') status.append(codicon('diff-removed'), document.createTextNode(` ${TEXT.vanished}`));
    else status.append(codicon(row.difference > 0 ? 'arrow-up' : row.difference < 0 ? 'arrow-down' : 'dash'));
    tr.append(status);
    const open = (): void => this.port.post({ type: 'openRecords', side: row.status === 'vanished' ? 'earlier' : 'current', key: row.key });
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
        next?.focus();
      }
    });
    return tr;
  }

  /** Runs at start when the command asked for it. */
  start(): void {
    if (this.boot.run) this.run();
  }
}
