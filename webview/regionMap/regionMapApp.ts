/**
 * The region map page: range, bytes/packets and "via attachment" controls, progress with Cancel,
 * which flow logs answered (and which cannot: their format lacks the region fields), the cost lens,
 * coverage flags with "create the missing side", the heat-map matrix and the Sankey diagram.
 * Talks to the host only through the typed protocol (src/protocol/regionMapMessages.ts).
 */
import type { RegionMapHostMessage, RegionMapPersistedState, RegionMapResult, RegionMapScope, RegionMapWebviewMessage, TimeRangeSpec } from '../../src/protocol/regionMapMessages';
import { formatCost } from '../../src/flowlogs/cost';
import { codicon, h } from '../dom';
import { displayFormat, t } from '../l10n';
import { buildMatrix, buildSankey, type Metric } from './mapData';
import { renderMatrix } from './matrixView';
import { renderSankey } from './sankeyView';

export interface RegionMapHost {
  post(message: RegionMapWebviewMessage): void;
  onMessage(handler: (message: RegionMapHostMessage) => void): void;
  /** Keeps what the panel needs after Reload Window (the webview's state); absent on the benchmark page. */
  saveState?(state: RegionMapPersistedState): void;
}

/** User-facing text, in one place (in the display language: read when used, after the page's l10n is configured). */
const TEXT = {
  get noPrices() { return t('No prices set: the cost estimate needs your price per GB for each region pair (there is no built-in price list).'); },
  get setPrices() { return t('Set prices…'); },
  get notContributing() { return t('Not counted (its records lack the region fields)'); },
  get failed() { return t('Failed'); },
  get incomplete() { return t('Incomplete answer (sums may be low)'); },
  get coverageTitle() { return t('Coverage of inter-region connections'); },
  get createMissing() { return t('Create flow log…'); },
  get matrixTitle() { return t('Matrix: source region × destination region'); },
  get sankeyTitle() { return t('Flows: source region → destination region'); },
  get loading() { return t('Loading…'); },
  get cancel() { return t('Cancel'); },
  get refresh() { return t('Refresh'); },
  get cancelled() { return t('Cancelled. Refresh to load again.'); },
};

const RANGES: readonly { readonly label: () => string; readonly spec: TimeRangeSpec }[] = [
  { label: () => t('Last hour'), spec: { kind: 'quick', minutes: 60 } },
  { label: () => t('Last 24 hours'), spec: { kind: 'relative', amount: 24, unit: 'hours' } },
  { label: () => t('Last 7 days'), spec: { kind: 'relative', amount: 7, unit: 'days' } },
  { label: () => t('Last 30 days'), spec: { kind: 'relative', amount: 30, unit: 'days' } },
];

function rangeIndex(spec: TimeRangeSpec): number {
  const i = RANGES.findIndex((r) => JSON.stringify(r.spec) === JSON.stringify(spec));
  return i < 0 ? 2 : i;
}

export class RegionMapApp {
  private range: TimeRangeSpec = RANGES[2].spec;
  private metric: Metric = 'bytes';
  private byAttachment = false;
  private scope: RegionMapScope | undefined;
  private result: RegionMapResult | undefined;
  private requestId: string | undefined;
  private seq = 0;
  private readonly title = h('h1', 'map-title');
  private readonly subtitle = h('span', 'map-subtitle');
  private readonly rangeSelect = h('select', 'range-select');
  private readonly metricSelect = h('select', 'metric-select');
  private readonly viaBox = h('input');
  private readonly refreshButton = h('button', 'action-button');
  private readonly status = h('div', 'status-line');
  private readonly notices = h('div', 'notices');
  private readonly body = h('div', 'map-body');

  constructor(
    private readonly root: HTMLElement,
    private readonly host: RegionMapHost,
  ) {
    this.build();
    host.onMessage((m) => this.receive(m));
    host.post({ type: 'ready' });
  }

