/**
 * The field facets: a collapsible side list of the target's fields. Expanding one asks the host
 * for its top values over the whole range of the last run (an SQL aggregation on Log Service, not
 * the loaded rows), with count and bytes, and min / max / percentiles for numeric fields. Each
 * value has + (filter for it) and − (filter it out). Native buttons: keyboard and screen-reader
 * friendly without extra wiring.
 */
import type { FieldInfo, HostMessage } from '../../src/protocol/messages';
import type { FilterMode } from '../../src/query/searchFilter';
import { codicon, h } from '../dom';
import { formatBytes, formatCount, presentCell } from '../grid/valueFormat';
import { displayFormat, t } from '../l10n';

/** What the facets describe: the last run's query and resolved range. */
export interface FacetScope {
  readonly query: string;
  readonly from: number;
  readonly to: number;
}

export interface FacetListEvents {
  /** Ask the host for `field`'s facet over `scope`. */
  onRequest(requestId: string, field: string, scope: FacetScope): void;
  onFilter(field: string, value: string, mode: FilterMode, numeric: boolean): void;
}

type FacetResult = Extract<HostMessage, { type: 'facetResult' }>;
type FacetError = Extract<HostMessage, { type: 'facetError' }>;

interface FieldEntry {
  readonly info: FieldInfo;
  readonly item: HTMLLIElement;
  readonly toggle: HTMLButtonElement;
  readonly body: HTMLElement;
  expanded: boolean;
  requestId?: string;
}

// Getters, not values: the bundle is configured after the modules load.
const TEXT = {
  get heading() { return t('Fields'); },
  get hide() { return t('Hide the field list'); },
  get show() { return t('Show the field list'); },
  get noRun() { return t('Run a query to see this field\u2019s values over the whole time range.'); },
  get loading() { return t('Counting over the whole time range\u2026'); },
  get none() { return t('No records in the time range match the query.'); },
  get noValue() { return t('(no value)'); },
  get scopeNote() { return t('Top values over the whole time range, not only the loaded rows.'); },
  include: (f: string, v: string) => t('Filter for {0} {1}', f, v),
  exclude: (f: string, v: string) => t('Filter out {0} {1}', f, v),
  failed: (m: string) => t('Could not count this field: {0}', m),
};

export class FacetList {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly collapseButton: HTMLButtonElement;
  private entries: FieldEntry[] = [];
  private scope: FacetScope | undefined;
  private seq = 0;

  constructor(private readonly events: FacetListEvents) {
    this.element = h('aside', 'facets');
    this.element.dataset.testid = 'facets';
    this.element.setAttribute('aria-labelledby', 'facets-heading');
    const head = h('div', 'facets-head');
    const title = h('h2', 'facets-title', TEXT.heading);
    title.id = 'facets-heading';
    this.collapseButton = h('button', 'facets-collapse');
    this.collapseButton.type = 'button';
    this.collapseButton.dataset.testid = 'facets-collapse';
    this.collapseButton.addEventListener('click', () => this.setCollapsed(!this.collapsed));
    head.append(title, this.collapseButton);
    this.list = h('ul', 'facets-list');
    this.list.id = 'facets-list';
    this.collapseButton.setAttribute('aria-controls', this.list.id);
    this.element.append(head, this.list);
    this.setCollapsed(false);
  }

  get collapsed(): boolean {
    return this.element.classList.contains('collapsed');
  }

  setCollapsed(collapsed: boolean): void {
    this.element.classList.toggle('collapsed', collapsed);
    this.list.hidden = collapsed;
    this.collapseButton.setAttribute('aria-expanded', String(!collapsed));
    this.collapseButton.setAttribute('aria-label', collapsed ? TEXT.show : TEXT.hide);
    this.collapseButton.title = collapsed ? TEXT.show : TEXT.hide;
    this.collapseButton.replaceChildren(codicon(collapsed ? 'chevron-right' : 'chevron-left'));
  }

  /** The target's fields (from init); expanded ones stay expanded when they still exist. */
  setFields(fields: readonly FieldInfo[]): void {
    const open = new Set(this.entries.filter((e) => e.expanded).map((e) => e.info.name));
    this.entries = fields.map((info, i) => this.entry(info, i));
    this.list.replaceChildren(...this.entries.map((e) => e.item));
    this.element.hidden = fields.length === 0;
    for (const e of this.entries) if (open.has(e.info.name)) this.expand(e, true);
  }

  /** A run started: expanded facets are counted again for its query and range. */
  setScope(scope: FacetScope | undefined): void {
    this.scope = scope;
    for (const e of this.entries) if (e.expanded) this.load(e);
  }

  receive(m: FacetResult | FacetError): void {
    const e = this.entries.find((x) => x.requestId === m.requestId);
    if (!e || !e.expanded) return;
    e.requestId = undefined;
    e.body.removeAttribute('aria-busy');
    if (m.type === 'facetError') {
      e.body.replaceChildren(h('p', 'facet-error', TEXT.failed(m.message)));
      return;
    }
    this.showResult(e, m);
  }

