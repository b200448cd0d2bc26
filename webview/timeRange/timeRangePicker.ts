/**
 * The toolbar's time-range control: a dropdown of quick ranges plus "Last N…" (amount + unit) and
 * "Between…" (two datetime inputs). Emits a validated TimeRangeSpec; invalid input is marked on
 * the field with a message instead of being sent.
 */
import { selectElement } from '../dom';
import type { TimeRangeSpec } from '../../src/protocol/messages';
import { absoluteSpec, pickerValue, QUICK_RANGES, relativeSpec, toLocalInput } from './rangeChoices';
import { t } from '../l10n';

type Unit = 'minutes' | 'hours' | 'days';

export class TimeRangePicker {
  readonly element: HTMLDivElement;
  private readonly select: HTMLElement & { value: string };
  private readonly relative: HTMLDivElement;
  private readonly amount: HTMLInputElement;
  private readonly unit: HTMLSelectElement;
  private readonly absolute: HTMLDivElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly error: HTMLSpanElement;
  private spec: TimeRangeSpec;

  constructor(initial: TimeRangeSpec, private readonly onChange: (spec: TimeRangeSpec) => void) {
    this.spec = initial;
    this.element = document.createElement('div');
    this.element.className = 'range-picker';
    this.select = selectElement(t('Time range'), 'range-select');
    this.select.className = 'range-select';
    for (const q of QUICK_RANGES) this.select.append(option(`q:${q.minutes}`, q.label));
    this.select.append(option('relative', t('Last N minutes / hours / days…')), option('absolute', t('Between two times…')));

    this.relative = document.createElement('div');
    this.relative.className = 'range-inputs';
    this.amount = document.createElement('input');
    this.amount.type = 'number';
    this.amount.min = '1';
    this.amount.className = 'input amount';
    this.amount.setAttribute('aria-label', t('Amount'));
    this.unit = document.createElement('select');
    this.unit.className = 'input';
    this.unit.setAttribute('aria-label', t('Unit'));
    for (const [u, text] of [['minutes', t('minutes')], ['hours', t('hours')], ['days', t('days')]] as const) {
      const o = document.createElement('option');
      o.value = u;
      o.textContent = text;
      this.unit.append(o);
    }
    this.relative.append(label(t('Last')), this.amount, this.unit);

    this.absolute = document.createElement('div');
    this.absolute.className = 'range-inputs';
    this.fromInput = dateInput(t('From'));
    this.toInput = dateInput(t('To'));
    this.absolute.append(this.fromInput, label('–'), this.toInput);

    this.error = document.createElement('span');
    this.error.className = 'range-error';
    this.error.setAttribute('role', 'alert');
    this.element.append(this.select, this.relative, this.absolute, this.error);

    this.select.addEventListener('change', () => this.onSelect());
    for (const input of [this.amount, this.unit, this.fromInput, this.toInput]) input.addEventListener('change', () => this.onInputs());
    this.set(initial);
  }

  get value(): TimeRangeSpec {
    return this.spec;
  }

  /** Shows a spec chosen elsewhere (restore, preset, histogram zoom) without emitting. */
  set(spec: TimeRangeSpec): void {
    this.spec = spec;
    const v = pickerValue(spec);
    this.select.value = v;
    this.error.textContent = '';
    switch (spec.kind) {
      case 'quick':
        this.amount.value = String(spec.minutes);
        this.unit.value = 'minutes';
        break;
      case 'relative':
        this.amount.value = String(spec.amount);
        this.unit.value = spec.unit;
        break;
      case 'absolute':
        this.fromInput.value = toLocalInput(spec.from);
        this.toInput.value = toLocalInput(spec.to);
        break;
    }
    this.showInputs(v);
  }

  private showInputs(v: string): void {
    this.relative.hidden = v !== 'relative';
    this.absolute.hidden = v !== 'absolute';
  }

  private onSelect(): void {
    const v = this.select.value;
    this.showInputs(v);
    this.error.textContent = '';
    if (v.startsWith('q:')) this.emit({ kind: 'quick', minutes: Number(v.slice(2)) });
    else if (v === 'relative') {
      if (!this.amount.value) this.amount.value = '30';
      this.onInputs();
      this.amount.focus();
    } else {
      if (!this.fromInput.value || !this.toInput.value) {
        const now = Math.floor(Date.now() / 1000);
        this.fromInput.value = toLocalInput(now - 3600);
        this.toInput.value = toLocalInput(now);
      }
      this.onInputs();
      this.fromInput.focus();
    }
  }

  private onInputs(): void {
    const v = this.select.value;
    const check = v === 'relative' ? relativeSpec(this.amount.value, this.unit.value as Unit) : v === 'absolute' ? absoluteSpec(this.fromInput.value, this.toInput.value) : undefined;
    if (!check) return;
    if (check.ok) {
      this.error.textContent = '';
      this.emit(check.spec);
    } else this.error.textContent = check.message;
  }

  private emit(spec: TimeRangeSpec): void {
    this.spec = spec;
    this.onChange(spec);
  }
}

function option(value: string, text: string): HTMLElement {
  const o = document.createElement('vscode-option');
  o.setAttribute('value', value);
  o.textContent = text;
  return o;
}

function label(text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = 'range-label-text';
  s.textContent = text;
  return s;
}

function dateInput(name: string): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'datetime-local';
  i.className = 'input';
  i.setAttribute('aria-label', name);
  return i;
}