  private build(): void {
    RANGES.forEach((r, i) => this.rangeSelect.append(option(String(i), r.label())));
    this.rangeSelect.setAttribute('aria-label', t('Time range'));
    this.rangeSelect.dataset.testid = 'map-range';
    this.rangeSelect.addEventListener('change', () => {
      this.range = RANGES[Number(this.rangeSelect.value)]?.spec ?? this.range;
      this.load();
    });
    this.metricSelect.append(option('bytes', t('Bytes')), option('packets', t('Packets')));
    this.metricSelect.setAttribute('aria-label', t('Measure'));
    this.metricSelect.dataset.testid = 'map-metric';
    this.metricSelect.addEventListener('change', () => {
      this.metric = this.metricSelect.value === 'packets' ? 'packets' : 'bytes';
      this.save();
      this.draw();
    });
    this.viaBox.type = 'checkbox';
    this.viaBox.id = 'via-attachment';
    this.viaBox.dataset.testid = 'map-via';
    this.viaBox.addEventListener('change', () => {
      this.byAttachment = this.viaBox.checked;
      this.load();
    });
    const via = h('label', 'via-label');
    via.htmlFor = 'via-attachment';
    via.append(this.viaBox, document.createTextNode(` ${t('via attachment')}`));
    this.refreshButton.append(codicon('refresh'), document.createTextNode(` ${TEXT.refresh}`));
    this.refreshButton.addEventListener('click', () => this.load());
    const titles = h('div', 'titles');
    titles.append(this.title, this.subtitle);
    const toolbar = h('div', 'toolbar');
    toolbar.append(this.rangeSelect, this.metricSelect, via, this.refreshButton);
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.status.dataset.testid = 'map-status';
    const header = h('header', 'map-header');
    header.append(titles, toolbar, this.status, this.notices);
    this.root.replaceChildren(header, this.body);
    window.addEventListener('resize', () => this.draw());
  }

  /** Public for the benchmark page, which feeds messages without a host. */
  receive(m: RegionMapHostMessage): void {
    switch (m.type) {
      case 'init':
        this.range = m.range;
        this.byAttachment = m.byAttachment;
        this.scope = m.scope;
        if (m.metric) this.metric = m.metric;
        this.rangeSelect.value = String(rangeIndex(m.range));
        this.metricSelect.value = this.metric;
        this.viaBox.checked = m.byAttachment;
        this.title.textContent = t('Region map: {0}', m.scope.title);
        this.subtitle.textContent = m.scope.kind === 'cen' ? t('every flow log of CEN {0}', m.scope.cenId) : t('flow log {0}', m.scope.flowLogId ?? '');
        this.load();
        return;
      case 'loading':
        if (m.requestId !== this.requestId) return;
        this.showLoading(m.message, m.done, m.total);
        return;
      case 'result':
        if (this.requestId !== undefined && m.result.requestId !== this.requestId) return;
        this.requestId = undefined;
        this.result = m.result;
        this.draw();
        return;
      case 'failed':
        if (m.requestId !== this.requestId) return;
        this.requestId = undefined;
        this.setStatus('error', m.message);
        return;
      case 'cancelled':
        if (m.requestId !== this.requestId) return;
        this.requestId = undefined;
        this.setStatus('info', TEXT.cancelled);
        return;
    }
  }

  /** The subject, range and mode, for the serializer after Reload Window. */
  private save(): void {
    const scope = this.scope;
    if (!scope || !this.host.saveState) return;
    this.host.saveState({
      cenId: scope.cenId,
      ...(scope.flowLogId ? { flowLogId: scope.flowLogId } : {}),
      title: scope.title,
      range: this.range,
      byAttachment: this.byAttachment,
      metric: this.metric,
    });
  }

  private load(): void {
    this.save();
    const requestId = `map-${++this.seq}`;
    this.requestId = requestId;
    this.showLoading(TEXT.loading, 0, 0);
    this.host.post({ type: 'load', requestId, range: this.range, byAttachment: this.byAttachment });
  }