  private entry(info: FieldInfo, index: number): FieldEntry {
    const item = h('li', 'facet');
    item.dataset.field = info.name;
    const toggle = h('button', 'facet-toggle');
    toggle.type = 'button';
    toggle.dataset.testid = `facet-${info.name}`;
    const body = h('div', 'facet-body');
    body.id = `facet-body-${index}`;
    body.hidden = true;
    toggle.setAttribute('aria-controls', body.id);
    toggle.setAttribute('aria-expanded', 'false');
    if (info.description) toggle.title = info.description;
    toggle.append(codicon('chevron-right'), h('span', 'facet-name', info.name), h('span', 'facet-type', info.type));
    item.append(toggle, body);
    const entry: FieldEntry = { info, item, toggle, body, expanded: false };
    toggle.addEventListener('click', () => this.expand(entry, !entry.expanded));
    return entry;
  }

  private expand(e: FieldEntry, expanded: boolean): void {
    e.expanded = expanded;
    e.toggle.setAttribute('aria-expanded', String(expanded));
    e.toggle.firstElementChild?.replaceWith(codicon(expanded ? 'chevron-down' : 'chevron-right'));
    e.body.hidden = !expanded;
    if (expanded) this.load(e);
    else e.requestId = undefined;
  }

  private load(e: FieldEntry): void {
    if (!this.scope) {
      e.requestId = undefined;
      e.body.replaceChildren(h('p', 'facet-note', TEXT.noRun));
      return;
    }
    const requestId = `f${++this.seq}`;
    e.requestId = requestId;
    e.body.setAttribute('aria-busy', 'true');
    const loading = h('p', 'facet-note');
    loading.append(codicon('loading'), document.createTextNode(` ${TEXT.loading}`));
    loading.firstElementChild?.classList.add('codicon-modifier-spin');
    e.body.replaceChildren(loading);
    this.events.onRequest(requestId, e.info.name, this.scope);
  }

  private showResult(e: FieldEntry, m: FacetResult): void {
    const field = e.info.name;
    const numeric = e.info.type === 'long' || e.info.type === 'double';
    const parts: HTMLElement[] = [];
    if (m.stats) {
      const s = m.stats;
      const stat = (label: string, v: number | undefined) => `${label} ${v === undefined ? '—' : displayFormat().decimal(v, 2)}`;
      const line = h('p', 'facet-stats');
      line.dataset.testid = 'facet-stats';
      line.textContent = [stat('min', s.min), stat('max', s.max), ...s.percentiles.map((p) => stat(`p${Math.round(p.p * 100)}`, p.value))].join(' · ');
      parts.push(line);
    }
    if (m.values.length === 0) {
      parts.push(h('p', 'facet-note', TEXT.none));
      e.body.replaceChildren(...parts);
      return;
    }
    const total = m.values.reduce((a, v) => a + v.count, 0);
    const table = h('table', 'facet-values');
    table.setAttribute('aria-label', t('Top values of {0}', field));
    const head = h('tr');
    for (const [text, cls] of [[t('Value'), 'value'], [t('Records'), 'num'], [t('Bytes'), 'num'], [t('Filter'), 'actions']] as const) {
      const th = h('th', cls, text);
      th.scope = 'col';
      head.append(th);
    }
    const thead = h('thead');
    thead.append(head);
    const tbody = h('tbody');
    for (const v of m.values) {
      const tr = h('tr');
      tr.dataset.value = v.value ?? '';
      const valueCell = h('td', 'value');
      if (v.value === undefined) valueCell.append(h('span', 'facet-missing', TEXT.noValue));
      else {
        valueCell.append(h('span', 'raw', v.value));
        const hint = presentCell(field, v.value).hint;
        if (hint) valueCell.append(h('span', 'hint', hint));
      }
      const bar = h('span', 'facet-bar');
      bar.style.width = `${total > 0 ? Math.max(1, Math.round((v.count / total) * 100)) : 0}%`;
      bar.setAttribute('aria-hidden', 'true');
      valueCell.append(bar);
      const actions = h('td', 'actions');
      if (v.value !== undefined) actions.append(this.filterButton(field, v.value, 'include', numeric), this.filterButton(field, v.value, 'exclude', numeric));
      tr.append(valueCell, h('td', 'num', formatCount(v.count)), h('td', 'num', v.bytes === undefined ? '—' : formatBytes(v.bytes)), actions);
      tbody.append(tr);
    }
    table.append(thead, tbody);
    parts.push(table, h('p', 'facet-note', TEXT.scopeNote));
    e.body.replaceChildren(...parts);
  }

  private filterButton(field: string, value: string, mode: FilterMode, numeric: boolean): HTMLButtonElement {
    const b = h('button', 'facet-filter');
    b.type = 'button';
    const label = mode === 'include' ? TEXT.include(field, value) : TEXT.exclude(field, value);
    b.setAttribute('aria-label', label);
    b.title = label;
    b.dataset.testid = mode === 'include' ? 'facet-include' : 'facet-exclude';
    b.append(codicon(mode === 'include' ? 'add' : 'remove'));
    b.addEventListener('click', () => this.events.onFilter(field, value, mode, numeric));
    return b;
  }
}
