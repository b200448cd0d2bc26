/**
 * The chart's own controls: x axis, y series, split-by column, stacked, log scale, copy as an
 * image and save as a PNG file. Option values are column positions ('c3'), 'auto' and 'none', so any column name works.
 * The choice is a ChartAxes by column name: it outlives one result and persists with the query.
 */
import type { ChartAxes } from '../../src/protocol/messages';
import { button, h, optionElement, selectElement } from '../dom';
import { columnRoles } from './chartChoice';
import { t } from '../l10n';

type Row = readonly string[];
type Select = HTMLElement & { value: string };

// Getters, not values: the bundle is configured after the modules load.
const TEXT = {
  get x() { return t('X axis'); },
  get y() { return t('Y series'); },
  get split() { return t('Split by'); },
  get auto() { return t('Automatic'); },
  get allNumbers() { return t('All number columns'); },
  get none() { return t('None'); },
  get stacked() { return t('Stacked'); },
  get log() { return t('Log scale'); },
  get copy() { return t('Copy chart as image'); },
  get save() { return t('Save chart as PNG…'); },
};

export class ChartAxesBar {
  readonly element: HTMLElement;
  private readonly x: Select;
  private readonly y: Select;
  private readonly split: Select;
  private readonly stacked: HTMLInputElement;
  private readonly log: HTMLInputElement;
  private columns: readonly string[] = [];
  private current: ChartAxes;

  constructor(axes: ChartAxes | undefined, private readonly onChange: (axes: ChartAxes) => void, onCopy: () => void, onSave: () => void) {
    this.current = axes ?? {};
    this.element = h('div', 'chart-axes');
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', t('Chart axes'));
    this.x = selectElement(TEXT.x, 'chart-x');
    this.y = selectElement(TEXT.y, 'chart-y');
    this.split = selectElement(TEXT.split, 'chart-split');
    for (const s of [this.x, this.y, this.split]) s.addEventListener('change', () => this.changed());
    this.stacked = checkbox(TEXT.stacked, 'chart-stacked', () => this.changed());
    this.log = checkbox(TEXT.log, 'chart-log', () => this.changed());
    const copy = button({ label: TEXT.copy, icon: 'file-media', secondary: true, iconOnly: true, testid: 'chart-copy' }, onCopy);
    const save = button({ label: TEXT.save, icon: 'save', secondary: true, iconOnly: true, testid: 'chart-save' }, onSave);
    this.element.append(labelled(TEXT.x, this.x), labelled(TEXT.y, this.y), labelled(TEXT.split, this.split), this.stacked.parentElement ?? this.stacked, this.log.parentElement ?? this.log, copy, save);
    this.fill();
  }

  get axes(): ChartAxes {
    return this.current;
  }

  setAxes(axes: ChartAxes | undefined): void {
    this.current = axes ?? {};
    this.fill();
  }

  /** A new SQL result: its columns become the choices; the axes chosen by name stay. */
  setResult(columns: readonly string[], sample: readonly Row[]): void {
    this.columns = [...columns];
    const roles = columnRoles(columns, sample);
    const opts = (list: readonly number[]) => list.map((i) => optionElement(`c${i}`, columns[i]));
    const all = columns.map((_, i) => i);
    this.x.replaceChildren(optionElement('auto', TEXT.auto), ...opts(all));
    this.y.replaceChildren(optionElement('auto', TEXT.allNumbers), ...opts(all.filter((i) => roles[i] === 'number')));
    this.split.replaceChildren(optionElement('auto', TEXT.auto), optionElement('none', TEXT.none), ...opts(all.filter((i) => roles[i] !== 'number')));
    this.fill();
  }

  private fill(): void {
    const value = (name: string | undefined) => {
      const i = name === undefined ? -1 : this.columns.indexOf(name);
      return i >= 0 ? `c${i}` : 'auto';
    };
    this.x.value = value(this.current.x);
    this.y.value = value(this.current.y);
    this.split.value = this.current.split === '' ? 'none' : value(this.current.split);
    this.stacked.checked = this.current.stacked === true;
    this.log.checked = this.current.log === true;
  }

  private changed(): void {
    const name = (v: string) => (v.startsWith('c') ? this.columns[Number(v.slice(1))] : undefined);
    const x = name(this.x.value);
    const y = name(this.y.value);
    const split = this.split.value === 'none' ? '' : name(this.split.value);
    this.current = {
      ...(x !== undefined ? { x } : {}),
      ...(y !== undefined ? { y } : {}),
      ...(split !== undefined ? { split } : {}),
      ...(this.stacked.checked ? { stacked: true } : {}),
      ...(this.log.checked ? { log: true } : {}),
    };
    this.onChange(this.current);
  }
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  const wrap = h('span', 'chart-axis');
  wrap.append(h('span', 'label', text), control);
  return wrap;
}

function checkbox(text: string, testid: string, onChange: () => void): HTMLInputElement {
  const label = h('label', 'chart-check');
  const box = h('input');
  box.type = 'checkbox';
  box.dataset.testid = testid;
  box.addEventListener('change', onChange);
  label.append(box, document.createTextNode(` ${text}`));
  return box;
}