  private showLoading(message: string, done: number, total: number): void {
    const requestId = this.requestId;
    const bar = h('progress', 'map-progress');
    if (total > 0) {
      bar.max = total;
      bar.value = done;
    }
    bar.setAttribute('aria-label', message);
    const cancel = h('button', 'action-button secondary');
    cancel.append(codicon('close'), document.createTextNode(` ${TEXT.cancel}`));
    cancel.dataset.testid = 'map-cancel';
    cancel.addEventListener('click', () => {
      if (requestId) this.host.post({ type: 'cancel', requestId });
    });
    this.status.replaceChildren(codicon('loading'), document.createTextNode(` ${message} `), bar, cancel);
    this.status.className = 'status-line loading';
  }

  private setStatus(kind: 'info' | 'error', text: string): void {
    this.status.replaceChildren(codicon(kind === 'error' ? 'error' : 'info'), document.createTextNode(` ${text}`));
    this.status.className = `status-line ${kind}`;
  }

  private draw(): void {
    const r = this.result;
    if (!r) return;
    const answered = r.sources.filter((s) => s.state === 'ok').length;
    const f = displayFormat();
    this.setStatus(
      'info',
      r.sources.length === 1
        ? t('{0} · {1} of {2} flow log answered', r.rangeLabel, f.count(answered), f.count(r.sources.length))
        : t('{0} · {1} of {2} flow logs answered', r.rangeLabel, f.count(answered), f.count(r.sources.length)),
    );
    this.notices.replaceChildren(...this.sourceNotices(r), ...this.countNotices(r), ...this.costNotices(r));
    const matrix = buildMatrix(r.traffic, this.metric);
    const notLogged = new Map(r.coverage.filter((c) => c.state === 'notLogged').map((c) => [`${c.from}>${c.to}`, c.sentence]));
    const costByPair = new Map<string, string>();
    for (const p of r.cost.estimate?.pairs ?? []) if (p.cost !== undefined) costByPair.set(`${p.src}>${p.dst}`, t('≈ {0}', costText(p.cost, r.cost.currency)));
    const open = (src: string, dst: string, attachmentId?: string): void => this.host.post({ type: 'openPair', src, dst, ...(attachmentId !== undefined ? { attachmentId } : {}) });
    const matrixSection = section(TEXT.matrixTitle, renderMatrix(matrix, this.metric, { cost: costByPair, notLogged }, { onOpen: (c) => open(c.src, c.dst) }));
    const width = Math.max(420, (this.body.clientWidth || this.root.clientWidth || 900) - 24);
    const graph = buildSankey(r.traffic, this.metric, r.byAttachment, r.attachmentNames);
    const sankeySection = section(TEXT.sankeyTitle, renderSankey(graph, this.metric, width, { onOpen: (l) => open(l.src, l.dst, l.attachmentId === '-' ? undefined : l.attachmentId) }));
    this.body.replaceChildren(this.coverageSection(r), matrixSection, sankeySection);
  }

  private sourceNotices(r: RegionMapResult): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const s of r.sources) {
      if (s.state === 'ok' && !s.incomplete) continue;
      const kind = s.state === 'failed' ? 'error' : 'warning';
      const what = s.state === 'notContributing' ? TEXT.notContributing : s.state === 'failed' ? TEXT.failed : TEXT.incomplete;
      const p = h('p', `notice ${kind}`);
      p.dataset.testid = `source-${s.state}`;
      p.append(codicon(kind === 'error' ? 'error' : 'warning'), document.createTextNode(` ${s.reason ? t('{0} ({1}): {2} — {3}.', s.name, s.regionId, what, s.reason) : t('{0} ({1}): {2}.', s.name, s.regionId, what)}`));
      out.push(p);
    }
    return out;
  }

  /** Where a pair's total was counted from, when several flow logs captured it or only local connections did (the host's sentence). */
  private countNotices(r: RegionMapResult): HTMLElement[] {
    return (r.countNotes ?? []).map((o) => {
      const p = h('p', 'notice info');
      p.dataset.testid = 'count-note';
      p.dataset.pair = `${o.src}>${o.dst}`;
      p.append(codicon('info'), document.createTextNode(` ${o.sentence}`));
      return p;
    });
  }

  private costNotices(r: RegionMapResult): HTMLElement[] {
    const p = h('p', 'notice cost');
    p.dataset.testid = 'map-cost';
    if (!r.cost.configured) {
      // A button that looks like a link: it opens the setting in VS Code, it navigates nowhere.
      const link = h('button', 'setting-link', TEXT.setPrices);
      link.dataset.testid = 'open-price-setting';
      link.addEventListener('click', () => this.host.post({ type: 'openPriceSetting' }));
      p.append(codicon('info'), document.createTextNode(` ${TEXT.noPrices} `), link);
    } else {
      const est = r.cost.estimate;
      const total = est ? costText(est.total, r.cost.currency) : '';
      const unpriced = !est || est.unpriced === 0 ? undefined : est.unpriced === 1 ? t('1 pair without a price left out') : t('{0} pairs without a price left out', displayFormat().count(est.unpriced));
      const sentence = unpriced
        ? t('Estimated transfer cost for the range: {0} ({1}). Estimate from captured bytes, not a bill.', total, unpriced)
        : t('Estimated transfer cost for the range: {0}. Estimate from captured bytes, not a bill.', total);
      p.append(codicon('credit-card'), document.createTextNode(` ${sentence}`));
    }
    const problems = r.cost.problems.map((m) => {
      const q = h('p', 'notice warning');
      q.append(codicon('warning'), document.createTextNode(` ${t('Price setting: {0}', m)}`));
      return q;
    });
    return [p, ...problems];
  }

  private coverageSection(r: RegionMapResult): HTMLElement {
    const list = h('ul', 'coverage-list');
    list.dataset.testid = 'coverage-list';
    if (r.coverageError) list.append(item('error', t('Coverage could not be checked: {0}', r.coverageError)));
    if (r.coverage.length === 0 && !r.coverageError) list.append(item('info', t('This CEN has no inter-region connection.')));
    for (const c of r.coverage) {
      const li = item(c.state === 'logged' ? 'pass' : c.state === 'notLogged' ? 'warning' : 'circle-slash', c.sentence);
      li.dataset.testid = `coverage-${c.from}>${c.to}`;
      li.dataset.state = c.state;
      if (c.canCreate) {
        const b = h('button', 'action-button secondary');
        b.append(codicon('add'), document.createTextNode(` ${TEXT.createMissing}`));
        // The visible text starts the accessible name (WCAG 2.5.3, label in name), then says which direction.
        b.setAttribute('aria-label', t('Create flow log… for {0} → {1}', c.from, c.to));
        b.dataset.testid = `create-${c.from}>${c.to}`;
        b.addEventListener('click', () => this.host.post({ type: 'createMissing', from: c.from, to: c.to }));
        li.append(document.createTextNode(' '), b);
      }
      list.append(li);
    }
    return section(TEXT.coverageTitle, list);
  }
}

/** A cost in the display language's number form. */
function costText(amount: number, currency: string): string {
  return formatCost(amount, currency, displayFormat().locale);
}

function option(value: string, text: string): HTMLOptionElement {
  const o = h('option', '', text);
  o.value = value;
  return o;
}

function item(icon: string, text: string): HTMLLIElement {
  const li = h('li', `coverage-item ${icon}`);
  li.append(codicon(icon), document.createTextNode(` ${text}`));
  return li;
}

function section(title: string, content: HTMLElement): HTMLElement {
  const s = h('section', 'map-section');
  s.append(h('h2', 'section-title', title), content);
  return s;
}
